package org.mtpj.host;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtpj.core.UserError;
import org.mtpj.core.eval.Blocks;
import org.mtpj.core.eval.EvaluationResult;
import org.mtpj.core.eval.Evaluator;
import org.mtpj.core.model.Configuration;
import org.mtpj.core.model.MtpPotential;
import org.mtpj.testkit.Shared;

class WorkerPoolTest {
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
