package org.mtpj.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report names the oracle and the species from parameters.tsv, not from the SiO2 demo it grew
 * up on: a one-species Stillinger-Weber silicon folder gives tables, legends, verdict and JSON in
 * terms of "SW" and Si only, and the verdict does not blame the reach of an oracle the MTP's
 * cutoff covers.
 */
class OracleFromParametersTest {
    @TempDir Path demo;

    static final List<String> TEMPS = List.of("3000", "2200", "1700");

    @Test
    void oneSpeciesShortRangedOracleIsNamedFromItsParameters() throws IOException {
        DemoFolderFixture.write(demo, "SW", List.of("Si"), TEMPS, (run, sp) -> true);
        DemoParameters params = DemoParameters.read(demo);
        for (String[] kv : new String[][] {{"variant", "quick"}, {"oracle", "si-sw"}, {"system", "liquid Si"}, {"counts", "256"},
                {"density", "2.50"}, {"lmp_version", "29 Aug 2024"}, {"oracle_label", "Stillinger-Weber silicon"}, {"potfile", "/p/Si.sw"},
                {"pair_style", "sw"}, {"oracle_range", "3.77"}, {"rcut", "5.0"}, {"max_iter", "75"}})
            params.put(kv[0], kv[1]);
        MdSection md = MdSection.read(demo, TEMPS, 256, params.species());
        DiffusionSection diffusion = DiffusionSection.read(demo, params, md);
        ArrheniusSection arrhenius = ArrheniusSection.read(demo, TEMPS, diffusion);
        Path out = Files.createDirectories(demo.resolve("report"));
        md.writeFiles(out);
        diffusion.writeFiles(out, md, 0.001, 2, 5);
        arrhenius.plot(TEMPS, diffusion, out.resolve("arrhenius"));

        assertEquals("potential\tT_target_K\tT_mean_K\tP_mean_GPa\tsteps\tloop_s\tus_per_atom_step\tmsd_end_Si_A2\twall_E_max_eV\tpreselected\tmax_grade",
                Files.readAllLines(out.resolve("md_runs.tsv")).get(0));
        assertEquals(3, diffusion.compareCount());
        String text = SummaryText.title(params.all()) + diffusion.markdown(params.all()) + arrhenius.markdown() + arrhenius.verdict()
                + SummaryText.verdict(params.all(), 2, 3, 0, diffusion.evidence());
        assertTrue(text.contains("liquid Si (256 Si, 2.50 g/cm³). Reference (the oracle): LAMMPS 29 Aug 2024 with Stillinger-Weber silicon "
                + "(`/p/Si.sw`, `pair_style sw`, range 3.77 Å)"), text);
        assertTrue(text.contains("| T (K) | species | D SW | D MTP | MTP/SW | z | |"), text);
        assertTrue(text.contains("| 1700 | Si | 0.1500 ± 0.0075 | 0.1500 ± 0.0075 | 1.00 | 0.0 | agree |"), text);
        assertTrue(text.contains("Si: E_a 2.100 ± 0.090 eV (MTP) vs 2.100 ± 0.090 eV (SW)"), text);
        assertTrue(text.contains("D(MTP)/D(SW) ranges from 1.00 to 1.00"), text);
        assertTrue(text.contains("Likely reasons, in order (not the reach: R_cut = 5.0 Å covers SW's 3.77 Å): (1) the training set"), text);
        assertFalse(text.contains("Vashishta") || text.contains(" O ") || text.contains("10 Å"), text);
        assertEquals(Set.of("Si"), arrhenius.comparisonJson().keySet());
        for (String f : List.of("arrhenius.png", "msd_T1700.png")) assertTrue(Files.size(out.resolve(f)) > 0, f);
    }

    @Test
    void longRangedOracleKeepsTheReachAsFirstReason() throws IOException {
        DemoFolderFixture.write(demo, "Vashishta", List.of("Si", "O"), List.of("5000", "4000", "3500"), (run, sp) -> true);
        Map<String, String> p = DemoParameters.read(demo).all();
        p.put("oracle_range", "10");
        p.put("rcut", "5.0");
        p.put("max_iter", "200");
        String verdict = SummaryText.verdict(p, 5, 6, 0, "");
        assertTrue(verdict.contains("Likely reasons, in order: (1) Vashishta's interactions reach 10 Å while the MTP sees only R_cut = 5.0 Å"), verdict);
        assertTrue(verdict.contains("(2) the training set is small"), verdict);
    }
}
