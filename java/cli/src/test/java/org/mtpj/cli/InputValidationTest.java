package org.mtpj.cli;

import static org.junit.jupiter.api.Assertions.*;
import static org.mtpj.cli.core.CoreCommandsTest.run;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtpj.cli.core.CoreCommandsTest.Run;
import org.mtpj.core.io.CfgWriter;
import org.mtpj.host.CfgFiles;
import org.mtpj.testkit.Shared;

/** Issue 13's invalid inputs, through the commands: each is exit 2 with one file:line message and no output. */
class InputValidationTest {
    @TempDir Path dir;

    private String f(String name) { return dir.resolve(name).toString(); }

    static String frame(long step, String box, String... rows) {
        StringBuilder b = new StringBuilder("ITEM: TIMESTEP\n" + step + "\nITEM: NUMBER OF ATOMS\n" + rows.length + "\nITEM: BOX BOUNDS pp pp pp\n"
                + box + "ITEM: ATOMS id type x y z\n");
        for (String r : rows) b.append(r).append('\n');
        return b.toString();
    }

    static final String BOX = "0 10\n0 10\n0 10\n";
    static final String GOOD = frame(0, BOX, "1 1 1 1 1", "2 2 4 4 4", "3 3 7 7 7");

    @BeforeEach
    void inputs() throws Exception {
        Files.copy(Shared.file("data/amorphous-MgV2O5/pot.mtp"), dir.resolve("pot.mtp"));
        Path ref = Shared.file("reference/mlip2/dump600K_frames00-09.cfg");
        Files.writeString(dir.resolve("train.cfg"), CfgWriter.format(CfgFiles.readAll(ref).subList(0, 1), CfgWriter.Style.LOSSLESS));
        Files.writeString(dir.resolve("empty.cfg"), "");
    }

    private static void assertError(Run r, String messageStart, String part) {
        assertEquals(2, r.code(), r.err());
        // warnings may come first; the error is one line
        String e = String.join("\n", r.err().lines().filter(l -> !l.contains(": warning")).toList()).strip();
        assertFalse(e.contains("\n"), e);
        assertTrue(e.startsWith("mtpj: " + messageStart), e);
        assertTrue(e.contains(part), e);
    }

    @Test
    void anEmptyCfgIsAnErrorWhereAnAnswerIsExpected() {
        String msg = "no configurations in the file";
        assertError(run("calc-efs", f("pot.mtp"), f("empty.cfg"), f("out.cfg")), f("empty.cfg") + ":1: ", msg);
        assertError(run("calc-errors", f("pot.mtp"), f("empty.cfg")), f("empty.cfg") + ":1: ", msg);
        assertError(run("calc-grade", f("pot.mtp"), f("train.cfg"), f("empty.cfg"), f("out.cfg")), f("empty.cfg") + ":1: ", msg);
        assertError(run("calc-grade", f("pot.mtp"), f("empty.cfg"), f("train.cfg"), f("out.cfg")), f("empty.cfg") + ":1: ", msg);
        assertFalse(Files.exists(dir.resolve("out.cfg")));
    }

    @Test
    void aDumpTypeBeyondTypesIsAnErrorAtItsRow() throws Exception {
        Files.writeString(dir.resolve("d.lammpstrj"), GOOD + frame(1, BOX, "1 1 1 1 1", "2 9 4 4 4", "3 3 7 7 7"));
        assertError(run("convert", f("d.lammpstrj"), f("out.cfg"), "--types", "Mg,V,O"), f("d.lammpstrj") + ":23: ",
                "atom id 2 has type 9 but --types names only 3 (Mg,V,O)");
        assertFalse(Files.exists(dir.resolve("out.cfg")));
        // without --types the types are kept as they are
        assertEquals(0, run("convert", f("d.lammpstrj"), f("out.cfg")).code());
    }

    @Test
    void aCfgSpeciesBeyondTypesIsAnErrorNamingTheConfiguration() {
        assertError(run("convert", f("train.cfg"), f("POSCAR"), "--types", "Mg,V"), f("train.cfg") + ":1: ", "has species 2 (0-based) but --types names only 2 (Mg,V)");
        assertFalse(Files.exists(dir.resolve("POSCAR")));
    }

    @Test
    void faultsInTheLastDumpFrameAreErrorsButACutFileIsAWarning() throws Exception {
        String[] bad = {frame(1, BOX, "1 1 1 1 1", "2 2 4 x 4", "3 3 7 7 7"), frame(1, BOX, "0 1 1 1 1", "2 2 4 4 4", "3 3 7 7 7"),
                frame(1, "0 10\n0 0\n0 10\n", "1 1 1 1 1", "2 2 4 4 4", "3 3 7 7 7"), frame(1, BOX, "1 1 1 1 1", "2 2 4 4", "3 3 7 7 7")};
        for (String b : bad) {
            Files.writeString(dir.resolve("d.lammpstrj"), GOOD + b);
            Run r = run("convert", f("d.lammpstrj"), f("out.cfg"));
            assertError(r, f("d.lammpstrj") + ":", "");
            assertTrue(r.err().matches("mtpj: \\S+:\\d+: .*\\s*"), r.err());
            assertFalse(Files.exists(dir.resolve("out.cfg")), b);
        }
        String full = GOOD + frame(1, BOX, "1 1 1 1 1", "2 2 4 4 4", "3 3 7 7 7");
        Files.writeString(dir.resolve("d.lammpstrj"), full.substring(0, full.length() - 12));
        Run r = run("convert", f("d.lammpstrj"), f("out.cfg"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("the last frame is incomplete and was ignored, keeping 1 complete frame"), r.err());
        assertEquals(1, CfgFiles.readAll(dir.resolve("out.cfg")).size());
    }

    @Test
    void aDataFileWithReversedBoundsIsAnError() throws Exception {
        Files.writeString(dir.resolve("in.data"), "x\n\n1 atoms\n1 atom types\n10.0 0.0 xlo xhi\n0 10 ylo yhi\n0 10 zlo zhi\n\nAtoms # atomic\n\n1 1 1 1 1\n");
        assertError(run("convert", f("in.data"), f("out.cfg")), f("in.data") + ":5: ", "expected xhi > xlo");
    }

    @Test
    void aDataTypeBeyondTypesIsAnErrorAtItsRow() throws Exception {
        Files.writeString(dir.resolve("in.data"), "x\n\n2 atoms\n2 atom types\n0 10 xlo xhi\n0 10 ylo yhi\n0 10 zlo zhi\n\nAtoms # atomic\n\n2 2 5 5 5\n1 1 1 1 1\n");
        assertError(run("convert", f("in.data"), f("POSCAR"), "--types", "Mg"), f("in.data") + ":11: ", "has species 1 (0-based) but --types names only 1 (Mg)");
        assertFalse(Files.exists(dir.resolve("POSCAR")));
    }

    @Test
    void aPotentialWithADateCommentHeaderIsAPotential() throws Exception {
        Files.writeString(dir.resolve("c.mtp"), "# DATE: 2024-01-01 UNITS: metal\n" + Files.readString(dir.resolve("pot.mtp")));
        assertEquals(0, run("calc-efs", f("c.mtp"), f("train.cfg"), f("a.cfg")).code());
        assertEquals(0, run("calc-efs", f("pot.mtp"), f("train.cfg"), f("b.cfg")).code());
        assertEquals(Files.readString(dir.resolve("b.cfg")), Files.readString(dir.resolve("a.cfg")));
    }
}
