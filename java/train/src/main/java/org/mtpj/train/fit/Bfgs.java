package org.mtpj.train.fit;

import java.util.Arrays;

/**
 * BFGS on all variables with a backtracking line search (mtp-spec §7.3): the inverse Hessian
 * starts as the identity (scaled by sᵀy/yᵀy after the first step, which makes the first steps
 * sensible for badly scaled variables), each accepted step is one iteration, and a step that
 * would move the first variable (or, with {@link #limitAll}, any) by more than 0.5 is shortened by ×0.25.
 *
 * <p>The line search tries the full quasi-Newton step and accepts it when the Armijo condition
 * holds; otherwise it backtracks by safeguarded cubic interpolation on the values and slopes it
 * has. The update is skipped when the curvature sᵀy is not positive.
 */
public final class Bfgs {
    /** Called after every accepted iteration; return false to stop. */
    public interface Listener {
        boolean iteration(int iter, double f, double[] x, double[] grad);
    }

    private final Objective objective;
    private final int n;
    private double[] h;            // inverse Hessian, n×n row-major
    private boolean scaled;
    private int scaledPrefix;
    private double maxStep = 0.5;
    private boolean limitAll = false;
    private double armijo = 1e-4;
    private int maxLineSteps = 30;

    private double[] x, g;
    private double f;

    public Bfgs(Objective objective, double[] x0) {
        this.objective = objective;
        this.n = x0.length;
        this.x = x0.clone();
        this.g = new double[n];
        this.f = objective.evaluate(x, g);
        resetHessian();
    }

    /** Back to the identity inverse Hessian (after the linear part was re-solved, say). */
    public void resetHessian() {
        h = new double[n * n];
        for (int i = 0; i < n; i++) h[i * n + i] = 1;
        scaled = false;
        scaledPrefix = n;
    }

    /**
     * Starts from a given inverse Hessian (n×n, row-major; copied). Only the leading
     * {@code scaledPrefix} variables get the sᵀy/yᵀy scaling after the first step (the rest of
     * h0 is assumed to be on the right scale already, e.g. an exact inverse of a known block).
     */
    public void setInverseHessian(double[] h0, int scaledPrefix) {
        if (h0.length != n * n) throw new IllegalArgumentException("inverse Hessian must be " + n + "x" + n);
        h = h0.clone();
        scaled = false;
        this.scaledPrefix = scaledPrefix;
    }

    /** Restart from a new point (re-evaluates f and the gradient; keeps the Hessian). */
    public void restartAt(double[] x0) {
        x = x0.clone();
        f = objective.evaluate(x, g);
    }

    public Bfgs maxStep(double v) { this.maxStep = v; return this; }

    /** Apply the step limit to every variable instead of only the first (MLIP-2's rule). */
    public Bfgs limitAll(boolean v) { this.limitAll = v; return this; }

    public double value() { return f; }
    public double[] point() { return x.clone(); }
    public double[] gradient() { return g.clone(); }

    /**
     * One iteration: direction, line search, update. Returns false when no decrease could be
     * found (converged to rounding or the search failed), true otherwise.
     */
    public boolean step() {
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            int off = i * n;
            for (int k = 0; k < n; k++) s -= h[off + k] * g[k];
            p[i] = s;
        }
        double slope = dot(p, g);
        if (!(slope < 0)) {                     // not a descent direction: fall back to steepest descent
            resetHessian();
            for (int i = 0; i < n; i++) p[i] = -g[i];
            slope = dot(p, g);
            if (!(slope < 0)) return false;
        }
        // MLIP-2 limits the move of the first coefficient only (mtp-spec §7.3); limitAll = every one
        double pmax = 0;
        if (limitAll) for (double v : p) pmax = Math.max(pmax, Math.abs(v));
        else pmax = Math.abs(p[0]);
        double pall = 0;
        for (double v : p) pall = Math.max(pall, Math.abs(v));
        double alpha = 1;
        while (alpha * pmax > maxStep) alpha *= 0.25;

        double[] xt = new double[n], gt = new double[n];
        for (int ls = 0; ls < maxLineSteps; ls++) {
            for (int i = 0; i < n; i++) xt[i] = x[i] + alpha * p[i];
            double ft = objective.evaluate(xt, gt);
            if (Double.isFinite(ft) && ft <= f + armijo * alpha * slope) {
                update(xt, gt, ft, alpha, p);
                return true;
            }
            double next = 0.25 * alpha;
            if (Double.isFinite(ft)) {
                double c = cubicMin(0, f, slope, alpha, ft, dot(gt, p));
                next = Double.isFinite(c) ? Math.min(0.5 * alpha, Math.max(0.1 * alpha, c)) : 0.5 * alpha;
            }
            alpha = next;
            if (alpha * pall < 1e-300) break;
        }
        return false;
    }

    private void update(double[] xt, double[] gt, double ft, double alpha, double[] p) {
        double[] s = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = alpha * p[i];
            y[i] = gt[i] - g[i];
        }
        double sy = dot(s, y);
        if (sy > 1e-300 * Math.max(1, dot(y, y))) {
            if (!scaled) {
                int m = scaledPrefix;
                double sym = 0, yym = 0;
                for (int i = 0; i < m; i++) { sym += s[i] * y[i]; yym += y[i] * y[i]; }
                double gamma = m == n ? sy / dot(y, y) : sym / yym;
                if (gamma > 0 && Double.isFinite(gamma))
                    for (int i = 0; i < m; i++)
                        for (int k = 0; k < m; k++) h[i * n + k] *= gamma;
                scaled = true;
            }
            // H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ
            double rho = 1.0 / sy;
            double[] hy = new double[n];
            for (int i = 0; i < n; i++) {
                double v = 0;
                int off = i * n;
                for (int k = 0; k < n; k++) v += h[off + k] * y[k];
                hy[i] = v;
            }
            double yhy = dot(y, hy);
            double c = (1 + rho * yhy) * rho;
            for (int i = 0; i < n; i++) {
                int off = i * n;
                double si = s[i], hyi = hy[i];
                for (int k = 0; k < n; k++)
                    h[off + k] += c * si * s[k] - rho * (hyi * s[k] + si * hy[k]);
            }
        }
        System.arraycopy(xt, 0, x, 0, n);
        System.arraycopy(gt, 0, g, 0, n);
        f = ft;
    }

    /** Minimiser of the cubic through (a, fa, da) and (b, fb, db), or NaN. */
    static double cubicMin(double a, double fa, double da, double b, double fb, double db) {
        double d1 = da + db - 3 * (fa - fb) / (a - b);
        double disc = d1 * d1 - da * db;
        if (!(disc >= 0)) return Double.NaN;
        double d2 = Math.signum(b - a) * Math.sqrt(disc);
        return b - (b - a) * (db + d2 - d1) / (db - da + 2 * d2);
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    /** Runs up to {@code maxIter} iterations, calling the listener after each. Returns the count. */
    public int run(int maxIter, Listener listener) {
        int it = 0;
        while (it < maxIter) {
            if (!step()) break;
            it++;
            if (listener != null && !listener.iteration(it, f, x, g)) break;
        }
        return it;
    }

    @Override
    public String toString() { return "Bfgs[n=" + n + ", f=" + f + ", x=" + Arrays.toString(Arrays.copyOf(x, Math.min(4, n))) + "]"; }
}
