package org.mtpj.analysis.diffusion;

import java.util.SplittableRandom;
import org.mtpj.core.io.Frame;
import org.mtpj.core.io.PositionKind;
import org.mtpj.core.io.TrajectoryReader;
import org.mtpj.core.model.Cell;

/**
 * Synthetic melt-like trajectories: every atom vibrates in its cage, A·cos(ω t + φ) per axis with its
 * own ω = |Gaussian|·ωc and random phases, while the cage centre takes a Gaussian random walk of
 * diffusion coefficient D. The MSD is 3A²(1 − exp(−ωc²t²/2)) + 6Dt: ballistic (log-log slope 2) at
 * short lags, bending into the cage, diffusive (3A² + 6Dt, slope → 1) at long lags — the shape of
 * the demo's SiO2 melts, with a known D.
 */
record CagedWalkTrajectory(int atoms, int frames, double frameSpacingPs, double dA2ps, double amplitudeA, double cageRatePerPs, long seed) {

    TrajectoryReader reader() {
        SplittableRandom rnd = new SplittableRandom(seed);
        double box = 20;
        double[] site = new double[3 * atoms], phase = new double[3 * atoms], omega = new double[atoms], walk = new double[3 * atoms];
        for (int i = 0; i < 3 * atoms; i++) { site[i] = rnd.nextDouble() * box; phase[i] = rnd.nextDouble() * 2 * Math.PI; }
        for (int i = 0; i < atoms; i++) omega[i] = cageRatePerPs * Math.abs(rnd.nextGaussian());
        double step = Math.sqrt(2 * dA2ps * frameSpacingPs);
        int[] ids = new int[atoms], types = new int[atoms];
        for (int i = 0; i < atoms; i++) { ids[i] = i + 1; types[i] = 1; }
        Cell cell = Cell.orthogonal(box, box, box);
        return new TrajectoryReader() {
            int t = 0;

            @Override public Frame next() {
                if (t == frames) return null;
                if (t > 0) for (int i = 0; i < walk.length; i++) walk[i] += step * rnd.nextGaussian();
                double time = t * frameSpacingPs;
                double[] p = new double[3 * atoms];
                for (int i = 0; i < 3 * atoms; i++) p[i] = site[i] + walk[i] + amplitudeA * Math.cos(omega[i / 3] * time + phase[i]);
                Frame f = new Frame("caged-" + seed, 1, t, cell, new double[3], atoms, ids, types, null, p, PositionKind.UNWRAPPED, null);
                t++;
                return f;
            }

            @Override public long bytesRead() { return 0; }
            @Override public long totalBytes() { return -1; }
            @Override public void close() {}
        };
    }
}
