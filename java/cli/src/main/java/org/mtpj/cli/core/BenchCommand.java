package org.mtpj.cli.core;

import org.mtpj.core.UserError;
import org.mtpj.core.eval.Evaluator;
import org.mtpj.core.eval.KernelFlops;
import org.mtpj.core.io.CfgReader;
import org.mtpj.core.model.Configuration;
import org.mtpj.core.model.MtpPotential;
import org.mtpj.host.CfgFiles;
import org.mtpj.host.MtpFiles;
import org.mtpj.host.WorkerPool;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mtpj.host.Json;
import org.mtpj.host.ThreadsOption;
import org.mtpj.core.io.MtpReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mtpj bench POT.mtp IN.cfg}: warm evaluation speed in µs per atom. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure the evaluation speed of a potential (µs/atom).",
            "",
            "Times energy + forces + PlusStress evaluation (neighbour list included) on the configurations"
                    + " of IN.cfg: after a warm-up of about a third of --seconds, evaluates them round-robin for"
                    + " --seconds and prints wall time per evaluation divided by atoms (µs/atom; energies in eV,"
                    + " forces in eV/Å are computed as in calc-efs) and per thread (µs/atom x threads), with"
                    + " the machine load average; then the floating-point operations per atom (counted from the"
                    + " kernel's loops), GFLOP/s per thread and their fraction of one core's peak (clock and vector"
                    + " width from /proc/cpuinfo, two FMA pipes assumed: an estimate).", ""})
