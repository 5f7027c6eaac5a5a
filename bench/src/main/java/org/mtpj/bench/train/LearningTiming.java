package org.mtpj.bench.train;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.mtpj.core.model.Configuration;
import org.mtpj.core.model.MtpPotential;
import org.mtpj.host.CfgFiles;
import org.mtpj.host.MtpFiles;
import org.mtpj.train.fit.LossFunction;
import org.mtpj.train.fit.LossWeights;
import org.mtpj.train.fit.TrainingSet;
import org.mtpj.train.grade.RowWeights;
import org.mtpj.train.grade.SelectionSession;

/**
 * Quick wall-clock timings for the report (not JMH): loss+gradient µs per atom with 1 and 2
 * threads, and calc-grade throughput (configurations/s) in both modes.
 * Usage: {@code java -cp benchmarks.jar org.mtpj.bench.train.LearningTiming POT.mtp TRAIN.cfg IN.cfg [all|train|grade|loss]}.
 * {@code loss} times one E+F+S evaluation of the training frames (core's Evaluator), loss+gradient
 * and the projected optimizer's step (linear designs, then the gradient from them), with process
 * CPU time beside wall time: on a shared, busy machine the CPU
 * µs/atom are the comparable number.
 */
public final class LearningTiming {
    public static void main(String[] a) {
        MtpPotential pot = MtpFiles.read(Path.of(a[0]));
        Path train = Path.of(a[1]), in = Path.of(a[2]);
        String only = a.length > 3 ? a[3] : "all";     // all | train | grade | loss
        if (only.equals("loss")) {
            timeLoss(pot, Path.of(a[1]));
            return;
        }
        if (!only.equals("grade")) timeTraining(pot, train);
        if (!only.equals("train")) timeGrades(pot, train, in);
    }

    private static void timeLoss(MtpPotential pot, Path train) {
        TrainingSet set = TrainingSet.read(train, pot.cutoff());
        double[] th = pot.coefficients(), g = new double[th.length];
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (int threads : new int[] {1, 2}) {
            try (LossFunction l = new LossFunction(pot, set, LossWeights.MLIP2_DEFAULTS, threads);
                 org.mtpj.train.fit.LinearFit lin = new org.mtpj.train.fit.LinearFit(pot, set, LossWeights.MLIP2_DEFAULTS, threads);
                 org.mtpj.host.WorkerPool pool = org.mtpj.host.WorkerPool.start(threads)) {
                org.mtpj.core.eval.Evaluator ev = new org.mtpj.core.eval.Evaluator(pot, pool);
                for (String what : new String[] {"E+F+S", "loss+gradient", "projected step"}) {
                    Runnable r = switch (what) {
                        case "E+F+S" -> () -> { for (TrainingSet.Item it : set.items()) ev.evaluate(it.cfg()); };
                        case "loss+gradient" -> () -> l.evaluate(th, g);
                        default -> () -> {
                            lin.assemble(th, pot.scaling);
                            l.evaluate(th, g, lin.designs());
                        };
                    };
                    for (int w = 0; w < 3; w++) r.run();
                    int reps = 5;
                    double bestWall = Double.POSITIVE_INFINITY;
                    long cpu0 = os.getProcessCpuTime();
                    for (int rep = 0; rep < reps; rep++) {
                        long t0 = System.nanoTime();
                        r.run();
                        bestWall = Math.min(bestWall, (System.nanoTime() - t0) * 1e-3 / set.atoms());
                    }
                    double cpu = (os.getProcessCpuTime() - cpu0) * 1e-3 / reps / set.atoms();
                    System.out.printf(Locale.ROOT, "threads %d: %s best wall %.1f us/atom, process CPU %.1f us/atom%n",
                            threads, what, bestWall, cpu);
                }
            }
        }
    }

    private static void timeTraining(MtpPotential pot, Path train) {
        TrainingSet set = TrainingSet.read(train, pot.cutoff());
        double[] th = pot.coefficients(), g = new double[th.length];
        for (int threads : new int[] {1, 2}) {
            try (LossFunction l = new LossFunction(pot, set, LossWeights.MLIP2_DEFAULTS, threads)) {
                double best = Double.POSITIVE_INFINITY, bestL = Double.POSITIVE_INFINITY;
                for (int rep = 0; rep < 4; rep++) {
                    long t0 = System.nanoTime();
                    l.evaluate(th, null);
                    long t1 = System.nanoTime();
                    l.evaluate(th, g);
                    long t2 = System.nanoTime();
                    bestL = Math.min(bestL, (t1 - t0) * 1e-3 / set.atoms());
                    best = Math.min(best, (t2 - t1) * 1e-3 / set.atoms());
                }
                System.out.printf(Locale.ROOT, "threads %d: loss %.1f us/atom, loss+gradient %.1f us/atom%n", threads, bestL, best);
            }
        }
        // whole BFGS iterations (projected optimizer): time(5 iterations) − time(0 iterations)
        for (int threads : new int[] {1, 2}) {
            double[] sec = new double[2];
            int[] iters = {0, 5};
            int done = 0;
            for (int r = 0; r < 2; r++) {
                org.mtpj.train.fit.Trainer.Options o = new org.mtpj.train.fit.Trainer.Options();
                o.skipPreinit = true;
                o.maxIter = iters[r];
                o.threads = threads;
                o.log = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
                org.mtpj.train.fit.Trainer t = new org.mtpj.train.fit.Trainer(pot, set, o);
                long t0 = System.nanoTime();
                t.run();
                sec[r] = (System.nanoTime() - t0) * 1e-9;
                done = t.iterations();
            }
            System.out.printf(Locale.ROOT, "threads %d: BFGS iteration %.3f s = %.1f us per atom per iteration (%d iterations)%n",
                    threads, (sec[1] - sec[0]) / done, (sec[1] - sec[0]) / done / set.atoms() * 1e6, done);
        }
    }

    private static void timeGrades(MtpPotential pot, Path train, Path in) {
        List<Configuration> trainCfgs = CfgFiles.readAll(train), inCfgs = CfgFiles.readAll(in);
        for (RowWeights w : new RowWeights[] {RowWeights.CONFIGURATION_MODE, RowWeights.NEIGHBOURHOOD_MODE}) {
            long t0 = System.nanoTime();
            SelectionSession s = new SelectionSession(pot, w, 1e-5);
            s.selectFrom(trainCfgs, 1.1, 1.0000001, 0);
            long t1 = System.nanoTime();
            for (Configuration c : inCfgs) s.grade(c);
            long t2 = System.nanoTime();
            System.out.printf(Locale.ROOT, "calc-grade %s: active set %.2f s, grading %d configurations %.3f s (%.1f configurations/s, %.1f atoms/ms)%n",
                    w.mode(), (t1 - t0) * 1e-9, inCfgs.size(), (t2 - t1) * 1e-9, inCfgs.size() / ((t2 - t1) * 1e-9),
                    inCfgs.stream().mapToInt(c -> c.size).sum() / ((t2 - t1) * 1e-6));
        }
    }
}
