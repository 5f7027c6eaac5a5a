package org.mtpj.analysis.diffusion;

import static org.junit.jupiter.api.Assertions.*;

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

    @Test
    void standardErrorsFollowTheOlsFormulas() {
        double[] t = {300, 600, 900, 1000, 1200};
        double[] d = {1.832291e-06, 3.430927e-06, 4.755946e-06, 5.651171e-06, 8.725519e-06};
        Arrhenius a = Arrhenius.fit(t, d, 300);
        int n = 5;
        double[] x = new double[n], y = new double[n];
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) { x[i] = 1 / t[i]; y[i] = Math.log(d[i]); mx += x[i] / n; my += y[i] / n; }
        double sxx = 0, sxy = 0;
        for (int i = 0; i < n; i++) { sxx += (x[i] - mx) * (x[i] - mx); sxy += (x[i] - mx) * (y[i] - my); }
        double b = sxy / sxx, c = my - b * mx, ssr = 0;
        for (int i = 0; i < n; i++) ssr += Math.pow(y[i] - c - b * x[i], 2);
        double s = Math.sqrt(ssr / (n - 2));
        assertEquals(-b * Arrhenius.K_B, a.ea(), 1e-15);
        assertEquals(s / Math.sqrt(sxx) * Arrhenius.K_B, a.eaErr(), 1e-15);
        assertEquals(s * Math.sqrt(1.0 / n + mx * mx / sxx), a.lnD0Err(), 1e-12);
        assertEquals(s * Math.sqrt(1.0 / n + Math.pow(1 / 300.0 - mx, 2) / sxx), a.lnDAtTargetErr(), 1e-12);
        assertTrue(a.factorAtTarget() > 1);
    }

    @Test
    void weightedFitFollowsTheWeightedFormulas() {
        double[] t = {3500, 4000, 4500, 5000};
        double[] d = {1.1e-5, 2.3e-5, 3.2e-5, 5.5e-5};
        double[] se = {0.2e-5, 0.1e-5, 0.4e-5, 0.3e-5};
        Arrhenius a = Arrhenius.fit(t, d, se, 300);
        assertTrue(a.weighted());
        double sw = 0, mx = 0, my = 0;
        double[] x = new double[4], y = new double[4], w = new double[4];
        for (int i = 0; i < 4; i++) {
            x[i] = 1 / t[i]; y[i] = Math.log(d[i]); w[i] = Math.pow(d[i] / se[i], 2);
            sw += w[i]; mx += w[i] * x[i]; my += w[i] * y[i];
        }
        mx /= sw; my /= sw;
        double sxx = 0, sxy = 0;
        for (int i = 0; i < 4; i++) { sxx += w[i] * (x[i] - mx) * (x[i] - mx); sxy += w[i] * (x[i] - mx) * (y[i] - my); }
        assertEquals(-sxy / sxx * Arrhenius.K_B, a.ea(), 1e-12);
        assertEquals(Arrhenius.K_B / Math.sqrt(sxx), a.eaErr(), 1e-12);
        assertEquals(Math.sqrt(1 / sw + mx * mx / sxx), a.lnD0Err(), 1e-9);
        double chi2 = 0, b = sxy / sxx, c = my - b * mx;
        for (int i = 0; i < 4; i++) chi2 += w[i] * Math.pow(y[i] - c - b * x[i], 2);
        assertEquals(chi2 / 2, a.fit().reducedChi2(), 1e-9 * chi2);
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
}
