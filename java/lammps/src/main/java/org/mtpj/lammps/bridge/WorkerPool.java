package org.mtpj.lammps.bridge;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * A fixed set of Java threads for one pair style instance. {@link #run} executes a task once per
 * worker (worker 0 on the calling thread, i.e. LAMMPS's thread) and returns when all are done;
 * a task's exception is rethrown on the caller. Daemon threads: they never keep LAMMPS alive.
 */
final class WorkerPool implements AutoCloseable {
    private final int size;
    private final ExecutorService exec;
    private final List<Future<?>> pending = new ArrayList<>();

    WorkerPool(int size) {
        this.size = size;
        this.exec = size > 1 ? Executors.newFixedThreadPool(size - 1, r -> {
            Thread t = new Thread(r, "mtpj-pair-worker");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    int size() { return size; }

    void run(IntConsumer task) {
        pending.clear();
        for (int w = 1; w < size; w++) {
            final int id = w;
            pending.add(exec.submit(() -> task.accept(id)));
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
        if (first instanceof RuntimeException re) throw re;
        if (first instanceof Error er) throw er;
        if (first != null) throw new IllegalStateException(first);
    }

    @Override
    public void close() {
        if (exec != null) exec.shutdownNow();
    }
}
