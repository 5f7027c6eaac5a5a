package org.mtpj.host;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtpj.core.UserError;
import org.mtpj.core.io.CfgReader;
import org.mtpj.core.io.CfgWriter;

/** The output discipline: complete files or none, an existing file untouched by a failed write. */
class AtomicOutputTest {
    @TempDir Path dir;

    static final String TWO_CFGS = """
            BEGIN_CFG
             Size
                1
             Supercell
                3 0 0
                0 3 0
                0 0 3
             AtomData:  id type       cartes_x      cartes_y      cartes_z
                1 0 0 0 0
             Energy
                -1
            END_CFG
            """.repeat(2);

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void commitReplacesTheTargetAndLeavesNoTemporaryFile() throws Exception {
        Path f = dir.resolve("out.txt");
        Files.writeString(f, "old");
        AtomicOutput.writeString(f, "new", StandardCharsets.UTF_8);
        assertEquals("new", Files.readString(f));
        assertEquals(List.of(f), files());
        assertEquals(0, PendingOutputs.open());
    }

    @Test
    void nothingAppearsBeforeTheCommit() throws Exception {
        Path f = dir.resolve("out.txt");
        try (AtomicOutput o = AtomicOutput.create(f)) {
            o.writer(StandardCharsets.UTF_8).write("half");
            assertFalse(Files.exists(f));
            assertEquals(1, PendingOutputs.open());
            o.commit();
        }
        assertEquals("half", Files.readString(f));
    }

    @Test
    void aFailureDeletesTheTemporaryFileAndKeepsTheOldFile() throws Exception {
        Path f = dir.resolve("out.txt");
        Files.writeString(f, "old");
        assertThrows(IllegalStateException.class, () -> AtomicOutput.write(f, StandardCharsets.UTF_8, w -> {
            w.write("part of the new text");
            w.flush();
            throw new IllegalStateException("bad input at line 3");
        }));
        assertEquals("old", Files.readString(f));
        assertEquals(List.of(f), files());
        assertEquals(0, PendingOutputs.open());
    }

    @Test
    void aFailedCfgWriteLeavesNoFile() throws Exception {
        Path f = dir.resolve("out.cfg");
        List<org.mtpj.core.model.Configuration> cfgs = CfgReader.parse(TWO_CFGS, "two.cfg", Warnings.STDERR);
        try (CfgWriter w = CfgFiles.create(f)) {
            w.write(cfgs.get(0));
            // no commit: as when the next input configuration is bad
        }
        assertEquals(List.of(), files());
        CfgFiles.writeAll(f, cfgs, CfgWriter.Style.LOSSLESS);
        assertEquals(cfgs.size(), CfgFiles.readAll(f).size());
    }

    @Test
    void aLinkIsFollowedAndKept() throws Exception {
        Path real = dir.resolve("real.txt"), link = dir.resolve("link.txt");
        Files.writeString(real, "old");
        Files.createSymbolicLink(link, real.getFileName());
        AtomicOutput.writeString(link, "new", StandardCharsets.UTF_8);
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new", Files.readString(real));
    }

    @Test
    void aDeviceIsWrittenInPlace() {
        Path devNull = Path.of("/dev/null");
        if (!Files.exists(devNull)) return;
        AtomicOutput.writeString(devNull, "discarded", StandardCharsets.UTF_8);
        assertTrue(Files.exists(devNull) && !Files.isRegularFile(devNull));
    }

    @Test
    void aMissingFolderOrAFolderTargetIsAUserError() {
        UserError e = assertThrows(UserError.class, () -> AtomicOutput.writeString(dir.resolve("no/x.txt"), "x", StandardCharsets.UTF_8));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        e = assertThrows(UserError.class, () -> AtomicOutput.writeString(dir, "x", StandardCharsets.UTF_8));
        assertTrue(e.getMessage().contains("folder"), e.getMessage());
    }

    @Test
    void theGuardComparesFilesNotNames() throws Exception {
        Path in = dir.resolve("in.cfg");
        Files.writeString(in, "x");
        Path hard = dir.resolve("hard.cfg");
        Files.createLink(hard, in);
        Path viaDot = dir.resolve(".").resolve("in.cfg");
        for (Path out : List.of(in, hard, viaDot)) {
            UserError e = assertThrows(UserError.class, () -> OutputGuard.of("calc-efs").input(in).output(out).check());
            assertEquals("calc-efs: output " + out + " is the same file as input " + in + "; refusing to overwrite an input", e.getMessage());
        }
        OutputGuard.of("calc-efs").input(in).output(dir.resolve("new.cfg")).output(null).check();
        assertThrows(UserError.class, () -> OutputGuard.of("calc-grade").input(in).output(dir.resolve("a")).output(dir.resolve("a")).check());
    }
}
