package org.mtpj.cli.core;

import org.mtpj.core.eval.CloseContacts;
import org.mtpj.core.eval.Evaluator;
import org.mtpj.core.io.CfgReader;
import org.mtpj.core.io.CfgWriter;
import org.mtpj.core.model.Configuration;
import org.mtpj.core.model.MtpPotential;
import org.mtpj.core.io.OutputTarget;
import org.mtpj.host.CfgShare;
import org.mtpj.host.RankOrderedOutput;
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

/** {@code mtpj calc-efs POT.mtp IN.cfg OUT.cfg}: MLIP-2's calc-efs, streaming, lossless output. */
@Command(name = "calc-efs", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compute energies, forces and PlusStress of a .cfg file.",
            "",
            "Every configuration of IN.cfg is evaluated and written to OUT.cfg (as MLIP-2's `mlp calc-efs`)."
                    + " Positions, types, cell and features are kept; old energies/forces/stresses are replaced."
                    + " Streams: any file size, constant memory.",
            "Units: energy eV, forces eV/Å, PlusStress eV (virial -σV, positive under compression).",
            "Output numbers are lossless (%%.16e) unless --lossy.", ""})
public final class CalcEfsCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "POT.mtp", description = "The potential (.mtp format 1.1.0).")
    Path pot;

    @Parameters(index = "1", paramLabel = "IN.cfg", description = "Configurations to evaluate.")
    Path in;

    @Parameters(index = "2", paramLabel = "OUT.cfg", description = "Where to write the results (replaced).")
    Path out;

    @Mixin ThreadsOption threads;

    @Option(names = "--lossy", description = "Write MLIP-2's default fixed-point columns (forces to 1e-6 eV/Å, stresses to 1e-5 eV) instead of %%.16e.")
    boolean lossy;

    @Option(names = "--site-energies", description = "Also write the per-atom energies V_i (eV) as a site_en column.")
    boolean siteEnergies;

    @Mixin ProgressOption progress;

    @Override
    public Integer call() {
        OutputGuard.of("calc-efs").input(pot).input(in).output(out).check();
        MtpPotential p = MtpFiles.read(pot);
        PrintWriter err = spec.commandLine().getErr();
        // under mpirun each rank evaluates its share of IN.cfg; rank 0 writes OUT.cfg in input order (docs/mpi.md)
        Ranks ranks = Ranks.world();
        if (ranks.isRoot()) CliSupport.warn(err, "calc-efs", p.untrainedWarning(pot));
        CfgShare share = CfgShare.of(in, ranks);
        CloseContacts contacts = new CloseContacts(p.minDist);
        ProgressBar bar = ranks.isRoot() ? progress.open("calc-efs", -1, " cfg") : null;
        EnergyRange energies = new EnergyRange();
        CfgWriter.Style style = lossy ? CfgWriter.Style.MLIP2_DEFAULT : CfgWriter.Style.LOSSLESS;
        try (WorkerPool pool = WorkerPool.start(threads.workers());
             OutputTarget target = ranks.agree(() -> RankOrderedOutput.create(out, ranks));
             // a share after others' configurations starts with their separator
             CfgWriter writer = share.from() > 0 ? CfgWriter.after(target, style) : CfgWriter.to(target, style)) {
            Evaluator ev = new Evaluator(p, pool);
            ranks.agree(() -> {
                try (CfgReader reader = share.open()) {
                    for (Configuration c; (c = reader.next()) != null; ) {
                        Configuration r = CliSupport.evaluate(ev, c, reader, contacts);
                        if (!siteEnergies) r.siteEnergies = null; // a stale input column would mislead
                        writer.write(r);
                        energies.add(r);
                        if (bar != null) bar.step();
                    }
                }
                return null;
            });
            RankOrderedOutput.commitAll(ranks, target);
        } finally {
            if (bar != null) bar.close();
        }
        energies.combine(ranks);
        RankSummaries.combine(contacts, ranks);
        if (!ranks.isRoot()) return 0;
        CliSupport.warn(err, "calc-efs", contacts.warning());
        err.println("calc-efs: " + energies.summary() + "; wrote " + out);
        err.flush();
        return 0;
    }
}
