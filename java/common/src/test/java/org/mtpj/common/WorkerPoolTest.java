package org.mtpj.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WorkerPoolTest {
    @Test
    void everyWorkerRunsOnceAndWorkerZeroIsTheCaller() {
        Set<Integer> seen = ConcurrentHashMap.newKeySet();
        Thread caller = Thread.currentThread();
        Thread[] zero = new Thread[1];
        try (WorkerPool pool = new WorkerPool("test", 3)) {
            pool.forEachWorker(w -> {
                assertTrue(seen.add(w), "worker " + w + " twice");
                if (w == 0) zero[0] = Thread.currentThread();
            });
        }
        assertEquals(Set.of(0, 1, 2), seen);
        assertSame(caller, zero[0]);
    }

    /** The three workers really run at the same time: each waits until all have started. */
    @Test
    void workersRunConcurrently() {
        CountDownLatch started = new CountDownLatch(3);
        try (WorkerPool pool = new WorkerPool("test", 3)) {
            pool.forEachWorker(w -> {
                started.countDown();
                try {
                    assertTrue(started.await(60, TimeUnit.SECONDS), "not all workers started");
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    @Test
    void mapKeepsTaskOrderForAnyPoolSize() {
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 50; i++) { int k = i; tasks.add(() -> k * k); }
        for (int workers : new int[] {1, 2, 4}) {
            try (WorkerPool pool = new WorkerPool("test", workers)) {
                List<Integer> r = pool.map(tasks);
                for (int i = 0; i < 50; i++) assertEquals(i * i, r.get(i), "task " + i + " with " + workers + " workers");
            }
        }
    }

    @Test
    void aTaskFailureReachesTheCaller() {
        try (WorkerPool pool = new WorkerPool("test", 2)) {
            List<Callable<Integer>> tasks = List.of(() -> 1, () -> { throw new IOException("disk full"); }, () -> 3);
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> pool.map(tasks));
            assertEquals("disk full", e.getCause().getMessage());
            assertThrows(IllegalArgumentException.class, () -> pool.forEachWorker(w -> { if (w == 1) throw new IllegalArgumentException("x"); }));
        }
    }

    @Test
    void threadsZeroMeansAllCoresAndNegativeIsRefused() {
        assertEquals(Runtime.getRuntime().availableProcessors(), WorkerPool.workersFor(0));
        assertEquals(3, WorkerPool.workersFor(3));
        assertThrows(org.mtpj.core.UserError.class, () -> WorkerPool.workersFor(-1));
    }
}
