package org.mtpj.learn;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mtpj.core.UserError;
import org.mtpj.core.io.CfgWriter;
import org.mtpj.core.io.MtpWriter;
import org.mtpj.core.eval.CloseContacts;
import org.mtpj.core.model.Configuration;
import org.mtpj.core.model.MtpPotential;
import org.mtpj.host.AtomicOutput;
import org.mtpj.host.CfgFiles;
import org.mtpj.host.WorkerPool;
import org.mtpj.host.LammpsDataFiles;
import org.mtpj.host.MtpFiles;
import org.mtpj.train.basis.MomentBasisGenerator;
import org.mtpj.train.fit.LossWeights;
import org.mtpj.train.fit.Trainer;
import org.mtpj.train.fit.TrainingSet;
import org.mtpj.train.fit.Weighting;
import org.mtpj.train.grade.ActiveSetState;
import org.mtpj.train.grade.RowWeights;
import org.mtpj.train.grade.SelectionSession;
import tools.jackson.databind.node.ObjectNode;

/**
 * The active-learning loop (mtp-spec §6, as the study ran it with MLIP-2): in each round train
 * (warm start from the last potential) → active set of the training set → MD with extrapolation
 * control at every temperature → select-add (MaxVol) over every preselected configuration →
 * oracle labels → append to the training set. Converged when one round's MD stays at or below
 * the selection threshold at every temperature for its whole length.
 *
 * <p>The run folder holds every round's state ({@code round-NNN/}: train.cfg, pot.mtp,
 * state.als, md-T&lt;T&gt;/, candidates.cfg, new.cfg, label/NNNN.cfg, labelled.cfg); a stage is done
 * when its output exists (files are written whole, see {@link RunFiles}), so running again
 * continues where a killed run stopped and never labels a configuration twice.
 */
public final class Learner {
    /** Selection settings of MLIP-2's calc-grade/select-add defaults, neighbourhood rows (the MD workflow). */
    private static final double INIT_THRESHOLD = 1e-5, SELECT_THRESHOLD = 1.1, SWAP_THRESHOLD = 1.0000001;

    private final LearnConfig cfg;
    private final PrintStream out;
    private final Path runDir;
    private final Oracle oracle;
    private final SelectiveMd md;
    private final long t0 = System.nanoTime();
    private volatile String where = "start";

    public Learner(LearnConfig cfg, PrintStream out) {
        this.cfg = cfg;
        this.out = out;
        this.runDir = cfg.run().dir();
        this.oracle = switch (cfg.oracle().type()) {
            case "lammps" -> new LammpsOracle(cfg.oracle().lammps(), cfg.oracle().pair(), cfg.potential().species());
            case "cp2k" -> new Cp2kOracle(cfg.oracle().cp2k(), cfg.potential().species());
            case "vasp" -> new VaspOracle(cfg.oracle().vasp(), cfg.potential().species());
            default -> new CommandOracle(cfg.oracle().command());
        };
        this.md = new SelectiveMd(cfg);
    }

    /** Round and stage that run now, for the message of an interruption. */
    public String where() { return where; }

    public Path runDir() { return runDir; }

