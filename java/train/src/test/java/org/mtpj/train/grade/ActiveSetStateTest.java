package org.mtpj.train.grade;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtpj.core.io.InputFormatException;
import org.mtpj.core.model.Configuration;

/** Save → load of the active-set state restores A, owners, weights and grades. */
class ActiveSetStateTest {
    @TempDir Path dir;

    @Test
    void roundTripKeepsGrades() throws Exception {
        SelectionSession s = new SelectionSession(GradeReferenceTest.pot(), RowWeights.CONFIGURATION_MODE, 1e-5);
        List<Configuration> frames = GradeReferenceTest.cfgs("dump600K_frames00-09");
        s.selectFrom(frames.subList(0, 4), 1.1, 1.0000001, 0);
        Path f = dir.resolve("state.als");
        ActiveSetState.save(s, f);
        SelectionSession t = ActiveSetState.load(f);
        assertEquals(s.weights(), t.weights());
        assertEquals(4, t.configurations().size());
        assertEquals(s.activeSet().filledSlots(), t.activeSet().filledSlots());
        int n = s.activeSet().size();
        for (int j = 0; j < n; j++) assertArrayEquals(s.activeSet().row(j), t.activeSet().row(j), 0.0);
        assertArrayEquals(s.potential().coefficients(), t.potential().coefficients(), 0.0);
        for (Configuration c : frames.subList(3, 7)) {
            double a = s.grade(c).value(), b = t.grade(c).value();
            assertEquals(a, b, 1e-9 * a);
        }
        // owners point at the stored configurations, in slot order
        for (int j = 0; j < n; j++) {
            int o = t.activeSet().owner(j);
            assertTrue(o == ActiveSet.INITIAL || o < 4);
        }
    }

    @Test
    void siteGradesEqualConfigurationAtomGrades() {
        SelectionSession s = new SelectionSession(GradeReferenceTest.pot(), RowWeights.NEIGHBOURHOOD_MODE, 1e-5);
        List<Configuration> edge = GradeReferenceTest.cfgs("edge_cases");
        s.selectFrom(edge.subList(0, 2), 1.1, 1.0000001, 0);
        Configuration c = edge.get(0);
        double[] atoms = s.grade(c).atomGrades();
        org.mtpj.core.eval.NeighbourList nl = org.mtpj.core.eval.NeighbourList.build(c, s.potential().cutoff());
        org.mtpj.core.eval.SiteEvaluator se = new org.mtpj.core.eval.SiteEvaluator(s.potential());
        double[] row = new double[s.activeSet().size()];
        for (int i = 0; i < c.size; i++) {
            double g = s.siteGrade(se, c.types[i], nl.count(i), nl.types, nl.offsets[i], nl.rij, 3 * nl.offsets[i], row);
            assertEquals(atoms[i], g, 1e-9 * atoms[i]);
        }
    }

    @Test
    void garbageIsAClearError() throws Exception {
        Path f = dir.resolve("bad.als");
        Files.writeString(f, "\u0001binary MLIP-2 state\n");
        InputFormatException e = assertThrows(InputFormatException.class, () -> ActiveSetState.load(f));
        assertTrue(e.getMessage().contains("bad.als:1"), e.getMessage());
        Files.writeString(f, ActiveSetState.MAGIC + "\nweights = 1 0\n");
        e = assertThrows(InputFormatException.class, () -> ActiveSetState.load(f));
        assertTrue(e.getMessage().contains(":2"), e.getMessage());
    }

    @Test
    void mlip2sBinaryStateIsNamedWithTheRebuildCommand() throws Exception {
        Path f = dir.resolve("state.als");
        Files.write(f, new byte[] {8, 0, 0, 0, 'M', 'T', 'P', 0, (byte) 0xff, 1, 2, 3});
        assertEquals(ActiveSetState.Kind.MLIP2_BINARY, ActiveSetState.kindOf(f));
        InputFormatException e = assertThrows(InputFormatException.class, () -> ActiveSetState.load(f));
        assertTrue(e.getMessage().startsWith(f + ":1: a binary file (MLIP-2's state.als is binary)"), e.getMessage());
        assertTrue(e.getMessage().contains("mtpj calc-grade POT.mtp TRAIN.cfg TRAIN.cfg graded.cfg --nbh-weight=1 --energy-weight=0"
                + " --als-filename=" + f), e.getMessage());
        Files.writeString(f, "some text\n");
        assertEquals(ActiveSetState.Kind.OTHER, ActiveSetState.kindOf(f));
    }
}
