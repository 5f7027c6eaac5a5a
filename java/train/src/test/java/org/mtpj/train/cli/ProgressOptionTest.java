package org.mtpj.train.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.mtpj.core.UserError;
import org.mtpj.train.fit.Trainer;
import picocli.CommandLine;

class ProgressOptionTest {
    private static ProgressOption parse(String... args) {
        ProgressOption o = new ProgressOption();
        new CommandLine(o).parseArgs(args);
        return o;
    }

    @Test
    void onDrawsABarPerBfgsRunOnStderr() {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            Trainer.Progress p = parse("--progress", "on").training();
            assertNotNull(p);
            p.start("BFGS", 10);
            for (int i = 0; i < 10; i++) p.iteration(i, 1.0 / (i + 1));
            p.end();
        } finally {
            System.setErr(saved);
        }
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("BFGS") && text.contains("10/10"), text);
    }

    @Test
    void offAndAutoWithoutTerminalDrawNothing() {
        assertNull(parse("--progress", "off").training());
        assertNull(parse("--progress", "off").open("x", 3, " cfg"));
        if (System.console() == null || !System.console().isTerminal()) assertNull(parse().training());
    }

    @Test
    void unknownModeIsAUserError() {
        assertThrows(UserError.class, () -> parse("--progress", "sometimes").enabled());
    }
}
