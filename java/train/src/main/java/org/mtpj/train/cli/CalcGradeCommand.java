package org.mtpj.train.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mtpj.core.UserError;
import org.mtpj.core.eval.CloseContacts;
import org.mtpj.core.io.CfgReader;
import org.mtpj.core.io.CfgWriter;
import org.mtpj.core.model.Configuration;
import org.mtpj.core.model.MtpPotential;
import org.mtpj.host.ProgressOption;
import org.mtpj.host.AtomicOutput;
import org.mtpj.core.io.OutputTarget;
import org.mtpj.host.CfgShare;
import org.mtpj.host.RankOrderedOutput;
import org.mtpj.host.RankSummaries;
import org.mtpj.host.Ranks;
import org.mtpj.host.MtpFiles;
import org.mtpj.host.OutputGuard;
import org.mtpj.train.fit.TrainingSet;
import org.mtpj.train.grade.ActiveSetState;
import org.mtpj.train.grade.GradeFormat;
import org.mtpj.train.grade.SelectionSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mtpj calc-grade}: MaxVol extrapolation grades (mtp-spec §6.4), MLIP-2's numbers. */
@Command(name = "calc-grade", mixinStandardHelpOptions = true,
        description = {"Extrapolation grades (MaxVol) of configurations.",
                "",
                "Builds the MaxVol active set from TRAIN.cfg (one selection pass), saves it, and writes IN.cfg to OUT.cfg",
                "with a 'Feature MV_grade' line per configuration (%%f, or 9.9e99 above 1e10), as MLIP-2's calc-grade.",
                "Default: configuration mode (one energy row per configuration). Neighbourhood mode (one row per atom,",
                "the MD workflow): --nbh-weight=1 --energy-weight=0. Grades are dimensionless; 1 = inside the training set."})
