package org.mtpj.cli.core;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.mtpj.core.UserError;
import org.mtpj.core.eval.CloseContacts;
import org.mtpj.core.eval.Evaluator;
import org.mtpj.host.AtomicOutput;
import org.mtpj.core.io.CfgReader;
import org.mtpj.core.model.Configuration;

/** Small helpers shared by the core commands. */
final class CliSupport {
    private CliSupport() {}

    /**
     * Computes E, F, PlusStress of cfg into a copy (reference values untouched), naming the
     * configuration on errors; pairs closer than min_dist are counted in {@code contacts}.
     */
    static Configuration evaluate(Evaluator ev, Configuration cfg, CfgReader from, CloseContacts contacts) {
        contacts.scan(cfg, from.where());
        Configuration out = cfg.copy();
        try {
            ev.evaluateInto(out);
        } catch (UserError e) {
            throw new UserError(from.where() + ": " + e.getMessage(), e.exitCode());
        }
        return out;
    }

    /** Prints a warning line when there is one (null: nothing to say). */
    static void warn(PrintWriter err, String command, String warning) {
        if (warning == null) return;
        err.println("mtpj " + command + ": " + warning);
        err.flush();
    }

    /** Writes a TSV with a header row. */
    static void writeTsv(Path path, String[] header, List<String[]> rows) {
        AtomicOutput.write(path, StandardCharsets.UTF_8, w -> {
            w.write(String.join("\t", header));
            w.write('\n');
            for (String[] r : rows) {
                w.write(String.join("\t", r));
                w.write('\n');
            }
        });
    }
}
