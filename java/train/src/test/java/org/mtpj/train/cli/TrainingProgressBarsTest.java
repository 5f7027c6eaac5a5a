package org.mtpj.train.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.mtpj.host.ProgressOption;
import org.mtpj.train.fit.Trainer;
import picocli.CommandLine;

class TrainingProgressBarsTest {
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
            Trainer.Progress p = TrainingProgressBars.of(parse("--progress", "on"));
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
        assertNull(TrainingProgressBars.of(parse("--progress", "off")));
        if (System.console() == null || !System.console().isTerminal()) assertNull(TrainingProgressBars.of(parse()));
    }
}