    /** Runs until converged or a limit; 0 = converged, 1 = stopped at a limit (run again to continue). */
    public int run() {
        try {
            Files.createDirectories(runDir);
        } catch (IOException e) {
            throw new UserError("cannot create the run folder " + runDir + ": " + e.getMessage());
        }
        RunFiles.removeStale(runDir);
        out.println("mtpj learn: run folder " + runDir);
        out.println("  oracle: " + oracle.describe());
        out.println("  MD: " + md.describe() + ", T = " + String.join(", ", cfg.temperatureNames()) + " K, "
                + cfg.md().steps() + " steps of " + cfg.md().timestepPs() + " ps; selection threshold "
                + cfg.selection().threshold() + ", break " + cfg.selection().thresholdBreak());
        if (Files.isRegularFile(runDir.resolve("final.mtp"))) {
            out.println("already converged: " + runDir.resolve("final.mtp") + " (delete the run folder to start over)");
            LearnReport.write(runDir, cfg, out);
            return 0;
        }
        Path first = roundDir(1).resolve("train.cfg");
        if (!Files.isRegularFile(first)) {
            mkdirs(roundDir(1));
            List<Configuration> given = new ArrayList<>();
            if (cfg.data().train() != null) {
                given.addAll(CfgFiles.readAll(cfg.data().train()));
                if (given.isEmpty()) throw new UserError(cfg.data().train() + ": no configurations in the initial training set");
            }
            if (cfg.sample() != null) {
                where = "sampling by oracle MD";
                try {
                    given.addAll(new OracleSampler(cfg, (LammpsOracle) oracle, out).sample(runDir.resolve("sample")));
                } catch (UserError e) {
                    throw new UserError("sampling the initial set: " + e.getMessage(), e.exitCode());
                }
            }
            // configurations without energy or forces are labelled by the oracle first (a few structures are enough to start)
            List<Configuration> unlabelled = new ArrayList<>();
            for (Configuration c : given) if (!c.hasEnergy() || c.forces == null) unlabelled.add(c);
            where = "initial labelling";
            List<Configuration> labels = new ArrayList<>();
            if (!unlabelled.isEmpty()) {
                out.printf(Locale.ROOT, "labelling %d initial configurations without energy/forces%n", unlabelled.size());
                try {
                    labels = label(runDir.resolve("initial-label"), unlabelled);
                } catch (UserError e) {
                    throw new UserError("initial labelling: " + e.getMessage(), e.exitCode());
                }
            }
            List<Configuration> initial = new ArrayList<>();
            int k = 0;
            for (Configuration c : given) {
                Configuration got = !c.hasEnergy() || c.forces == null ? labels.get(k++) : c;
                if (got != null) initial.add(got); // null: skipped by the oracle (reported, label/NNNN.skipped)
            }
            if (initial.isEmpty())
                throw new UserError("initial labelling: the oracle labelled none of the " + given.size() + " configurations (reasons in "
                        + runDir.resolve("initial-label") + "/*.skipped); check the oracle's settings, delete those files and run again");
            CfgFiles.writeAll(first, initial, CfgWriter.Style.LOSSLESS);
        }
        int round = 1;
        while (Files.isRegularFile(roundDir(round + 1).resolve("train.cfg"))) round++;
        if (round > 1) out.println("continuing at round " + round);
        for (; round <= cfg.run().maxRounds(); round++) {
            RoundOutcome o = round(round);
            LearnReport.write(runDir, cfg, out);
            if (o == RoundOutcome.CONVERGED) return 0;
            if (o == RoundOutcome.STOPPED) return 1;
        }
        out.println("NOT converged after " + cfg.run().maxRounds() + " rounds (run.max_rounds); raise it and run again to continue");
        return 1;
    }

    private enum RoundOutcome { CONVERGED, NEXT, STOPPED }

