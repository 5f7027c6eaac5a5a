package org.mtpj.lammps.bridge;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * Where the pair style's time goes (MTPJ_PROFILE=1): per step the whole upcall, the MTP kernel
 * (site energies and gradients), the neighbour gather and the force/virial scatter; printed to
 * stderr when the pair style is deleted. Wall times of LAMMPS's thread; kernel and gather summed
 * over the Java threads (these include time a thread waited for a core on a busy machine; the
 * phase-1 CPU time, also summed over threads, does not). The first {@link #SKIP} steps (class loading, JIT) are reported apart.
 */
final class StepProfile {
    static final int SKIP = 10;
    static final boolean ENABLED = "1".equals(System.getenv("MTPJ_PROFILE"));
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    long steps, atomSteps, warmupNanos, totalNanos, kernelNanos, gatherNanos, scatterNanos, scatterCpuNanos, cpuNanos, workerCpuNanos;
    private long t0, cpu0;
    /** CPU time of the whole process (all threads: LAMMPS, JIT compilers, GC) until step SKIP ended. */
    private long processCpuAtWarmup = -1;

    private static long processCpu() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean s ? s.getProcessCpuTime() : -1;
    }

    static long cpuNow() { return MX.getCurrentThreadCpuTime(); }

    void begin() {
        t0 = System.nanoTime();
        cpu0 = MX.getCurrentThreadCpuTime();
    }

    void end(int atoms, long kernel, long gather, long scatter, long scatterCpu, long workerCpu) {
        long dt = System.nanoTime() - t0;
        steps++;
        if (steps <= SKIP) {
            warmupNanos += dt;
            if (steps == SKIP) processCpuAtWarmup = processCpu();
            return;
        }
        atomSteps += atoms;
        totalNanos += dt;
        kernelNanos += kernel;
        gatherNanos += gather;
        scatterNanos += scatter;
        scatterCpuNanos += scatterCpu;
        workerCpuNanos += workerCpu;
        cpuNanos += MX.getCurrentThreadCpuTime() - cpu0;
    }

    String report(int rank, int threads) {
        if (atomSteps == 0) return "mtp/java profile (rank " + rank + "): " + steps + " steps, first " + SKIP + " took "
                + String.format(Locale.ROOT, "%.3f s", warmupNanos * 1e-9);
        double per = 1e-3 / atomSteps;
        return String.format(Locale.ROOT, "mtp/java profile (rank %d, %d thread(s)): first %d steps %.3f s wall"
                        + " (process CPU from start to there %.2f s); then %d steps: "
                        + "upcall %.2f us/atom-step wall (LAMMPS thread CPU %.2f), kernel %.2f, gather %.2f (summed over threads), "
                        + "scatter+own terms %.2f (phase-2 pass CPU %.2f); phase-1 CPU %.2f summed over threads"
                        + " (the wall times above include time a thread waited for a core); non-kernel share of the upcall %.2f%%",
                rank, threads, SKIP, warmupNanos * 1e-9, processCpuAtWarmup * 1e-9, steps - SKIP, totalNanos * per, cpuNanos * per, kernelNanos * per,
                gatherNanos * per, scatterNanos * per, scatterCpuNanos * per, workerCpuNanos * per,
                100.0 * (totalNanos - kernelNanos / (double) threads) / totalNanos);
    }
}
