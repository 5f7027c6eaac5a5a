package org.mtpj.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtpj.core.model.MtpPotential;
import org.mtpj.host.MtpFiles;
import org.mtpj.testkit.Shared;

/**
 * SIGTERM (what Process.destroy sends; Ctrl-C's SIGINT runs the same shutdown hook) in the middle
 * of a real run: no partial file at the final path, no temporary file left, an existing output
 * untouched; train still writes its best potential so far.
 */
class SignalSafetyTest {
    @TempDir Path dir;

    private Process start(String... args) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new java.util.ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile()).start();
    }

    private List<String> names() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Waits until a file whose name contains part exists (the command is writing). */
    private void awaitFile(String part, Process p) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (names().stream().noneMatch(n -> n.contains(part))) {
            assertTrue(p.isAlive(), "the command ended before writing: " + Files.readString(dir.resolve("stderr.txt")));
            assertTrue(System.nanoTime() < end, "no " + part + " after 120 s");
            Thread.sleep(50);
        }
    }

    private int stop(Process p) throws Exception {
        p.destroy();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "stopped");
        return p.exitValue();
    }

    @Test
    void calcEfsStoppedMidwayLeavesTheOldOutputAndNoTemporaryFile() throws Exception {
        Path in = dir.resolve("in.cfg");
        String ref = Files.readString(Shared.file("reference/mlip2/dump600K_frames00-09.cfg"), StandardCharsets.ISO_8859_1);
        Files.writeString(in, (ref + "\n").repeat(20), StandardCharsets.ISO_8859_1); // 200 configurations: many seconds
        Path out = dir.resolve("out.cfg");
        Files.writeString(out, "an earlier result\n");
        Process p = start("calc-efs", Shared.file("data/amorphous-MgV2O5/pot.mtp").toString(), in.toString(), out.toString(), "--threads", "1");
        awaitFile(".part", p);
        Thread.sleep(300);
        assertNotEquals(0, stop(p), "interrupted, not finished");
        assertEquals("an earlier result\n", Files.readString(out));
        assertEquals(List.of("in.cfg", "out.cfg", "stderr.txt", "stdout.txt"), names());
    }

    @Test
    void trainStoppedMidwayWritesItsBestPotentialSoFar() throws Exception {
        Path train = dir.resolve("train.cfg");
        String ref = Files.readString(Shared.file("reference/mlip2/dump600K_frames00-09.cfg"), StandardCharsets.ISO_8859_1);
        Files.writeString(train, ref.substring(0, ref.indexOf("END_CFG") + 8), StandardCharsets.ISO_8859_1);
        Path pot = Shared.file("data/amorphous-MgV2O5/pot.mtp");
        Path out = dir.resolve("t.mtp");
        Process p = start("train", pot.toString(), train.toString(), "--trained-pot-name", out.toString(),
                "--max-iter", "1000000", "--bfgs-conv-tol", "0", "--threads", "1");
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.readString(dir.resolve("stdout.txt")).contains("MTPR from")) {
            assertTrue(p.isAlive() && System.nanoTime() < end, Files.readString(dir.resolve("stderr.txt")));
            Thread.sleep(50);
        }
        Thread.sleep(1000);
        stop(p);
        assertTrue(Files.readString(dir.resolve("stderr.txt")).contains("interrupted: best potential so far"),
                Files.readString(dir.resolve("stderr.txt")));
        MtpPotential best = MtpFiles.read(out);
        assertEquals(MtpFiles.read(pot).coefficientCount(), best.coefficientCount());
        assertTrue(names().stream().noneMatch(n -> n.endsWith(".part")), names().toString());
    }
}
