package org.mtpj.train.fit;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;
import org.mtpj.core.model.MtpPotential;
import org.mtpj.host.Ranks;

/**
 * Trains all coefficients of an MTP (mtp-spec §7): initialisation and pre-training for an
 * untrained potential, BFGS with the linear shortcut re-solved at the start and every 50
 * iterations, MLIP-2's stopping rules, final linear solve and scaling search.
 *
 * <p>Deviations from MLIP-2 (documented, not numerical differences of the loss): during the main
 * run a re-solve of the linear part is kept only if it lowers the loss; the radial functions are
 * orthonormalised only before the scaling searches (MLIP-2 does it before every linear solve,
 * which can raise the loss in the middle of a run).
 */
public final class Trainer {
    public enum Init { RANDOM, SAME }

    /** Training options with MLIP-2's defaults. */
    public static final class Options {
        public LossWeights weights = LossWeights.MLIP2_DEFAULTS;
        public int maxIter = 1000;
        public Init init = Init.RANDOM;
        public Long seed;
        public boolean skipPreinit;
        public double bfgsConvTol = 1e-3;
        public int threads = 1;
        /** MPI ranks sharing the configurations (every rank runs the same iterations on the same sums). */
        public Ranks ranks = Ranks.SINGLE;
        public int pretrainIterations = 75;
        public int linearEvery = 50;
        /** Start BFGS from the exact inverse Hessian of the linear part (mtpj; MLIP-2 uses the identity). */
        public boolean precondition = true;
        /** BFGS over radial coefficients with the linear part solved exactly at every point (mtpj; off = MLIP-2's scheme). */
        public boolean variableProjection = true;
        public PrintStream log = System.out;
        /** Called with the current potential after every iteration (--curr-pot-name), or null. */
        public Consumer<MtpPotential> onIteration;
        /** Told about every BFGS run and iteration (the command's progress bar), or null. */
        public Progress progress;
    }

    /** Progress of the BFGS runs (pre-training, main run): for a progress bar beside the log lines. */
    public interface Progress {
        /** A BFGS run of at most maxIterations iterations starts. */
        void start(String label, int maxIterations);
        /** Iteration (0-based) finished with loss f. */
        void iteration(int iteration, double f);
        /** The run ended (converged, stopped or at its limit). */
        void end();
    }

    private final MtpPotential start;
    private final TrainingSet set;
    private final Options opt;
    private final long t0 = System.nanoTime();
    private volatile MtpPotential best;
    private volatile double bestLoss = Double.POSITIVE_INFINITY;
    private int iterations;

    public Trainer(MtpPotential start, TrainingSet set, Options opt) {
        this.start = start;
        this.set = set;
        this.opt = opt;
        this.best = start;
    }

    /** The potential with the lowest loss seen so far (for Ctrl-C). */
    public MtpPotential best() { return best; }
    public double bestLoss() { return bestLoss; }
    public int iterations() { return iterations; }

    private double seconds() { return (System.nanoTime() - t0) * 1e-9; }

    private void offer(double[] theta, double scaling, double loss) {
        if (loss < bestLoss) {
            bestLoss = loss;
            best = start.withCoefficients(theta).withScaling(scaling);
        }
    }

    /** A random seed, the same on every rank (rank 0's, summed with the others' zeros). */
    private long agreedSeed() {
        long[] seed = {opt.ranks.isRoot() ? new Random().nextLong() : 0};
        opt.ranks.sumInPlace(seed);
        return seed[0];
    }

    public MtpPotential run() {
        double[] theta = start.coefficients();
        double scaling = start.scaling;
        try (LossFunction loss = new LossFunction(start, set, opt.weights, opt.threads, opt.ranks);
             LinearFit lin = new LinearFit(start, set, opt.weights, opt.threads, opt.ranks)) {
            if (!start.fitted) {
                if (opt.init == Init.RANDOM) {
                    Random rnd = new Random(opt.seed != null ? opt.seed : agreedSeed());
                    for (int i = 0; i < start.radialCoeffs.length; i++) theta[i] = 5e-7 * (2 * rnd.nextDouble() - 1);
                }
                if (!opt.skipPreinit) {
                    opt.log.println("Pre-training: linear solve and scaling search");
                    scaling = scalingSearch(theta, scaling, lin, loss);
                    scaling = bfgs(theta, scaling, loss, lin, opt.pretrainIterations, "Pre-training", false);
                    scaling = scalingSearch(theta, scaling, lin, loss);
                }
            }
            scaling = bfgs(theta, scaling, loss, lin, opt.maxIter, "BFGS", true);
            // final linear solve and scaling search (§7.3)
            scaling = scalingSearch(theta, scaling, lin, loss);
            loss.setScaling(scaling);
            double f = loss.evaluate(theta, null);
            offer(theta, scaling, f);
            LossFunction.Stats s = loss.lastStats();
            opt.log.printf(Locale.ROOT, "Training done: %d iterations, f=%.6g, force RMS=%.6g eV/Å, energy RMS=%.6g eV/atom, stress RMS=%.6g eV, %.1f s%n",
                    iterations, f, s.forceRms(), s.energyPerAtomRms(), s.stressRms(), seconds());
            return best;
        }
    }

