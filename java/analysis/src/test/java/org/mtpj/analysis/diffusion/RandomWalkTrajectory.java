package org.mtpj.analysis.diffusion;

import java.util.SplittableRandom;
import org.mtpj.core.model.Cell;
import org.mtpj.core.io.Frame;
import org.mtpj.core.io.PositionKind;
import org.mtpj.core.io.TrajectoryReader;

/**
 * Synthetic trajectories with known diffusion coefficients, as unwrapped frames for the real
 * loading path ({@link org.mtpj.analysis.traj.MobileTrajectory#load}, drift removal included).
 *
 * <p>Atoms of type 1 ("Mg", mobile) take Gaussian steps of variance 2·D·Δt per axis, made of an
 * own part and, when {@code shared} > 0, a part common to all mobile atoms (fraction {@code shared}
 * of the step variance): the atoms are then correlated and D_sigma = D·(1 + (N−1)·shared), Haven =
 * 1/(1 + (N−1)·shared). Atoms of type 2 ("O", framework) sit on fixed sites with Gaussian thermal
 * jitter. With {@code cellDrift} > 0 every atom also shares one random walk of that D (a drifting
 * cell), which framework drift removal must take out; the mobile D relative to the framework stays
 * D (the jitter of the framework centre only adds a constant to the MSD).
 */
record RandomWalkTrajectory(int mobile, int framework, int frames, double frameSpacingPs, double dA2ps, double shared,
                            double cellDrift, double jitterA, long seed) {

    static final double BOX = 20;

    /** D_sigma (Å²/ps) of the mobile atoms' collective walk. */
    double dSigmaA2ps() { return dA2ps * (1 + (mobile - 1) * shared); }

    double haven() { return dA2ps / dSigmaA2ps(); }

    /** Unwrapped positions of every frame, in the dump layout: mobile ids 1..N, framework after. */
    TrajectoryReader reader() {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = mobile + framework;
        double[] sites = new double[3 * n];
        for (int i = 0; i < sites.length; i++) sites[i] = rnd.nextDouble() * BOX;
        double[] walk = new double[3 * mobile];
        double[] cell = new double[3];
        double own = Math.sqrt(2 * dA2ps * frameSpacingPs * (1 - shared)), common = Math.sqrt(2 * dA2ps * frameSpacingPs * shared);
        double drift = Math.sqrt(2 * cellDrift * frameSpacingPs);
        int[] ids = new int[n], types = new int[n];
        for (int i = 0; i < n; i++) { ids[i] = i + 1; types[i] = i < mobile ? 1 : 2; }
        Cell box = Cell.orthogonal(BOX, BOX, BOX);
        return new TrajectoryReader() {
            int t = 0;

            @Override public Frame next() {
                if (t == frames) return null;
                if (t > 0) {
                    double[] c = {rnd.nextGaussian() * common, rnd.nextGaussian() * common, rnd.nextGaussian() * common};
                    for (int i = 0; i < walk.length; i++) walk[i] += own * rnd.nextGaussian() + c[i % 3];
                    for (int a = 0; a < 3; a++) cell[a] += drift * rnd.nextGaussian();
                }
                double[] p = new double[3 * n];
                for (int i = 0; i < n; i++)
                    for (int a = 0; a < 3; a++) {
                        double v = sites[3 * i + a] + cell[a];
                        p[3 * i + a] = i < mobile ? v + walk[3 * i + a] : v + jitterA * rnd.nextGaussian();
                    }
                Frame f = new Frame("walk-" + seed, 1, t, box, new double[3], n, ids, types, null, p, PositionKind.UNWRAPPED, null);
                t++;
                return f;
            }

            @Override public long bytesRead() { return 0; }
            @Override public long totalBytes() { return -1; }
            @Override public void close() {}
        };
    }
}
