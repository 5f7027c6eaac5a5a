package org.mtpj.lammps.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtpj.core.UserError;
import org.mtpj.testkit.Shared;

class PairSettingsTest {
    @TempDir Path dir;

    @Test
    void potentialIniAndSoftForms() throws IOException {
        Files.copy(Shared.file("data/amorphous-MgV2O5/pot.mtp"), dir.resolve("curr.mtp"));
        Files.writeString(dir.resolve("mlip.ini"), "mtp-filename curr.mtp\ncalculate-efs TRUE\n");
        PairSettings p = PairSettings.parse(List.of("curr.mtp", "threads", "3"), dir);
        assertEquals(dir.resolve("curr.mtp"), p.potentialFile());
        assertNull(p.ini());
        assertEquals(3, p.threads());
        assertEquals(PairSettings.CloseContactPolicy.WARN, p.closeContacts());
        assertEquals(PairSettings.CloseContactPolicy.ERROR,
                PairSettings.parse(List.of("curr.mtp", "min_dist", "error", "threads", "2"), dir).closeContacts());
        PairSettings q = PairSettings.parse(List.of("mlip.ini"), dir);
        assertEquals(dir.resolve("curr.mtp"), q.potentialFile());
        assertEquals(1, q.threads());
        PairSettings s = PairSettings.parse(List.of("soft", "0.4", "3.0"), dir);
        assertTrue(s.isSoft());
        assertEquals(3.0, s.softCutoff());
    }

    @Test
    void clearMessages() throws IOException {
        Files.writeString(dir.resolve("p.mtp"), "MTP\nversion = 1.1.0\n");
        assertMessage(List.of(), "no arguments");
        assertMessage(List.of("none.mtp"), "'none.mtp' not found");
        assertMessage(List.of("p.mtp", "threads"), "needs a number");
        assertMessage(List.of("p.mtp", "threads", "0"), "1..1024");
        assertMessage(List.of("p.mtp", "fast"), "unknown keyword 'fast'");
        assertMessage(List.of("p.mtp", "min_dist"), "min_dist: expected 'warn' or 'error'");
        assertMessage(List.of("p.mtp", "min_dist", "stop"), "got 'stop'");
        assertMessage(List.of("soft", "1"), "soft needs A");
        assertMessage(List.of("soft", "a", "2"), "soft A: expected a number");
        Files.writeString(dir.resolve("x.ini"), "mtp-filename gone.mtp\ncalculate-efs TRUE\n");
        assertMessage(List.of("x.ini"), "gone.mtp not found");
        Files.createDirectory(dir.resolve("pots"));
        assertMessage(List.of("pots"), "'pots' is a directory (in " + dir + "), expected a .mtp potential or an mlip.ini file");
    }

    @Test
    void aPotentialOpeningWithCommentLinesIsAPotential() throws IOException {
        Files.writeString(dir.resolve("c.mtp"), "# DATE: 2024-01-01 UNITS: metal\n\n" + Files.readString(Shared.file("data/amorphous-MgV2O5/pot.mtp")));
        PairSettings p = PairSettings.parse(List.of("c.mtp"), dir);
        assertEquals(dir.resolve("c.mtp"), p.potentialFile());
        assertNull(p.ini());
        // an mlip.ini may open with comments too
        Files.copy(Shared.file("data/amorphous-MgV2O5/pot.mtp"), dir.resolve("curr.mtp"));
        Files.writeString(dir.resolve("mlip.ini"), "# settings\nmtp-filename curr.mtp\n");
        assertEquals(dir.resolve("curr.mtp"), PairSettings.parse(List.of("mlip.ini"), dir).potentialFile());
    }

    private void assertMessage(List<String> args, String part) {
        UserError e = assertThrows(UserError.class, () -> PairSettings.parse(args, dir));
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
