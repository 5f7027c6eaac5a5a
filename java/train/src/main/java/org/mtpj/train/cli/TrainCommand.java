package org.mtpj.train.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mtpj.host.ProgressOption;
import org.mtpj.host.ThreadsOption;
import org.mtpj.core.UserError;
import org.mtpj.core.eval.Evaluator;
import org.mtpj.core.io.ErrorReport;
import org.mtpj.core.model.Configuration;
import org.mtpj.core.model.MtpPotential;
import org.mtpj.host.MtpFiles;
import org.mtpj.host.OutputGuard;
import org.mtpj.host.PendingOutputs;
import org.mtpj.host.Ranks;
import org.mtpj.host.WorkerPool;
import org.mtpj.train.fit.LossWeights;
import org.mtpj.train.fit.Trainer;
import org.mtpj.train.fit.TrainingSet;
import org.mtpj.train.fit.Weighting;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mtpj train}: fits all coefficients of an MTP to a training set, with MLIP-2's loss (mtp-spec §7). */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train an MTP on a .cfg training set (BFGS).",
                "",
                "Trains every coefficient (radial, species, moment) of POT.mtp on TRAIN.cfg by BFGS with analytic gradients.",
                "Default optimizer: BFGS over the radial coefficients with the species and moment coefficients solved exactly",
                "at every point (--optimizer=mlip2: BFGS over all, linear part re-solved every 50 iterations). Loss (MLIP-2's):",
                "  L = (1/K) Σ_c [ w_E (E−E_ref)²/N + w_F Σ_i |F_i−F_ref|² + w_S ‖W−W_ref‖²_F/N ]  (eV², E in eV, F in eV/Å, W = PlusStress in eV).",
                "An untrained POT.mtp is initialised (--init-params) and pre-trained (75 iterations) first.",
                "One progress line per iteration (loss f, force RMS eV/Å, time) and, on a terminal, a progress bar on stderr (--progress). Ctrl-C or --max-iter writes the best potential so far."})
