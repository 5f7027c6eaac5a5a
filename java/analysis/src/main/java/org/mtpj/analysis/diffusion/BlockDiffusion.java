package org.mtpj.analysis.diffusion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.mtpj.analysis.msd.MsdCalculator;
import org.mtpj.analysis.msd.MsdResult;
import org.mtpj.core.UserError;

/**
 * Block averaging of a diffusion fit: the kept frames are split into N consecutive blocks of
 * (nearly) equal length, each block gets its own multi-origin MSD and its own fit, and the scatter
 * of the N results gives the standard error of their mean, sd/√N. Unlike the OLS error of one fit,
 * this accounts for the correlation of the MSD points across lags and time origins, because the
 * blocks are (nearly) independent samples of the same run.
 *
 * <p>Window in a block: the start is kept; the end is clipped to half the block's duration, so
 * every fitted lag still averages at least half the block's time origins (a window reaching the
 * block's end would fit lags seen once). The few-origins warning of {@link DiffusionFit} is not
 * repeated per block: the scatter between blocks is what measures that noise here.
 */
public record BlockDiffusion(double tMinPs, double tMaxPs, List<DiffusionResult> blocks) {

    /**
     * @param positions {@code [t][3*i + axis]}, unwrapped and drift-corrected (as for the whole-run MSD)
     * @param tMinPs    window start (ps) of the whole-run fit
     * @param tMaxPs    window end (ps) of the whole-run fit; clipped to half a block's duration
     * @return the block fits with the window as fitted (first and last lag time inside it)
     */
    public static BlockDiffusion fit(double[][] positions, int atoms, double frameSpacingPs, int n, double tMinPs, double tMaxPs) {
        int frames = positions.length;
        requireCount(n);
        int shortest = frames / n;
        double halfBlock = (shortest - 1) * frameSpacingPs / 2;
        double end = Math.min(tMaxPs, halfBlock);
        // at least 3 lag points in the clipped window, as DiffusionFit requires
        if (shortest < 3 || end < tMinPs + 2 * frameSpacingPs * (1 - 1e-9))
            throw new UserError("--blocks " + n + ": each block holds " + shortest + " frames (" + (shortest - 1) * frameSpacingPs
                    + " ps); the window " + tMinPs + ":" + tMaxPs + " ps clipped to half a block (" + halfBlock
                    + " ps) keeps fewer than 3 lag points; use fewer blocks or an earlier window start");
        List<DiffusionResult> results = new ArrayList<>();
        for (int b = 0; b < n; b++) {
            int from = (int) ((long) b * frames / n), to = (int) ((long) (b + 1) * frames / n);
            double[][] part = Arrays.copyOfRange(positions, from, to);
            MsdResult m = MsdCalculator.compute(part, atoms, frameSpacingPs, false);
            results.add(DiffusionFit.fit(m, tMinPs, end, null));
        }
        // every block has the shortest block's lags in the window: report the lags actually fitted
        return new BlockDiffusion(results.get(0).tMinPs(), results.get(0).tMaxPs(), List.copyOf(results));
    }

    /** Rejects a block count below 2 (before a long trajectory is read). */
    public static void requireCount(int n) {
        if (n < 2) throw new UserError("--blocks needs at least 2 blocks (the standard error of a mean of one is undefined), got " + n);
    }

    public int count() { return blocks.size(); }

    /** One quantity (e.g. {@code DiffusionResult::dTracer}) of every block, in time order. */
    public double[] values(ToDoubleFunction<DiffusionResult> q) {
        return blocks.stream().mapToDouble(q).toArray();
    }

    public double mean(ToDoubleFunction<DiffusionResult> q) {
        double s = 0;
        for (double v : values(q)) s += v;
        return s / count();
    }

    /** Standard error of the block mean: sample standard deviation (n − 1) over √n. */
    public double stdErr(ToDoubleFunction<DiffusionResult> q) {
        double m = mean(q), ss = 0;
        for (double v : values(q)) ss += (v - m) * (v - m);
        return Math.sqrt(ss / (count() - 1) / count());
    }
}
