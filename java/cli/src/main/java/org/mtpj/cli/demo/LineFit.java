package org.mtpj.cli.demo;

/**
 * Ordinary least squares y = a + b·x with the standard errors of slope and intercept
 * (se(b) = sqrt(Σres²/(n−2)/Sxx)); used for the report's cross-check of D from LAMMPS' own MSD.
 */
record LineFit(double intercept, double slope, double slopeSe, int n) {
    static LineFit of(double[] x, double[] y) {
        int n = x.length;
        if (n < 3) throw new IllegalArgumentException("a line fit needs at least 3 points, got " + n);
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) { mx += x[i]; my += y[i]; }
        mx /= n; my /= n;
        double sxx = 0, sxy = 0;
        for (int i = 0; i < n; i++) { sxx += (x[i] - mx) * (x[i] - mx); sxy += (x[i] - mx) * (y[i] - my); }
        double b = sxy / sxx, a = my - b * mx, ss = 0;
        for (int i = 0; i < n; i++) { double r = y[i] - a - b * x[i]; ss += r * r; }
        return new LineFit(a, b, Math.sqrt(ss / (n - 2) / sxx), n);
    }
}
