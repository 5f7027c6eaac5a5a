package org.mtpj.bench.core;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import org.mtpj.core.eval.Evaluator;
import org.mtpj.core.model.Configuration;
import org.mtpj.host.WorkerPool;

/**
 * Quick timing without JMH: {@code java -cp build/benchmarks.jar org.mtpj.bench.core.EvalTiming [threads] [seconds]}.
 * Evaluates the workload's frames repeatedly (energy + forces + PlusStress, neighbour lists
 * included) and prints µs per atom per evaluation: wall clock, and the CPU time of the calling
 * thread and of the pool threads. CPU times stay meaningful on a busy machine: with one thread
 * the caller's CPU time is all the work; with several, the largest per-thread CPU time bounds
 * the wall time an idle machine would give (the caller also runs the serial parts).
 */
public final class EvalTiming {
    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        EvalWorkload w = EvalWorkload.load();
        System.out.println("workload: " + w.description + ", " + w.frames.size() + " frames, " + w.atoms() + " atoms");
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        try (WorkerPool workers = WorkerPool.start(threads)) {
            Evaluator ev = new Evaluator(w.potential, workers);
            double sink = 0;
            for (int rep = 0; rep < 3; rep++) {
                long t0 = System.nanoTime(), c0 = mx.getCurrentThreadCpuTime(), p0 = poolCpu(mx);
                long atoms = 0;
                while (System.nanoTime() - t0 < seconds * 1e9 / 3) {
                    for (Configuration c : w.frames) {
                        sink += ev.evaluate(c).energy;
                        atoms += c.size;
                    }
                }
                double us = (System.nanoTime() - t0) / 1e3 / atoms;
                double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e3 / atoms;
                double pool = (poolCpu(mx) - p0) / 1e3 / atoms;
                System.out.printf("threads %d: %.2f us/atom wall; CPU us/atom: caller %.2f, pool threads %.2f in total, "
                        + "%.2f per pool thread (%d atom evaluations)%n",
                        threads, us, cpu, pool, threads > 1 ? pool / (threads - 1) : 0.0, atoms);
            }
            if (sink == 42) System.out.println();
        }
    }

    /** Total CPU time (ns) of the evaluator's pool threads. */
    static long poolCpu(ThreadMXBean mx) {
        long sum = 0;
        for (ThreadInfo ti : mx.getThreadInfo(mx.getAllThreadIds()))
            if (ti != null && ti.getThreadName().equals("mtpj-eval")) {
                long c = mx.getThreadCpuTime(ti.getThreadId());
                if (c > 0) sum += c;
            }
        return sum;
    }
}
