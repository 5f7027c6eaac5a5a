package org.mtpj.core.io.vasp;

import static org.junit.jupiter.api.Assertions.*;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtpj.core.io.InputFormatException;
import org.mtpj.core.model.Configuration;
import org.mtpj.testkit.SyntheticVaspRun;
import org.mtpj.testkit.SyntheticVaspRun.Step;

/**
 * The OUTCAR reader against runs whose numbers are known (testkit's generator writes them in
 * VASP's layout at VASP's printed precision): every field must be exactly the run's number,
 * with vasp-io.md's conventions (TOTEN, Total line reordered, species by ions per type).
 */
class OutcarReaderTest {
    final List<String> warnings = new ArrayList<>();

    List<Configuration> read(String text, String name) {
        try (OutcarReader r = OutcarReader.of(new StringReader(text), name, warnings::add)) {
            List<Configuration> out = new ArrayList<>();
            for (Configuration c; (c = r.next()) != null; ) out.add(c);
            return out;
        }
    }

    /** Each configuration is its step: positions, forces, cell, TOTEN, types, Total line as PlusStress xx yy zz yz xz xy. */
    static void assertSteps(SyntheticVaspRun run, List<Configuration> got) {
        assertEquals(run.steps.size(), got.size());
        for (int s = 0; s < got.size(); s++) {
            Step st = run.steps.get(s);
            Configuration c = got.get(s);
            assertEquals(run.size(), c.size);
            assertEquals(3, c.latticeRows);
            for (int r = 0; r < 3; r++) assertArrayEquals(st.lattice[r], c.lattice[r], "step " + s + " cell row " + r);
            assertArrayEquals(st.positions, c.positions, "step " + s);
            assertArrayEquals(st.forces, c.forces, "step " + s);
            assertEquals(st.energy, c.energy, "step " + s);
            for (int i = 0; i < c.size; i++) assertEquals(run.typeOf(i), c.types[i]);
            if (st.totalVasp == null) assertNull(c.plusStress, "no stress block, no PlusStress");
            else {
                double[] t = st.totalVasp; // XX YY ZZ XY YZ ZX
                assertArrayEquals(new double[] {t[0], t[1], t[2], t[4], t[5], t[3]}, c.plusStress, "step " + s);
            }
            assertEquals(st.iterations >= run.nelm ? "VASP_not_converged" : "VASP", c.features.get("EFS_by"));
        }
    }

    @Test
    void mdRunWithStressGivesEveryStepWithItsNumbers() {
        SyntheticVaspRun run = SyntheticVaspRun.random(1, new String[] {"Mg", "V", "O"}, new int[] {2, 3, 5}, 3, true, false);
        try (OutcarReader r = OutcarReader.of(new StringReader(run.outcar()), "OUTCAR", warnings::add)) {
            List<Configuration> got = new ArrayList<>();
            for (Configuration c; (c = r.next()) != null; ) got.add(c);
            assertSteps(run, got);
            assertEquals(List.of("Mg", "V", "O"), r.elements());
        }
        assertEquals(List.of(), warnings);
    }

    @Test
    void relaxationWithVariableCellTakesEachStepsLattice() {
        SyntheticVaspRun run = SyntheticVaspRun.random(2, new String[] {"Si"}, new int[] {8}, 9, true, true);
        assertSteps(run, read(run.outcar(), "OUTCAR"));
    }

    @Test
    void runWithoutStressHasNoPlusStress() {
        SyntheticVaspRun run = SyntheticVaspRun.random(3, new String[] {"Mg", "O"}, new int[] {4, 4}, 2, false, false);
        List<Configuration> got = read(run.outcar(), "OUTCAR");
        assertSteps(run, got);
        assertNull(got.get(0).plusStress);
    }

