package org.mtpj.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The process-wide list of temporary files that {@link AtomicOutput} has open. One shutdown hook
 * (run on SIGINT, SIGTERM and normal exit) first runs the registered last writes (train's
 * best-so-far potential), then deletes every temporary file still open, so an interrupted
 * command leaves neither a partial file at its final path nor a stray temporary file.
 *
 * <p>One hook rather than one per caller: shutdown hooks run concurrently in no fixed order, and a
 * last write must finish before the clean-up would delete its temporary file.
 */
public final class PendingOutputs {
    private static final Set<Path> TEMPS = ConcurrentHashMap.newKeySet();
    private static final List<Runnable> LAST_WRITES = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(PendingOutputs::atExit, "mtpj-pending-outputs"));
    }

    private PendingOutputs() {}

    /** A registered last write; closing it unregisters the write (the command finished normally). */
    public interface Registration extends AutoCloseable {
        @Override void close();
    }

    /** Runs write when the process is stopped by a signal (or exits) before the registration is closed. */
    public static Registration atShutdown(Runnable write) {
        LAST_WRITES.add(write);
        return () -> LAST_WRITES.remove(write);
    }

    static void add(Path temp) { TEMPS.add(temp); }

    static void remove(Path temp) { TEMPS.remove(temp); }

    /** How many temporary files are open now (tests). */
    public static int open() { return TEMPS.size(); }

    private static void atExit() {
        for (Runnable w : LAST_WRITES) {
            try {
                w.run();
            } catch (Throwable t) {
                System.err.println("mtpj: " + t.getMessage());
            }
        }
        for (Path t : TEMPS) {
            try {
                Files.deleteIfExists(t);
            } catch (IOException ignored) {
                // the process is ending; nothing better to do than leave it
            }
        }
    }
}
