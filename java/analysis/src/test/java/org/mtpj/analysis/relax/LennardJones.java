package org.mtpj.analysis.relax;

import org.mtpj.core.model.Configuration;

/** A periodic Lennard-Jones test model (ε = σ = 1, cut at 2.5, shifted) with exact forces and virial. */
final class LennardJones implements EnergyModel {
    static final double RC = 2.5;
    private static final double SHIFT = 4 * (Math.pow(RC, -12) - Math.pow(RC, -6));

    @Override
    public Evaluation evaluate(Configuration c) {
        int n = c.size;
        double[] f = new double[3 * n];
        double[] w = new double[6];
        double e = 0;
        double[][] l = c.lattice;
        int img = 3;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int a = -img; a <= img; a++)
                    for (int b = -img; b <= img; b++)
                        for (int k = -img; k <= img; k++) {
                            if (i == j && a == 0 && b == 0 && k == 0) continue;
                            double[] d = new double[3];
                            for (int x = 0; x < 3; x++)
                                d[x] = c.positions[3 * j + x] - c.positions[3 * i + x] + a * l[0][x] + b * l[1][x] + k * l[2][x];
                            double r2 = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
                            if (r2 >= RC * RC) continue;
                            double ir6 = 1 / (r2 * r2 * r2);
                            e += 0.5 * (4 * (ir6 * ir6 - ir6) - SHIFT);
                            double dphiOverR = (-48 * ir6 * ir6 + 24 * ir6) / r2; // (dφ/dr)/r
                            for (int x = 0; x < 3; x++) f[3 * i + x] += dphiOverR * d[x]; // F_i = −∂E/∂r_i
                            // W = −Σ_pairs r_a ∂φ/∂r_b, half per ordered pair
                            w[0] -= 0.5 * dphiOverR * d[0] * d[0];
                            w[1] -= 0.5 * dphiOverR * d[1] * d[1];
                            w[2] -= 0.5 * dphiOverR * d[2] * d[2];
                            w[3] -= 0.5 * dphiOverR * d[1] * d[2];
                            w[4] -= 0.5 * dphiOverR * d[0] * d[2];
                            w[5] -= 0.5 * dphiOverR * d[0] * d[1];
                        }
            }
        }
        return new Evaluation(e, f, w);
    }

    /** An fcc cell of 4 atoms with cubic lattice constant a, atoms displaced by `jitter`. */
    static Configuration fcc(double a, double jitter, long seed) {
        Configuration c = new Configuration(4);
        c.latticeRows = 3;
        for (int r = 0; r < 3; r++) c.lattice[r][r] = a;
        double[][] basis = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
        java.util.Random rnd = new java.util.Random(seed);
        for (int i = 0; i < 4; i++)
            for (int x = 0; x < 3; x++) c.positions[3 * i + x] = basis[i][x] * a + jitter * (2 * rnd.nextDouble() - 1);
        return c;
    }
}
