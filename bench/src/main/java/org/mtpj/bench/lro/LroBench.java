package org.mtpj.bench.lro;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.mtpj.analysis.lro.Direction;
import org.mtpj.analysis.lro.FibonacciSphere;
import org.mtpj.analysis.lro.LongRangeOrder;
import org.mtpj.analysis.lro.LroResult;
import org.openjdk.jmh.annotations.*;

/**
 * Long-range order per structure (µs per structure): {@code fit} = the three axis fits and
 * deviations; {@code fullStructure} = fit + 7 directions + the 700-direction sphere with its
 * summary, i.e. what {@code mtpj lro} computes per POSCAR (without I/O). Synthetic structures with
 * 12 (AlPO4 S812 size) or 96 tracked atoms on a noisy lattice, fixed seed.
 * Run: {@code java -jar build/benchmarks.jar LroBench -f 1 -wi 3 -i 3}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1)
@State(Scope.Benchmark)
public class LroBench {
    @Param({"12", "96"})
    public int atoms;

    double[][] frac;
    final double[][] cell = {{9.12, 0, 0}, {-3.37, 7.44, 0}, {-1.16, -0.03, 10.56}};
    final double[][] sphere = FibonacciSphere.points(700);
    final List<Direction> dirs = Direction.DEFAULTS;

    @Setup
    public void setup() {
        Random r = new Random(42);
        frac = new double[atoms][3];
        for (int i = 0; i < atoms; i++)
            for (int k = 0; k < 3; k++) frac[i][k] = ((i * (k + 3)) % 4) / 4.0 + 0.03 * r.nextGaussian();
    }

    @Benchmark
    public int fit() {
        return new LongRangeOrder(frac, cell).dims()[0];
    }

    @Benchmark
    public double fullStructure() {
        return LroResult.compute("bench", 13, frac, cell, dirs, sphere, false).sphere().mean();
    }
}
