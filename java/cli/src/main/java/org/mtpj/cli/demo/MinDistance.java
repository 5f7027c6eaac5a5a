package org.mtpj.cli.demo;

import org.mtpj.core.model.Configuration;

/** Smallest interatomic distance of one configuration, minimum image convention (demo data: cubic 18 Å cells). */
final class MinDistance {
    private MinDistance() {}

    /** Smallest distance per unordered species pair "a-b" (a ≤ b, 0-based). */
    static java.util.Map<String, Double> perPair(Configuration c) {
        java.util.Map<String, Double> m = new java.util.TreeMap<>();
        scan(c, (a, b, d2) -> m.merge(Math.min(a, b) + "-" + Math.max(a, b), Math.sqrt(d2), Math::min));
        return m;
    }

    static double of(Configuration c) {
        double[] best = {Double.POSITIVE_INFINITY};
        scan(c, (a, b, d2) -> best[0] = Math.min(best[0], d2));
        return Math.sqrt(best[0]);
    }

    private interface PairSink { void accept(int typeA, int typeB, double d2); }

    private static void scan(Configuration c, PairSink sink) {
        double[] h = new double[9], x = c.positions;
        for (int r = 0; r < 3; r++) for (int a = 0; a < 3; a++) h[3 * r + a] = c.lattice[r][a];
        double[] inv = invert(h);
        int n = c.size;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double dx = x[3 * j] - x[3 * i], dy = x[3 * j + 1] - x[3 * i + 1], dz = x[3 * j + 2] - x[3 * i + 2];
                // fractional difference s = d · H^-1 (rows of H are the lattice vectors), wrapped to [-0.5, 0.5)
                double s0 = dx * inv[0] + dy * inv[3] + dz * inv[6];
                double s1 = dx * inv[1] + dy * inv[4] + dz * inv[7];
                double s2 = dx * inv[2] + dy * inv[5] + dz * inv[8];
                s0 -= Math.rint(s0); s1 -= Math.rint(s1); s2 -= Math.rint(s2);
                double ex = s0 * h[0] + s1 * h[3] + s2 * h[6];
                double ey = s0 * h[1] + s1 * h[4] + s2 * h[7];
                double ez = s0 * h[2] + s1 * h[5] + s2 * h[8];
                sink.accept(c.types[i], c.types[j], ex * ex + ey * ey + ez * ez);
            }
        }
    }

    private static double[] invert(double[] m) {
        double a = m[0], b = m[1], c = m[2], d = m[3], e = m[4], f = m[5], g = m[6], h = m[7], k = m[8];
        double det = a * (e * k - f * h) - b * (d * k - f * g) + c * (d * h - e * g);
        if (Math.abs(det) < 1e-12) throw new org.mtpj.core.UserError("mindist: the demo needs a 3-D periodic cell");
        return new double[] {(e * k - f * h) / det, (c * h - b * k) / det, (b * f - c * e) / det,
                (f * g - d * k) / det, (a * k - c * g) / det, (c * d - a * f) / det,
                (d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det};
    }
}
