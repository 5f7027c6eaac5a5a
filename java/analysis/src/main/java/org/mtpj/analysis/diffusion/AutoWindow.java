package org.mtpj.analysis.diffusion;

import java.util.TreeSet;
import org.mtpj.analysis.msd.MsdResult;
import org.mtpj.core.UserError;

/**
 * {@code --window auto}: the longest lag range that is diffusive ({@link DiffusiveRegime}) and has at
 * least {@link DiffusionFit#MIN_INDEPENDENT_ORIGINS} independent time origins at its longest lag.
 * Candidate ends are the lags 1..kMax (kMax = the longest lag with enough origins), thinned to at
 * most {@link #GRID} values evenly spaced in ln(lag); every pair with at least 3 lags is tried, the
 * longest diffusive one wins (ties: the later start, further from the ballistic start); "diffusive"
 * includes that the MSD does not turn sub-diffusive after the range (see {@link DiffusiveRegime}).
 * Deterministic: the same MSD gives the same window. When no candidate is diffusive, the whole range
 * 1..kMax is returned with {@code found} false (the caller warns, or fails under --strict).
 */
public record AutoWindow(double tMinPs, double tMaxPs, boolean found) {
    public static final int GRID = 24;

    public static AutoWindow choose(MsdResult m) {
        int frames = m.frames();
        int kMax = (frames - 1) / DiffusionFit.MIN_INDEPENDENT_ORIGINS;
        if (kMax < 3)
            throw new UserError("--window auto: " + frames + " frames leave no lag with " + DiffusionFit.MIN_INDEPENDENT_ORIGINS
                    + " independent time origins and 3 lag points (needs at least " + (3 * DiffusionFit.MIN_INDEPENDENT_ORIGINS + 1)
                    + " frames); give --window TMIN:TMAX");
        TreeSet<Integer> grid = new TreeSet<>();
        for (int i = 0; i < GRID; i++) grid.add((int) Math.round(Math.exp(Math.log(kMax) * i / (GRID - 1))));
        int[] g = grid.stream().mapToInt(Integer::intValue).toArray();
        int bestA = -1, bestB = -1;
        for (int i = 0; i < g.length; i++)
            for (int j = i + 1; j < g.length; j++) {
                int a = g[i], b = g[j];
                if (b - a < 2) continue;
                boolean longer = bestA < 0 || b - a > bestB - bestA || (b - a == bestB - bestA && a > bestA);
                if (longer && DiffusiveRegime.of(m, a, b).diffusive()) { bestA = a; bestB = b; }
            }
        double dt = m.frameSpacingPs();
        if (bestA < 0) return new AutoWindow(dt, kMax * dt, false);
        return new AutoWindow(bestA * dt, bestB * dt, true);
    }
}
