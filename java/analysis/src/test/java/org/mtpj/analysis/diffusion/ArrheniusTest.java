package org.mtpj.analysis.diffusion;

import static org.junit.jupiter.api.Assertions.*;
import static org.mtpj.testkit.Tolerances.ROUNDING;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtpj.analysis.cli.ArrheniusCommand;
import picocli.CommandLine;

class ArrheniusTest {
    @Test
    void exactArrheniusDataGivesItsParameters() {
        double ea = 0.35, d0 = 2e-3;
        double[] t = {600, 900, 1000, 1200};
        double[] d = new double[4];
        for (int i = 0; i < 4; i++) d[i] = d0 * Math.exp(-ea / (Arrhenius.K_B * t[i]));
        Arrhenius a = Arrhenius.fit(t, d, 300);
        assertEquals(ea, a.ea(), 1e-12);
        assertEquals(d0, a.d0(), 1e-15);
        assertEquals(d0 * Math.exp(-ea / (Arrhenius.K_B * 300)), a.dAtTarget(), 1e-20);
        assertEquals(0, a.eaErr(), 1e-12);
    }

    /**
     * A hand-worked case: 1/T = {1, 2, 3, 4}·10⁻³ K⁻¹ (T = 1000, 500, 333.3, 250 K) and
     * ln D = ln 10⁻² − {1, 0, 3, 2}·0.5. In u = 1000/T − 1 = {0, 1, 2, 3} this is StraightLineFitTest's
     * line scaled by −0.5: slope −0.3 per u = −300 K, so Ea = 300 k_B and ln D0 = ln 10⁻² exactly;
     * SSR = 3.2·0.25 = 0.8, s² = 0.4, Sxx = 5·10⁻⁶ K⁻², x̄ = 2.5·10⁻³ K⁻¹.
     */
    private static final double[] T = {1000, 500, 1000.0 / 3, 250};
    private static final double[] D = new double[4];
    static {
        int[] k = {1, 0, 3, 2};
        for (int i = 0; i < 4; i++) D[i] = 1e-2 * Math.exp(-0.5 * k[i]);
    }

    private static void assertRelative(double want, double got, String what) {
        assertEquals(want, got, ROUNDING * Math.abs(want), what);
    }

    @Test
    void olsFitOfAHandWorkedCase() {
        Arrhenius a = Arrhenius.fit(T, D, 300);
        assertRelative(300 * Arrhenius.K_B, a.ea(), "Ea = 300 k_B");
        assertRelative(1e-2, a.d0(), "D0");
        // se(slope) = s/√Sxx = √(0.4/5e-6) = 1000·√0.08 K
        assertRelative(1000 * Math.sqrt(0.08) * Arrhenius.K_B, a.eaErr(), "se(Ea)");
        // se(ln D0) = s·√(1/n + x̄²/Sxx) = √(0.4·(0.25 + 1.25)) = √0.6
        assertRelative(Math.sqrt(0.6), a.lnD0Err(), "se(ln D0)");
        // at 300 K: ln D = ln 10⁻² − 300/300; se = s·√(1/4 + (1/300 − 1/400)²/Sxx) = √(0.4·(1/4 + 5/36)) = √(1.4/9)
        assertRelative(1e-2 * Math.exp(-1), a.dAtTarget(), "D(300 K)");
        assertRelative(Math.sqrt(1.4 / 9), a.lnDAtTargetErr(), "se(ln D(300 K))");
        assertTrue(a.factorAtTarget() > 1);
    }

    /**
     * The same D, each with a standard error of half its value: σ(ln D) = 0.5, w = 4, W = 16; the
     * line is the OLS one, errors from σ alone: se(slope) = 1/√(w·Sxx) = 1/√(2·10⁻⁵) K,
     * se(ln D0) = √(1/W + x̄²/(w·Sxx)) = √(1/16 + 0.3125) = √0.375, χ²/(n−2) = 4·0.8/2 = 1.6.
     */
    @Test
    void weightedFitOfAHandWorkedCase() {
        double[] se = new double[4];
        for (int i = 0; i < 4; i++) se[i] = 0.5 * D[i];
        Arrhenius a = Arrhenius.fit(T, D, se, 300);
        assertTrue(a.weighted());
        assertRelative(300 * Arrhenius.K_B, a.ea(), "Ea = 300 k_B");
        assertRelative(Arrhenius.K_B / Math.sqrt(2e-5), a.eaErr(), "se(Ea)");
        assertRelative(Math.sqrt(0.375), a.lnD0Err(), "se(ln D0)");
        assertRelative(1.6, a.fit().reducedChi2(), "chi2 per degree of freedom");
    }

    /** Noisy D with known errors: Ea within one stated standard error in 68 % of the cases, as a calibrated error must. */
    @Test
    void weightedErrorOfEaIsCalibrated() {
        double ea = 1.8, d0 = 1e-2;
        double[] t = {3500, 4000, 4500};
        double[] rel = {0.25, 0.10, 0.05};   // lower T diffuses less and is measured worse
        Random rnd = new Random(11);
        int trials = 2000, within = 0;
        for (int k = 0; k < trials; k++) {
            double[] d = new double[3], se = new double[3];
            for (int i = 0; i < 3; i++) {
                d[i] = d0 * Math.exp(-ea / (Arrhenius.K_B * t[i]) + rel[i] * rnd.nextGaussian());
                se[i] = rel[i] * d[i];
            }
            Arrhenius a = Arrhenius.fit(t, d, se, 300);
            if (Math.abs(a.ea() - ea) <= a.eaErr()) within++;
        }
        // binomial sd of the fraction ~0.01: the band is ±3 sd around 68.3 %
        double f = within / (double) trials;
        assertTrue(f > 0.652 && f < 0.714, "Ea within 1 se in " + f);
    }

