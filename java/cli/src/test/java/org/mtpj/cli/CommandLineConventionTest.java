package org.mtpj.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtpj.cli.core.CoreCommandsTest;
import org.mtpj.cli.core.CoreCommandsTest.Run;
import org.mtpj.testkit.Shared;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * One command line: every command's options (picocli's model of {@code Main.commandLine()}) use
 * one name per concept, with one documented default. A second spelling of a concept is allowed
 * only hidden (an old name kept for a release) and saying which visible option it is the old
 * spelling of.
 */
class CommandLineConventionTest {
    @TempDir Path tmp;

    /**
     * A concept, the one name it has, the spellings that would be a second name for it, and what
     * its documented default is (null: per command, but documented in the option's help).
     */
    record Concept(String what, String name, Pattern spellings, String defaultValue) {
        boolean covers(String optionName) { return spellings.matcher(optionName).matches(); }
    }

    static final List<Concept> CONCEPTS = List.of(
            new Concept("MD time step", "--timestep-ps", Pattern.compile("--(time-?step|dt|md-?step)(-\\w+)?"), "0.002 ps"),
            new Concept("progress bar / quiet", "--progress", Pattern.compile("--(no-)?(progress|bar)|--quiet|--silent|-q"), "auto"),
            new Concept("worker threads", "--threads", Pattern.compile("--(n?threads?|jobs|workers|cores|nproc)|-j|-t"), "0"),
            new Concept("output folder", "--out", Pattern.compile("--(out|output|outdir|out-dir|output-dir|folder|dir)|-o"), null),
            new Concept("lag-time window", "--window", Pattern.compile("--(window|fit-window|lag-window|range)"), null));

    /** Every visible command (aliases once) with its options. */
    private static Map<String, CommandLine> commands() {
        Map<String, CommandLine> all = new java.util.TreeMap<>();
        for (Map.Entry<String, CommandLine> e : Main.commandLine().getSubcommands().entrySet()) {
            CommandLine cl = e.getValue();
            if (!e.getKey().equals(cl.getCommandName()) || cl.getCommandSpec().usageMessage().hidden()) continue;
            all.put(e.getKey(), cl);
        }
        return all;
    }

    @Test
    void everyConceptHasOneVisibleNameAndOldSpellingsAreHiddenBesideIt() {
        List<String> bad = new ArrayList<>();
        int seen = 0;
        for (Map.Entry<String, CommandLine> cmd : commands().entrySet()) {
            List<OptionSpec> options = cmd.getValue().getCommandSpec().options();
            for (OptionSpec o : options) {
                for (String n : o.names()) {
                    for (Concept c : CONCEPTS) {
                        if (!c.covers(n)) continue;
                        seen++;
                        String where = cmd.getKey() + " " + String.join("/", o.names());
                        if (o.hidden()) {
                            // an old spelling: its help names the visible option it stands for, in the same command
                            String help = String.join(" ", o.description());
                            boolean beside = options.stream().anyMatch(x -> !x.hidden() && help.matches("Old spellings? of " + x.longestName() + "\\b.*"));
                            if (!beside) bad.add(where + ": hidden, but its help does not say 'Old spelling of <a visible option>': " + help);
                        } else if (!n.equals(c.name()) || o.names().length != 1) {
                            bad.add(where + ": the " + c.what() + " is called " + c.name() + " (old names: a hidden option)");
                        }
                    }
                }
            }
        }
        assertTrue(seen > 20, "the walk found only " + seen + " options of the concepts: is the model still read?");
        assertTrue(bad.isEmpty(), "second names for one concept:\n  " + String.join("\n  ", bad));
    }

    @Test
    void everyConceptHasItsOneDocumentedDefault() {
        List<String> bad = new ArrayList<>();
        for (Map.Entry<String, CommandLine> cmd : commands().entrySet()) {
            for (OptionSpec o : cmd.getValue().getCommandSpec().options()) {
                if (o.hidden()) continue;
                for (Concept c : CONCEPTS) {
                    if (!List.of(o.names()).contains(c.name())) continue;
                    String where = cmd.getKey() + " " + c.name();
                    String help = String.join(" ", o.description()).replace("${DEFAULT-VALUE}", String.valueOf(o.defaultValue()));
                    if (c.name().equals("--window")) {
                        // read as TMIN:TMAX, and printed the same way (windowsArePrintedAsTheyAreRead)
                        if (!"TMIN:TMAX".equals(o.paramLabel())) bad.add(where + ": parameter " + o.paramLabel() + ", not TMIN:TMAX");
                        continue;
                    }
                    if (o.required()) bad.add(where + ": required; it has a default elsewhere");
                    if (c.defaultValue() != null && !help.contains("default " + c.defaultValue()))
                        bad.add(where + ": help does not say 'default " + c.defaultValue() + "': " + help);
                    if (c.defaultValue() == null && !help.contains("default"))
                        bad.add(where + ": help names no default: " + help);
                    if (c.name().equals("--threads") || c.name().equals("--progress"))
                        if (!c.defaultValue().equals(o.defaultValue())) bad.add(where + ": default " + o.defaultValue() + ", not " + c.defaultValue());
                }
            }
        }
        assertTrue(bad.isEmpty(), "concepts without their one documented default:\n  " + String.join("\n  ", bad));
    }