public final class BenchCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "POT.mtp", description = "The potential.")
    Path pot;

    @Parameters(index = "1", paramLabel = "IN.cfg", description = "Configurations to evaluate (the first --max-cfgs are used).")
    Path in;

    @Mixin ThreadsOption threads;

    @Option(names = "--seconds", defaultValue = "5", paramLabel = "S", description = "Measuring time in seconds (default ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--max-cfgs", defaultValue = "100", paramLabel = "N", description = "Use at most N configurations (default ${DEFAULT-VALUE}).")
    int maxCfgs;

    @Option(names = "--json", description = "Print one JSON object (us_per_atom, cpu_us_per_atom, evaluations, atoms, seconds, threads, load) instead of text.")
    boolean json;

    /**
     * CPU time so far (ns) of the Java threads (the evaluating ones; not the JIT compiler or GC
     * threads, which the JVM keeps out of this list), or -1 when the JVM does not tell.
     */
    private static long evaluatingCpuNanos() {
        var mx = ManagementFactory.getThreadMXBean();
        if (!mx.isThreadCpuTimeSupported()) return -1;
        long sum = 0;
        for (long id : mx.getAllThreadIds()) sum += Math.max(0, mx.getThreadCpuTime(id));
        return sum;
    }

    @Override
    public Integer call() {
        if (!(seconds > 0)) throw new UserError("--seconds must be positive, got " + seconds);
        PrintWriter out = spec.commandLine().getOut();
        MtpPotential p = MtpFiles.read(pot);
        List<Configuration> cfgs = new ArrayList<>();
        try (CfgReader r = CfgFiles.open(in)) {
            for (Configuration c; cfgs.size() < maxCfgs && (c = r.next()) != null; ) if (c.size > 0) cfgs.add(c);
        }
        if (cfgs.isEmpty()) throw new UserError(in + ": no configuration with atoms to benchmark");
        int nt = threads.workers();
        long atoms = 0, evals = 0, cpu0, cpu;
        double elapsed;
        try (WorkerPool pool = WorkerPool.start(nt)) {
            Evaluator ev = new Evaluator(p, pool);
            long warmEnd = System.nanoTime() + (long) (seconds / 3 * 1e9);
            int k = 0;
            do {
                ev.evaluate(cfgs.get(k++ % cfgs.size()));
            } while (System.nanoTime() < warmEnd || k < cfgs.size());
            cpu0 = evaluatingCpuNanos();
            long t0 = System.nanoTime(), end = t0 + (long) (seconds * 1e9);
            do {
                Configuration c = cfgs.get((int) (evals % cfgs.size()));
                ev.evaluate(c);
                atoms += c.size;
                evals++;
            } while (System.nanoTime() < end);
            elapsed = (System.nanoTime() - t0) * 1e-9;
            cpu = evaluatingCpuNanos() - cpu0;
        }
        double usPerAtom = elapsed * 1e6 / atoms;
        // CPU time of the evaluating threads: what a busy machine inflates far less than wall time
        double cpuPerAtom = cpu0 < 0 ? Double.NaN : cpu * 1e-3 / atoms;
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        // arithmetic per atom of the measured configurations, and the rate one thread reaches
        long flops = 0, measuredAtoms = 0;
        KernelFlops count = KernelFlops.of(p);
        for (Configuration c : cfgs) {
            flops += count.evaluation(c);
            measuredAtoms += c.size;
        }
        double flopsPerAtom = (double) flops / measuredAtoms;
        double gflopsPerThread = flopsPerAtom / (usPerAtom * nt) * 1e-3;
        CpuPeak peak = CpuPeak.ofThisMachine();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("us_per_atom", Json.decimal(String.format(Locale.ROOT, "%.6f", usPerAtom)));
            m.put("us_per_atom_thread", Json.decimal(String.format(Locale.ROOT, "%.6f", usPerAtom * nt)));
            m.put("cpu_us_per_atom", Double.isNaN(cpuPerAtom) ? null : Json.decimal(String.format(Locale.ROOT, "%.6f", cpuPerAtom)));
            m.put("evaluations", evals);
            m.put("configurations", cfgs.size());
            m.put("atoms", atoms);
            m.put("seconds", Json.decimal(String.format(Locale.ROOT, "%.6f", elapsed)));
            m.put("threads", nt);
            m.put("load_average", Json.decimal(String.format(Locale.ROOT, "%.2f", load)));
            m.put("cores", Runtime.getRuntime().availableProcessors());
            m.put("flops_per_atom", Math.round(flopsPerAtom));
            m.put("gflops_per_thread", Json.decimal(String.format(Locale.ROOT, "%.3f", gflopsPerThread)));
            m.put("fraction_of_scalar_peak", peak == null ? null : Json.decimal(String.format(Locale.ROOT, "%.4f", gflopsPerThread / peak.scalarGflops())));
            m.put("fraction_of_vector_peak", peak == null ? null : Json.decimal(String.format(Locale.ROOT, "%.4f", gflopsPerThread / peak.vectorGflops())));
            out.println(Json.line(m));
            out.flush();
            return 0;
        }
        out.printf("potential %s: C = %d, K = %d, B = %d, S = %d, Rcut = %s Å%n", pot, p.speciesCount, p.radialFuncsCount,
                p.basicCount(), p.scalarCount(), p.maxDist);
        out.printf("%d evaluations of %d configuration(s), %d atoms in %.2f s, %d thread(s)%n", evals, cfgs.size(), atoms, elapsed, nt);
        out.printf("%.3f µs/atom (wall), %.3f µs/atom x threads, %.3f ms per evaluation%n", usPerAtom, usPerAtom * nt,
                elapsed * 1e3 / evals);
        if (!Double.isNaN(cpuPerAtom)) out.printf("%.3f µs/atom CPU time of the evaluating threads (other jobs inflate it far less than wall time)%n", cpuPerAtom);
        out.printf("%.0f FLOP/atom (energy, forces, stress; counted from the kernel's loops), %.2f GFLOP/s per thread%n",
                flopsPerAtom, gflopsPerThread);
        if (peak != null)
            out.printf("= %.0f %% of one core's scalar peak, %.1f %% of its %s peak (%s)%n", 100 * gflopsPerThread / peak.scalarGflops(),
                    100 * gflopsPerThread / peak.vectorGflops(), peak.isa(), peak.describe());
        out.printf("load average (1 min): %.2f on %d cores%n", load, Runtime.getRuntime().availableProcessors());
        out.flush();
        return 0;
    }
}
