package org.mtpj.train.fit;

/**
 * The loss as a function of the radial coefficients alone, with the species and moment
 * coefficients always at their exact linear optimum (variable projection): f(c) = min_{w,v} L(c, w, v).
 * By the envelope theorem ∇f(c) = ∂L/∂c at the optimum, so one linear solve plus one ordinary
 * loss-and-gradient evaluation per point. This removes the stiff coupling between the radial
 * functions and the large, nearly collinear linear coefficients that makes plain BFGS crawl.
 * Exact only when the linear solve minimises the same loss, i.e. without {@code --scale-by-force}.
 */
final class VariableProjection implements Objective {
    private final LossFunction loss;
    private final LinearFit lin;
    private final int nr, n;
    private final double scaling;
    private final double[] theta;

    VariableProjection(LossFunction loss, LinearFit lin, double[] theta0, int radialCount, double scaling) {
        this.loss = loss;
        this.lin = lin;
        this.nr = radialCount;
        this.n = theta0.length;
        this.scaling = scaling;
        this.theta = theta0.clone();
    }

    @Override
    public double evaluate(double[] x, double[] gradOut) {
        System.arraycopy(x, 0, theta, 0, nr);
        LinearFit.System sys = lin.assemble(theta, scaling);
        double[] lx = lin.solve(sys, scaling);
        System.arraycopy(lx, 0, theta, nr, lx.length);
        double[] full = gradOut != null ? new double[n] : null;
        loss.setScaling(scaling);
        double f = loss.evaluate(theta, full, lin.designs());
        if (gradOut != null) System.arraycopy(full, 0, gradOut, 0, nr);
        return f;
    }

    /** The full coefficient vector of the last evaluated point. */
    double[] theta() { return theta.clone(); }

    /** Full θ for radial coefficients x (one linear solve). */
    double[] complete(double[] x) {
        double[] t = theta.clone();
        System.arraycopy(x, 0, t, 0, nr);
        lin.solve(t, scaling);
        return t;
    }
}
