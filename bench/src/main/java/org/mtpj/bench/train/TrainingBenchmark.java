package org.mtpj.bench.train;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.mtpj.core.model.MtpPotential;
import org.mtpj.host.MtpFiles;
import org.mtpj.train.fit.LinearFit;
import org.mtpj.train.fit.LossFunction;
import org.mtpj.train.fit.LossWeights;
import org.mtpj.train.fit.TrainingSet;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Training loss and gradient on the study's frames 0–9 (7680 atoms) — divide the score by 7680
 * for µs per atom per evaluation. Potential: {@code -Dmtpj.bench.pot=FILE} (default the study's
 * level-16 pot.mtp); data: {@code -Dmtpj.bench.cfg=FILE}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class TrainingBenchmark {
    @Param({"1", "2"}) int threads;

    LossFunction loss;
    LinearFit lin;
    double[] theta, grad;

    @Setup(Level.Trial)
    public void setup() {
        String shared = System.getProperty("mtpj.shared", "../shared");
        MtpPotential pot = MtpFiles.read(Path.of(System.getProperty("mtpj.bench.pot", shared + "/data/amorphous-MgV2O5/pot.mtp")));
        TrainingSet set = TrainingSet.read(Path.of(System.getProperty("mtpj.bench.cfg",
                shared + "/reference/mlip2/dump600K_frames00-09.cfg")), pot.cutoff());
        loss = new LossFunction(pot, set, LossWeights.MLIP2_DEFAULTS, threads);
        lin = new LinearFit(pot, set, LossWeights.MLIP2_DEFAULTS, threads);
        theta = pot.coefficients();
        grad = new double[theta.length];
    }

    @TearDown
    public void close() { loss.close(); lin.close(); }

    @Benchmark
    public double lossOnly() { return loss.evaluate(theta, null); }

    @Benchmark
    public double lossAndGradient() { return loss.evaluate(theta, grad); }

    /** One point of the default (variable projection) optimizer: linear designs, then the loss gradient from them. */
    @Benchmark
    public double projectedStep() {
        lin.assemble(theta, loss.scaling());
        return loss.evaluate(theta, grad, lin.designs());
    }
}
