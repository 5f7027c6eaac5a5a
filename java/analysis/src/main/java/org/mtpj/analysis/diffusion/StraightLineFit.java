package org.mtpj.analysis.diffusion;

/**
 * Straight line y = a + b·x by least squares, with standard errors.
 *
 * <p>{@link #of}: ordinary least squares, errors from the scatter: s² = Σres²/(n−2),
 * se(b) = s/√Sxx, se(a) = s·√(1/n + x̄²/Sxx). {@link #weighted}: weights w = 1/σ² for points with
 * known standard errors σ, errors from the σ alone: se(b) = 1/√Sxx, se(a) = √(1/W + x̄²/Sxx) with
 * W = Σw and weighted x̄, Sxx. Not rescaled by χ²: with 3 points χ²/(n−2) has one degree of freedom,
 * so the rescaled error would itself be uncertain by a large factor; χ²/(n−2) is reported instead.
 *
 * @param atMeanStdErr standard error of the line's value at x̄ (s/√n, or 1/√W)
 * @param reducedChi2  Σw·res²/(n−2) (w = 1 for OLS: the residual variance s²); NaN for n = 2
 */
public record StraightLineFit(double intercept, double slope, double slopeStdErr, double interceptStdErr,
                        double meanX, double atMeanStdErr, int n, double reducedChi2) {

    public static StraightLineFit of(double[] x, double[] y) {
        StraightLineFit f = solve(x, y, null);
        double s = Math.sqrt(f.reducedChi2);
        return new StraightLineFit(f.intercept, f.slope, f.slopeStdErr * s, f.interceptStdErr * s, f.meanX, f.atMeanStdErr * s, f.n, f.reducedChi2);
    }

    /** @param sigma standard error of each y (all positive) */
    public static StraightLineFit weighted(double[] x, double[] y, double[] sigma) {
        if (sigma.length != x.length) throw new IllegalArgumentException("x and sigma differ in length");
        for (double s : sigma) if (!(s > 0) || Double.isInfinite(s)) throw new IllegalArgumentException("standard errors must be positive and finite, got " + s);
        return solve(x, y, sigma);
    }

    /** Weighted solution (unit weights when sigma is null) with errors for σ = 1 / unit scatter. */
    private static StraightLineFit solve(double[] x, double[] y, double[] sigma) {
        int n = x.length;
        if (n != y.length) throw new IllegalArgumentException("x and y differ in length");
        if (n < 2) throw new IllegalArgumentException("a straight-line fit needs at least 2 points, got " + n);
        double[] w = new double[n];
        double sw = 0, mx = 0, my = 0;
        for (int i = 0; i < n; i++) {
            w[i] = sigma == null ? 1 : 1 / (sigma[i] * sigma[i]);
            sw += w[i];
            mx += w[i] * x[i];
            my += w[i] * y[i];
        }
        mx /= sw;
        my /= sw;
        double sxx = 0, sxy = 0;
        for (int i = 0; i < n; i++) {
            sxx += w[i] * (x[i] - mx) * (x[i] - mx);
            sxy += w[i] * (x[i] - mx) * (y[i] - my);
        }
        if (sxx == 0) throw new IllegalArgumentException("all x values are equal");
        double b = sxy / sxx, a = my - b * mx;
        double chi2 = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - a - b * x[i];
            chi2 += w[i] * r * r;
        }
        double red = n > 2 ? chi2 / (n - 2) : Double.NaN;
        return new StraightLineFit(a, b, 1 / Math.sqrt(sxx), Math.sqrt(1 / sw + mx * mx / sxx), mx, 1 / Math.sqrt(sw), n, red);
    }

    /** Standard error of the fitted line's value at x. */
    public double predictionStdErr(double x) {
        return Math.sqrt(atMeanStdErr * atMeanStdErr + (x - meanX) * (x - meanX) * slopeStdErr * slopeStdErr);
    }
}
