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
 * β ≈ 0.2) is far outside. When the slope falls across the window, the same test is applied to its
 * first and second half of the lags ({@code startSlope}, {@code endSlope}): a window across the
 * crossover from the ballistic or vibrational start (β near 2) into the cage (β well below 1) can
 * average β ≈ 1 without being diffusive anywhere (measured on the quick demo's SiO2 melt:
 * 0.025–0.15 ps, β = 0.93–1.10 on average, the halves about 1.1 and 0.8, with a D 1.6× (5000 K)
 * to 3× (4000 K) the one of 20 ps runs of the same potential). A slope that rises across the window is the cage offset fading (MSD = c + 6Dt,
 * β = 6Dt/(c + 6Dt)), which the line's intercept takes exactly: only the whole window is tested then.
 *
 * <p>Diffusion is the long-time limit, so the MSD must also not turn sub-diffusive after the window:
 * the log-log slope from the window's end to half the run ({@code laterSlope}; those lags have ≥ 2
 * independent origins, and its random-walk error counts how few) may not lie below 1 by more than
 * 2·se + the allowance. Runs too short to leave the cage otherwise pass a window in the crossover,
 * e.g. the quick demo's 0.075–0.15 ps at 5000 K (β ≈ 1.0, D 1.4–1.5× the 20 ps runs' value,
 * β ≈ 0.8 from 0.15 to 0.75 ps). NaN when fewer than 3 lags follow the window.
 */
public record DiffusiveRegime(double slope, double slopeStdErr, double startSlope, double endSlope, double laterSlope, boolean diffusive) {
    public static final int SLOPE_POINTS = 32;
    public static final double OFFSET_ALLOWANCE = 0.1;

    /** @param from first lag (frames) of the window, @param to last lag (frames) */
    public static DiffusiveRegime of(MsdResult m, int from, int to) {
        int[] lags = logSpacedLags(Math.max(1, from), to);
        int n = lags.length;
        if (n < 2) return new DiffusiveRegime(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, true);
        // atoms that do not move (MSD 0) have no log-log slope and are not diffusing
        for (int k : lags) if (!(m.msd()[k] > 0)) return new DiffusiveRegime(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false);
        double[] whole = slope(m, lags);
        double[] start = whole, end = whole;
        if (n >= 4) {
            // halves in ln t; the middle lag belongs to both when n is odd
            int half = (n + 1) / 2;
            start = slope(m, java.util.Arrays.copyOfRange(lags, 0, half));
            end = slope(m, java.util.Arrays.copyOfRange(lags, n - half, n));
        }
        double[] later = {Double.NaN, Double.NaN};
        int[] after = logSpacedLags(to, (m.frames() - 1) / 2);
        boolean positive = true;
        for (int k : after) positive &= m.msd()[k] > 0;
        if (after.length >= 3 && positive) later = slope(m, after);
        boolean staysDiffusive = Double.isNaN(later[0]) || later[0] >= 1 - 2 * later[1] - OFFSET_ALLOWANCE;
        boolean bends = start[0] > end[0] && !(consistentWithOne(start) && consistentWithOne(end));
        return new DiffusiveRegime(whole[0], whole[1], start[0], end[0], later[0], consistentWithOne(whole) && !bends && staysDiffusive);
    }

    /** Is the slope as close to 1 as a random walk's (2 se) plus the offset allowance? */
    private static boolean consistentWithOne(double[] slopeAndErr) {
        return Math.abs(slopeAndErr[0] - 1) <= 2 * slopeAndErr[1] + OFFSET_ALLOWANCE;
    }

    /** {β, se}: OLS slope of ln MSD on ln lag over {@code lags}, with its random-walk standard error. */
    private static double[] slope(MsdResult m, int[] lags) {
        int n = lags.length;
        double[] u = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
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
        return new double[] {f.slope(), Math.sqrt(var)};
    }

    /** True when the window's slope is 1 on average but falls across it, away from 1 on a half: a crossover, not diffusion. */
    public boolean curved() {
        return !diffusive && Math.abs(slope - 1) <= OFFSET_ALLOWANCE + 2 * slopeStdErr && startSlope > endSlope
                && (Math.abs(startSlope - 1) > OFFSET_ALLOWANCE + 2 * slopeStdErr || Math.abs(endSlope - 1) > OFFSET_ALLOWANCE + 2 * slopeStdErr);
    }

    /** True when the window itself looks diffusive but the MSD turns sub-diffusive at later lags. */
    public boolean subDiffusiveLater() {
        return !diffusive && !curved() && Math.abs(slope - 1) <= OFFSET_ALLOWANCE + 2 * slopeStdErr;
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
