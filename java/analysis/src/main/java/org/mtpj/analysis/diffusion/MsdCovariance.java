package org.mtpj.analysis.diffusion;

/**
 * Covariance of the multi-origin MSD estimator of a Gaussian random walk (one walker, one
 * coordinate, T frames, steps of variance s²): with Y(t0, k) = x(t0+k) − x(t0) and all T−k origins,
 * MSD(k) = Σ_t0 Y²/(T−k) and, because Y is Gaussian, Cov(Y_a², Y_b²) = 2 Cov(Y_a, Y_b)² = 2 s⁴ ov²
 * with ov the number of steps the two intervals share. So
 * Cov(MSD(k), MSD(l)) = 2 s⁴ G(k, l) / ((T−k)(T−l)), G = Σ over origin pairs of ov².
 *
 * <p>G is summed in closed form: with δ = t1 − t0 (k ≤ l) the overlap and the number of origin
 * pairs are linear in δ on the pieces [k−l+1, 0] (overlap k, T−l pairs) and, on both sides of it,
 * Σ (c + m)·m² for m = m0..k (left) and m0..k−1 (right), c = T−k−l, m0 = max(1, k+l−T+1).
 * Multi-walker and three-dimensional cases follow by independence (see {@link RandomWalkErrors}).
 */
public final class MsdCovariance {
    private MsdCovariance() {}

    /** G(k, l) = Σ over all origin pairs of the squared overlap of the intervals of lag k and l (in frames). */
    public static double overlapSquaresSum(int frames, int k, int l) {
        if (k > l) { int s = k; k = l; l = s; }
        if (k <= 0 || l >= frames) return 0;
        double c = frames - k - l;
        int m0 = Math.max(1, k + l - frames + 1);
        double side = cubicSum(c, m0, k - 1);
        return 2 * side + (c * k * (double) k + (double) k * k * k) + (double) (l - k) * (frames - l) * k * (double) k;
    }

    /** Σ_{m=a..b} (c m² + m³); 0 when b < a. */
    private static double cubicSum(double c, int a, int b) {
        if (b < a) return 0;
        return c * (squares(b) - squares(a - 1)) + (cubes(b) - cubes(a - 1));
    }

    private static double squares(long n) { return n <= 0 ? 0 : n * (n + 1) * (2.0 * n + 1) / 6; }

    private static double cubes(long n) { return n <= 0 ? 0 : Math.pow(n * (n + 1) / 2.0, 2); }

    /** Cov(MSD(k), MSD(l)) / (2 s⁴): one walker, one coordinate, lags in frames. */
    public static double unitCovariance(int frames, int k, int l) {
        return overlapSquaresSum(frames, k, l) / ((double) (frames - k) * (frames - l));
    }

    /**
     * Variance / (2 s⁴) of the linear combination Σ w_i MSD(lag_i) (e.g. an OLS slope, whose weights
     * are (t_i − t̄)/Sxx), for one walker and one coordinate.
     */
    public static double combinationVariance(int frames, int[] lags, double[] weights) {
        double v = 0;
        for (int i = 0; i < lags.length; i++) {
            if (weights[i] == 0) continue;
            v += weights[i] * weights[i] * unitCovariance(frames, lags[i], lags[i]);
            for (int j = i + 1; j < lags.length; j++) v += 2 * weights[i] * weights[j] * unitCovariance(frames, lags[i], lags[j]);
        }
        return Math.max(v, 0);
    }
}
