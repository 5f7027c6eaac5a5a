package org.mtpj.analysis.diffusion;

import org.mtpj.analysis.msd.MsdResult;

/**
 * Is the tracer MSD diffusive (MSD ∝ t) over a fit window? The local log-log slope β is the OLS
 * slope of ln MSD against ln t over up to {@link #SLOPE_POINTS} lags spaced evenly in ln t (every
 * lag when fewer); its standard error is what a random walk with the same frames, atoms and window
 * would show: Cov(ln MSD(k), ln MSD(l)) ≈ Cov(MSD(k), MSD(l))/(⟨MSD(k)⟩⟨MSD(l)⟩) with the
 * covariance of {@link MsdCovariance}, which for MSD = 6Dt does not depend on D.
 *
 * <p>Diffusive when |β − 1| ≤ 2·se + {@link #OFFSET_ALLOWANCE}: 2·se for the noise of a random walk of
 * this size, the allowance for the constant vibrational offset of real MD, which lowers β a little
 * although the straight-line fit (with its intercept) is sound. A plateau (atoms rattling in cages,
 * β ≈ 0.2) is far outside.
 */
public record DiffusiveRegime(double slope, double slopeStdErr, boolean diffusive) {
    public static final int SLOPE_POINTS = 32;
    public static final double OFFSET_ALLOWANCE = 0.1;

    /** @param from first lag (frames) of the window, @param to last lag (frames) */
    public static DiffusiveRegime of(MsdResult m, int from, int to) {
        int[] lags = logSpacedLags(Math.max(1, from), to);
        int n = lags.length;
        if (n < 2) return new DiffusiveRegime(Double.NaN, Double.NaN, true);
        double[] u = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            // atoms that do not move (MSD 0) have no log-log slope and are not diffusing
            if (!(m.msd()[lags[i]] > 0)) return new DiffusiveRegime(Double.NaN, Double.NaN, false);
            u[i] = Math.log(lags[i]);
            y[i] = Math.log(m.msd()[lags[i]]);
        }
        StraightLineFit f = StraightLineFit.of(u, y);
        double mean = f.meanX(), sxx = 0;
        for (double v : u) sxx += (v - mean) * (v - mean);
        // weights of the slope on ln MSD(k), divided by k for the relative covariance
        double[] w = new double[n];
        for (int i = 0; i < n; i++) w[i] = (u[i] - mean) / sxx / lags[i];
        double var = 2.0 / (3 * m.mobileAtoms()) * MsdCovariance.combinationVariance(m.frames(), lags, w);
        double se = Math.sqrt(var);
        boolean ok = Math.abs(f.slope() - 1) <= 2 * se + OFFSET_ALLOWANCE;
        return new DiffusiveRegime(f.slope(), se, ok);
    }

    /** Distinct lags from..to, at most SLOPE_POINTS of them, evenly spaced in ln(lag); both ends kept. */
    static int[] logSpacedLags(int from, int to) {
        if (to < from) return new int[0];
        if (to - from + 1 <= SLOPE_POINTS) {
            int[] all = new int[to - from + 1];
            for (int i = 0; i < all.length; i++) all[i] = from + i;
            return all;
        }
        java.util.TreeSet<Integer> set = new java.util.TreeSet<>();
        double a = Math.log(from), b = Math.log(to);
        for (int i = 0; i < SLOPE_POINTS; i++) set.add((int) Math.round(Math.exp(a + (b - a) * i / (SLOPE_POINTS - 1))));
        set.add(from);
        set.add(to);
        return set.stream().mapToInt(Integer::intValue).toArray();
    }
}
