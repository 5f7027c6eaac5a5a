package org.mtpj.bench.core;

import org.mtpj.core.eval.Evaluator;
import org.mtpj.core.model.Configuration;

/**
 * Quick timing without JMH: {@code java -cp benchmarks.jar org.mtpj.bench.core.EvalTiming [threads] [seconds]}.
 * Evaluates the workload's frames repeatedly (energy + forces + PlusStress, neighbour lists
 * included) and prints µs per atom per evaluation, wall clock and CPU time of the calling thread
 * (with one thread that is all the work, and it stays meaningful on a busy machine).
 */
public final class EvalTiming {
    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        EvalWorkload w = EvalWorkload.load();
        System.out.println("workload: " + w.description + ", " + w.frames.size() + " frames, " + w.atoms() + " atoms");
        try (Evaluator ev = new Evaluator(w.potential, threads)) {
            double sink = 0;
            java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
            for (int rep = 0; rep < 3; rep++) {
                long t0 = System.nanoTime(), c0 = mx.getCurrentThreadCpuTime();
                long atoms = 0;
                while (System.nanoTime() - t0 < seconds * 1e9 / 3) {
                    for (Configuration c : w.frames) {
                        sink += ev.evaluate(c).energy;
                        atoms += c.size;
                    }
                }
                double us = (System.nanoTime() - t0) / 1e3 / atoms;
                double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e3 / atoms;
                // with one thread the CPU time of the calling thread is the whole work: robust on a loaded machine
                System.out.printf("threads %d: %.2f us/atom per evaluation wall, %.2f us/atom CPU of the calling thread (%d atom evaluations)%n",
                        threads, us, cpu, atoms);
            }
            if (sink == 42) System.out.println();
        }
    }
}