    @Test
    void stepThatUsedNelmIterationsIsMarkedNotConverged() {
        SyntheticVaspRun run = SyntheticVaspRun.random(4, new String[] {"Mg", "O"}, new int[] {1, 1}, 3, true, false);
        run.steps.get(1).iterations = run.nelm;
        run.steps.get(2).iterations = run.nelm - 1;
        List<Configuration> got = read(run.outcar(), "OUTCAR");
        assertEquals("VASP", got.get(0).features.get("EFS_by"));
        assertEquals("VASP_not_converged", got.get(1).features.get("EFS_by"));
        assertEquals("VASP", got.get(2).features.get("EFS_by"));
    }

    @Test
    void columnsThatRunIntoEachOtherAreSplit() {
        SyntheticVaspRun run = SyntheticVaspRun.random(5, new String[] {"O"}, new int[] {2}, 1, true, false);
        run.steps.get(0).totalVasp = new double[] {-12345.67891, -10000.5, 3.25, -99999.99999, 0.5, -0.25};
        String text = run.outcar();
        assertTrue(text.contains("-12345.67891-10000.50000"), "the generator prints full-width columns without a space");
        assertSteps(run, read(text, "OUTCAR"));
    }

    @Test
    void truncatedFileKeepsCompleteStepsAndWarnsWithFileAndLine() {
        SyntheticVaspRun run = SyntheticVaspRun.random(6, new String[] {"Mg", "O"}, new int[] {3, 3}, 3, true, false);
        String full = run.outcar();
        // cut inside the third step's position rows, mid-line
        int third = full.indexOf("POSITION", full.indexOf("POSITION", full.indexOf("POSITION") + 1) + 1);
        String cut = full.substring(0, full.indexOf('\n', third + 200) - 20);
        List<Configuration> got = read(cut, "run/OUTCAR");
        assertEquals(2, got.size());
        SyntheticVaspRun two = SyntheticVaspRun.random(6, new String[] {"Mg", "O"}, new int[] {3, 3}, 3, true, false);
        two.steps.remove(2);
        assertSteps(two, got);
        long lines = cut.chars().filter(ch -> ch == '\n').count() + 1;
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("run/OUTCAR:" + lines + ": "), warnings.get(0));
        assertTrue(warnings.get(0).contains("2 complete ionic step(s)"), warnings.get(0));
    }

    @Test
    void fileWithoutCompleteStepIsAnErrorAtItsLastLine() {
        SyntheticVaspRun run = SyntheticVaspRun.random(7, new String[] {"Mg"}, new int[] {2}, 1, true, false);
        String full = run.outcar();
        String cut = full.substring(0, full.indexOf("  FREE ENERGIE"));
        long lines = cut.chars().filter(ch -> ch == '\n').count();
        InputFormatException e = assertThrows(InputFormatException.class, () -> read(cut, "OUTCAR"));
        assertEquals("OUTCAR", e.file());
        assertEquals(lines, e.line());
        assertTrue(e.getMessage().contains("no complete ionic step"), e.getMessage());
        InputFormatException notOutcar = assertThrows(InputFormatException.class, () -> read("hello\nworld\n", "x.txt"));
        assertTrue(notOutcar.getMessage().startsWith("x.txt:2: expected an OUTCAR"), notOutcar.getMessage());
    }

    @Test
    void badPositionRowIsAnErrorAtItsLine() {
        SyntheticVaspRun run = SyntheticVaspRun.random(8, new String[] {"Mg", "O"}, new int[] {2, 2}, 2, true, false);
        String full = run.outcar();
        int pos = full.indexOf("POSITION");
        int row2 = full.indexOf('\n', full.indexOf('\n', full.indexOf('\n', pos) + 1) + 1) + 1; // second atom's row
        String bad = full.substring(0, row2) + "    1.0 2.0 x.0 0.1 0.2 0.3\n" + full.substring(full.indexOf('\n', row2) + 1);
        long line = full.substring(0, row2).chars().filter(ch -> ch == '\n').count() + 1;
        InputFormatException e = assertThrows(InputFormatException.class, () -> read(bad, "OUTCAR"));
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("expected x y z fx fy fz"), e.getMessage());
    }
}
