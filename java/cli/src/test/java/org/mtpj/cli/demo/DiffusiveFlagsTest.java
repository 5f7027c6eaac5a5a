package org.mtpj.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo report does not fit a non-diffusive window silently: a demo folder in the layout of
 * scripts/demo (LAMMPS logs, 'mtpj diffusion --blocks' and 'mtpj arrhenius' tables) where the
 * 3500 K runs and the MTP's 4000 K O run are not diffusive. Their D and the Ea built on them carry
 * the mark, the verdict counts those comparisons, summary.json and diffusion.tsv say it per run.
 */
class DiffusiveFlagsTest {
    @TempDir Path demo;

    static final List<String> TEMPS = List.of("5000", "4000", "3500");

    @Test
    void nonDiffusiveRunsAreMarkedCountedAndNamedInTheVerdict() throws IOException {
        Files.writeString(demo.resolve("parameters.tsv"), "md_temps\t5000 4000 3500\nfit_lo\t2\nfit_hi\t5\ntimestep_ps\t0.001\nnblocks\t4\n"
                + "fit_hi_block\t2.4\n");
        for (String pot : MdSection.POTENTIALS)
            for (String t : TEMPS) {
                writeLog(pot, t);
                for (String sp : DiffusionSection.SPECIES) {
                    boolean diffusive = !t.equals("3500") && !(pot.equals("mtp") && t.equals("4000") && sp.equals("O"));
                    writeDiffusionTable(pot, t, sp, diffusive);
                }
            }
        for (String pot : MdSection.POTENTIALS)
            for (String sp : DiffusionSection.SPECIES) {
                Path dir = Files.createDirectories(demo.resolve("analysis/arrhenius_" + pot + "_" + sp));
                Files.writeString(dir.resolve("arrhenius.tsv"), "quantity\tvalue\tstderr\tunit\nEa\t2.1\t0.09\teV\nD0\t0.015\t\tcm2/s\n");
            }
        DemoParameters params = DemoParameters.read(demo);
        MdSection md = MdSection.read(demo, TEMPS, 384);
        DiffusionSection diffusion = DiffusionSection.read(demo, params, md);
        ArrheniusSection arrhenius = ArrheniusSection.read(demo, TEMPS, diffusion);
        Path out = Files.createDirectories(demo.resolve("report"));
        diffusion.writeFiles(out, md, 0.001, 2, 5);
        arrhenius.plot(TEMPS, diffusion, out.resolve("arrhenius"));

        // 3500 K Si and O, 4000 K O: 3 of 6 comparisons rest on a non-diffusive window
        assertEquals(3, diffusion.notDiffusiveCount());
        Map<String, Object> json = new LinkedHashMap<>();
        diffusion.putJson(json);
        assertEquals(3, json.get("not_diffusive_count"));
        @SuppressWarnings("unchecked") List<Map<String, Object>> runs = (List<Map<String, Object>>) json.get("diffusion");
        assertEquals(12, runs.size());
        assertEquals(7L, runs.stream().filter(r -> Boolean.TRUE.equals(r.get("diffusive"))).count());
        List<String> tsv = Files.readAllLines(out.resolve("diffusion.tsv"));
        assertTrue(tsv.get(0).endsWith("\tloglog_slope\tloglog_slope_se\tdiffusive"), tsv.get(0));
        assertTrue(tsv.stream().anyMatch(l -> l.startsWith("mtp\t4000\tO\t") && l.endsWith("\tno")), String.join("\n", tsv));

        String md4 = diffusion.markdown(params.all());
        assertTrue(md4.contains("| 4000 | O | 0.4000 ± 0.0200 | 0.4000 ± 0.0200" + DiffusionSection.NOT_DIFFUSIVE_MARK + " | 1.00 | 0.0 | agree (not diffusive) |"),
                md4);
        assertTrue(md4.contains("| 5000 | Si | 1.0000 ± 0.0500 | 1.0000 ± 0.0500 | 1.00 | 0.0 | agree |"), md4);
        assertTrue(md4.contains("mtp 4000 K O (log-log slope 0.80 ± 0.02)"), md4);

        String table = arrhenius.markdown();
        assertTrue(table.contains("| mtp | O | 2.1000" + DiffusionSection.NOT_DIFFUSIVE_MARK + " | 0.0900 | 0.01500 | 4000, 3500 K |"), table);
        assertTrue(arrhenius.verdict().contains("**not activation energies of diffusion**: the MSD is not diffusive over the fit window at "
                + "Vashishta 3500 K, MTP 4000, 3500 K"), arrhenius.verdict());
        assertEquals(Boolean.FALSE, ((Map<?, ?>) arrhenius.comparisonJson().get("O")).get("diffusive"));

        String verdict = SummaryText.verdict(params.all(), diffusion.agreeCount(), diffusion.compareCount(), diffusion.notDiffusiveCount(), "");
        assertTrue(verdict.contains("**3 of 6 comparisons rest on fit windows where the MSD is not diffusive**"), verdict);
        assertTrue(verdict.contains("give the same D over the fit window"), verdict);
        assertFalse(verdict.contains("same diffusion coefficients"), verdict);
        for (String f : List.of("arrhenius.png", "arrhenius.svg", "msd_T4000.png")) assertTrue(Files.size(out.resolve(f)) > 0, f);
    }

    /** A production block of Step, Temp, Press and LAMMPS' MSDs growing 6 Å²/ps (1 ps = 1000 steps of 1 fs). */
    private void writeLog(String pot, String t) throws IOException {
        Path dir = Files.createDirectories(demo.resolve("md/" + pot + "_T" + t));
        StringBuilder log = new StringBuilder("Step Temp Press c_msdSi[4] c_msdO[4]\n");
        for (int k = 0; k <= 5; k++) log.append(String.format(Locale.ROOT, "%d %s 10000 %d %d%n", 1000 * k, t, 6 * k, 6 * k));
        log.append("Loop time of 2 on 1 procs for 5000 steps with 384 atoms\n");
        Files.writeString(dir.resolve("log.lammps"), log);
    }

    /** The D_tracer row of 'mtpj diffusion --blocks': D = 1, 0.4, 0.15 Å²/ps at 5000, 4000, 3500 K with a 5 % error. */
    private void writeDiffusionTable(String pot, String t, String sp, boolean diffusive) throws IOException {
        double d = switch (t) { case "5000" -> 1e-4; case "4000" -> 0.4e-4; default -> 0.15e-4; };
        Path dir = Files.createDirectories(demo.resolve("analysis/" + pot + "_T" + t + "/" + sp));
        List<String> rows = new ArrayList<>();
        rows.add("case\twindow_ps\tquantity\tvalue_cm2s\tstderr_cm2s\tstderr_calibrated_cm2s\tloglog_slope\tloglog_slope_stderr\tdiffusive"
                + "\tblocks_cm2s\tstderr_blocks_cm2s\tstderr_combined_cm2s");
        rows.add(String.join("\t", pot + "_T" + t, "2-5", "D_tracer", Double.toString(d), Double.toString(d / 1000), Double.toString(0.05 * d),
                diffusive ? "0.95" : "0.80", "0.02", diffusive ? "yes" : "no", d + "," + d, Double.toString(0.01 * d), Double.toString(0.05 * d)));
        Files.write(dir.resolve("diffusion.tsv"), rows);
    }
}
