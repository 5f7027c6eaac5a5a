package org.mtpj.host;

import static org.junit.jupiter.api.Assertions.*;

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
import org.mtpj.core.UserError;
import org.mtpj.core.eval.Blocks;
import org.mtpj.core.eval.EvaluationResult;
import org.mtpj.core.eval.Evaluator;
import org.mtpj.core.model.Configuration;
import org.mtpj.core.model.MtpPotential;
import org.mtpj.testkit.Shared;

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

    /** The core's evaluator on real threads gives bit-for-bit the serial result. */
    @Test
    void threadCountDoesNotChangeEvaluation() {
        MtpPotential pot = MtpFiles.read(Shared.file("data/amorphous-MgV2O5/pot.mtp"));
        List<Configuration> cfgs = CfgFiles.readAll(Shared.file("reference/mlip2/dump600K_frames00-09.cfg"));
        Evaluator serial = new Evaluator(pot, Blocks.SERIAL);
        for (int threads : new int[] {2, 3}) {
            try (WorkerPool pool = WorkerPool.start(threads)) {
                Evaluator ev = new Evaluator(pot, pool);
                for (Configuration c : cfgs.subList(0, 3)) {
                    EvaluationResult r1 = serial.evaluate(c), rt = ev.evaluate(c);
                    assertEquals(r1.energy, rt.energy, 0.0);
                    assertArrayEquals(r1.forces, rt.forces, 0.0);
                    assertArrayEquals(r1.plusStress, rt.plusStress, 0.0);
                    assertArrayEquals(r1.siteEnergies, rt.siteEnergies, 0.0);
                    assertArrayEquals(r1.perAtomVirial, rt.perAtomVirial, 0.0);
                }
            }
        }
    }

    @Test
    void everyBlockRunsOnceAndFailuresReachTheCaller() {
        try (WorkerPool pool = WorkerPool.start(3)) {
            int[] hits = new int[100];
            pool.run(100, (t, from, to) -> { for (int i = from; i < to; i++) hits[i]++; });
            for (int h : hits) assertEquals(1, h);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> pool.run(100, (t, from, to) -> { if (t == 2) throw new IllegalStateException("block 2"); }));
            assertEquals("block 2", e.getMessage());
        }
        assertThrows(UserError.class, () -> WorkerPool.start(0));
    }
}
