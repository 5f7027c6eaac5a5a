package org.mtpj.host;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.mtpj.core.UserError;
import picocli.CommandLine;

class ProgressOptionTest {
    private static ProgressOption parse(String... args) {
        ProgressOption o = new ProgressOption();
        new CommandLine(o).parseArgs(args);
        return o;
    }

    @Test
    void onOffAndTheOldSpellingsOfOff() {
        assertTrue(parse("--progress", "on").enabled());
        assertFalse(parse("--progress=off").enabled());
        assertNull(parse("--progress", "off").open("x", 3, " cfg"));
        // --no-progress and --quiet were other commands' names for off: hidden, still working
        assertFalse(parse("--progress", "on", "--no-progress").enabled());
        assertFalse(parse("--quiet", "--progress", "on").enabled());
    }

    @Test
    void unknownModeIsAUserError() {
        assertThrows(UserError.class, () -> parse("--progress", "sometimes").enabled());
    }
}
