package org.mtpj.core.io;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtpj.core.model.Configuration;

/** MLIP-2's definitions on a hand-computed case (mtp-spec.md §7.5). */
class ErrorReportTest {
    private static Configuration cfg(double e, double[] f, double[] w) {
        Configuration c = new Configuration(2);
        c.latticeRows = 3;
        for (int k = 0; k < 3; k++) c.lattice[k][k] = 2; // V = 8
        c.energy = e;
        c.forces = f;
        c.plusStress = w;
        return c;
    }

    @Test
    void definitionsIncludingTheOddDivisors() {
        ErrorReport r = new ErrorReport();
        Configuration ref = cfg(-10, new double[] {3, 0, 0, 0, 4, 0}, new double[] {1, 1, 1, 0, 0, 0});
        Configuration check = cfg(-9, new double[] {3, 0, 0, 0, 4, 3}, new double[] {1, 1, 3, 0, 0, 1});
        r.add(check, ref);
        assertEquals(1, r.energy().max());
        assertEquals(0.5, r.energyPerAtom().max());
        // forces: deltas 0 and 3; average divides the norm sum by 3 x atoms
        assertEquals(3, r.forces().max());
        assertEquals(3.0 / 6, r.forces().average(3));
        assertEquals(Math.sqrt(9.0 / 6), r.forces().rms(3));
        assertEquals(3.0 / 4, r.forces().maxRatio());
        assertEquals(Math.sqrt(9.0 / 25), r.forces().rmsRatio());
        // stress: dW has zz = 2 and xy = 1 (counted twice): ||dW||_F = sqrt(4 + 2) ; average / 9
        double d = Math.sqrt(6);
        assertEquals(d, r.stress().max(), 1e-15);
        assertEquals(d / 9, r.stress().average(9), 1e-15);
        assertEquals(d / Math.sqrt(3), r.stress().maxRatio(), 1e-15);
        assertEquals(d * 160.2176487 / 8, r.stressGpa().max(), 1e-12);
        String text = r.text("TRAIN ERRORS");
        assertTrue(text.startsWith("\t\t* * * TRAIN ERRORS * * *\n\n_________________Errors report_________________\nEnergy:\n"
                + "\tErrors checked for 1 configurations\n\tMaximal absolute difference = 1\n"), text);
        assertTrue(text.contains("Forces:\n\tErrors checked for 2 atoms\n\tMaximal absolute difference = 3\n"
                + "\tAverage absolute difference = 0.5\n\tRMS     absolute difference = 1.22474\n"
                + "\tMax(ForceDiff) / Max(Force) = 0.75\n\tRMS(ForceDiff) / RMS(Force) = 0.6\n"), text);
        assertTrue(text.endsWith("_______________________________________________\n\n"));
    }

    @Test
    void clustersAreLeftOutOfTheGpaBlock() {
        ErrorReport r = new ErrorReport();
        Configuration a = new Configuration(1), b = new Configuration(1);
        a.plusStress = new double[6];
        b.plusStress = new double[] {1, 0, 0, 0, 0, 0};
        r.add(b, a);
        assertEquals(1, r.stress().count());
        assertEquals(0, r.stressGpa().count());
        assertEquals(1, r.nonPeriodicSkipped());
        assertEquals(Double.POSITIVE_INFINITY, r.stress().maxRatio()); // reference stress is zero
    }

    /**
     * MPI ranks each report on a share and combine (sums of the additive state, maxima of the
     * maxima): the combined report is the one-pass report, text and full-precision rows, for any
     * split and order of the parts, because the sums are exact.
     */
    @Test
    void reportsOfPartsCombineIntoTheWholeReport() {
        List<Configuration> ref = TestFiles.readCfgs(org.mtpj.testkit.Shared.file("reference/mlip2/dump600K_frames00-09.cfg"));
        java.util.Random random = new java.util.Random(5);
        List<Configuration> check = new java.util.ArrayList<>();
        for (Configuration r : ref) {
            Configuration c = r.copy();
            c.energy += random.nextGaussian();
            for (int k = 0; k < c.forces.length; k++) c.forces[k] += 0.1 * random.nextGaussian() * Math.pow(10, random.nextInt(6) - 3);
            for (int k = 0; k < 6; k++) c.plusStress[k] += random.nextGaussian();
            check.add(c);
        }
        ErrorReport whole = new ErrorReport();
        for (int i = 0; i < ref.size(); i++) whole.add(check.get(i), ref.get(i));
        for (int[] cuts : new int[][] {{0, 3, 10}, {0, 1, 2, 9, 10}, {0, 0, 10}}) {
            long[] additive = null;
            double[] maxima = null;
            // the parts in reverse order: the combination must not depend on it
            for (int p = cuts.length - 2; p >= 0; p--) {
                ErrorReport part = new ErrorReport();
                for (int i = cuts[p]; i < cuts[p + 1]; i++) part.add(check.get(i), ref.get(i));
                long[] a = part.additiveState();
                double[] m = part.maxima();
                if (additive == null) { additive = a; maxima = m; continue; }
                for (int k = 0; k < a.length; k++) additive[k] += a[k];
                for (int k = 0; k < m.length; k++) maxima[k] = Math.max(maxima[k], m[k]);
            }
            ErrorReport combined = new ErrorReport();
            combined.setCombined(additive, maxima);
            assertEquals(whole.text("TRAIN ERRORS"), combined.text("TRAIN ERRORS"), java.util.Arrays.toString(cuts));
            for (int r = 0; r < whole.rows().size(); r++)
                assertArrayEquals(whole.rows().get(r), combined.rows().get(r), java.util.Arrays.toString(cuts));
        }
    }
}
