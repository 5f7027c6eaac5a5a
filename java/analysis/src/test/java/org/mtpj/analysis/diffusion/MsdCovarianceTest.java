package org.mtpj.analysis.diffusion;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** The closed-form sum of squared interval overlaps equals the double loop over all origin pairs. */
class MsdCovarianceTest {

    /** Σ over origins t0 (lag k) and t1 (lag l) of the number of shared steps, squared. */
    static double bruteForce(int frames, int k, int l) {
        double g = 0;
        for (int t0 = 0; t0 + k < frames; t0++)
            for (int t1 = 0; t1 + l < frames; t1++) {
                int ov = Math.max(0, Math.min(t0 + k, t1 + l) - Math.max(t0, t1));
                g += (double) ov * ov;
            }
        return g;
    }

    @Test
    void closedFormEqualsDoubleLoopForEveryLagPair() {
        for (int frames : new int[] {2, 3, 7, 20, 41}) {
            for (int k = 0; k < frames; k++)
                for (int l = 0; l < frames; l++)
                    assertEquals(bruteForce(frames, k, l), MsdCovariance.overlapSquaresSum(frames, k, l), 1e-9 * (1 + bruteForce(frames, k, l)),
                            "T=" + frames + " k=" + k + " l=" + l);
        }
    }

    @Test
    void shortLagVarianceMatchesTheKnownLimit() {
        // Var(MSD(k)) of one 1-D walker for k ≪ T: (4/3)·k³·s⁴/T (Qian, Sheetz & Elson 1991, per coordinate)
        int frames = 200_000, k = 10;
        double v = 2 * MsdCovariance.unitCovariance(frames, k, k);
        assertEquals((2.0 * k * k * k + k) * 2 / 3 / frames, v, 1e-3 * v);
    }
}
