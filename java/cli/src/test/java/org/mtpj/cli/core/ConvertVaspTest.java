package org.mtpj.cli.core;

import static org.junit.jupiter.api.Assertions.*;
import static org.mtpj.cli.core.CoreCommandsTest.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtpj.core.io.CfgReader;
import org.mtpj.host.CfgFiles;
import org.mtpj.core.model.Configuration;
import org.mtpj.testkit.SyntheticVaspRun;
import org.mtpj.testkit.SyntheticVaspRun.Step;

/**
 * {@code mtpj convert} from VASP runs whose numbers are known (testkit's generator): the .cfg
 * holds exactly those numbers with vasp-io.md's conventions; many runs become one training set;
 * --append keeps the existing file byte for byte.
 */
class ConvertVaspTest {
    @TempDir Path tmp;

    static Path write(Path p, String text) throws Exception {
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, java.nio.charset.StandardCharsets.ISO_8859_1);
        return p;
    }

    /** Configuration c is step st of run, its species renumbered through map (run's species → ours). */
    static void assertStep(SyntheticVaspRun run, Step st, Configuration c, int[] map, double posTol, double stressTol) {
        assertEquals(run.size(), c.size);
        for (int r = 0; r < 3; r++) assertArrayEquals(st.lattice[r], c.lattice[r]);
        assertArrayEquals(st.positions, c.positions, posTol);
        assertArrayEquals(st.forces, c.forces);
        assertEquals(st.energy, c.energy);
        double[] t = st.totalVasp;
        assertArrayEquals(new double[] {t[0], t[1], t[2], t[4], t[5], t[3]}, c.plusStress, stressTol);
        for (int i = 0; i < c.size; i++) assertEquals(map[run.typeOf(i)], c.types[i]);
        assertEquals(st.iterations >= run.nelm ? "VASP_not_converged" : "VASP", c.features.get("EFS_by"));
    }

    @Test
    void outcarBecomesOneConfigurationPerIonicStep() throws Exception {
        SyntheticVaspRun run = SyntheticVaspRun.random(21, new String[] {"Mg", "V", "O"}, new int[] {2, 4, 10}, 3, true, false);
        run.steps.get(1).iterations = run.nelm;
        Path outcar = write(tmp.resolve("OUTCAR"), run.outcar());
        Path cfg = tmp.resolve("train.cfg");
        CoreCommandsTest.Run r = run("convert", outcar.toString(), cfg.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("Processed 3 configurations\n", r.out());
        List<Configuration> got = CfgFiles.readAll(cfg);
        for (int s = 0; s < 3; s++) assertStep(run, run.steps.get(s), got.get(s), new int[] {0, 1, 2}, 0, 0);
        assertEquals("VASP_not_converged", got.get(1).features.get("EFS_by"));
    }

    @Test
    void folderOfRunsBecomesOneTrainingSetWithSpeciesByName() throws Exception {
        SyntheticVaspRun a = SyntheticVaspRun.random(22, new String[] {"Mg", "O"}, new int[] {2, 3}, 2, true, false);
        SyntheticVaspRun b = SyntheticVaspRun.random(23, new String[] {"O", "Mg"}, new int[] {4, 1}, 3, true, true);
        SyntheticVaspRun c = SyntheticVaspRun.random(24, new String[] {"Mg", "O"}, new int[] {1, 1}, 1, true, false);
        write(tmp.resolve("runs/a/OUTCAR"), a.outcar());
        write(tmp.resolve("runs/b/vasprun.xml"), b.vasprun());
        write(tmp.resolve("runs/c/OUTCAR"), c.outcar());
        write(tmp.resolve("runs/c/vasprun.xml"), c.vasprun()); // the same run twice: taken once (its OUTCAR)
        Path cfg = tmp.resolve("train.cfg");
        CoreCommandsTest.Run r = run("convert", tmp.resolve("runs").toString(), cfg.toString(), "--types", "Mg,O");
        assertEquals(0, r.code(), r.err());
        assertEquals("Processed 6 configurations from 3 files\n", r.out());
        assertTrue(r.err().contains("[2/3] " + tmp.resolve("runs/b/vasprun.xml") + ": 3 configuration(s)"), r.err());
        List<Configuration> got = CfgFiles.readAll(cfg);
        assertEquals(6, got.size());
        assertStep(a, a.steps.get(1), got.get(1), new int[] {0, 1}, 0, 0);
        for (int s = 0; s < 3; s++) assertStep(b, b.steps.get(s), got.get(2 + s), new int[] {1, 0}, 1e-6, 1e-5);
        assertStep(c, c.steps.get(0), got.get(5), new int[] {0, 1}, 0, 0);

        // without --types: numbered by first appearance (Mg, O from run a), said on stderr
        CoreCommandsTest.Run n = run("convert", tmp.resolve("runs").toString(), tmp.resolve("n.cfg").toString());
        assertEquals(0, n.code(), n.err());
        assertTrue(n.err().contains("species numbered in order of appearance Mg,O"), n.err());
        assertArrayEquals(got.get(3).types, CfgFiles.readAll(tmp.resolve("n.cfg")).get(3).types);
    }

    @Test
    void appendKeepsTheExistingFileAndAddsTheRun() throws Exception {
        SyntheticVaspRun run = SyntheticVaspRun.random(25, new String[] {"Mg", "O"}, new int[] {2, 2}, 2, true, false);
        Path outcar = write(tmp.resolve("OUTCAR"), run.outcar());
        Path cfg = tmp.resolve("train.cfg");
        String existing = Files.readString(org.mtpj.testkit.Shared.file("reference/mlip2/edge_cases.cfg"), java.nio.charset.StandardCharsets.ISO_8859_1);
        int before = CfgReader.parse(existing, "edge_cases.cfg", w -> {}).size();
        write(cfg, existing);
        CoreCommandsTest.Run r = run("convert", outcar.toString(), cfg.toString(), "--append");
        assertEquals(0, r.code(), r.err());
        String after = Files.readString(cfg, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(after.startsWith(existing), "the existing configurations are kept byte for byte");
        List<Configuration> all = CfgFiles.readAll(cfg);
        assertEquals(before + 2, all.size());
        assertStep(run, run.steps.get(1), all.get(before + 1), new int[] {0, 1}, 0, 0);

        // a bad input: exit 2, one line with file:line, the file untouched
        String full = run.outcar();
        Path bad = write(tmp.resolve("bad/OUTCAR"), full.substring(0, full.indexOf("  FREE ENERGIE")));
        CoreCommandsTest.Run b = run("convert", bad.toString(), cfg.toString(), "--append");
        assertEquals(2, b.code());
        assertTrue(b.err().matches("mtpj: " + java.util.regex.Pattern.quote(bad.toString()) + ":\\d+: no complete ionic step.*\n"), b.err());
        assertEquals(after, Files.readString(cfg, java.nio.charset.StandardCharsets.ISO_8859_1));
        // appending to something that is not a .cfg
        Path notCfg = write(tmp.resolve("notes.cfg"), "hello\n");
        CoreCommandsTest.Run nc = run("convert", outcar.toString(), notCfg.toString(), "--append");
        assertEquals(2, nc.code());
        assertTrue(nc.err().contains("notes.cfg:1: --append: expected an existing .cfg"), nc.err());
    }

    @Test
    void truncatedOutcarConvertsItsCompleteStepsWithAWarning() throws Exception {
        SyntheticVaspRun run = SyntheticVaspRun.random(26, new String[] {"Mg", "O"}, new int[] {2, 2}, 3, true, false);
        String full = run.outcar();
        String cut = full.substring(0, full.lastIndexOf("POSITION") + 300);
        Path outcar = write(tmp.resolve("OUTCAR_killed"), cut);
        CoreCommandsTest.Run r = run("convert", outcar.toString(), tmp.resolve("t.cfg").toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("Processed 2 configurations\n", r.out());
        long lines = cut.chars().filter(ch -> ch == '\n').count() + 1;
        assertEquals("mtpj convert: warning: " + outcar + ":" + lines + ": the OUTCAR ends here, before VASP's timing footer (run killed?): kept its 2 complete ionic step(s)\n", r.err());
    }

    @Test
    void outcarToExtendedXyzAndBackKeepsTheNumbers() throws Exception {
        SyntheticVaspRun run = SyntheticVaspRun.random(27, new String[] {"Mg", "O"}, new int[] {3, 2}, 2, true, true);
        Path outcar = write(tmp.resolve("OUTCAR"), run.outcar());
        Path xyz = tmp.resolve("train.extxyz");
        CoreCommandsTest.Run r = run("convert", outcar.toString(), xyz.toString());
        assertEquals(0, r.code(), r.err());
        String text = Files.readString(xyz);
        // ASE's keys; element names from the OUTCAR
        assertTrue(text.startsWith("5\nLattice=\"" + run.steps.get(0).lattice[0][0] + " "), text.substring(0, 80));
        assertTrue(text.contains("Properties=species:S:1:pos:R:3:forces:R:3 energy=" + run.steps.get(0).energy + " stress=\""), text.substring(0, 300));
        assertTrue(text.contains("\nMg " + run.steps.get(0).positions[0] + " "), text.substring(0, 400));
        Path back = tmp.resolve("back.cfg");
        CoreCommandsTest.Run b = run("convert", xyz.toString(), back.toString(), "--types", "Mg,O");
        assertEquals(0, b.code(), b.err());
        List<Configuration> got = CfgFiles.readAll(back);
        // stress / V and back: PlusStress within rounding of the division
        for (int s = 0; s < 2; s++) assertStep(run, run.steps.get(s), got.get(s), new int[] {0, 1}, 0, 1e-12);
    }

    @Test
    void xdatcarTakesTheEnergiesOfItsOszicar() throws Exception {
        // VASP 5 XDATCAR of an MD run and its OSZICAR (F= is TOTEN); ionic step 3 has no OSZICAR line
        String cell = "     4.000000    0.000000    0.000000\n     0.000000    5.000000    0.000000\n     0.000000    0.000000    6.000000\n";
        Path xdatcar = write(tmp.resolve("md/XDATCAR"), "O Mg run\n           1\n" + cell + "   O    Mg\n     1     1\n"
                + "Direct configuration=     1\n  0.10000000  0.20000000  0.30000000\n  0.50000000  0.50000000  0.50000000\n"
                + "Direct configuration=     2\n  0.12500000  0.20000000  0.30000000\n  0.50000000  0.50000000  0.75000000\n"
                + "Direct configuration=     3\n  0.25000000  0.20000000  0.30000000\n  0.50000000  0.50000000  0.00000000\n");
        write(tmp.resolve("md/OSZICAR"), "       N       E                     dE             d eps       ncg     rms          rms(c)\n"
                + "DAV:   1     0.123456789E+03    0.12346E+03   -0.45678E+03  1234   0.112E+02\n"
                + "RMM:   2    -0.76300000E+03   -0.88E+03   -0.32E+02  1555   0.28E+01    0.12E+01\n"
                + "   1 T=   600. E= -.76332618E+03 F= -.76400413E+03 E0= -.76400421E+03  EK= 0.67788E+00 SP= 0.00E+00 SK= 0.00E+00\n"
                + "RMM:   1    -0.76300000E+03   -0.88E+03   -0.32E+02  1555   0.28E+01    0.12E+01\n"
                + "   2 T=   590. E= -.76332618E+03 F= -.76412500E+03 E0= -.76400421E+03  EK= 0.67788E+00 SP= 0.00E+00 SK= 0.00E+00\n");
        Path cfg = tmp.resolve("md.cfg");
        CoreCommandsTest.Run r = run("convert", xdatcar.toString(), cfg.toString(), "--types", "Mg,O");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("1 XDATCAR configuration(s) have no ionic step in the OSZICAR"), r.err());
        List<Configuration> got = CfgFiles.readAll(cfg);
        assertEquals(3, got.size());
        assertEquals(-764.00413, got.get(0).energy);
        assertEquals(-764.125, got.get(1).energy);
        assertFalse(got.get(2).hasEnergy());
        assertArrayEquals(new int[] {1, 0}, got.get(0).types, "O is species 1 of --types Mg,O");
        assertArrayEquals(new double[] {0.5, 1.0, 1.8, 2.0, 2.5, 4.5}, got.get(1).positions, 1e-12);
        assertArrayEquals(new double[] {0, 5, 0}, got.get(1).lattice[1]);
        assertNull(got.get(0).forces);
        // the OSZICAR is an input too: not to be overwritten
        CoreCommandsTest.Run over = run("convert", xdatcar.toString(), tmp.resolve("md/OSZICAR").toString(), "--to", "cfg");
        assertEquals(2, over.code());
        assertTrue(over.err().contains("is the same file as input"), over.err());
    }
}
