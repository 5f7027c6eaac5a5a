package org.mtpj.bench.train;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.mtpj.core.eval.Evaluator;
import org.mtpj.core.io.MtpReader;
import org.mtpj.core.model.Configuration;
import org.mtpj.core.model.MtpPotential;
import org.mtpj.host.MtpFiles;
import org.mtpj.host.WorkerPool;
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
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Training loss and gradient on the study's frames 0–9 (7680 atoms), in µs per atom (one
 * operation = one atom), beside {@code energyForcesStress}: one E+F+S evaluation of the same
 * frames as calc-efs does it (core's Evaluator, neighbour lists included), so the two scores give
 * the cost of a loss+gradient in E+F+S evaluations (issue 14's target: at most 3).
 * Potential: {@code -Dmtpj.bench.pot=FILE} (default the study's level-16 pot.mtp); data:
 * {@code -Dmtpj.bench.cfg=FILE} (must hold 7680 atoms).
 * Run: {@code java -jar build/benchmarks.jar TrainingBenchmark -p threads=1 -jvmArgsAppend -Dmtpj.shared=PATH}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class TrainingBenchmark {
    @Param({"1", "2"}) int threads;

    static final int ATOMS = 7680;

    LossFunction loss;
    LinearFit lin;
    WorkerPool pool;
    Evaluator evaluator;
    TrainingSet set;
    double[] theta, grad;

    @Setup(Level.Trial)
    public void setup() {
        String shared = System.getProperty("mtpj.shared", "../shared");
        MtpPotential pot = MtpFiles.read(Path.of(System.getProperty("mtpj.bench.pot", shared + "/data/amorphous-MgV2O5/pot.mtp")));
        set = TrainingSet.read(Path.of(System.getProperty("mtpj.bench.cfg",
                shared + "/reference/mlip2/dump600K_frames00-09.cfg")), pot.cutoff());
        if (set.atoms() != ATOMS) throw new IllegalStateException("expected " + ATOMS + " atoms, got " + set.atoms());
        pool = WorkerPool.start(threads);
        evaluator = new Evaluator(pot, pool);
        loss = new LossFunction(pot, set, LossWeights.MLIP2_DEFAULTS, threads);
        lin = new LinearFit(pot, set, LossWeights.MLIP2_DEFAULTS, threads);
        theta = pot.coefficients();
        grad = new double[theta.length];
    }

    @TearDown
    public void close() { loss.close(); lin.close(); pool.close(); }

    /** Energy, forces and PlusStress of every frame (the unit the loss is measured in). */
    @Benchmark
    @OperationsPerInvocation(ATOMS)
    public double energyForcesStress() {
        double e = 0;
        for (TrainingSet.Item it : set.items()) {
            Configuration c = it.cfg();
            e += evaluator.evaluate(c).energy;
        }
        return e;
    }

    @Benchmark
    @OperationsPerInvocation(ATOMS)
    public double lossOnly() { return loss.evaluate(theta, null); }

    @Benchmark
    @OperationsPerInvocation(ATOMS)
    public double lossAndGradient() { return loss.evaluate(theta, grad); }

    /** One point of the default (variable projection) optimizer: linear designs, then the loss gradient from them. */
    @Benchmark
    @OperationsPerInvocation(ATOMS)
    public double projectedStep() {
        lin.assemble(theta, loss.scaling());
        return loss.evaluate(theta, grad, lin.designs());
    }
}
