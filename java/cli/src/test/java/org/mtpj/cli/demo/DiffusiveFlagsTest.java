package org.mtpj.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
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
    static final List<String> SPECIES = List.of("Si", "O");

    @Test
    void nonDiffusiveRunsAreMarkedCountedAndNamedInTheVerdict() throws IOException {
        DemoFolderFixture.write(demo, "Vashishta", SPECIES, TEMPS,
                (run, sp) -> !run.endsWith("/3500") && !(run.equals("mtp/4000") && sp.equals("O")));
        DemoParameters params = DemoParameters.read(demo);
        MdSection md = MdSection.read(demo, TEMPS, 384, params.species());
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
}
