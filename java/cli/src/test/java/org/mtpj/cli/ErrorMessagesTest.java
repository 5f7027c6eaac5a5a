package org.mtpj.cli;

import static org.junit.jupiter.api.Assertions.*;
import static org.mtpj.cli.core.CoreCommandsTest.run;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtpj.cli.core.CoreCommandsTest.Run;
import org.mtpj.core.io.CfgWriter;
import org.mtpj.core.model.Configuration;
import org.mtpj.host.CfgFiles;
import org.mtpj.testkit.Shared;

/** Issue 13's unclear messages: each is now one line naming the file (and line) and what was expected. */
class ErrorMessagesTest {
    @TempDir Path dir;

    private String f(String name) { return dir.resolve(name).toString(); }

    @BeforeEach
    void inputs() throws Exception {
        Files.copy(Shared.file("data/amorphous-MgV2O5/pot.mtp"), dir.resolve("pot.mtp"));
        Path ref = Shared.file("reference/mlip2/dump600K_frames00-09.cfg");
        Files.writeString(dir.resolve("in.cfg"), CfgWriter.format(CfgFiles.readAll(ref).subList(0, 2), CfgWriter.Style.LOSSLESS));
        Files.createDirectory(dir.resolve("folder"));
    }

    private static void assertMessage(Run r, String expected) {
        assertEquals(2, r.code(), r.err());
        assertEquals("mtpj: " + expected, r.err().strip());
    }

    @Test
    void aDirectoryWhereAFileIsExpected() {
        String d = f("folder");
        assertMessage(run("calc-efs", d, f("in.cfg"), f("out.cfg")), d + ": is a directory, expected a file");
        assertMessage(run("calc-efs", f("pot.mtp"), d, f("out.cfg")), d + ": is a directory, expected a file");
        assertMessage(run("convert", d, f("out.cfg"), "--from", "lammps-dump"), d + ": is a directory, expected a file");
        assertMessage(run("convert", d, f("out.cfg"), "--from", "lammps-data"), d + ": is a directory, expected a file");
        assertMessage(run("info", d), d + ": is a directory, expected a file");
    }

    // An unreadable file cannot be made where the tests run as root (CI): its message is checked with a
    // real AccessDeniedException in core's InputFormatExceptionTest instead of being skipped here.

    @Test
    void aByteThatIsNotUtf8InATsv() throws Exception {
        byte[] text = "x\tE_eV_per_V2O5\n0.0\t-45.0\n0.5\t-48.3 # 5 \u00c5\n1.0\t-50.0\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(dir.resolve("volt.tsv"), text);
        assertMessage(run("voltage", f("volt.tsv"), "--mg-metal", "-1.51"),
                f("volt.tsv") + ":3: expected UTF-8 text but found a byte that is not UTF-8 (saved in another encoding, or binary?)");
    }

    @Test
    void aSpeciesBeyondThePotentialNamesFileLineAndConfiguration() throws Exception {
        List<Configuration> cfgs = CfgFiles.readAll(dir.resolve("in.cfg"));
        cfgs.get(1).types[1] = 7;
        Files.writeString(dir.resolve("bad.cfg"), CfgWriter.format(cfgs, CfgWriter.Style.LOSSLESS));
        long line = Files.readAllLines(dir.resolve("bad.cfg")).lastIndexOf("BEGIN_CFG") + 1;
        String expected = f("bad.cfg") + ":" + line + ": configuration 2: atom 2 has species 7 but the potential has species 0..2";
        assertMessage(run("calc-efs", f("pot.mtp"), f("bad.cfg"), f("out.cfg")), expected);
        assertMessage(run("calc-grade", f("pot.mtp"), f("in.cfg"), f("bad.cfg"), f("out.cfg")), expected);
        assertMessage(run("calc-grade", f("pot.mtp"), f("bad.cfg"), f("in.cfg"), f("out.cfg")), expected);
    }

    @Test
    void aHugeCellIsTooLongNotDegenerate() throws Exception {
        Configuration c = CfgFiles.readAll(dir.resolve("in.cfg")).get(0);
        c.lattice[0][0] = 1e300;
        Files.writeString(dir.resolve("huge.cfg"), CfgWriter.format(List.of(c), CfgWriter.Style.LOSSLESS));
        Run r = run("calc-efs", f("pot.mtp"), f("huge.cfg"), f("out.cfg"));
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("mtpj: " + f("huge.cfg") + ":1: configuration 1: a periodic lattice row is too long to compute with"), r.err());
        assertFalse(r.err().contains("degenerate"), r.err());
    }
}