    /** Runs BFGS; returns the (unchanged) scaling. theta is updated in place. */
    private double bfgs(double[] theta, double scaling, LossFunction loss, LinearFit lin, int maxIter, String label, boolean main) {
        loss.setScaling(scaling);
        if (maxIter <= 0) return scaling;
        if (opt.progress == null) return bfgsRun(theta, scaling, loss, lin, maxIter, label, main);
        opt.progress.start(label, maxIter);
        try {
            return bfgsRun(theta, scaling, loss, lin, maxIter, label, main);
        } finally {
            opt.progress.end();
        }
    }

    private double bfgsRun(double[] theta, double scaling, LossFunction loss, LinearFit lin, int maxIter, String label, boolean main) {
        if (opt.variableProjection && opt.weights.scaleByForce() == 0) return projected(theta, scaling, loss, lin, maxIter, label, main);
        linearStep(theta, scaling, loss, lin);
        Bfgs b = new Bfgs(loss, theta);
        b.setInverseHessian(startingInverseHessian(theta.length), start.radialCoeffs.length);
        double blockStart = b.value(), prevRel = Double.POSITIVE_INFINITY;
        offer(theta, scaling, b.value());
        for (int it = 0; it < maxIter; it++) {
            double before = b.value();
            if (!b.step()) {
                opt.log.println(label + ": line search found no decrease; stopping");
                break;
            }
            if (main) iterations++;
            double f = b.value();
            double[] x = b.point();
            System.arraycopy(x, 0, theta, 0, x.length);
            if (acceptedStep(label, it, before, f, theta, scaling, loss)) break;
            if (main && (it + 1) % opt.linearEvery == 0) {
                double rel = (blockStart - f) / f;
                if (blockStalled(label, rel, prevRel)) break;
                prevRel = rel;
                if (linearStep(theta, scaling, loss, lin)) {
                    b = new Bfgs(loss, theta);
                    b.setInverseHessian(startingInverseHessian(theta.length), start.radialCoeffs.length);
                }
                blockStart = b.value();
            }
        }
        return scaling;
    }

    /**
     * Bookkeeping after every accepted step of either optimiser: keep the best point, print the
     * progress line, notify listeners. Returns true when the loss changed by less than 1e-13
     * (MLIP-2's stopping rule).
     */
    private boolean acceptedStep(String label, int it, double before, double f, double[] theta, double scaling, LossFunction loss) {
        offer(theta, scaling, f);
        LossFunction.Stats s = loss.lastStats();
        opt.log.printf(Locale.ROOT, "%s iter %d: f=%.6g force_rms=%.6g energy_rms=%.4g stress_rms=%.4g t=%.1fs%n",
                label, it, f, s.forceRms(), s.energyPerAtomRms(), s.stressRms(), seconds());
        if (opt.onIteration != null) opt.onIteration.accept(start.withCoefficients(theta).withScaling(scaling));
        if (opt.progress != null) opt.progress.iteration(it, f);
        if (Math.abs(before - f) < 1e-13) {
            opt.log.println(label + ": loss change below 1e-13; stopping");
            return true;
        }
        return false;
    }

    /**
     * MLIP-2's block rule, checked every linearEvery iterations: stop when the relative decrease
     * over the block is below --bfgs-conv-tol and smaller than that of the previous block.
     */
    private boolean blockStalled(String label, double rel, double prevRel) {
        if (rel < opt.bfgsConvTol && rel < prevRel) {
            opt.log.printf(Locale.ROOT, "%s: relative decrease %.3g over %d iterations below %.3g; stopping%n",
                    label, rel, opt.linearEvery, opt.bfgsConvTol);
            return true;
        }
        return false;
    }

