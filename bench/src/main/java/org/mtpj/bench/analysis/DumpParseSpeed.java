package org.mtpj.bench.analysis;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.mtpj.core.io.Frame;
import org.mtpj.core.io.LammpsDumpReader;

/**
 * Prints dump parse speed in MB/s by <em>thread CPU time</em> (so a busy shared machine does not
 * distort it much) and by wall time, over the same in-memory text as {@link DumpParseBench}.
 * Run: {@code java -cp build/benchmarks.jar org.mtpj.bench.analysis.DumpParseSpeed [passes]}.
 */
public final class DumpParseSpeed {
    public static void main(String[] args) throws Exception {
        int passes = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        DumpParseBench b = new DumpParseBench();
        b.setup();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int p = 0; p < passes; p++) {
            long c0 = mx.getCurrentThreadCpuTime(), w0 = System.nanoTime();
            long atoms = 0;
            try (LammpsDumpReader r = LammpsDumpReader.of(new ByteArrayInputStream(b.dump), "bench", w -> {})) {
                for (Frame f; (f = r.next()) != null; ) atoms += f.size;
            }
            double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9, wall = (System.nanoTime() - w0) / 1e9;
            System.out.printf("pass %d: %d atom rows, %.1f MB/s by CPU time, %.1f MB/s by wall time%n", p + 1, atoms,
                    b.megabytes / cpu, b.megabytes / wall);
        }
    }
}
