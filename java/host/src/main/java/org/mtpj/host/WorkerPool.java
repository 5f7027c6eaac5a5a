package org.mtpj.host;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.mtpj.core.UserError;
import org.mtpj.core.eval.Blocks;

/**
 * The threads the core's parallel work runs on ({@link Blocks.Runner}): block 0 on the caller's
 * thread, blocks 1.. on {@code threads - 1} daemon platform threads, first failure rethrown on the
 * caller. Close it to stop the threads.
 */
public final class WorkerPool implements Blocks.Runner, AutoCloseable {
    private final int threads;
    private final ExecutorService pool; // null for one thread

    private WorkerPool(int threads) {
        this.threads = threads;
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, r -> {
            Thread th = new Thread(r, "mtpj-worker");
            th.setDaemon(true);
            return th;
        });
    }

    /** A pool of the given number of threads (≥ 1; the caller's thread is one of them). */
    public static WorkerPool start(int threads) {
        if (threads < 1) throw new UserError("thread count must be at least 1, got " + threads);
        return new WorkerPool(threads);
    }

    @Override public int threads() { return threads; }

    @Override
    public void run(int n, Blocks.Body body) {
        int nt = Blocks.count(n, threads);
        if (nt == 1) { body.run(0, 0, n); return; }
        List<Future<?>> fs = new ArrayList<>(nt - 1);
        for (int t = 1; t < nt; t++) {
            final int tt = t;
            fs.add(pool.submit(() -> body.run(tt, Blocks.from(n, tt, nt), Blocks.from(n, tt + 1, nt))));
        }
        RuntimeException first = null;
        try {
            body.run(0, 0, Blocks.from(n, 1, nt));
        } catch (RuntimeException ex) {
            first = ex;
        }
        for (Future<?> f : fs) {
            try {
                f.get();
            } catch (ExecutionException ex) {
                Throwable c = ex.getCause();
                if (first == null) first = c instanceof RuntimeException re ? re : new IllegalStateException(c);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                if (first == null) first = new IllegalStateException("interrupted", ex);
            }
        }
        if (first != null) throw first;
    }

    @Override
    public void close() {
        if (pool != null) pool.shutdownNow();
    }
}
