package org.mtpj.lammps.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtpj.core.UserError;
import org.mtpj.core.io.InputFormatException;
import org.mtpj.testkit.Shared;

class MlipIniTest {
    @TempDir Path dir;

    private MlipIni parse(String text) {
        return MlipIni.parse(List.of(text.split("\n", -1)), dir.resolve("mlip.ini"), dir);
    }

    @Test
    void readsTheStudySettingsFile() throws IOException {
        Path ini = Shared.file("data/amorphous-MgV2O5/mlip.ini");
        Files.writeString(dir.resolve("state.als"), "x");
        MlipIni m = MlipIni.read(ini, dir);
        assertEquals(dir.resolve("curr.mtp"), m.mtpFile);
        assertEquals(Boolean.TRUE, m.calculateEfs);
        assertTrue(m.select.enabled());
        assertEquals(2.1, m.select.threshold());
        assertEquals(10.0, m.select.thresholdBreak());
        assertTrue(m.select.breaksRun());
        assertEquals(dir.resolve("preselected.cfg"), m.select.saveSelected());
        assertEquals(dir.resolve("state.als"), m.select.loadState());
        assertEquals(1e-7, m.select.thresholdInit());
        assertTrue(m.warnings.isEmpty(), m.warnings.toString());
    }

    @Test
    void commentsLastValueWinsAndHashValueIsAbsent() {
        MlipIni m = parse("# comment\nmtp-filename a.mtp # trailing\nmtp-filename b.mtp\ncalculate-efs TRUE\n"
                + "select #nothing\nwrite-cfgs out.cfg\nwrite-cfgs:skip 4\n");
        assertEquals(dir.resolve("b.mtp"), m.mtpFile);
        assertFalse(m.select.enabled());
        assertEquals(dir.resolve("out.cfg"), m.writeCfgs);
        assertEquals(4, m.writeCfgsSkip);
    }

    @Test
    void saveSelectedCapIsACountOrASizeAndNoneByDefault() {
        MlipIni none = parse("mtp-filename p.mtp\ncalculate-efs TRUE\nselect TRUE\nselect:save-selected s.cfg\n");
        assertEquals(MlipIni.SaveCap.NONE, none.select.saveCap());
        MlipIni both = parse("mtp-filename p.mtp\ncalculate-efs TRUE\nselect TRUE\nselect:save-selected s.cfg\n"
                + "select:save-selected-max 50\nselect:save-selected-max-mb 2.5\n");
        assertEquals(new MlipIni.SaveCap(50, 2_500_000), both.select.saveCap());
        InputFormatException e = assertThrows(InputFormatException.class, () -> parse(
                "mtp-filename p.mtp\ncalculate-efs TRUE\nselect TRUE\nselect:save-selected s.cfg\nselect:save-selected-max 2.5\n"));
        assertTrue(e.getMessage().contains("mlip.ini:5") && e.getMessage().contains("whole number"), e.getMessage());
        assertThrows(InputFormatException.class, () -> parse("mtp-filename p.mtp\nselect:save-selected-max-mb -1\n"));
        MlipIni ignored = parse("mtp-filename p.mtp\ncalculate-efs TRUE\nselect:save-selected-max 3\n");
        assertTrue(ignored.warnings.stream().anyMatch(w -> w.contains("select:save-selected-max / -max-mb ignored")), ignored.warnings.toString());
    }

    @Test
    void defaultsAreMlip2s() {
        MlipIni m = parse("mtp-filename p.mtp\ncalculate-efs TRUE\nselect TRUE\nselect:threshold-swap 0.5\n");
        assertEquals(1.001, m.select.threshold());
        assertEquals(0, m.select.thresholdBreak());
        assertFalse(m.select.breaksRun());
        assertEquals(1.001, m.select.thresholdSwap()); // <= 1 means: same as threshold
        assertEquals("vibrations", m.select.weighting());
        assertNull(m.select.loadState());
    }

    @Test
    void errorsNameFileLineAndKey() {
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> parse("mtp-filename p.mtp\ncalculate-efs true\n"));
        assertTrue(e.getMessage().contains("mlip.ini:2: calculate-efs: expected TRUE or FALSE"), e.getMessage());
        e = assertThrows(InputFormatException.class, () -> parse("calculate-efs TRUE\n"));
        assertTrue(e.getMessage().contains("mtp-filename"), e.getMessage());
        e = assertThrows(InputFormatException.class, () -> parse("mtp-filename p\nselect:threshold abc\n"));
        assertTrue(e.getMessage().contains(":2: select:threshold: expected a number, got 'abc'"), e.getMessage());
        e = assertThrows(InputFormatException.class, () -> parse("mtp-filename p\nselect TRUE\nselect:load-state no.als\n"));
        assertTrue(e.getMessage().contains("no.als not found"), e.getMessage());
        e = assertThrows(InputFormatException.class, () -> parse("mtp-filename p\nfit TRUE\n"));
        assertTrue(e.getMessage().contains("not supported"), e.getMessage());
        e = assertThrows(InputFormatException.class, () -> parse("mtp-filename p\ncalculate-efs FALSE\n"));
        assertTrue(e.getMessage().contains("set it TRUE"), e.getMessage());
        e = assertThrows(InputFormatException.class, () -> parse("mtp-filename p\nselect:weighting bananas\n"));
        assertTrue(e.getMessage().contains("vibrations"), e.getMessage());
    }

    @Test
    void unknownKeysWarn() {
        MlipIni m = parse("mtp-filename p.mtp\ncalculate-efs TRUE\nsome-key 3\nlog stdout\n");
        assertEquals(2, m.warnings.size(), m.warnings.toString());
        assertTrue(m.warnings.get(0).contains("unknown key 'some-key'"));
    }

    @Test
    void garbageGivesOnlyOneLineErrors() {
        Random rnd = new Random(42);
        String[] words = {"mtp-filename", "select", "TRUE", "FALSE", "select:threshold", "1e3", "#", "x", "-1",
                "calculate-efs", "select:threshold-break", "write-cfgs:skip", "2.5", "fit", "abinitio", "\t", ""};
        for (int trial = 0; trial < 2000; trial++) {
            List<String> lines = new ArrayList<>();
            int n = rnd.nextInt(8);
            for (int l = 0; l < n; l++) {
                StringBuilder sb = new StringBuilder();
                for (int w = rnd.nextInt(4); w >= 0; w--) sb.append(words[rnd.nextInt(words.length)]).append(' ');
                lines.add(sb.toString());
            }
            try {
                MlipIni.parse(lines, dir.resolve("f.ini"), dir);
            } catch (InputFormatException | UserError ok) {
                assertFalse(ok.getMessage().contains("\n"), ok.getMessage());
            }
        }
    }
}
