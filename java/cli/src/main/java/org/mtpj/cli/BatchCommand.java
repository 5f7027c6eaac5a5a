package org.mtpj.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mtpj.host.InputFiles;
import org.mtpj.core.io.TextLines;
import org.mtpj.core.UserError;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mtpj batch FILE}: many mtpj commands in one JVM. */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Run the mtpj command lines of a file in one JVM.",
            "",
            "One command per line, as after `mtpj` (a leading `mtpj` is allowed), words separated by"
                    + " blanks (no quoting); blank lines and lines starting with # are skipped. The commands"
                    + " run one after another and the batch stops at the first that fails, with its exit code."
                    + " Saves a JVM start and the warm-up of the code per command: worth it for many short"
                    + " commands (fits, conversions). Progress '[k/n, t s] mtpj COMMAND' goes to stderr.", ""})
public final class BatchCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The command lines.")
    Path file;

    /** A command line of the file and where it stands. */
    private record Line(long number, String[] words) {}

    @Override
    public Integer call() {
        List<Line> lines = read(file);
        PrintWriter err = spec.commandLine().getErr();
        long t0 = System.nanoTime();
        for (int i = 0; i < lines.size(); i++) {
            String[] words = lines.get(i).words();
            err.printf(Locale.ROOT, "  [%d/%d, %.0f s] mtpj %s%n", i + 1, lines.size(), (System.nanoTime() - t0) * 1e-9,
                    String.join(" ", Arrays.copyOfRange(words, 0, Math.min(2, words.length))));
            err.flush();
            // a fresh command line per command: picocli keeps the options of the last parse
            CommandLine cl = Main.commandLineFor(words);
            cl.setOut(spec.commandLine().getOut());
            cl.setErr(err);
            int rc = cl.execute(words);
            if (rc != 0) throw new UserError("batch " + file + ":" + lines.get(i).number() + ": 'mtpj " + String.join(" ", words)
                    + "' exited " + rc, rc);
        }
        err.printf(Locale.ROOT, "batch: %d command%s of %s done in %.1f s%n", lines.size(), lines.size() == 1 ? "" : "s", file,
                (System.nanoTime() - t0) * 1e-9);
        err.flush();
        return 0;
    }

    /** The command lines, read whole first so that a bad line stops the batch before anything runs. */
    private static List<Line> read(Path file) {
        List<Line> lines = new ArrayList<>();
        try (TextLines in = InputFiles.openLines(file)) {
            for (String l; (l = in.nextOrNull()) != null; ) {
                String t = l.strip();
                if (t.isEmpty() || t.startsWith("#")) continue;
                String[] words = t.split("\\s+");
                if (words[0].equals("mtpj")) words = Arrays.copyOfRange(words, 1, words.length);
                if (words.length > 0 && words[0].equals("batch"))
                    throw new UserError(file + ":" + in.lineNo() + ": a batch cannot run another batch");
                if (words.length > 0) lines.add(new Line(in.lineNo(), words));
            }
        }
        return lines;
    }
}
