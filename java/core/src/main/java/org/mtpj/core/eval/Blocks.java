package org.mtpj.core.eval;

/** Splitting [0, n) into one contiguous block per thread (package-internal). */
final class Blocks {
    private Blocks() {}

    /** Work on atoms [from, to) by thread number {@code thread}. */
    @FunctionalInterface
    interface Body { void run(int thread, int from, int to); }

    /** Runs a body over [0, n) on its threads, block t on thread t, and waits for all. */
    interface Runner {
        int threads();
        void run(int n, Body body);
    }

    /** The single-thread runner. */
    static final Runner SERIAL = new Runner() {
        @Override public int threads() { return 1; }
        @Override public void run(int n, Body body) { body.run(0, 0, n); }
    };
}