    /** BFGS over the radial coefficients with the linear part always solved exactly ({@link VariableProjection}). */
    private double projected(double[] theta, double scaling, LossFunction loss, LinearFit lin, int maxIter, String label, boolean main) {
        int nr = start.radialCoeffs.length;
        VariableProjection vp = new VariableProjection(loss, lin, theta, nr, scaling);
        Bfgs b = new Bfgs(vp, java.util.Arrays.copyOf(theta, nr));
        System.arraycopy(vp.theta(), 0, theta, 0, theta.length);
        offer(theta, scaling, b.value());
        double blockStart = b.value(), prevRel = Double.POSITIVE_INFINITY;
        for (int it = 0; it < maxIter; it++) {
            double before = b.value();
            if (!b.step()) {
                opt.log.println(label + ": line search found no decrease; stopping");
                break;
            }
            if (main) iterations++;
            double f = b.value();
            // the accepted point was the last one evaluated with a gradient: its θ is vp.theta()
            double[] t = vp.theta();
            if (!java.util.Arrays.equals(java.util.Arrays.copyOf(t, nr), b.point())) t = vp.complete(b.point());
            System.arraycopy(t, 0, theta, 0, theta.length);
            if (acceptedStep(label, it, before, f, theta, scaling, loss)) break;
            if (main && (it + 1) % opt.linearEvery == 0) {
                double rel = (blockStart - f) / f;
                if (blockStalled(label, rel, prevRel)) break;
                prevRel = rel;
                blockStart = f;
            }
        }
        return scaling;
    }

    /** Inverse Hessian to start BFGS from: identity for the radial part, (2G)⁻¹ for (w, v). */
    private double[] startingInverseHessian(int n) {
        double[] h = new double[n * n];
        int nr = start.radialCoeffs.length, p = n - nr;
        for (int i = 0; i < nr; i++) h[i * n + i] = 1;
        if (linearHessian == null) {
            for (int i = nr; i < n; i++) h[i * n + i] = 1;
        } else {
            for (int i = 0; i < p; i++)
                System.arraycopy(linearHessian, i * p, h, (nr + i) * n + nr, p);
        }
        return h;
    }

    private double[] linearHessian;

    /** Re-solves the linear part; keeps it only if the loss does not rise. Returns whether theta changed. */
    private boolean linearStep(double[] theta, double scaling, LossFunction loss, LinearFit lin) {
        loss.setScaling(scaling);
        double f0 = loss.evaluate(theta, null);
        double[] trial = theta.clone();
        LinearFit.System sys = lin.assemble(trial, scaling);
        double[] x = lin.solve(sys, scaling);
        System.arraycopy(x, 0, trial, start.radialCoeffs.length, x.length);
        linearHessian = opt.precondition ? lin.inverseHessian(sys, scaling) : null;
        double f1 = loss.evaluate(trial, null);
        if (f1 <= f0 || !Double.isFinite(f0)) {
            System.arraycopy(trial, 0, theta, 0, theta.length);
            offer(theta, scaling, f1);
            return true;
        }
        offer(theta, scaling, f0);
        return false;
    }

    /**
     * Orthonormalises the radial functions, then searches the radial scaling s among s/1.2, s/1.1,
     * s, 1.1s, 1.2s for the smallest ‖(w,v)‖/median|(w,v)| of the linear solution, repeating
     * until the middle wins or the direction reverses (§7.4). theta gets the winner's linear part.
     */
    private double scalingSearch(double[] theta, double scaling, LinearFit lin, LossFunction loss) {
        LinearFit.orthonormaliseRadial(start, theta);
        opt.log.println("Rescaling...");
        double[] factors = {1 / 1.2, 1 / 1.1, 1, 1.1, 1.2};
        java.util.Map<Double, double[]> cache = new java.util.HashMap<>();
        LinearFit.System sys = lin.assemble(theta, scaling);
        int prevDir = 0;
        for (int round = 0; round < 100; round++) {
            double bestS = scaling, bestM = Double.POSITIVE_INFINITY;
            for (double fac : factors) {
                double s = scaling * fac;
                double[] x = cache.computeIfAbsent(s, key -> lin.solve(sys, key));
                double m = LinearFit.conditionMeasure(x);
                opt.log.printf(Locale.ROOT, "scaling = %.10g, condition number = %.6g%n", s, m);
                if (m < bestM) { bestM = m; bestS = s; }
            }
            if (bestS == scaling) break;
            int dir = bestS > scaling ? 1 : -1;
            scaling = bestS;
            opt.log.printf(Locale.ROOT, "Rescaling to %.10g%n", scaling);
            if (prevDir != 0 && dir != prevDir) break;
            prevDir = dir;
        }
        double[] x = cache.get(scaling);
        if (x == null) x = lin.solve(sys, scaling);
        System.arraycopy(x, 0, theta, start.radialCoeffs.length, x.length);
        loss.setScaling(scaling);
        offer(theta, scaling, loss.evaluate(theta, null));
        return scaling;
    }
}
