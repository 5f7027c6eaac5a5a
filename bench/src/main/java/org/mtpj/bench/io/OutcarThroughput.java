package org.mtpj.bench.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mtpj.core.io.CfgWriter;
import org.mtpj.core.io.vasp.OutcarReader;
import org.mtpj.core.model.Configuration;
import org.mtpj.testkit.SyntheticVaspRun;

/**
 * OUTCAR → .cfg throughput on a big synthetic OUTCAR (testkit's generator, 96 atoms, 7 electronic
 * iterations per ionic step) made in a temporary folder and deleted afterwards: reads it with
 * {@link OutcarReader}, formats every configuration as lossless .cfg text into a discarding
 * writer, and prints MB/s and the peak heap in use (constant memory: run it with a small -Xmx).
 * <pre>
 * java -Xmx64m -cp build/benchmarks.jar org.mtpj.bench.io.OutcarThroughput 5    # 5 GB
 * </pre>
 */
public final class OutcarThroughput {
    private OutcarThroughput() {}

    public static void main(String[] args) throws IOException {
        double gb = args.length > 0 ? Double.parseDouble(args[0]) : 1;
        Path dir = Files.createTempDirectory("mtpj-outcar-bench");
        Path outcar = dir.resolve("OUTCAR");
        try {
            SyntheticVaspRun run = SyntheticVaspRun.random(1, new String[] {"Mg", "V", "O"}, new int[] {16, 32, 48}, 20, true, false);
            long t0 = System.nanoTime();
            long bytes;
            try (Writer w = new BufferedWriter(Files.newBufferedWriter(outcar, StandardCharsets.ISO_8859_1), 1 << 16)) {
                bytes = run.writeOutcar(w, (long) (gb * 1e9));
            }
            System.out.printf("wrote %.2f GB OUTCAR in %.1f s%n", bytes / 1e9, (System.nanoTime() - t0) * 1e-9);
            var threads = ManagementFactory.getThreadMXBean();
            for (int round = 0; round < 3; round++) {
                boolean format = round > 0; // round 1 reads only
                long start = System.nanoTime(), cpu0 = threads.getCurrentThreadCpuTime(), steps = 0;
                try (InputStream in = Files.newInputStream(outcar);
                     OutcarReader r = OutcarReader.of(in, outcar.toString(), System.err::println);
                     CfgWriter cfg = CfgWriter.of(Writer.nullWriter(), CfgWriter.Style.LOSSLESS)) {
                    for (Configuration c; (c = r.next()) != null; ) {
                        if (format) cfg.write(c);
                        steps++;
                    }
                }
                double s = (System.nanoTime() - start) * 1e-9, cpu = (threads.getCurrentThreadCpuTime() - cpu0) * 1e-9;
                System.out.printf("round %d (%s): %d ionic steps, %.1f s wall, %.0f MB/s wall, %.0f MB/s per CPU second, peak heap in use %.0f MB (max %d MB), load %.2f%n",
                        round + 1, format ? "read + .cfg text" : "read only", steps, s, bytes / 1e6 / s, bytes / 1e6 / cpu, peakHeapMb(), Runtime.getRuntime().maxMemory() >> 20,
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
        } finally {
            Files.deleteIfExists(outcar);
            Files.deleteIfExists(dir);
        }
    }

    private static double peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans())
            if (p.getType() == MemoryType.HEAP) sum += p.getPeakUsage().getUsed();
        return sum / 1e6;
    }
}
