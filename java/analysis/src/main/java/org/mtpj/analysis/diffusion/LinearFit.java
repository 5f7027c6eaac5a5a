package org.mtpj.analysis.diffusion;

/**
 * Ordinary least squares y = a + b·x with the usual standard errors:
 * s² = Σres²/(n−2), se(b) = s/√Sxx, se(a) = s·√(1/n + x̄²/Sxx).
 */
public record LinearFit(double intercept, double slope, double slopeStdErr, double interceptStdErr,
                        double residualStd, int n, double meanX, double sxx) {

    public static LinearFit of(double[] x, double[] y) {
        int n = x.length;
        if (n != y.length) throw new IllegalArgumentException("x and y differ in length");
        if (n < 2) throw new IllegalArgumentException("a straight-line fit needs at least 2 points, got " + n);
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) { mx += x[i]; my += y[i]; }
        mx /= n;
        my /= n;
        double sxx = 0, sxy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
        }
        if (sxx == 0) throw new IllegalArgumentException("all x values are equal");
        double b = sxy / sxx, a = my - b * mx;
        double ssr = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - a - b * x[i];
            ssr += r * r;
        }
        double s = n > 2 ? Math.sqrt(ssr / (n - 2)) : Double.NaN;
        return new LinearFit(a, b, s / Math.sqrt(sxx), s * Math.sqrt(1.0 / n + mx * mx / sxx), s, n, mx, sxx);
    }

    /** Standard error of the fitted line's value at x. */
    public double predictionStdErr(double x) {
        return residualStd * Math.sqrt(1.0 / n + (x - meanX) * (x - meanX) / sxx);
    }
}
