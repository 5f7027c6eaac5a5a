package org.mtpj.learn;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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

    /** {@link #runLimited}'s exit code of a program that was ended because it ran past its time limit. */
    public static final int TIMED_OUT = Integer.MIN_VALUE;

    /**
     * A new (modifiable) command line: command under {@code mpirun -np ranks} when ranks > 1 (Open
     * MPI, also as root, more ranks than cores allowed), else command itself.
     */
    public static List<String> underMpi(int ranks, List<String> command) {
        List<String> cmd = new java.util.ArrayList<>();
        if (ranks > 1) cmd.addAll(List.of("mpirun", "--allow-run-as-root", "--oversubscribe", "-np", Integer.toString(ranks)));
        cmd.addAll(command);
        return cmd;
    }

    /** Runs command in dir, stdout and stderr appended to log; returns the exit code. */
    public static int run(List<String> command, Path dir, Path log) {
        return runLimited(command, dir, log, Map.of(), 0);
    }

    /**
     * As {@link #run}, with more environment variables (e.g. OMP_NUM_THREADS) and a time limit:
     * after timeoutSeconds (0 = none) the program and its children are ended and {@link #TIMED_OUT}
     * is returned (an oracle's per-configuration limit).
     */
    public static int runLimited(List<String> command, Path dir, Path log, Map<String, String> env, double timeoutSeconds) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(env);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new UserError("cannot start '" + String.join(" ", command) + "': " + e.getMessage());
        }
        RUNNING.set(p);
        try {
            if (timeoutSeconds <= 0) return p.waitFor();
            if (p.waitFor(Math.round(timeoutSeconds * 1000), TimeUnit.MILLISECONDS)) return p.exitValue();
            end(p);
            return TIMED_OUT;
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
        if (p != null) end(p);
    }

    private static void end(Process p) {
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        try {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
