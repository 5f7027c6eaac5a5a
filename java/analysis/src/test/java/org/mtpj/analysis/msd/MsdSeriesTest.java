package org.mtpj.analysis.msd;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MsdSeriesTest {
    @Test
    void fftEqualsDirectLoopForRandomWalksOfManyLengths() {
        Random r = new Random(7);
        for (int T = 1; T <= 300; T += (T < 20 ? 1 : 37)) {
            double[] x = new double[T];
            double v = 1000 * r.nextGaussian();
            for (int t = 0; t < T; t++) x[t] = v += r.nextGaussian();
            double[] f = MsdSeries.fft(x), d = MsdSeries.direct(x);
            assertEquals(0.0, f[0]);
            for (int k = 1; k < T; k++) assertEquals(d[k], f[k], 1e-9 * Math.abs(d[k]) + 1e-12, "T=" + T + " k=" + k);
        }
    }

    @Test
    void ballisticMotionGivesQuadraticMsdAndCollectiveMatchesDefinition() {
        // two atoms moving with constant velocities: MSD(k) = mean |v|² k² dt²
        int T = 10;
        double[][] p = new double[T][6];
        for (int t = 0; t < T; t++) {
            p[t][0] = 0.1 * t; p[t][4] = -0.2 * t;
        }
        MsdResult m = MsdCalculator.compute(p, 2, 0.5, false);
        for (int k = 0; k < T; k++) {
            assertEquals((0.01 + 0.04) / 2 * k * k, m.msd()[k], 1e-12);
            assertEquals(0.01 / 2 * k * k, m.msdX()[k], 1e-12);
            // X(t) = (0.1 t, -0.2 t, 0): MSCD = |ΔX|²/N
            assertEquals((0.01 + 0.04) * k * k / 2, m.mscd()[k], 1e-12);
            assertEquals(0.5 * k, m.timePs()[k]);
        }
        assertEquals(9, m.independentOrigins(1));
    }

    @Test
    void msdAlongTriclinicLatticeVectors() {
        // b = (3, 4, 0): an atom moving 0.1 per frame along b̂ has MSD_b = 0.01 k², MSD_a = (0.1·0.6)² k²
        var cell = new org.mtpj.core.model.Cell(new double[][] {{10, 0, 0}, {3, 4, 0}, {0, 0, 7}});
        int T = 6;
        double[][] p = new double[T][3];
        for (int t = 0; t < T; t++) { p[t][0] = 0.1 * 0.6 * t; p[t][1] = 0.1 * 0.8 * t; }
        double[][] abc = MsdCalculator.alongLattice(p, 1, cell);
        for (int k = 0; k < T; k++) {
            assertEquals(0.0036 * k * k, abc[0][k], 1e-12);
            assertEquals(0.01 * k * k, abc[1][k], 1e-12);
            assertEquals(0, abc[2][k], 1e-12);
        }
    }
}
