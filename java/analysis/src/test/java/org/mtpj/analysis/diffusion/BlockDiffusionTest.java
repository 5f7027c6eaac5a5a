package org.mtpj.analysis.diffusion;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtpj.analysis.cli.DiffusionCommand;
import org.mtpj.core.UserError;
import picocli.CommandLine;

/**
 * {@code mtpj diffusion --blocks}: independent random walks with a known D, written as real LAMMPS
 * dumps (wrapped positions in a periodic box) and analysed end to end. The block error must cover
 * the true D about as often as a standard error should, and must not do so by being too large.
 */
class BlockDiffusionTest {
    @TempDir Path tmp;

    static final double D_TRUE_A2PS = 0.1;       // 1e-5 cm²/s
    static final double FRAME_PS = 0.1;           // 100 steps of 1 fs
    static final int FRAMES = 1001, WALKERS = 32, BLOCKS = 5;
    static final double BOX = 15;

    /** Gaussian steps of variance 2·D·Δt per axis; positions wrapped into [0, BOX). */
    static Path walk(Path file, long seed) throws Exception {
        Random rnd = new Random(seed);
        double[] x = new double[3 * WALKERS];
        for (int i = 0; i < x.length; i++) x[i] = rnd.nextDouble() * BOX;
        double sd = Math.sqrt(2 * D_TRUE_A2PS * FRAME_PS);
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            for (int t = 0; t < FRAMES; t++) {
                if (t > 0) for (int i = 0; i < x.length; i++) x[i] += sd * rnd.nextGaussian();
                w.write("ITEM: TIMESTEP\n" + 100L * t + "\nITEM: NUMBER OF ATOMS\n" + WALKERS + "\nITEM: BOX BOUNDS pp pp pp\n");
                for (int a = 0; a < 3; a++) w.write("0 " + BOX + "\n");
                w.write("ITEM: ATOMS id type x y z\n");
                for (int i = 0; i < WALKERS; i++) {
                    w.write(String.format(Locale.ROOT, "%d 1 %.6f %.6f %.6f%n", i + 1, wrap(x[3 * i]), wrap(x[3 * i + 1]), wrap(x[3 * i + 2])));
                }
            }
        }
        return file;
    }

    static double wrap(double v) { return v - BOX * Math.floor(v / BOX); }

    static int run(String... args) {
        CommandLine cl = new CommandLine(new DiffusionCommand());
        cl.setExecutionExceptionHandler((e, c, p) -> { throw e; });
        return cl.execute(args);
    }

    /** {value, stderr (calibrated), stderr_blocks, stderr_combined} of one quantity row (cm²/s). */
    static double[] row(Path tsv, String quantity) throws Exception {
        List<String> lines = Files.readAllLines(tsv);
        List<String> h = List.of(lines.get(0).split("\t"));
        assertTrue(lines.get(0).startsWith("case\twindow_ps\tquantity\tvalue_cm2s\tstderr_cm2s\t") && lines.get(0).endsWith(
                "\tblocks_cm2s\tstderr_blocks_cm2s\tstderr_combined_cm2s"), lines.get(0));
        for (String l : lines) {
            String[] t = l.split("\t", -1);
            if (t[2].equals(quantity)) {
                assertEquals(BLOCKS, t[h.indexOf("blocks_cm2s")].split(",").length, l);
                return new double[] {Double.parseDouble(t[3]), Double.parseDouble(t[h.indexOf("stderr_calibrated_cm2s")]),
                        Double.parseDouble(t[h.indexOf("stderr_blocks_cm2s")]), Double.parseDouble(t[h.indexOf("stderr_combined_cm2s")])};
            }
        }
        throw new AssertionError("no row " + quantity + " in " + lines);
    }

    @Test
    void blockErrorCoversTheTrueDiffusionCoefficient() throws Exception {
        int trials = 40;
        double truth = D_TRUE_A2PS * DiffusionResult.A2_PER_PS_TO_CM2_PER_S;
        for (String q : new String[] {"D_tracer", "D_sigma"}) {
            int within2 = 0;
            double sumSq = 0;
            double[] se = new double[trials];
            for (int k = 0; k < trials; k++) {
                Path dump = walk(tmp.resolve("walk.dump"), 1000 + k);
                Path tsv = tmp.resolve("d.tsv");
                assertEquals(0, run(dump.toString(), "--types", "Li", "--species", "Li", "--drift", "none", "--timestep-ps", "0.001",
                        "--window", "1:20", "--blocks", Integer.toString(BLOCKS), "--quiet", "--tsv", tsv.toString()));
                double[] r = row(tsv, q);
                assertEquals(Math.max(r[1], r[2]), r[3], 0, "combined = max(calibrated, blocks)");
                if (Math.abs(r[0] - truth) <= 2 * r[3]) within2++;
                sumSq += (r[0] - truth) * (r[0] - truth);
                se[k] = r[2];
            }
            double rms = Math.sqrt(sumSq / trials);
            Arrays.sort(se);
            double median = (se[trials / 2 - 1] + se[trials / 2]) / 2;
            // t with 4 degrees of freedom covers 88 % within 2; the whole-run fit scatters less than a block mean
            assertTrue(within2 >= 0.8 * trials, q + ": true D within 2 combined se in only " + within2 + " of " + trials);
            // calibrated, not merely wide: the typical block error is the size of the actual error
            assertTrue(median > 0.5 * rms && median < 2 * rms, q + ": median block se " + median + " against rms error " + rms);
        }
    }

    @Test
    void windowEndIsClippedToHalfABlock() {
        Random rnd = new Random(7);
        double[][] pos = new double[101][6];
        for (int t = 1; t < pos.length; t++)
            for (int c = 0; c < 6; c++) pos[t][c] = pos[t - 1][c] + rnd.nextGaussian();
        BlockDiffusion b = BlockDiffusion.fit(pos, 2, 0.5, 4, 1, 40);
        // 101 frames in 4 blocks: the shortest holds 25 frames = 12 ps; half of it is 6 ps
        assertEquals(4, b.count());
        assertEquals(1, b.tMinPs(), 0);
        assertEquals(6, b.tMaxPs(), 1e-12);   // lags 0.5 ps apart: 6 ps is a lag
        for (DiffusionResult r : b.blocks()) assertEquals(6, r.tMaxPs(), 1e-12);
        double[] v = b.values(DiffusionResult::dTracer);
        double m = (v[0] + v[1] + v[2] + v[3]) / 4, ss = 0;
        for (double x : v) ss += (x - m) * (x - m);
        assertEquals(m, b.mean(DiffusionResult::dTracer), 1e-15 * Math.abs(m));
        assertEquals(Math.sqrt(ss / 3 / 4), b.stdErr(DiffusionResult::dTracer), 1e-12 * Math.sqrt(ss));
        UserError e = assertThrows(UserError.class, () -> BlockDiffusion.fit(pos, 2, 0.5, 10, 4, 40));
        assertTrue(e.getMessage().contains("fewer blocks"), e.getMessage());
        assertThrows(UserError.class, () -> BlockDiffusion.fit(pos, 2, 0.5, 1, 1, 40));
    }
}
