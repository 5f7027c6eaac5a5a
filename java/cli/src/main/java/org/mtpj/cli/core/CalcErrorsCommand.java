package org.mtpj.cli.core;

import org.mtpj.core.eval.CloseContacts;
import org.mtpj.core.eval.Evaluator;
import org.mtpj.core.io.CfgReader;
import org.mtpj.core.io.ErrorReport;
import org.mtpj.core.model.Configuration;
import org.mtpj.core.model.MtpPotential;
import org.mtpj.host.CfgShare;
import org.mtpj.host.RankSummaries;
import org.mtpj.host.Ranks;
import org.mtpj.host.MtpFiles;
import org.mtpj.host.OutputGuard;
import org.mtpj.host.ProgressOption;
import org.mtpj.host.WorkerPool;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.mtpj.host.ThreadsOption;
import org.mtpj.core.io.MtpReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mtpj calc-errors POT.mtp DB.cfg}: MLIP-2's error report, same layout and definitions. */
@Command(name = "calc-errors", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print MLIP-2's error report of a potential on a .cfg file.",
            "",
            "Evaluates POT.mtp on every configuration of DB.cfg and prints what `mlp calc-errors` prints:"
                    + " max / average / RMS absolute differences of energy (eV), energy per atom (eV/atom),"
                    + " forces (eV/Å; per-atom vector norms, average and RMS per component as MLIP-2),"
                    + " PlusStress (eV, Frobenius norm over 9 entries) and stress (GPa = PlusStress/V *"
                    + " 160.2176487).",
            "Configurations without a 3-D cell are left out of the GPa block (MLIP-2 prints inf/nan).", ""})
public final class CalcErrorsCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "POT.mtp", description = "The potential.")
    Path pot;

    @Parameters(index = "1", paramLabel = "DB.cfg", description = "Reference configurations (energies, forces, PlusStress).")
    Path db;

    @Option(names = "--tsv", paramLabel = "FILE", description = "Also write block, statistic, value (full precision) as TSV.")
    Path tsv;

    @Mixin ThreadsOption threads;

    @Mixin ProgressOption progress;

    @Override
    public Integer call() {
        OutputGuard.of("calc-errors").input(pot).input(db).output(tsv).check();
        PrintWriter out = spec.commandLine().getOut();
        MtpPotential p = MtpFiles.read(pot);
        // under mpirun each rank evaluates its share of DB.cfg; the exact sums combine into one report (docs/mpi.md)
        Ranks ranks = Ranks.world();
        CfgShare share = CfgShare.of(db, ranks);
        ErrorReport report = new ErrorReport();
        CloseContacts contacts = new CloseContacts(p.minDist);
        ProgressBar bar = ranks.isRoot() ? progress.open("calc-errors", -1, " cfg") : null;
        try (WorkerPool pool = WorkerPool.start(threads.workers())) {
            Evaluator ev = new Evaluator(p, pool);
            ranks.agree(() -> {
                try (CfgReader reader = share.open()) {
                    for (Configuration c; (c = reader.next()) != null; ) {
                        report.add(CliSupport.evaluate(ev, c, reader, contacts), c);
                        if (bar != null) bar.step();
                    }
                }
                return null;
            });
        } finally {
            if (bar != null) bar.close();
        }
        RankSummaries.combine(report, ranks);
        RankSummaries.combine(contacts, ranks);
        if (!ranks.isRoot()) return 0;
        CliSupport.warn(spec.commandLine().getErr(), "calc-errors", contacts.warning());
        out.print("MTPR from " + pot + ", Database: " + db + "\n\n");
        out.print(report.text("TRAIN ERRORS"));
        if (report.nonPeriodicSkipped() > 0)
            spec.commandLine().getErr().println("mtpj calc-errors: " + report.nonPeriodicSkipped()
                    + " configuration(s) without a 3-D cell left out of the GPa block");
        out.flush();
        if (tsv != null) CliSupport.writeTsv(tsv, new String[] {"block", "statistic", "value"}, report.rows());
        return 0;
    }
}
