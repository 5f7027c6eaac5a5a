package org.mtpj.train.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import org.mtpj.core.eval.SiteCoefficientGradients;
import org.mtpj.core.eval.SiteEvaluator;
import org.mtpj.core.math.ExactSum;
import org.mtpj.core.model.MtpPotential;
import org.mtpj.host.Ranks;
import org.mtpj.host.WorkerPool;

/**
 * How training visits its configurations, shared by {@link LossFunction} and {@link LinearFit}:
 * this MPI rank's share of the training set ({@link TrainingSet#share}), one task per configuration
 * on a {@link WorkerPool}, each thread with its own core kernel, results in configuration order, and
 * exact sums completed over the ranks. So a result does not depend on the thread count, the number
 * of ranks or which thread ran what.
 */
final class ConfigurationPass implements AutoCloseable {
    private final Ranks ranks;
    /** This rank's configurations [from, to). */
    private final int from, to;
    private final WorkerPool pool;
    /** Per thread: core's site evaluator and its coefficient derivatives (coefficients set per call). */
    private final ThreadLocal<SiteCoefficientGradients> kernels;

    ConfigurationPass(MtpPotential shape, TrainingSet set, int threads, Ranks ranks, String threadName) {
        this.ranks = ranks;
        int[] share = set.share(ranks);
        this.from = share[0];
        this.to = share[1];
        this.pool = new WorkerPool(threadName, Math.max(1, threads));
        this.kernels = ThreadLocal.withInitial(() -> new SiteCoefficientGradients(new SiteEvaluator(shape)));
    }

    /** part(c) for every configuration c of this rank, in configuration order, whatever thread ran each. */
    <T> List<T> map(IntFunction<T> part) {
        List<Callable<T>> tasks = new ArrayList<>(to - from);
        for (int c = from; c < to; c++) {
            int index = c;
            tasks.add(() -> part.apply(index));
        }
        return pool.map(tasks);
    }

    /** The first configuration of this rank's share (part i of {@link #map} is configuration first() + i). */
    int first() { return from; }

    /** The calling thread's kernel. */
    SiteCoefficientGradients kernel() { return kernels.get(); }

    /** Completes this rank's exact sums with every other rank's (nothing to do on one process). */
    void sumOverRanks(ExactSum sum) {
        if (ranks.size() == 1) return;
        long[] state = sum.state();
        ranks.sumInPlace(state);
        sum.setState(state);
    }

    int threads() { return pool.size(); }

    @Override
    public void close() { pool.close(); }
}