    /** The old spellings still work for a release, with the effect of the one name. */
    @Test
    void oldSpellingsStillWork() throws Exception {
        Path dump = Shared.file("data/amorphous-MgV2O5/dump_600K.lammpstrj");
        List<List<String>> spellings = List.of(List.of("--timestep", "0.001", "--no-progress"), List.of("--timestep-ps", "0.001", "--progress", "off"));
        List<List<String>> series = new ArrayList<>();
        for (int k = 0; k < spellings.size(); k++) {
            Path out = tmp.resolve("lro" + k);
            List<String> args = new ArrayList<>(List.of("lro", dump.toString(), "--species", "Mg", "--types", "Mg,V,O", "--sphere", "20",
                    "--plots", "none", "--out", out.toString()));
            args.addAll(spellings.get(k));
            Run r = CoreCommandsTest.run(args.toArray(String[]::new));
            assertEquals(0, r.code(), r.err());
            series.add(Files.readAllLines(out.resolve("dump_600K.lammpstrj_timeseries.tsv")));
        }
        assertTrue(series.get(0).get(2).startsWith("1\t1000\t1.0\t"), "step 1000 at 0.001 ps: " + series.get(0).get(2));
        assertEquals(series.get(1), series.get(0));

        Path ref = Shared.file("reference/mlip2/dump600K_frames00-09.cfg");
        Run old = CoreCommandsTest.run("compare", ref.toString(), ref.toString(), "--quiet");
        Run now = CoreCommandsTest.run("compare", ref.toString(), ref.toString(), "--only-failures");
        Run all = CoreCommandsTest.run("compare", ref.toString(), ref.toString());
        assertEquals(0, old.code(), old.err());
        assertEquals(now.out(), old.out());
        assertTrue(old.out().lines().count() < all.out().lines().count(), "--quiet printed every configuration:\n" + old.out());
    }

    /** Without --out, files go beside the (first) input: lro into lro-SYMBOL/, msd's tables next to the dump. */
    @Test
    void withoutOutTheFilesGoBesideTheInput() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("study"));
        Path poscar = Files.copy(Shared.file("data/amorphous-MgV2O5/pylro/POSCAR_300K"), in.resolve("POSCAR_300K"));
        Run lro = CoreCommandsTest.run("lro", poscar.toString(), "--species", "Mg", "--sphere", "20", "--plots", "none");
        assertEquals(0, lro.code(), lro.err());
        assertTrue(Files.isRegularFile(in.resolve("lro-Mg/POSCAR_300K.tsv")), lro.out());
        assertTrue(lro.out().contains("wrote POSCAR_300K.tsv, POSCAR_300K_sphere.tsv in " + in.resolve("lro-Mg")), lro.out());
        Path dump = Files.copy(Shared.file("data/amorphous-MgV2O5/dump_600K.lammpstrj"), in.resolve("dump_600K.lammpstrj"));
        Run msd = CoreCommandsTest.run("msd", dump.toString(), "--types", "Mg,V,O", "--progress", "off");
        assertEquals(0, msd.code(), msd.err());
        assertTrue(Files.isRegularFile(in.resolve("msd.tsv")) && Files.isRegularFile(in.resolve("msd.png")));
    }

    /** --window 10:40 in, 10:40 out: the table, the warnings and the TSV use the syntax --window reads. */
    @Test
    void windowsArePrintedAsTheyAreRead() throws Exception {
        Path dump = Shared.file("data/amorphous-MgV2O5/dump_600K.lammpstrj"), tsv = tmp.resolve("d.tsv");
        // diffusion prints its table on System.out
        java.io.PrintStream saved = System.out;
        java.io.ByteArrayOutputStream stdout = new java.io.ByteArrayOutputStream();
        Run r;
        try {
            System.setOut(new java.io.PrintStream(stdout, true, java.nio.charset.StandardCharsets.UTF_8));
            r = CoreCommandsTest.run("diffusion", dump.toString(), "--types", "Mg,V,O", "--window", "10:40", "--window", "2:50",
                    "--progress", "off", "--tsv", tsv.toString());
        } finally {
            System.setOut(saved);
        }
        assertEquals(0, r.code(), r.err());
        String table = stdout.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(table.lines().anyMatch(l -> l.startsWith("10:40 ")) && table.lines().anyMatch(l -> l.startsWith("2:50 ")), table);
        List<String> windows = Files.readAllLines(tsv).stream().skip(1).map(l -> l.split("\t")[1]).distinct().toList();
        assertEquals(List.of("10:40", "2:50"), windows);
        Pattern dashed = Pattern.compile("\\d-\\d+(\\.\\d+)? ps");
        assertFalse(dashed.matcher(table + r.err()).find(), "a window printed as a-b:\n" + table + r.err());
    }
}