public final class TrainCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "POT.mtp", description = "Starting potential (trained or untrained).") Path pot;
    @Parameters(index = "1", paramLabel = "TRAIN.cfg", description = "Training set (energies, forces and/or PlusStress).") Path train;

    @Option(names = "--trained-pot-name", paramLabel = "FILE", description = "Output potential (default ${DEFAULT-VALUE}).")
    Path out = Path.of("Trained.mtp_");
    @Option(names = "--curr-pot-name", paramLabel = "FILE", description = "Write the current potential here after every iteration.")
    Path current;
    @Option(names = "--energy-weight", paramLabel = "W", description = "w_E (default ${DEFAULT-VALUE}).") double we = 1;
    @Option(names = "--force-weight", paramLabel = "W", description = "w_F, per atom (default ${DEFAULT-VALUE}, 1/Å² relative to energies).") double wf = 0.01;
    @Option(names = "--stress-weight", paramLabel = "W", description = "w_S (default ${DEFAULT-VALUE}).") double ws = 0.001;
    @Option(names = "--scale-by-force", paramLabel = "F",
            description = "If > 0, atom force weights w_F·F/(|F_ref|²+F) (eV²/Å²; default ${DEFAULT-VALUE} = off).") double scaleByForce = 0;
    @Option(names = "--weighting", paramLabel = "KIND", description = "vibrations (default), structures or molecules.") String weighting = "vibrations";
    @Option(names = "--max-iter", paramLabel = "N", description = "BFGS iterations of the main run (default ${DEFAULT-VALUE}).") int maxIter = 1000;
    @Option(names = "--bfgs-conv-tol", paramLabel = "TOL", description = "Stop when the relative loss decrease over 50 iterations is below this (default ${DEFAULT-VALUE}).")
    double convTol = 1e-3;
    @Option(names = "--init-params", paramLabel = "random|same",
            description = "Untrained input: random radial coefficients 5e-7·U(−1,1) (default) or the file's defaults (deterministic).")
    String init = "random";
    @Option(names = "--seed", paramLabel = "N", description = "Seed for --init-params=random (default: not reproducible, as MLIP-2).") Long seed;
    @Option(names = "--skip-preinit", description = "Untrained input: skip the linear solve, scaling search and 75 pre-training iterations.")
    boolean skipPreinit;
    @Option(names = "--pretrain-iter", paramLabel = "N", description = "Pre-training iterations (default ${DEFAULT-VALUE}, as MLIP-2).") int pretrainIter = 75;
    @Mixin ThreadsOption threads;
    @Option(names = "--optimizer", paramLabel = "projected|mlip2",
            description = "projected (default): BFGS over the radial coefficients with species/moment coefficients solved exactly at every"
                    + " point (variable projection; converges far faster); mlip2: BFGS over all coefficients with the linear part re-solved every 50 iterations.")
    String optimizer = "projected";
    @picocli.CommandLine.Mixin ProgressOption progress = new ProgressOption();
    @Option(names = "--valid-cfgs", paramLabel = "FILE", description = "Also report errors on this validation set (validation alone).") Path valid;

    @Override
    public Integer call() {
        OutputGuard.of("train").input(pot).input(train).input(valid).output(out).output(current).check();
        MtpPotential p = MtpFiles.read(pot);
        Trainer.Options o = new Trainer.Options();
        o.weights = new LossWeights(we, wf, ws, scaleByForce, Weighting.parse(weighting));
        o.maxIter = maxIter;
        o.bfgsConvTol = convTol;
        o.init = switch (init.toLowerCase(Locale.ROOT)) {
            case "random" -> Trainer.Init.RANDOM;
            case "same" -> Trainer.Init.SAME;
            default -> throw new UserError("--init-params must be random or same, got '" + init + "'");
        };
        o.seed = seed;
        o.variableProjection = switch (optimizer.toLowerCase(Locale.ROOT)) {
            case "projected" -> true;
            case "mlip2" -> false;
            default -> throw new UserError("--optimizer must be projected or mlip2, got '" + optimizer + "'");
        };
        o.skipPreinit = skipPreinit;
        o.pretrainIterations = pretrainIter;
        o.threads = threads.workers();
        // under mpirun every rank trains on its share of the configurations; rank 0 alone prints and writes
        Ranks ranks = Ranks.world();
        o.ranks = ranks;
        if (ranks.isRoot()) {
            o.progress = TrainingProgressBars.of(progress);
            if (current != null) o.onIteration = cur -> MtpFiles.write(cur, current);
        } else {
            o.log = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
        }
        long t0 = System.nanoTime();
        TrainingSet set = TrainingSet.read(train, p.cutoff(), p.speciesCount, ranks);
        if (set.size() == 0) throw new UserError(train + ": no configurations with atoms to train on");
        if (ranks.isRoot())
            System.out.printf(Locale.ROOT, "MTPR from %s, training set %s: %d configurations, %d atoms, %d coefficients, %s%s%n",
                    pot, train, set.size(), set.atoms(), p.coefficientCount(), org.mtpj.host.ThreadsOption.count(o.threads),
                    ranks.size() > 1 ? " per MPI rank x " + ranks.size() + " ranks" : "");
        Trainer trainer = new Trainer(p, set, o);
        MtpPotential result;
        // Ctrl-C: the best potential so far, written before the shutdown clean-up removes temporary files
        try (PendingOutputs.Registration onInterrupt = !ranks.isRoot() ? null : PendingOutputs.atShutdown(() -> {
            MtpFiles.write(trainer.best(), out);
            System.err.println("interrupted: best potential so far (f=" + trainer.bestLoss() + ") written to " + out);
        })) {
            result = trainer.run();
            // every rank holds the same result; rank 0 writes it (a failure there stops every rank)
            ranks.agree(() -> {
                if (ranks.isRoot()) MtpFiles.write(result, out);
                return null;
            });
        }
        double sec = (System.nanoTime() - t0) * 1e-9;
        if (ranks.isRoot())
            System.out.printf(Locale.ROOT, "Trained potential written to %s (%.1f s, %.3f s per iteration per 1000 atoms)%n",
                    out, sec, trainer.iterations() > 0 ? sec / trainer.iterations() / (set.atoms() / 1000.0) : Double.NaN);
        report("TRAIN ERRORS", result, set, ranks);
        if (valid != null && ranks.isRoot()) {
            System.out.println("(validation report: validation configurations only, unlike MLIP-2's serial build)");
            report("VALIDATION ERRORS", result, TrainingSet.read(valid, p.cutoff(), p.speciesCount), Ranks.SINGLE);
        }
        return 0;
    }

    /**
     * MLIP-2's error report (mtp-spec §7.5) of pot on the set's configurations, printed by rank 0:
     * each rank evaluates its share and the exact sums combine (collective).
     */
    private void report(String title, MtpPotential pot, TrainingSet set, Ranks ranks) {
        ErrorReport report = new ErrorReport();
        int[] own = set.share(ranks);
        try (WorkerPool pool = WorkerPool.start(threads.workers())) {
            Evaluator ev = new Evaluator(pot, pool);
            for (int i = own[0]; i < own[1]; i++) {
                TrainingSet.Item it = set.items().get(i);
                Configuration check = it.cfg().copy();
                ev.evaluateInto(check);
                report.add(check, it.cfg());
            }
        }
        org.mtpj.host.RankSummaries.combine(report, ranks);
        if (ranks.isRoot()) System.out.print(report.text(title));
    }
}
