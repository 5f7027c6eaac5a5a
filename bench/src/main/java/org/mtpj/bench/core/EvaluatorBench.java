package org.mtpj.bench.core;

import java.util.concurrent.TimeUnit;
import org.mtpj.core.eval.Evaluator;
import org.mtpj.core.eval.NeighbourList;
import org.mtpj.core.eval.SiteEvaluator;
import org.mtpj.core.model.Configuration;
import org.mtpj.host.WorkerPool;
import org.openjdk.jmh.annotations.*;

/**
 * Evaluation speed in µs per atom (the score is per atom: one operation = one atom).
 * {@code evaluate}: energy + forces + PlusStress of a 768-atom frame including its neighbour
 * list, as {@code mtpj calc-efs} does (MLIP-2: 237–265 µs/atom here, timings.txt).
 * {@code siteKernel}: only the per-atom site energy + gradients on prebuilt lists, the work of the
 * LAMMPS path (MLIP-2's pair style: 180–217 µs/atom-step).
 * Run: {@code java -jar build/benchmarks.jar EvaluatorBench -f 1 -wi 3 -i 3}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
@State(Scope.Benchmark)
public class EvaluatorBench {
    static final int ATOMS = 768;

    @Param({"1", "2"})
    public int threads;

    EvalWorkload work;
    WorkerPool pool;
    Evaluator evaluator;
    SiteEvaluator site;
    NeighbourList[] lists;
    double[] g;
    int frame;

    @Setup
    public void setup() {
        work = EvalWorkload.load();
        for (Configuration c : work.frames)
            if (c.size != ATOMS) throw new IllegalStateException("expected " + ATOMS + "-atom frames, got " + c.size);
        System.out.println("\nworkload: " + work.description);
        pool = WorkerPool.start(threads);
        evaluator = new Evaluator(work.potential, pool);
        site = new SiteEvaluator(work.potential);
        lists = new NeighbourList[work.frames.size()];
        int maxEntries = 0;
        for (int f = 0; f < lists.length; f++) {
            lists[f] = NeighbourList.build(work.frames.get(f), work.potential.cutoff());
            maxEntries = Math.max(maxEntries, lists[f].entryCount());
        }
        g = new double[3 * maxEntries];
    }

    @TearDown
    public void tearDown() { pool.close(); }

    @Benchmark
    @OperationsPerInvocation(ATOMS)
    public double evaluate() {
        Configuration c = work.frames.get(frame);
        frame = (frame + 1) % work.frames.size();
        return evaluator.evaluate(c).energy;
    }

    /** Single-threaded site kernel (the threads parameter does not apply). */
    @Benchmark
    @OperationsPerInvocation(ATOMS)
    public double siteKernel() {
        int f = frame;
        frame = (frame + 1) % work.frames.size();
        NeighbourList nl = lists[f];
        int[] types = work.frames.get(f).types;
        double e = 0;
        for (int i = 0; i < ATOMS; i++) {
            int o = nl.offsets[i];
            e += site.siteEnergy(types[i], nl.offsets[i + 1] - o, nl.types, o, nl.rij, 3 * o, g, 3 * o);
        }
        return e;
    }
}
