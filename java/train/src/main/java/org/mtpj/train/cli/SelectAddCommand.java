package org.mtpj.train.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mtpj.core.io.CfgWriter;
import org.mtpj.core.model.Configuration;
import org.mtpj.core.model.MtpPotential;
import org.mtpj.host.CfgFiles;
import org.mtpj.host.MtpFiles;
import org.mtpj.host.OutputGuard;
import org.mtpj.train.fit.TrainingSet;
import org.mtpj.train.grade.ActiveSet;
import org.mtpj.train.grade.ActiveSetState;
import org.mtpj.train.grade.SelectionSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mtpj select-add}: which new configurations enlarge the active set (mtp-spec §6.5). */
@Command(name = "select-add", mixinStandardHelpOptions = true,
        description = {"Select new configurations for the training set.",
                "",
                "Builds the MaxVol active set from TRAIN.cfg (rows above the swap threshold are taken), then runs one",
                "selection pass over all rows of NEW.cfg (triggered above --select-threshold) and writes to DIFF.cfg every",
                "configuration of NEW.cfg that owns a row of the active set afterwards, once each, in slot order (as MLIP-2).",
                "Also writes the state (--als-filename) and the whole selected set, one entry per filled slot (--selected-filename)."})
public final class SelectAddCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "POT.mtp") Path pot;
    @Parameters(index = "1", paramLabel = "TRAIN.cfg") Path train;
    @Parameters(index = "2", paramLabel = "NEW.cfg") Path fresh;
    @Parameters(index = "3", paramLabel = "DIFF.cfg") Path diff;

    @Mixin SelectionOptions sel = new SelectionOptions();

    @Option(names = {"--threshold"}, paramLabel = "G", description = "Alias of --select-threshold.")
    Double threshold;

    @Option(names = "--als-filename", paramLabel = "FILE", description = "State file (default ${DEFAULT-VALUE}).")
    Path alsFile = Path.of("state.als");

    @Option(names = "--selected-filename", paramLabel = "FILE",
            description = "Whole selected set, one configuration per filled slot (default ${DEFAULT-VALUE}).")
    Path selectedFile = Path.of("selected.cfg");

    @Option(names = "--selection-limit", paramLabel = "N", description = "At most N swaps for NEW.cfg (0 = unlimited, default).")
    int limit = 0;

    @Override
    public Integer call() {
        OutputGuard.of("select-add").input(pot).input(train).input(fresh)
                .output(diff).output(alsFile).output(selectedFile).check();
        MtpPotential p = MtpFiles.read(pot);
        double select = threshold != null ? threshold : sel.selectThreshold;
        System.out.println("MTPR from " + pot + ", training set: " + train + ", add from set: " + fresh);
        SelectionSession s = new SelectionSession(p, sel.rowWeights(), sel.initThreshold);
        List<Configuration> trainCfgs = TrainingSet.readChecked(CfgFiles.open(train), p.speciesCount);
        System.out.println(trainCfgs.size() + " configurations found in the training set");
        List<Configuration> newCfgs = TrainingSet.readChecked(CfgFiles.open(fresh), p.speciesCount);
        s.selectFrom(trainCfgs, sel.swapThreshold, sel.swapThreshold, 0);
        int firstNew = s.configurations().size();
        s.selectFrom(newCfgs, select, sel.swapThreshold, limit);
        ActiveSet a = s.activeSet();
        System.out.println(a.filledSlots() + " configurations selected from both sets");
        System.out.println("new configuration count = " + newCfgs.size());
        List<Configuration> added = s.selectedSince(firstNew);
        System.out.println("TS increased by " + added.size() + " configs");
        CfgFiles.writeAll(diff, added, CfgWriter.Style.LOSSLESS);
        ActiveSetState.save(s, alsFile);
        System.out.println("state saved to \"" + alsFile + "\"");
        List<Configuration> perSlot = new ArrayList<>();
        for (int j = 0; j < a.size(); j++) if (a.owner(j) != ActiveSet.INITIAL) perSlot.add(s.configurations().get(a.owner(j)));
        CfgFiles.writeAll(selectedFile, perSlot, CfgWriter.Style.LOSSLESS);
        System.out.println("training set saved to \"" + selectedFile + "\"");
        return 0;
    }
}