    @TempDir Path tmp;

    static int run(String... args) {
        CommandLine cl = new CommandLine(new ArrheniusCommand());
        cl.setExecutionExceptionHandler((e, c, p) -> { throw e; });
        return cl.execute(args);
    }

    static double ea(Path arrheniusTsv) throws Exception {
        for (String l : Files.readAllLines(arrheniusTsv)) if (l.startsWith("Ea\t")) return Double.parseDouble(l.split("\t")[1]);
        throw new AssertionError("no Ea row");
    }

    @Test
    void commandReadsStandardErrorsFromATableOrFromDiffusionTables() throws Exception {
        double[] t = {3500, 4000, 4500};
        double[] d = {1.1e-5, 2.3e-5, 3.2e-5}, ols = {1e-7, 1e-7, 1e-7}, comb = {0.2e-5, 0.1e-5, 0.4e-5};
        Arrhenius want = Arrhenius.fit(t, d, comb, 300);
        Path table = tmp.resolve("D.tsv");
        Files.write(table, List.of("T_K\tD_cm2s\tD_se_cm2s", "3500\t1.1e-5\t0.2e-5", "4000\t2.3e-5\t0.1e-5", "4500\t3.2e-5\t0.4e-5"));
        assertEquals(0, run(table.toString(), "--out", tmp.resolve("a").toString()));
        assertEquals(want.ea(), ea(tmp.resolve("a/arrhenius.tsv")), 1e-12);
        assertTrue(Files.readString(tmp.resolve("a/arrhenius.tsv")).contains("chi2_per_dof"));
        // T=FILE: the layout of 'mtpj diffusion --blocks' tables; the combined error is the one used
        String[] pairs = new String[3];
        for (int i = 0; i < 3; i++) {
            Path f = tmp.resolve("d" + i + ".tsv");
            Files.write(f, List.of("case\twindow_ps\tquantity\tvalue_cm2s\tstderr_cm2s\tblocks_cm2s\tstderr_blocks_cm2s\tstderr_combined_cm2s",
                    "c\t1-2\tD_tracer\t" + d[i] + "\t" + ols[i] + "\t1e-5,2e-5\t" + comb[i] + "\t" + comb[i],
                    "c\t1-2\tD_sigma\t1e-5\t1e-7\t1e-5,2e-5\t1e-6\t1e-6"));
            pairs[i] = (int) t[i] + "=" + f;
        }
        assertEquals(0, run(pairs[0], pairs[1], pairs[2], "--out", tmp.resolve("b").toString()));
        assertEquals(want.ea(), ea(tmp.resolve("b/arrhenius.tsv")), 1e-12);
        // a plain two-column table stays an unweighted fit
        Files.write(table, List.of("T_K\tD_cm2s", "3500\t1.1e-5", "4000\t2.3e-5", "4500\t3.2e-5"));
        assertEquals(0, run(table.toString(), "--out", tmp.resolve("c").toString()));
        assertEquals(Arrhenius.fit(t, d, 300).ea(), ea(tmp.resolve("c/arrhenius.tsv")), 1e-12);
    }

    /** A point whose MSD was not diffusive is fitted, but named once on stderr, counted in the table and in the summary line. */
    @Test
    void nonDiffusiveDiffusionTablesAreNamedAndCounted() throws Exception {
        double[] t = {3500, 4000, 4500}, d = {1.1e-5, 2.3e-5, 3.2e-5}, cal = {0.2e-5, 0.1e-5, 0.4e-5};
        String[] diffusive = {"yes", "no", "yes"};
        String[] args = new String[5];
        for (int i = 0; i < 3; i++) {
            Path f = tmp.resolve("n" + i + ".tsv");
            Files.write(f, List.of("case\twindow_ps\tquantity\tvalue_cm2s\tstderr_cm2s\tstderr_calibrated_cm2s\tloglog_slope\tloglog_slope_stderr\tdiffusive",
                    "c\t2-5\tD_tracer\t" + d[i] + "\t1e-7\t" + cal[i] + "\t0.9\t0.01\t" + diffusive[i]));
            args[i] = (int) t[i] + "=" + f;
        }
        args[3] = "--out";
        args[4] = tmp.resolve("n").toString();
        java.io.PrintStream o = System.out, e = System.err;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(), err = new java.io.ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
            System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
            code = run(args);
        } finally {
            System.setOut(o);
            System.setErr(e);
        }
        String stdout = out.toString(java.nio.charset.StandardCharsets.UTF_8), stderr = err.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, code, stderr);
        List<String> warnings = stderr.lines().filter(l -> l.startsWith("WARNING:")).toList();
        assertEquals(1, warnings.size(), stderr);
        assertTrue(warnings.get(0).startsWith("WARNING: 4000 K: the MSD was not diffusive"), warnings.get(0));
        assertTrue(stdout.contains("weighted by their standard errors (stderr_calibrated_cm2s)"), stdout);
        assertTrue(stdout.contains("1 of 3 points NOT diffusive"), stdout);
        assertTrue(Files.readAllLines(tmp.resolve("n/arrhenius.tsv")).contains("points_not_diffusive\t1\t\tcount"));
        assertEquals(Arrhenius.fit(t, d, cal, 300).ea(), ea(tmp.resolve("n/arrhenius.tsv")), 1e-12);
        assertTrue(Files.size(tmp.resolve("n/arrhenius.png")) > 0);
    }
}
