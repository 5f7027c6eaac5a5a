package org.mtpj.bench.analysis;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.mtpj.analysis.msd.MsdSeries;
import org.mtpj.core.io.Frame;
import org.mtpj.core.io.LammpsDumpReader;
import org.openjdk.jmh.annotations.*;
import org.openjdk.jmh.infra.Blackhole;

/**
 * LAMMPS dump parse speed on one core, in memory (no disk): one operation = one pass over the
 * study's 600 K dump repeated to ~32 MB (26 frames × 768 atoms per copy, columns id type x y z fx
 * fy fz; without the shared folder a random dump of the same layout). MB/s = {@link #megabytes} /
 * (ms/op) × 1000; the size is printed at setup. Also the FFT MSD of one 10 000-frame series.
 * Run: {@code java -jar build/benchmarks.jar DumpParseBench -f 1 -wi 3 -i 3}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class DumpParseBench {
    byte[] dump;
    double megabytes;
    double[] series;
    MsdSeries msd;

    @Setup
    public void setup() throws Exception {
        String env = System.getenv("MTPJ_SHARED");
        Path root = env != null && !env.isBlank() ? Path.of(env) : Path.of("../shared");
        Path p = root.resolve("data/amorphous-MgV2O5/dump_600K.lammpstrj");
        byte[] one = Files.exists(p) ? Files.readAllBytes(p) : synthetic();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        while (b.size() < 32 << 20) b.write(one);
        dump = b.toByteArray();
        megabytes = dump.length / 1e6;
        System.out.printf("%n[DumpParseBench] dump text: %.2f MB (MB/s = %.2f / (ms/op) * 1000)%n", megabytes, megabytes);
        series = new double[10_000];
        java.util.Random r = new java.util.Random(3);
        for (int t = 1; t < series.length; t++) series[t] = series[t - 1] + r.nextGaussian();
        msd = new MsdSeries(series.length);
    }

    static byte[] synthetic() {
        java.util.Random r = new java.util.Random(1);
        StringBuilder s = new StringBuilder();
        for (int f = 0; f < 26; f++) {
            s.append("ITEM: TIMESTEP\n").append(f * 1000).append("\nITEM: NUMBER OF ATOMS\n768\nITEM: BOX BOUNDS xy xz yz pp pp pp\n")
                    .append("0 17.61966 0\n0 21.53313 0\n0 23.20344 0\nITEM: ATOMS id type x y z fx fy fz\n");
            for (int i = 1; i <= 768; i++) {
                s.append(i).append(' ').append(1 + i % 3);
                for (int k = 0; k < 3; k++) s.append(' ').append(String.format(java.util.Locale.ROOT, "%.6g", 20 * r.nextDouble()));
                for (int k = 0; k < 3; k++) s.append(' ').append(String.format(java.util.Locale.ROOT, "%.6g", r.nextGaussian()));
                s.append('\n');
            }
        }
        return s.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    @Benchmark
    public long parseDump(Blackhole bh) {
        long atoms = 0;
        try (LammpsDumpReader r = LammpsDumpReader.of(new ByteArrayInputStream(dump), "bench", w -> {})) {
            for (Frame f; (f = r.next()) != null; ) {
                atoms += f.size;
                bh.consume(f.positions);
            }
        }
        return atoms;
    }

    @Benchmark
    public double[] msdFft10000Frames() {
        double[] acc = new double[series.length];
        msd.addFft(series, 0, 1, acc);
        return acc;
    }
}
