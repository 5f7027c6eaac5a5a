package org.mtpj.cli.demo;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mtpj.core.UserError;
import org.mtpj.core.io.CfgReader;
import org.mtpj.core.io.InputFormatException;
import org.mtpj.core.model.Configuration;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Helpers of {@code scripts/demo} (the embedded SiO2 demo): {@code mindist} and {@code report}.
 * Run as {@code java -cp build/mtpj.jar org.mtpj.cli.demo.DemoTools ...}; it can also be registered
 * as an ordinary {@code mtpj} subcommand ({@code demo-tools}).
 */
@Command(name = "demo-tools", mixinStandardHelpOptions = true, subcommands = {ReportCommand.class},
        description = "Helpers of scripts/demo: minimal interatomic distance of .cfg files, the report folder.")
public final class DemoTools implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "mindist", description = {"Print the smallest interatomic distance (Å) over all configurations of .cfg files",
            "(minimum image in orthogonal or triclinic cells wider than twice that distance)."})
    int mindist(@CommandLine.Option(names = "--per-pair", description = "One line per species pair: 'a-b distance' (0-based species).")
                boolean perPair,
                @Parameters(paramLabel = "FILE.cfg", arity = "1..*") List<Path> files) throws java.io.IOException {
        java.util.TreeMap<String, Double> pairs = new java.util.TreeMap<>();
        for (Path f : files) {
            for (Configuration c : CfgReader.readAll(f)) MinDistance.perPair(c).forEach((k, v) -> pairs.merge(k, v, Math::min));
        }
        if (pairs.isEmpty()) throw new UserError("mindist: no atom pairs in " + files);
        if (perPair) {
            pairs.forEach((k, v) -> System.out.println(k + " " + String.format(Locale.ROOT, "%.6f", v)));
        } else {
            System.out.println(String.format(Locale.ROOT, "%.6f", pairs.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow()));
        }
        return 0;
    }

    @Command(name = "batch", description = {"Run the mtpj command lines of FILE (one per line, words separated by blanks, # comments)",
            "one after another in this JVM (saves a JVM start per command); stops at the first that fails."})
    int batch(@Parameters(paramLabel = "FILE") Path file) throws java.io.IOException {
        List<String> lines = java.nio.file.Files.readAllLines(file).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        long t0 = System.nanoTime();
        for (int i = 0; i < lines.size(); i++) {
            String[] words = lines.get(i).split("\\s+");
            System.err.printf(Locale.ROOT, "  [%d/%d, %.0f s] mtpj %s%n", i + 1, lines.size(), (System.nanoTime() - t0) * 1e-9,
                    String.join(" ", java.util.Arrays.copyOfRange(words, 0, Math.min(2, words.length))));
            int rc = org.mtpj.cli.Main.commandLine().execute(words);
            if (rc != 0) throw new UserError("batch " + file + ":" + (i + 1) + ": 'mtpj " + lines.get(i) + "' exited " + rc, rc);
        }
        return 0;
    }

    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new DemoTools());
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            PrintWriter err = c.getErr();
            Throwable t = ex;
            while (t.getCause() != null && !(t instanceof InputFormatException) && !(t instanceof UserError)) t = t.getCause();
            if (t instanceof InputFormatException || t instanceof UserError || t instanceof java.io.IOException) {
                err.println("demo-tools: " + t.getMessage());
                return 2;
            }
            err.println("demo-tools: internal error: " + t);
            t.printStackTrace(err);
            return 70;
        });
        System.exit(cl.execute(args));
    }
}
