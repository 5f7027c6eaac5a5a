package org.mtpj.train.basis;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Checks a generated product table against an independent evaluation of every contraction graph.
 *
 * <p>Random neighbourhoods: J neighbour directions u_j (unit vectors) with random radial weights
 * w_{μ,j}, so M_{μ,ν} = Σ_j w_{μ,j} u_j^{⊗ν}. The table is fed the components Σ_j w_{μ,j} u_x^p
 * u_y^q u_z^s of the basic list; the direct value of a graph is Σ over neighbour tuples (j_v) of
 * Π_v w_{μ_v,j_v} · Π_{a<b} (u_{j_a}·u_{j_b})^{e_ab}, which never forms a tensor component.
 */
public final class BasisValidator {
    private BasisValidator() {}

    /** Outcome: largest |table − direct| / scale over all functions and trials, scale = Σ |terms|. */
    public record Result(double maxRelativeError, int worstFunction, int trials) {}

    public static Result validate(MomentBasis basis, int trials, int neighbours, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int k = basis.radialFunctionCount();
        List<ContractionGraph> functions = basis.functions();
        int[][] basic = basis.basic();
        double worst = 0;
        int worstFunction = -1;
        for (int trial = 0; trial < trials; trial++) {
            double[][] u = randomDirections(rnd, neighbours);
            double[][] w = new double[k][neighbours];
            for (double[] row : w) for (int j = 0; j < neighbours; j++) row[j] = rnd.nextDouble(-1, 1);
            double[] values = basis.evaluateScalars(basicValues(basic, u, w));
            for (int s = 0; s < functions.size(); s++) {
                double[] direct = direct(functions.get(s), u, w);
                double err = Math.abs(values[s] - direct[0]) / Math.max(direct[1], Double.MIN_NORMAL);
                if (err > worst || Double.isNaN(err)) { worst = Double.isNaN(err) ? Double.POSITIVE_INFINITY : err; worstFunction = s; }
            }
        }
        return new Result(worst, worstFunction, trials);
    }

    /** Unit vectors in random directions. */
    public static double[][] randomDirections(SplittableRandom rnd, int count) {
        double[][] u = new double[count][];
        for (int j = 0; j < count; j++) {
            double x, y, z, r2;
            do {
                x = rnd.nextDouble(-1, 1);
                y = rnd.nextDouble(-1, 1);
                z = rnd.nextDouble(-1, 1);
                r2 = x * x + y * y + z * z;
            } while (r2 > 1 || r2 < 1e-4);
            double r = Math.sqrt(r2);
            u[j] = new double[] {x / r, y / r, z / r};
        }
        return u;
    }

    /** Basic moment values Σ_j w_{μ,j} x^p y^q z^s for rows (μ, p, q, s). */
    public static double[] basicValues(int[][] basic, double[][] u, double[][] w) {
        double[] out = new double[basic.length];
        for (int q = 0; q < basic.length; q++) {
            int[] b = basic[q];
            double sum = 0;
            for (int j = 0; j < u.length; j++)
                sum += w[b[0]][j] * Math.pow(u[j][0], b[1]) * Math.pow(u[j][1], b[2]) * Math.pow(u[j][2], b[3]);
            out[q] = sum;
        }
        return out;
    }

    /** {value, Σ |terms|} of graph g by the neighbour-tuple sum. */
    static double[] direct(ContractionGraph g, double[][] u, double[][] w) {
        int n = g.size(), nb = u.length;
        int[] j = new int[n];
        double sum = 0, abs = 0;
        while (true) {
            double t = 1;
            for (int v = 0; v < n; v++) t *= w[g.mu(v)][j[v]];
            for (int a = 0; a < n; a++)
                for (int b = a + 1; b < n; b++) {
                    int e = g.edge(a, b);
                    if (e == 0) continue;
                    double[] x = u[j[a]], y = u[j[b]];
                    t *= Math.pow(x[0] * y[0] + x[1] * y[1] + x[2] * y[2], e);
                }
            sum += t;
            abs += Math.abs(t);
            int v = 0;
            while (v < n && ++j[v] == nb) j[v++] = 0;
            if (v == n) break;
        }
        return new double[] {sum, abs};
    }
}
