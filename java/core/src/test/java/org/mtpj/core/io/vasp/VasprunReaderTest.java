package org.mtpj.core.io.vasp;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtpj.core.io.InputFormatException;
import org.mtpj.core.model.Configuration;
import org.mtpj.testkit.SyntheticVaspRun;
import org.mtpj.testkit.SyntheticVaspRun.Step;

/**
 * vasprun.xml against the run's known numbers and against the OUTCAR of the same run
 * (vasp-io.md: same numbers; PlusStress from kBar × V equals the Total line to its 5 decimals).
 */
class VasprunReaderTest {
    /** vasprun.xml prints fractional positions with 8 decimals: Å agree to 1e-6 (vasp-io.md's 6 decimals). */
    static final double POSITION_TOL = 1e-6;
    /** The OUTCAR's Total line has 5 decimals (eV): PlusStress from kBar agrees to that. */
    static final double PLUS_STRESS_TOL = 1e-5;

    final List<String> warnings = new ArrayList<>();

    List<Configuration> read(String xml, String name) {
        try (VasprunReader r = VasprunReader.of(new ByteArrayInputStream(xml.getBytes(StandardCharsets.ISO_8859_1)), name, warnings::add)) {
            List<Configuration> out = new ArrayList<>();
            for (Configuration c; (c = r.next()) != null; ) out.add(c);
            return out;
        }
    }

    static List<Configuration> outcar(SyntheticVaspRun run) {
        try (OutcarReader r = OutcarReader.of(new StringReader(run.outcar()), "OUTCAR", w -> fail(w))) {
            List<Configuration> out = new ArrayList<>();
            for (Configuration c; (c = r.next()) != null; ) out.add(c);
            return out;
        }
    }

    @Test
    void sameNumbersAsTheRunAndItsOutcar() {
        SyntheticVaspRun run = SyntheticVaspRun.random(11, new String[] {"Mg", "V", "O"}, new int[] {2, 2, 4}, 4, true, true);
        run.steps.get(2).iterations = run.nelm;
        List<Configuration> xml = read(run.vasprun(), "vasprun.xml");
        List<Configuration> out = outcar(run);
        assertEquals(4, xml.size());
        for (int s = 0; s < 4; s++) {
            Step st = run.steps.get(s);
            Configuration x = xml.get(s), o = out.get(s);
            for (int r = 0; r < 3; r++) assertArrayEquals(st.lattice[r], x.lattice[r]);
            assertArrayEquals(st.positions, x.positions, POSITION_TOL, "step " + s);
            assertArrayEquals(st.forces, x.forces, "step " + s);
            assertEquals(st.energy, x.energy);
            double[] t = st.totalVasp;
            assertArrayEquals(new double[] {t[0], t[1], t[2], t[4], t[5], t[3]}, x.plusStress, PLUS_STRESS_TOL, "step " + s);
            assertArrayEquals(o.plusStress, x.plusStress, PLUS_STRESS_TOL);
            assertArrayEquals(o.types, x.types);
            assertEquals(o.features, x.features, "step " + s);
        }
        assertEquals("VASP_not_converged", xml.get(2).features.get("EFS_by"));
        assertEquals(List.of(), warnings);
    }

    @Test
    void elementsAndNoStressWithoutTheStressArray() {
        SyntheticVaspRun run = SyntheticVaspRun.random(12, new String[] {"Si", "O"}, new int[] {3, 6}, 2, false, false);
        try (VasprunReader r = VasprunReader.of(new ByteArrayInputStream(run.vasprun().getBytes(StandardCharsets.ISO_8859_1)), "v.xml", warnings::add)) {
            Configuration c = r.next();
            assertNull(c.plusStress);
            assertEquals(List.of("Si", "O"), r.elements());
            assertArrayEquals(new int[] {0, 0, 0, 1, 1, 1, 1, 1, 1}, c.types);
        }
    }

    @Test
    void truncatedFileKeepsCompleteCalculationsWithAWarning() {
        SyntheticVaspRun run = SyntheticVaspRun.random(13, new String[] {"Mg"}, new int[] {4}, 3, true, false);
        String full = run.vasprun();
        int third = full.indexOf("<calculation>", full.indexOf("<calculation>", full.indexOf("<calculation>") + 1) + 1);
        String cut = full.substring(0, full.indexOf("<varray name=\"forces\"", third) + 40);
        List<Configuration> got = read(cut, "run/vasprun.xml");
        assertEquals(2, got.size());
        assertEquals(run.steps.get(1).energy, got.get(1).energy);
        assertEquals(1, warnings.size());
        long lines = cut.chars().filter(ch -> ch == '\n').count() + 1;
        assertTrue(warnings.get(0).startsWith("run/vasprun.xml:" + lines + ": "), warnings.get(0));
    }

    @Test
    void malformedOrEmptyIsAnErrorWithFileAndLine() {
        SyntheticVaspRun run = SyntheticVaspRun.random(14, new String[] {"Mg"}, new int[] {2}, 2, true, false);
        String full = run.vasprun();
        int row = full.indexOf("<v> ", full.indexOf("<calculation>")); // the first basis row of the first calculation
        String bad = full.substring(0, row) + "<v> 1.0 x " + full.substring(row + 4);
        InputFormatException e = assertThrows(InputFormatException.class, () -> read(bad, "v.xml"));
        long line = full.substring(0, row).chars().filter(ch -> ch == '\n').count() + 1;
        assertEquals(line, e.line(), e.getMessage());
        String noCalc = full.substring(0, full.indexOf(" <calculation>")) + "</modeling>\n";
        InputFormatException none = assertThrows(InputFormatException.class, () -> read(noCalc, "v.xml"));
        assertTrue(none.getMessage().contains("at least one <calculation>"), none.getMessage());
        InputFormatException notXml = assertThrows(InputFormatException.class, () -> read("POSITION\n", "v.xml"));
        assertTrue(notXml.getMessage().startsWith("v.xml:1: "), notXml.getMessage());
    }
}