    private RoundOutcome round(int r) {
        Path dir = roundDir(r);
        RoundRecord rec = RoundRecord.open(dir, r);
        Path trainCfg = dir.resolve("train.cfg");
        Path pot = dir.resolve("pot.mtp");
        List<Configuration> training = CfgFiles.readAll(trainCfg); // read once: grading, selection and the next set use it
        int nTrain = training.size();
        rec.node.put("n_train", nTrain);
        out.printf(Locale.ROOT, "%n== round %d: %d training configurations%n", r, nTrain);

        stage(r, "train", rec, () -> {
            if (Files.isRegularFile(pot)) return false;
            train(r, trainCfg, dir);
            return true;
        });
        MtpPotential p = MtpFiles.read(pot);
        if (!rec.node.has("errors_train")) {
            ErrorSummary.put(rec.node.putObject("errors_train"), p, trainCfg, cfg.run().threads());
            if (cfg.data().valid() != null) ErrorSummary.put(rec.node.putObject("errors_valid"), p, cfg.data().valid(), cfg.run().threads());
            rec.save();
        }
        printErrors(rec.node);
        if (limitReached(r, "train")) return RoundOutcome.STOPPED;

        Path state = dir.resolve("state.als");
        stage(r, "grade", rec, () -> {
            if (Files.isRegularFile(state)) return false;
            SelectionSession s = new SelectionSession(p, RowWeights.NEIGHBOURHOOD_MODE, INIT_THRESHOLD);
            s.selectFrom(training, SELECT_THRESHOLD, SWAP_THRESHOLD, 0);
            ActiveSetState.save(s, state);
            return true;
        });

        boolean converged = true;
        List<Double> temps = cfg.md().temperatures();
        for (int k = 0; k < temps.size(); k++) {
            double T = temps.get(k);
            String name = LearnConfig.kelvin(T);
            ObjectNode m = rec.md(name);
            Path mdDir = dir.resolve("md-T" + name);
            final int tIndex = k;
            stage(r, "md T=" + name + " K", rec, () -> {
                if (Files.isDirectory(mdDir) && m.has("max_grade")) return false;
                Path tmp = dir.resolve("md-T" + name + ".tmp");
                RunFiles.deleteTree(tmp);
                mkdirs(tmp);
                SelectiveMd.Result res = md.run(tmp, pot, state, startData(T, dir), T, seed(r, tIndex));
                try {
                    RunFiles.deleteTree(mdDir);
                    RunFiles.move(tmp, mdDir);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                m.put("max_grade", res.maxGrade());
                m.put("preselected", res.preselected());
                m.put("broke", res.broke());
                m.put("seconds", Math.round(res.seconds() * 10) / 10.0);
                return true;
            });
            double g = m.get("max_grade").asDouble();
            boolean broke = m.get("broke").asBoolean();
            out.printf(Locale.ROOT, "   T = %s K: max grade %s%s, %d configurations above %s%n", name, LearnReport.grade(g),
                    broke ? " (stopped at the break threshold)" : "", m.get("preselected").asInt(), cfg.selection().threshold());
            if (broke || g > cfg.selection().threshold()) converged = false;
            if (limitReached(r, "md")) return RoundOutcome.STOPPED;
        }
        rec.node.put("converged", converged);
        rec.save();
        if (converged) {
            AtomicOutput.writeBytes(runDir.resolve("final.als"), os -> Files.copy(state, os));
            AtomicOutput.writeBytes(runDir.resolve("final.mtp"), os -> Files.copy(pot, os));
            out.printf(Locale.ROOT, "converged in round %d: every MD stayed at or below grade %s; potential %s%n", r,
                    cfg.selection().threshold(), runDir.resolve("final.mtp"));
            return RoundOutcome.CONVERGED;
        }

        Path candidates = dir.resolve("candidates.cfg"), fresh = dir.resolve("new.cfg");
        stage(r, "select", rec, () -> {
            if (Files.isRegularFile(fresh)) return false;
            List<Configuration> all = new ArrayList<>();
            for (double T : temps) {
                Path f = dir.resolve("md-T" + LearnConfig.kelvin(T)).resolve("preselected.cfg");
                if (!Files.isRegularFile(f)) continue;
                for (Configuration c : CfgFiles.readAll(f)) {
                    c.features.put("source", "mtpj-learn round " + r + " T=" + LearnConfig.kelvin(T) + " step " + c.features.getOrDefault("step", "?"));
                    all.add(LabelCheck.unlabelled(c));
                }
            }
            CfgFiles.writeAll(candidates, all, CfgWriter.Style.LOSSLESS);
            SelectionSession s = new SelectionSession(p, RowWeights.NEIGHBOURHOOD_MODE, INIT_THRESHOLD);
            s.selectFrom(training, SWAP_THRESHOLD, SWAP_THRESHOLD, 0);
            int firstNew = s.configurations().size();
            s.selectFrom(all, SELECT_THRESHOLD, SWAP_THRESHOLD, 0);
            List<Configuration> added = s.selectedSince(firstNew);
            int limit = cfg.run().maxNewPerRound();
            if (limit > 0 && added.size() > limit) added = added.subList(0, limit);
            List<Configuration> chosen = added;
            CfgFiles.writeAll(fresh, chosen, CfgWriter.Style.LOSSLESS);
            rec.node.put("n_candidates", all.size());
            rec.node.put("n_selected", chosen.size());
            return true;
        });
        List<Configuration> toLabel = CfgFiles.readAll(fresh);
        out.printf(Locale.ROOT, "   select-add: %d of %d preselected configurations enter the training set%n",
                toLabel.size(), rec.node.path("n_candidates").asInt());
        if (toLabel.isEmpty())
            throw new UserError("round " + r + ", stage select: the MD went above the threshold but MaxVol selected no configuration"
                    + " from " + candidates + "; raise [selection] threshold or check the MD");
        warnBelowMinDist(p, toLabel, fresh, rec);
        if (limitReached(r, "select")) return RoundOutcome.STOPPED;

        Path labelled = dir.resolve("labelled.cfg");
        stage(r, "label", rec, () -> {
            if (Files.isRegularFile(labelled)) return false;
            List<Configuration> all = new ArrayList<>(label(dir.resolve("label"), toLabel));
            all.removeIf(java.util.Objects::isNull);
            if (all.isEmpty())
                throw new UserError("the oracle labelled none of the " + toLabel.size() + " selected configurations (reasons in "
                        + dir.resolve("label") + "/*.skipped); check the oracle's settings, delete those files and run again");
            CfgFiles.writeAll(labelled, all, CfgWriter.Style.LOSSLESS);
            return true;
        });
        int nLabelled = CfgFiles.readAll(labelled).size();
        rec.node.put("n_labelled", nLabelled);
        if (nLabelled < toLabel.size()) rec.node.put("n_skipped", toLabel.size() - nLabelled);
        rec.save();
        Path next = roundDir(r + 1).resolve("train.cfg");
        mkdirs(roundDir(r + 1));
        List<Configuration> grown = new ArrayList<>(training);
        grown.addAll(CfgFiles.readAll(labelled));
        CfgFiles.writeAll(next, grown, CfgWriter.Style.LOSSLESS);
        return limitReached(r, "label") ? RoundOutcome.STOPPED : RoundOutcome.NEXT;
    }

    /** A stage: runs work (which returns false when its output was already there), times it, names round and stage in errors. */
    private void stage(int r, String name, RoundRecord rec, java.util.function.BooleanSupplier work) {
        where = "round " + r + ", stage " + name;
        long s0 = System.nanoTime();
        boolean ran;
        try {
            ran = work.getAsBoolean();
        } catch (UserError e) {
            throw new UserError("round " + r + ", stage " + name + ": " + e.getMessage(), e.exitCode());
        } catch (org.mtpj.core.io.InputFormatException e) {
            throw new UserError("round " + r + ", stage " + name + ": " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw new UserError("round " + r + ", stage " + name + ": " + e.getMessage());
        }
        double sec = (System.nanoTime() - s0) * 1e-9;
        if (ran) {
            rec.seconds(name.startsWith("md") ? "md_T" + name.replaceAll("[^0-9.]", "") : name, sec);
            rec.save();
            out.printf(Locale.ROOT, "   %s: done in %.1f s%n", name, sec);
        } else {
            out.printf(Locale.ROOT, "   %s: done earlier, reused%n", name);
        }
    }

    private void train(int r, Path trainCfg, Path dir) {
        MtpPotential start = r == 1 ? initialPotential() : MtpFiles.read(roundDir(r - 1).resolve("pot.mtp"));
        var t = cfg.training();
        Trainer.Options o = new Trainer.Options();
        o.weights = new LossWeights(t.energyWeight(), t.forceWeight(), t.stressWeight(), 0, Weighting.VIBRATIONS);
        o.maxIter = r == 1 ? t.maxIterFirst() : t.maxIter();
        o.pretrainIterations = t.pretrainIter();
        o.init = t.init().equals("random") ? Trainer.Init.RANDOM : Trainer.Init.SAME;
        o.seed = cfg.run().seed();
        o.threads = cfg.run().threads();
        TrainingSet set = TrainingSet.read(trainCfg, start.cutoff(), start.speciesCount);
        Path log = dir.resolve("train.log");
        try (PrintStream ps = new PrintStream(Files.newOutputStream(log), true, StandardCharsets.UTF_8)) {
            o.log = ps;
            MtpPotential result = new Trainer(start, set, o).run();
            MtpFiles.write(result, dir.resolve("pot.mtp"), MtpWriter.Precision.LOSSLESS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + log + ": " + e.getMessage(), e);
        }
    }

    /** [potential] start, or a new untrained potential of [potential] level. */
    private MtpPotential initialPotential() {
        var p = cfg.potential();
        MtpPotential pot;
        if (p.start() != null) {
            pot = MtpFiles.read(p.start());
        } else {
            double minDist = Double.isNaN(p.minDist()) ? closestPair() - 0.05 : p.minDist();
            pot = MomentBasisGenerator.untrainedPotential(MomentBasisGenerator.generate(p.level()), "mtpj-learn",
                    p.species().length, minDist, p.maxDist(), p.radialBasisSize(), p.species());
            MtpFiles.writeUntrained(pot, roundDir(1).resolve("untrained.mtp"));
        }
        if (pot.speciesCount != p.species().length)
            throw new UserError((p.start() != null ? p.start() : "the new potential") + " has " + pot.speciesCount
                    + " species but [potential] species names " + p.species().length);
        return pot;
    }

    /**
     * MaxVol picks what the MTP extrapolates most, which can be pairs closer than its min_dist: there
     * the radial basis is zero, so labelling them cannot teach the potential anything (the demo's MD
     * met 1.78 Å pairs under a min_dist of 1.88 Å). Said once per round, and kept in round.json.
     */
    private void warnBelowMinDist(MtpPotential p, List<Configuration> selected, Path file, RoundRecord rec) {
        CloseContacts contacts = new CloseContacts(p.minDist);
        for (int i = 0; i < selected.size(); i++) contacts.scan(selected.get(i), file + ": configuration " + i);
        if (contacts.pairs() == 0) return;
        rec.node.put("n_selected_below_min_dist", contacts.configurations());
        rec.node.put("closest_selected_distance", contacts.closest());
        rec.save();
        out.printf(Locale.ROOT, "   %s; learning cannot fix this: start a new run with [potential] min_dist below %.2f Å%n",
                contacts.warning(), Math.floor(contacts.closest() * 100) / 100);
    }

    /** The closest distance between two atoms in the initial training set (for min_dist of a new potential). */
    private double closestPair() {
        double best = Double.POSITIVE_INFINITY;
        Path initial = roundDir(1).resolve("train.cfg");
        for (Configuration c : CfgFiles.readAll(initial)) {
            var nl = org.mtpj.core.eval.NeighbourList.build(c, 3.0);
            for (int e = 0; e < nl.entryCount(); e++)
                best = Math.min(best, Math.sqrt(nl.rij[3 * e] * nl.rij[3 * e] + nl.rij[3 * e + 1] * nl.rij[3 * e + 1] + nl.rij[3 * e + 2] * nl.rij[3 * e + 2]));
        }
        if (!Double.isFinite(best)) throw new UserError(initial + ": no two atoms closer than 3 Å; set [potential] min_dist");
        return best;
    }

    /**
     * Labels todo into labelDir/NNNN.cfg, [oracle] parallel at a time (kept: a rerun labels only what
     * is missing); returns them all in order, null for a configuration the oracle skipped (its
     * reason in labelDir/NNNN.skipped, also kept: a rerun does not try it again).
     */
    private List<Configuration> label(Path labelDir, List<Configuration> todo) {
        mkdirs(labelDir);
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < todo.size(); i++)
            if (!Files.isRegularFile(labelFile(labelDir, i)) && !Files.isRegularFile(skipFile(labelDir, i))) missing.add(i);
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger(todo.size() - missing.size());
        List<java.util.concurrent.Callable<Void>> tasks = new ArrayList<>();
        for (int i : missing) tasks.add(() -> { labelOne(labelDir, todo, i, done); return null; });
        try (WorkerPool labels = new WorkerPool("mtpj-label", Math.max(1, Math.min(cfg.oracle().parallel(), tasks.size())))) {
            labels.map(tasks);
        }
        List<Configuration> all = new ArrayList<>();
        for (int i = 0; i < todo.size(); i++) {
            Path f = labelFile(labelDir, i);
            if (Files.isRegularFile(f)) all.addAll(CfgFiles.readAll(f));
            else all.add(null);
        }
        return all;
    }

    /** Labels configuration i of todo in its own folder labelDir/NNNN (safe to run beside others). */
    private void labelOne(Path labelDir, List<Configuration> todo, int i, java.util.concurrent.atomic.AtomicInteger done) {
        Path work = labelDir.resolve(String.format(Locale.ROOT, "%04d", i + 1));
        RunFiles.deleteTree(work);
        mkdirs(work);
        Configuration c = todo.get(i);
        Configuration got;
        try {
            got = oracle.label(c, work);
        } catch (LabelSkipped e) {
            String why = "configuration " + (i + 1) + " of " + todo.size() + " (" + c.features.getOrDefault("source", "?")
                    + ") skipped, left out of the training set: " + e.getMessage();
            AtomicOutput.writeString(skipFile(labelDir, i), why + "\n", StandardCharsets.UTF_8);
            synchronized (out) { out.println("   " + why); }
            done.incrementAndGet();
            return;
        } catch (UserError e) {
            throw new UserError("configuration " + (i + 1) + " of " + todo.size() + " (" + c.features.getOrDefault("source", "?")
                    + "): " + e.getMessage() + "; the " + done.get() + " labelled so far are kept", e.exitCode());
        }
        if (c.features.containsKey("source")) got.features.put("source", c.features.get("source"));
        CfgFiles.writeAll(labelFile(labelDir, i), List.of(got), CfgWriter.Style.LOSSLESS);
        int n = done.incrementAndGet();
        if (n == todo.size() || n % Math.max(1, todo.size() / 5) == 0)
            synchronized (out) { out.printf(Locale.ROOT, "   labelled %d/%d%n", n, todo.size()); }
    }

    private static Path labelFile(Path labelDir, int i) {
        return labelDir.resolve(String.format(Locale.ROOT, "%04d.cfg", i + 1));
    }

    private static Path skipFile(Path labelDir, int i) {
        return labelDir.resolve(String.format(Locale.ROOT, "%04d.skipped", i + 1));
    }

    /** [md] start for T, [sample] start, or the last configuration of the initial training set as a LAMMPS data file. */
    private Path startData(double T, Path dir) {
        var starts = cfg.md().starts();
        if (starts.containsKey(T)) return starts.get(T);
        if (starts.containsKey(0.0)) return starts.get(0.0);
        if (cfg.sample() != null) return cfg.sample().start();
        Path data = runDir.resolve("start.data");
        if (!Files.isRegularFile(data)) {
            List<Configuration> all = CfgFiles.readAll(cfg.data().train());
            Configuration last = all.get(all.size() - 1);
            LammpsDataFiles.write(last, cfg.potential().species(), cfg.potential().species().length,
                    "mtpj learn: MD start = last configuration of " + cfg.data().train().getFileName(), data);
        }
        return data;
    }

    private long seed(int round, int tIndex) {
        return Math.floorMod(cfg.run().seed() * 7919L + round * 104729L + tIndex * 613L, 900_000_000L) + 1;
    }

    private boolean limitReached(int r, String after) {
        double limit = cfg.run().wallTimeMinutes();
        if (limit <= 0) return false;
        double min = (System.nanoTime() - t0) * 1e-9 / 60;
        if (min < limit) return false;
        out.printf(Locale.ROOT, "wall time limit of %.1f min reached after round %d, stage %s; run the same command again to continue%n",
                limit, r, after);
        return true;
    }

    private void printErrors(ObjectNode n) {
        StringBuilder sb = new StringBuilder("   errors: train force RMS ").append(String.format(Locale.ROOT, "%.4g eV/Å (%.3f relative)",
                n.path("errors_train").path("force_rms_eV_per_A").asDouble(), n.path("errors_train").path("force_rms_relative").asDouble()));
        if (n.has("errors_valid"))
            sb.append(String.format(Locale.ROOT, ", held-out %.4g eV/Å (%.3f relative)",
                    n.path("errors_valid").path("force_rms_eV_per_A").asDouble(), n.path("errors_valid").path("force_rms_relative").asDouble()));
        out.println(sb);
    }

    Path roundDir(int r) { return runDir.resolve(String.format(Locale.ROOT, "round-%03d", r)); }

    private static void mkdirs(Path d) {
        try {
            Files.createDirectories(d);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + d + ": " + e.getMessage(), e);
        }
    }

}
