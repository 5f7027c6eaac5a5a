package org.mtpj.learn;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mtpj.core.UserError;
import org.mtpj.core.io.CfgWriter;
import org.mtpj.core.model.Configuration;
import org.mtpj.host.CfgFiles;

/**
 * An oracle that is a user's command: mtpj writes {@code in.cfg}, runs the command with
 * {@code {in}} and {@code {out}} replaced by the two absolute paths (in the configuration's work
 * folder), and reads one labelled configuration from {@code out.cfg} (e.g. a VASP wrapper). An
 * answer marked {@code Feature EFS_by ..._not_converged} (what {@code mtpj convert} writes for an
 * OUTCAR step that hit NELM) is {@link LabelSkipped}.
 */
public final class CommandOracle implements Oracle {
    private final List<String> command;

    public CommandOracle(List<String> command) {
        List<String> words = command.size() == 1 ? List.of(command.get(0).trim().split("\\s+")) : command;
        if (words.isEmpty() || words.get(0).isBlank()) throw new UserError("oracle command is empty");
        this.command = List.copyOf(words);
    }

    @Override
    public Configuration label(Configuration cfg, Path work) {
        Path in = work.resolve("in.cfg").toAbsolutePath(), out = work.resolve("out.cfg").toAbsolutePath();
        CfgFiles.writeAll(in, List.of(LabelCheck.unlabelled(cfg)), CfgWriter.Style.LOSSLESS);
        List<String> cmd = new ArrayList<>();
        for (String w : command) cmd.add(w.replace("{in}", in.toString()).replace("{out}", out.toString()));
        Path log = work.resolve("oracle.log");
        int rc = ExternalProcess.run(cmd, work, log);
        if (rc != 0) throw new UserError("oracle command '" + String.join(" ", cmd) + "' failed (exit " + rc + "); see " + log);
        if (!java.nio.file.Files.isRegularFile(out))
            throw new UserError("oracle command '" + command.get(0) + "' wrote no " + out + "; see " + log);
        List<Configuration> got = CfgFiles.readAll(out);
        if (got.size() != 1) throw new UserError(out + ": the oracle must return exactly 1 configuration, got " + got.size());
        String by = got.get(0).features.getOrDefault("EFS_by", "");
        if (by.endsWith("_not_converged")) // as mtpj convert marks an OUTCAR step that hit NELM
            throw new LabelSkipped(out + " is marked 'Feature EFS_by " + by + "'; see " + log);
        return LabelCheck.check(cfg, got.get(0), out.toString());
    }

    @Override
    public String describe() { return "command: " + String.join(" ", command); }
}
