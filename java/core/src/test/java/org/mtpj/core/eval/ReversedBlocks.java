package org.mtpj.core.eval;

/**
 * A runner of k blocks, run last to first on the caller's thread: the core's result must not
 * depend on how many blocks there are or in which order they finish (the host's worker pool runs
 * them at the same time; WorkerPoolTest checks that with real threads).
 */
final class ReversedBlocks {
    private ReversedBlocks() {}

    static Blocks.Runner of(int k) {
        return new Blocks.Runner() {
            @Override public int threads() { return k; }
            @Override public void run(int n, Blocks.Body body) {
                int nt = Blocks.count(n, k);
                for (int t = nt - 1; t >= 0; t--) body.run(t, Blocks.from(n, t, nt), Blocks.from(n, t + 1, nt));
            }
        };
    }
}