public final class CalcGradeCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "POT.mtp", description = "Potential (.mtp).") Path pot;
    @Parameters(index = "1", paramLabel = "TRAIN.cfg", description = "Training set that defines the active set.") Path train;
    @Parameters(index = "2", paramLabel = "IN.cfg", description = "Configurations to grade.") Path in;
    @Parameters(index = "3", paramLabel = "OUT.cfg", description = "IN.cfg with MV_grade features (lossless numbers).") Path out;

    @Mixin SelectionOptions sel = new SelectionOptions();

    @Option(names = "--als-filename", paramLabel = "FILE",
            description = "Where the active-set state is saved (mtpj text format, docs/active-set-state.md; default ${DEFAULT-VALUE}).")
    Path alsFile = Path.of("state.als");

    @Option(names = "--load-state", paramLabel = "FILE",
            description = "Use a saved state instead of selecting from TRAIN.cfg (TRAIN.cfg is then ignored; the state's potential must equal POT.mtp).")
    Path loadState;

    @Option(names = "--tsv", paramLabel = "FILE",
            description = "Also write a table: mode, input (file name without .cfg), index, note, MV_grade.")
    Path tsv;

    @Option(names = "--atom-tsv", paramLabel = "FILE",
            description = "With neighbourhood rows: per-atom grades (input, cfg_index, atom_index, type, nbh_grade).")
    Path atomTsv;

    @Option(names = "--lossy", description = "Write OUT.cfg in MLIP-2's default fixed-point style.")
    boolean lossy;

    @Mixin ProgressOption progress = new ProgressOption();

    @Override
    public Integer call() throws IOException {
        OutputGuard.of("calc-grade").input(pot).input(loadState == null ? train : loadState).input(in)
                .output(out).output(loadState == null ? alsFile : null).output(tsv).output(atomTsv).check();
        MtpPotential p = MtpFiles.read(pot);
        CloseContacts contacts = new CloseContacts(p.minDist);
        PrintWriter err = spec.commandLine().getErr();
        // under mpirun the ranks build the training rows of their shares, every rank runs the same
        // MaxVol pass, and each grades its share of IN.cfg; rank 0 writes in input order (docs/mpi.md)
        Ranks ranks = Ranks.world();
        // with --load-state TRAIN.cfg is not read: name the state instead
        if (ranks.isRoot())
            spec.commandLine().getOut().println("MTPR from " + pot + (loadState == null ? ", train: " + train : ", state: " + loadState)
                    + ", input: " + in);
        SelectionSession s;
        String activeSetLine = null;
        if (loadState != null) {
            s = ActiveSetState.load(loadState);
            if (!java.util.Arrays.equals(s.potential().coefficients(), p.coefficients()) || s.potential().scaling != p.scaling)
                throw new UserError(loadState + ": the state's potential differs from " + pot + "; grade with the potential it was made for");
        } else {
            s = new SelectionSession(p, sel.rowWeights(), sel.initThreshold);
            CfgShare trainShare = CfgShare.of(train, ranks);
            List<Configuration> own = ranks.agree(() -> TrainingSet.readChecked(trainShare.open(), p.speciesCount));
            int total = trainShare.index() == null ? own.size() : trainShare.index().size();
            long t0 = System.nanoTime();
            int swaps;
            try (me.tongfei.progressbar.ProgressBar bar = ranks.isRoot() ? progress.open("active set", own.size() + 1L, " cfg") : null) {
                swaps = s.selectFromShares(own, trainShare.from(), total, ranks, sel.selectThreshold, sel.swapThreshold, 0,
                        bar == null ? null : bar::stepTo);
            }
            // the state names the configurations owning rows: rank 0 reads those of the other ranks
            ranks.agree(() -> {
                if (ranks.isRoot() && ranks.size() > 1)
                    for (int id : s.selectedIds())
                        if (s.configurations().get(id) == null)
                            try (CfgReader r = trainShare.open(id, id + 1)) {
                                s.hold(id, r.next());
                            }
                return null;
            });
            // said at the end with the rest: a bad IN.cfg is then one line
            activeSetLine = String.format(Locale.ROOT, "calc-grade: active set from %s: %d configurations, %d swaps, %d of %d rows filled (%.1f s)",
                    train, total, swaps, s.activeSet().filledSlots(), s.activeSet().size(), (System.nanoTime() - t0) * 1e-9);
        }
        String inputName = in.getFileName().toString().replaceFirst("\\.cfg$", "");
        String mode = s.weights().mode();
        if (atomTsv != null && !s.weights().neighbourhoodRows())
            throw new UserError("--atom-tsv needs neighbourhood rows (--nbh-weight=1)");
        long t0 = System.nanoTime();
        CfgShare share = CfgShare.of(in, ranks);
        GradeSummary summary = new GradeSummary();
        CfgWriter.Style style = lossy ? CfgWriter.Style.MLIP2_DEFAULT : CfgWriter.Style.LOSSLESS;
        // every output appears only when all of IN.cfg is graded (a bad input leaves none, not even the state);
        // OUT.cfg and the tables are written in rank order, the state by rank 0
        // (each opened on all ranks at once, so that a failure to create one stops every rank)
        try (AtomicOutput state = ranks.agree(() -> loadState == null && ranks.isRoot() ? AtomicOutput.create(alsFile) : null);
             OutputTarget cfgOut = ranks.agree(() -> RankOrderedOutput.create(out, ranks));
             CfgWriter w = share.from() > 0 ? CfgWriter.after(cfgOut, style) : CfgWriter.to(cfgOut, style);
             OutputTarget tsvOut = tsv == null ? null : ranks.agree(() -> RankOrderedOutput.create(tsv, ranks));
             OutputTarget atomOut = atomTsv == null ? null : ranks.agree(() -> RankOrderedOutput.create(atomTsv, ranks))) {
            Writer t = tsvOut == null ? null : tsvOut.writer(StandardCharsets.UTF_8);
            Writer a = atomOut == null ? null : atomOut.writer(StandardCharsets.UTF_8);
            ranks.agree(() -> {
                int count = share.from();
                try (CfgReader r = share.open()) {
                    if (state != null) ActiveSetState.write(s, state.writer(StandardCharsets.UTF_8));
                    if (t != null && ranks.isRoot()) t.write("mode\tinput\tindex\tnote\tMV_grade\n");
                    if (a != null && ranks.isRoot()) a.write("input\tcfg_index\tatom_index\ttype\tnbh_grade\n");
                    for (Configuration c : r) {
                        TrainingSet.checkSpecies(c, p.speciesCount, r.where());
                        contacts.scan(c, r.where());
                        SelectionSession.Grade g = s.grade(c);
                        String text = GradeFormat.format(g.value());
                        summary.add(g.value());
                        c.features.put("MV_grade", text);
                        w.write(c);
                        if (t != null) {
                            String note = c.features.getOrDefault("note", c.features.getOrDefault("source", ""));
                            t.write(mode + "\t" + inputName + "\t" + count + "\t" + note + "\t" + text + "\n");
                        }
                        if (a != null && g.atomGrades() != null)
                            for (int i = 0; i < c.size; i++)
                                a.write(inputName + "\t" + count + "\t" + i + "\t" + c.types[i] + "\t" + GradeFormat.format(g.atomGrades()[i]) + "\n");
                        count++;
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return null;
            });
            RankOrderedOutput.commitAll(ranks, state, cfgOut, tsvOut, atomOut);
        }
        summary.combine(ranks, share.from());
        RankSummaries.combine(contacts, ranks);
        if (!ranks.isRoot()) return 0;
        String warning = contacts.warning();
        if (warning != null) err.println("mtpj calc-grade: " + warning);
        double sec = (System.nanoTime() - t0) * 1e-9;
        if (activeSetLine != null) err.println(activeSetLine);
        err.printf(Locale.ROOT, "calc-grade: %s; %.2f s (%.1f configurations/s)%n", summary.text(mode), sec, summary.count() / Math.max(sec, 1e-9));
        List<Path> wrote = new java.util.ArrayList<>(List.of(out));
        if (loadState == null) wrote.add(alsFile);
        if (tsv != null) wrote.add(tsv);
        if (atomTsv != null) wrote.add(atomTsv);
        err.println("calc-grade: wrote " + String.join(", ", wrote.stream().map(Path::toString).toList()));
        err.flush();
        return 0;
    }
}
