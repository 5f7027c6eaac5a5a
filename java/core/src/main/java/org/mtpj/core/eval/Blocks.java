package org.mtpj.core.eval;

/**
 * Work over [0, n) split into contiguous blocks, one per thread. The core never starts a thread:
 * the host passes a {@link Runner} in (its worker pool), or {@link #SERIAL} runs on the caller.
 * Results do not depend on the split (every atom is computed on its own and gathered in a fixed
 * order), so they are bit-identical for any runner.
 */
public final class Blocks {
    private Blocks() {}

    /** Work on atoms [from, to) by thread number {@code thread} (its own scratch). */
    @FunctionalInterface
    public interface Body { void run(int thread, int from, int to); }

    /**
     * Runs a body over [0, n) on its threads and waits for all: block t ({@link #from}) on thread
     * t, each thread number used by one block at a time, and rethrows the first failure.
     */
    public interface Runner {
        int threads();
        void run(int n, Body body);
    }

    /** The single-thread runner: everything on the caller's thread. */
    public static final Runner SERIAL = new Runner() {
        @Override public int threads() { return 1; }
        @Override public void run(int n, Body body) { body.run(0, 0, n); }
    };

    /** How many blocks a runner of {@code threads} threads makes of n items (none empty). */
    public static int count(int n, int threads) { return Math.min(threads, Math.max(1, n)); }

    /** Start of block t of {@code blocks} over [0, n); block t ends where block t + 1 starts. */
    public static int from(int n, int t, int blocks) { return (int) ((long) n * t / blocks); }
}
