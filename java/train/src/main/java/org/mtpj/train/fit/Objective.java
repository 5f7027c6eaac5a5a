package org.mtpj.train.fit;

/** A smooth function of n variables with its gradient (what {@link Bfgs} minimises). */
@FunctionalInterface
public interface Objective {
    /** Returns f(x) and, when {@code gradOut} is not null, writes ∇f(x) into it. */
    double evaluate(double[] x, double[] gradOut);
}
