package org.mtpj.cli.core;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mtpj.host.Json;
import org.mtpj.core.UserError;
import org.mtpj.core.eval.ClosestPairs;
import org.mtpj.core.io.CfgReader;
import org.mtpj.core.model.Configuration;
import org.mtpj.host.CfgFiles;
import org.mtpj.host.OutputGuard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mtpj mindist DB.cfg...}: the closest interatomic distance of .cfg files (MLIP-2's {@code mlp mindist}). */
@Command(name = "mindist", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Closest interatomic distance of .cfg files (Å).",
            "",
            "Over all configurations of all files. Periodic images count, an atom's own images included (the distances of the crystal, as the"
                    + " MTP's neighbour list sees them). With --per-pair one line 'a-b distance' per species"
                    + " pair (0-based species, a <= b); pairs that never occur are left out. A potential's"
                    + " min_dist (R_min) should lie below the overall value. Unlike `mlp mindist` the files are"
                    + " not rewritten (no mindist feature is added).", ""})
public final class MinDistCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "DB.cfg", arity = "1..*", description = "Configurations (all files together).")
    List<Path> files;

    @Option(names = "--per-pair", description = "One line per species pair instead of the overall distance.")
    boolean perPair;

    @Option(names = "--tsv", paramLabel = "FILE",
            description = "Also write species_a, species_b, min_dist_A, file, configuration (1-based in its file), one row per pair, full precision.")
    Path tsv;

    @Option(names = "--json", description = "Print one JSON object (min_dist, configurations, pairs with where each was found) instead of text.")
    boolean json;

    /** The closest pair of one species pair so far, and where it was found. */
    private record Closest(double distance, String file, int configuration) {}

    /** Species a <= b, ordered numerically. */
    private record SpeciesPair(int a, int b) implements Comparable<SpeciesPair> {
        @Override public int compareTo(SpeciesPair o) { return a != o.a ? Integer.compare(a, o.a) : Integer.compare(b, o.b); }
        @Override public String toString() { return a + "-" + b; }
    }

    @Override
    public Integer call() {
        OutputGuard guard = OutputGuard.of("mindist");
        for (Path f : files) guard.input(f);
        guard.output(tsv).check();
        Map<SpeciesPair, Closest> pairs = new java.util.TreeMap<>();
        int configurations = 0;
        for (Path f : files) {
            try (CfgReader reader = CfgFiles.open(f).nonEmpty()) {
                for (Configuration c; (c = reader.next()) != null; ) {
                    configurations++;
                    double[][] d = closest(c, reader);
                    for (int a = 0; a < d.length; a++)
                        for (int b = a; b < d.length; b++)
                            if (d[a][b] < Double.POSITIVE_INFINITY) {
                                Closest now = new Closest(d[a][b], f.toString(), reader.count());
                                pairs.merge(new SpeciesPair(a, b), now, (old, n) -> n.distance() < old.distance() ? n : old);
                            }
                }
            }
        }
        if (pairs.isEmpty()) throw new UserError("mindist: no pair of atoms in " + files);
        Closest overall = pairs.values().stream().min(java.util.Comparator.comparingDouble(Closest::distance)).orElseThrow();
        PrintWriter out = spec.commandLine().getOut();
        if (json) out.println(json(pairs, overall, configurations));
        else if (perPair) pairs.forEach((k, v) -> out.println(k + " " + String.format(Locale.ROOT, "%.6f", v.distance())));
        else out.println(String.format(Locale.ROOT, "%.6f", overall.distance()));
        out.flush();
        if (tsv != null) {
            List<String[]> rows = new ArrayList<>();
            pairs.forEach((k, v) -> rows.add(new String[] {Integer.toString(k.a()), Integer.toString(k.b()), Double.toString(v.distance()), v.file(),
                    Integer.toString(v.configuration())}));
            CliSupport.writeTsv(tsv, new String[] {"species_a", "species_b", "min_dist_A", "file", "configuration"}, rows);
        }
        return 0;
    }

    private static double[][] closest(Configuration c, CfgReader reader) {
        try {
            return ClosestPairs.of(c);
        } catch (UserError e) {
            throw new UserError(reader.fileName() + ":" + reader.lastConfigurationLine() + ": configuration " + reader.count() + ": " + e.getMessage(), e.exitCode());
        }
    }

    private static String json(Map<SpeciesPair, Closest> pairs, Closest overall, int configurations) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("min_dist", overall.distance());
        m.put("configurations", configurations);
        List<Map<String, Object>> list = new ArrayList<>();
        pairs.forEach((k, v) -> {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("species_a", k.a());
            p.put("species_b", k.b());
            p.put("min_dist", v.distance());
            p.put("file", v.file());
            p.put("configuration", v.configuration());
            list.add(p);
        });
        m.put("pairs", list);
        return Json.line(m);
    }
}
