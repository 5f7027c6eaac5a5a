package org.mtpj.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.mtpj.core.UserError;
import org.mtpj.core.eval.Blocks;

/**
 * The one way mtpj runs work on several threads: a fixed set of workers, worker 0 being the
 * calling thread and the others daemon threads (they never keep a process, e.g. LAMMPS, alive).
 * {@link #forEachWorker} runs a task once per worker (each works its own fixed share, so results
 * can be made independent of the thread count); {@link #map} runs independent tasks and returns
 * their results in task order. A task's exception is rethrown on the caller (the first one).
 * It is also the core's {@link Blocks.Runner}: {@link #run} gives block t of [0, n) to worker t.
 * One call at a time per pool.
 */
public final class WorkerPool implements Blocks.Runner, AutoCloseable {
    private final int size;
    private final ExecutorService threads;

    /**
     * @param name    thread name prefix (shown in thread dumps)
     * @param workers number of workers including the calling thread (at least 1; 1 = no threads)
     */
    public WorkerPool(String name, int workers) {
        if (workers < 1) throw new IllegalArgumentException("a worker pool needs at least 1 worker, got " + workers);
        this.size = workers;
        AtomicInteger count = new AtomicInteger();
        this.threads = workers > 1 ? Executors.newFixedThreadPool(workers - 1, r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }) : null;
    }

    /** A pool of unnamed purpose ("mtpj-worker" threads); a count below 1 is the user's mistake. */
    public static WorkerPool start(int workers) {
        if (workers < 1) throw new UserError("thread count must be at least 1, got " + workers);
        return new WorkerPool("mtpj-worker", workers);
    }

    /** Workers including the calling thread. */
    public int size() { return size; }

    @Override public int threads() { return size; }

    @Override
    public void run(int n, Blocks.Body body) {
        int blocks = Blocks.count(n, size);
        if (blocks == 1) { body.run(0, 0, n); return; }
        forEachWorker(w -> { if (w < blocks) body.run(w, Blocks.from(n, w, blocks), Blocks.from(n, w + 1, blocks)); });
    }

    /** Runs task(w) for every worker w = 0..size-1 (0 on the calling thread) and waits for all. */
    public void forEachWorker(IntConsumer task) {
        List<Future<?>> pending = new ArrayList<>(size - 1);
        for (int w = 1; w < size; w++) {
            final int id = w;
            pending.add(threads.submit(() -> task.accept(id)));
        }
        Throwable first = null;
        try {
            task.accept(0);
        } catch (Throwable t) {
            first = t;
        }
        for (Future<?> f : pending) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (first == null) first = e.getCause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (first == null) first = e;
            }
        }
        if (first != null) throw unchecked(first);
    }

    /**
     * Runs every task once, spread over the workers (each takes the next task not yet taken), and
     * returns the results in task order.
     */
    public <T> List<T> map(List<? extends Callable<? extends T>> tasks) {
        int n = tasks.size();
        Object[] results = new Object[n];
        AtomicInteger next = new AtomicInteger();
        forEachWorker(w -> {
            for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                try {
                    results[i] = tasks.get(i).call();
                } catch (Exception e) {
                    next.set(n);   // the others stop taking tasks
                    throw unchecked(e);
                }
            }
        });
        @SuppressWarnings("unchecked")
        List<T> list = (List<T>) java.util.Arrays.asList(results);
        return list;
    }

    /** The workers a --threads value asks for: 0 = every core, else the value (at least 1). */
    public static int workersFor(int requested) {
        if (requested < 0) throw new UserError("--threads must be >= 0 (0 = all cores), got " + requested);
        return requested == 0 ? Runtime.getRuntime().availableProcessors() : requested;
    }

    private static RuntimeException unchecked(Throwable t) {
        if (t instanceof RuntimeException re) return re;
        if (t instanceof Error er) throw er;
        if (t instanceof IOException io) return new UncheckedIOException(io);
        if (t instanceof InterruptedException) return new IllegalStateException("interrupted", t);
        return new IllegalStateException(t);
    }

    @Override
    public void close() {
        if (threads != null) threads.shutdownNow();
    }
}
