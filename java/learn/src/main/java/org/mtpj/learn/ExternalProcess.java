package org.mtpj.learn;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.mtpj.core.UserError;

/**
 * Runs one external program (LAMMPS, an oracle command) with its output in a log file. The one
 * that runs is remembered, so that Ctrl-C ({@link #stopRunning()}, from a shutdown hook) ends it
 * together with the learner instead of leaving it behind.
 */
public final class ExternalProcess {
    private static final AtomicReference<Process> RUNNING = new AtomicReference<>();

    private ExternalProcess() {}

    /** Runs command in dir, stdout and stderr appended to log; returns the exit code. */
    public static int run(List<String> command, Path dir, Path log) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new UserError("cannot start '" + String.join(" ", command) + "': " + e.getMessage());
        }
        RUNNING.set(p);
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            p.destroy();
            Thread.currentThread().interrupt();
            throw new UserError("interrupted while running '" + command.get(0) + "'", 130);
        } finally {
            RUNNING.compareAndSet(p, null);
        }
    }

    /** Ends the running program and its children (SIGTERM, then SIGKILL after 5 s). */
    public static void stopRunning() {
        Process p = RUNNING.getAndSet(null);
        if (p == null) return;
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        try {
            if (!p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
