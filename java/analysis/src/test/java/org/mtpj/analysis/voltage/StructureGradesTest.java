package org.mtpj.analysis.voltage;

import static org.junit.jupiter.api.Assertions.*;
import static org.mtpj.testkit.Tolerances.MLIP2_GRADE;
import static org.mtpj.testkit.Tolerances.MLIP2_GRADE_PRINTED;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtpj.analysis.cli.VoltageCommand;
import org.mtpj.core.UserError;
import org.mtpj.core.io.CfgWriter;
import org.mtpj.host.CfgFiles;
import org.mtpj.testkit.Shared;
import picocli.CommandLine;

/** Grades of voltage structures against a training set of the study's MD frames (x = 1). */
class StructureGradesTest {
    static final List<String> TYPES = List.of("Mg", "V", "O");
    @TempDir static Path dir;
    static Path pot, train, frame, full, empty;
    static StructureGrades grades;

    @BeforeAll
    static void files() throws Exception {
        pot = Shared.file("data/amorphous-MgV2O5/pot.mtp");
        // Ten 768-atom frames of the study's 600 K MD (one frame leaves the active set rank-deficient).
        train = Shared.file("reference/mlip2/dump600K_frames00-09.cfg");
        frame = dir.resolve("frame0.cfg");
        CfgFiles.writeAll(frame, CfgFiles.readAll(train).subList(0, 1), CfgWriter.Style.LOSSLESS);
        Path src = Shared.file("data/amorphous-MgV2O5/pylro/POSCAR_300K");
        full = StructureEnergiesTest.withMg(src, 12, dir.resolve("full.POSCAR"));
        empty = StructureEnergiesTest.withMg(src, 0, dir.resolve("empty.POSCAR"));
        grades = new StructureGrades(pot, train, "nbh", TYPES);
    }

    @Test
    void trainingFrameIsInsideAndTheMgFreeCellExtrapolates() {
        StructureGrades g = grades;
        assertEquals("nbh", g.mode());
        double own = g.grade(frame), x0 = g.grade(empty), x1 = g.grade(full);
        assertTrue(own <= 1.0000001 && own > 0.5, "a selected configuration has grade <= 1 (swap threshold), got " + own);
        assertTrue(x0 > 2, "V24 O60 lies outside a training set at x = 1, got " + x0);
        assertTrue(x1 < 2, "the study's own x = 1 cell is inside its MD frames, got " + x1);
        assertTrue(x1 < x0, "x = 1 cell (" + x1 + ") should be closer to the x = 1 training data than x = 0 (" + x0 + ")");
    }

    @Test
    void voltageCommandWritesGradeRows() throws Exception {
        Path tsv = dir.resolve("v.tsv");
        var sw = new java.io.StringWriter();
        CommandLine cl = new CommandLine(new VoltageCommand());
        cl.setOut(new java.io.PrintWriter(sw));
        int rc = cl.execute(empty.toString(), full.toString(), "--pot", pot.toString(), "--types", "Mg,V,O",
                "--mg-metal", "-1.5", "--grade-train", train.toString(), "--tsv", tsv.toString(), "--no-plot", "--threads", "1");
        assertEquals(0, rc, sw.toString());
        List<String> lines = Files.readAllLines(tsv);
        double x0 = value(lines, "MV_grade_x0"), x1 = value(lines, "MV_grade_x1");
        // what the grades must say physically (the values themselves: gradesAreMlip2s below)
        assertTrue(x0 > 2, "V24 O60 lies outside a training set at x = 1, got " + x0);
        assertTrue(x1 < x0, "x = 1 cell (" + x1 + ") closer to the x = 1 training data than x = 0 (" + x0 + ")");
        assertTrue(sw.toString().contains("extrapolation grades (MaxVol, nbh mode"), sw.toString());
    }

    /**
     * Independent reference: MLIP-2's calc-grade in nbh mode with the same potential and training
     * frames (reference/mlip2/grades_visible.tsv) for the 96-atom cell and a V–O dimer of edge_cases.
     */
    @Test
    void gradesAreMlip2s() throws Exception {
        List<org.mtpj.core.model.Configuration> edge = CfgFiles.readAll(Shared.file("reference/mlip2/edge_cases.cfg"));
        int[] index = {0, 17};
        double[] mlip2 = {69.814366, 109.652597};
        for (int k = 0; k < index.length; k++) {
            Path one = dir.resolve("edge" + index[k] + ".cfg");
            CfgFiles.writeAll(one, edge.subList(index[k], index[k] + 1), CfgWriter.Style.LOSSLESS);
            assertEquals(mlip2[k], grades.grade(one), MLIP2_GRADE * mlip2[k] + MLIP2_GRADE_PRINTED, "edge_cases[" + index[k] + "]");
        }
    }

    @Test
    void badModeAndTableInputAreUserErrors() {
        assertThrows(UserError.class, () -> new StructureGrades(pot, train, "atoms", TYPES));
        CommandLine cl = new CommandLine(new VoltageCommand());
        cl.setOut(new java.io.PrintWriter(new java.io.StringWriter()));
        cl.parseArgs(Shared.file("reference/analysis/voltage_synthetic_A_energies.tsv").toString(), "--mg-metal", "-1.51",
                "--grade-train", train.toString());
        VoltageCommand c = cl.getCommand();
        assertThrows(UserError.class, c::call);
    }

    static double value(List<String> lines, String quantity) {
        for (String l : lines) {
            String[] f = l.split("\t");
            if (f.length == 3 && f[1].equals(quantity)) return Double.parseDouble(f[2]);
        }
        fail(quantity + " missing in " + lines);
        return 0;
    }
}
