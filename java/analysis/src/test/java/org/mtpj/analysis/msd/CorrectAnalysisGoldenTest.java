package org.mtpj.analysis.msd;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mtpj.analysis.diffusion.DiffusionFit;
import org.mtpj.analysis.diffusion.DiffusionResult;
import org.mtpj.analysis.traj.DriftCorrection;
import org.mtpj.analysis.traj.MobileTrajectory;
import org.mtpj.analysis.traj.SpeciesMap;
import org.mtpj.core.io.LammpsDumpReader;
import org.mtpj.host.LammpsDumpFiles;
import org.mtpj.testkit.Shared;

/** The correct analysis of the study's 600 K dump against correct_600K_msd.tsv / correct_600K_D.tsv (rtol 1e-9). */
class CorrectAnalysisGoldenTest {

    static MsdResult msd600(boolean direct) {
        Path dump = Shared.file("data/amorphous-MgV2O5/dump_600K.lammpstrj");
        List<String> warnings = new ArrayList<>();
        MobileTrajectory traj;
        try (var r = LammpsDumpFiles.open(dump, warnings::add)) {
            traj = MobileTrajectory.load(r, new SpeciesMap(List.of("Mg", "V", "O")), Set.of("Mg"), DriftCorrection.FRAMEWORK, 1,
                    warnings::add, null);
        }
        assertEquals(26, traj.frames());
        assertEquals(96, traj.mobileAtoms());
        assertEquals(List.of(), warnings);
        return MsdCalculator.compute(traj.positions, traj.mobileAtoms(), traj.frameSpacingPs(0.002, null), direct);
    }

    static List<String[]> tsv(String rel) throws Exception {
        List<String[]> rows = new ArrayList<>();
        for (String l : Files.readAllLines(Shared.file(rel))) if (!l.isBlank()) rows.add(l.split("\t", -1));
        return rows;
    }

    static void close(double expected, double actual, double rtol, double atol, String what) {
        assertTrue(Math.abs(expected - actual) <= atol + rtol * Math.abs(expected),
                what + ": expected " + expected + " got " + actual + " (rel " + Math.abs(expected - actual) / Math.abs(expected) + ")");
    }

    @Test
    void msdTableMatchesReference() throws Exception {
        MsdResult m = msd600(false);
        List<String[]> ref = tsv("reference/analysis/correct_600K_msd.tsv");
        assertArrayEquals(new String[] {"t_ps", "MSD_A2", "MSD_x", "MSD_y", "MSD_z", "MSCD_A2"}, ref.get(0));
        assertEquals(m.lags(), ref.size() - 1);
        // lag 0 is 0 by definition; the reference holds its FFT rounding noise there (|MSCD(0)| = 1.2e-11
        // from uncentred sums of 96 positions), so check that it is noise and that ours is exactly 0
        String[] r0 = ref.get(1);
        for (int c = 1; c < 6; c++) {
            assertTrue(Math.abs(Double.parseDouble(r0[c])) < 1e-10, "reference lag 0 is rounding noise");
            assertEquals(0.0, new double[] {0, m.msd()[0], m.msdX()[0], m.msdY()[0], m.msdZ()[0], m.mscd()[0]}[c]);
        }
        for (int k = 1; k < m.lags(); k++) {
            String[] r = ref.get(k + 1);
            double[] ours = {m.timePs()[k], m.msd()[k], m.msdX()[k], m.msdY()[k], m.msdZ()[k], m.mscd()[k]};
            for (int c = 0; c < 6; c++) close(Double.parseDouble(r[c]), ours[c], 1e-9, 1e-12, "lag " + k + " column " + ref.get(0)[c]);
        }
        close(0.2872090271993982, m.msd()[1], 1e-9, 0, "MSD(2 ps)");
        close(0.9746904112645542, m.msd()[25], 1e-9, 0, "MSD(50 ps)");
    }

    @Test
    void fftEqualsDirectDoubleLoop() {
        MsdResult f = msd600(false), d = msd600(true);
        for (int k = 1; k < f.lags(); k++) {
            close(d.msd()[k], f.msd()[k], 1e-12, 0, "msd " + k);
            close(d.msdX()[k], f.msdX()[k], 1e-9, 0, "x " + k);
            close(d.mscd()[k], f.mscd()[k], 1e-12, 0, "mscd " + k);
        }
    }

    @Test
    void diffusionTableMatchesReference() throws Exception {
        MsdResult m = msd600(false);
        List<String[]> ref = tsv("reference/analysis/correct_600K_D.tsv");
        int checked = 0;
        for (String[] r : ref.subList(1, ref.size())) {
            String[] w = r[1].split("-");
            DiffusionResult d = DiffusionFit.fit(m, Double.parseDouble(w[0]), Double.parseDouble(w[1]), null);
            double[] v = switch (r[2]) {
                case "D_tracer" -> new double[] {d.dTracer(), d.dTracerErr()};
                case "D_sigma" -> new double[] {d.dSigma(), d.dSigmaErr()};
                case "Haven" -> new double[] {d.haven(), Double.NaN};
                case "D_x" -> new double[] {d.dX(), d.dXErr()};
                case "D_y" -> new double[] {d.dY(), d.dYErr()};
                case "D_z" -> new double[] {d.dZ(), d.dZErr()};
                default -> throw new AssertionError(r[2]);
            };
            close(Double.parseDouble(r[3]), v[0], 1e-9, 0, r[1] + " " + r[2]);
            if (!r[4].isEmpty()) close(Double.parseDouble(r[4]), v[1], 1e-9, 0, r[1] + " " + r[2] + " stderr");
            checked++;
        }
        assertEquals(18, checked);
    }
}
