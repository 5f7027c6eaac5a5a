package org.mtpj.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtpj.cli.core.CoreCommandsTest;
import org.mtpj.testkit.Shared;

/** {@code mtpj batch}: the commands of a file give what they give one by one, and the batch stops at the first failure. */
class BatchCommandTest {
    @TempDir Path tmp;

    @Test
    void commandsRunInOrderWithTheirOwnOutput() throws Exception {
        String pot = Shared.file("data/amorphous-MgV2O5/pot.mtp").toString(), cfg = Shared.file("reference/mlip2/edge_cases.cfg").toString();
        Path file = tmp.resolve("commands.txt");
        Files.writeString(file, "# two commands\n\ninfo " + pot + "\n  mtpj mindist --per-pair   " + cfg + "\n");
        CoreCommandsTest.Run batch = CoreCommandsTest.run("batch", file.toString());
        assertEquals(0, batch.code(), batch.err());
        assertEquals(CoreCommandsTest.run("info", pot).out() + CoreCommandsTest.run("mindist", "--per-pair", cfg).out(), batch.out());
        assertTrue(batch.err().contains("[1/2, 0 s] mtpj info"), batch.err());
        assertTrue(batch.err().contains("[2/2, "), batch.err());
        assertTrue(batch.err().strip().matches("(?s).*\\nbatch: 2 commands of \\S+ done in [0-9.]+ s"), batch.err());
    }

    @Test
    void stopsAtTheFirstFailureWithItsExitCode() throws Exception {
        Path file = tmp.resolve("commands.txt"), after = tmp.resolve("after.tsv");
        String cfg = Shared.file("reference/mlip2/edge_cases.cfg").toString();
        Files.writeString(file, "mindist " + cfg + "\nmindist " + tmp.resolve("missing.cfg") + "\nmindist " + cfg + " --tsv " + after + "\n");
        CoreCommandsTest.Run r = CoreCommandsTest.run("batch", file.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("batch " + file + ":2: 'mtpj mindist " + tmp.resolve("missing.cfg") + "' exited 2"), r.err());
        assertFalse(Files.exists(after), "the line after the failure did not run");
    }

    @Test
    void aBatchInsideABatchIsRefusedBeforeAnythingRuns() throws Exception {
        Path file = tmp.resolve("commands.txt"), out = tmp.resolve("out.tsv");
        Files.writeString(file, "mindist " + Shared.file("reference/mlip2/edge_cases.cfg") + " --tsv " + out + "\nbatch " + "other.txt\n");
        CoreCommandsTest.Run r = CoreCommandsTest.run("batch", file.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains(file + ":2: a batch cannot run another batch"), r.err());
        assertFalse(Files.exists(out));
    }
}
