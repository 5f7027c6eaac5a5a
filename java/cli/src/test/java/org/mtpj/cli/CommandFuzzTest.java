package org.mtpj.cli;

import static org.junit.jupiter.api.Assertions.*;
import static org.mtpj.cli.core.CoreCommandsTest.run;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtpj.cli.core.CoreCommandsTest.Run;
import org.mtpj.core.io.CfgWriter;
import org.mtpj.core.model.Configuration;
import org.mtpj.host.CfgFiles;
import org.mtpj.testkit.Shared;

/**
 * Issue 13's proof: real inputs mutated (cut, NaN and garbage numbers, wrong counts, lines lost or
 * repeated, CRLF, binary junk, empty, missing or a directory) and run through the commands that
 * read them. Fails on a stack trace, a hang, an exit code other than 0/2/3, an error of more than
 * one line or without the mutated file's name (and line, where the fault has one), an output
 * left behind or an old output changed by a failed run, or a changed input.
 *
 * learn's TOML is mutated beside a finished run folder: a configuration that is still valid only
 * reports "already converged", and any fault must stop learn before it touches the folder.
 *
 * <p>1,200 mutations by default (CI), 12,000 with MTPJ_FUZZ_FULL=1 ({@code ./run-tests --fuzz-full}; ~20 min on
 * 2 busy cores, too long for CI's budget); counts and time per case are printed.
 */
class CommandFuzzTest {
    @TempDir Path dir;

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final String[] BAD_NUMBERS = {"nan", "NaN", "inf", "-inf", "1e309", "-1e400", "x1", "1.2.3", "0", "-1", "1e300",
            "999999999999", "-999999999999", "0x10", "1,5", "--1", "+"};
    /** Messages about a whole file (or its whole content), which have no line to name. */
    private static final Pattern FILE_LEVEL = Pattern.compile("(file not found.*|configuration file not found|is a directory, expected a file.*"
            + "|permission denied.*|the folder holds no .*|no thermo table .*|an Arrhenius fit needs at least .*"
            + "|\\d+ complete frame\\(s\\); MSD needs at least \\d+|\\[\\w+\\] needs '.*|no configurations.*"
            + "|frames are not evenly spaced: .*|timesteps do not increase .*)$");

    /** A command with one input to mutate: {@code @} in args stands for it. */
    record Case(String name, Path original, String mutatedName, String[] args, int[] alsoAllowed) {}

    private String f(String name) { return dir.resolve(name).toString(); }

    @Test
    void mutatedInputsGiveOneClearLineAndLeaveNoTrace() throws Exception {
        boolean slow = "1".equals(System.getenv("MTPJ_FUZZ_FULL"));
        int total = slow ? 12_000 : 1_200;
        List<Case> cases = cases();
        Map<String, int[]> counts = new TreeMap<>(); // name -> runs, exit 0, exit 1 (an answer: see the cases), exit 2, exit 3
        Map<String, long[]> nanos = new TreeMap<>();  // name -> time spent in its runs
        List<String> failures = new ArrayList<>();
        ExecutorService exec = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int i = 0; i < total && failures.size() < 20; i++) {
                Case c = cases.get(i % cases.size());
                Random rnd = new Random(1_000_003L * i + 17);
                long t0 = System.nanoTime();
                String failure = runOne(c, rnd, exec, counts);
                nanos.computeIfAbsent(c.name, k -> new long[1])[0] += System.nanoTime() - t0;
                if (failure != null) failures.add("mutation " + i + " (" + c.name + "): " + failure);
            }
        } finally {
            exec.shutdownNow();
        }
        int runs = counts.values().stream().mapToInt(v -> v[0]).sum();
        System.out.println("CommandFuzzTest: " + runs + " mutated runs (" + (slow ? "slow" : "CI") + " size)");
        counts.forEach((k, v) -> System.out.printf("  %-22s %5d runs: %5d exit 0, %5d exit 1, %5d exit 2, %3d exit 3, %6.1f s%n",
                k, v[0], v[1], v[2], v[3], v[4], nanos.get(k)[0] / 1e9));
        assertEquals(List.of(), failures, failures.size() + " failure(s)");
        assertTrue(runs >= total, "ran " + runs);
    }

    /** Null when the run behaved, else what went wrong. */
    private String runOne(Case c, Random rnd, ExecutorService exec, Map<String, int[]> counts) throws Exception {
        Path input = dir.resolve(c.mutatedName);
        String how = mutate(c.original, input, rnd);
        Path out = dir.resolve("out");
        Map<String, byte[]> before = snapshot();
        String[] args = Arrays.stream(c.args).map(a -> a.equals("@") ? input.toString() : a).toArray(String[]::new);
        Future<Run> fut = exec.submit(() -> run(args));
        Run r;
        try {
            r = fut.get(120, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            fut.cancel(true);
            return how + ": no answer after 120 s";
        }
        int[] n = counts.computeIfAbsent(c.name, k -> new int[5]);
        n[0]++;
        if (r.code() >= 0 && r.code() <= 3) n[1 + r.code()]++;
        String what = how + " -> exit " + r.code() + ": " + r.err().strip();
        String err = r.err();
        if (err.contains("\tat ") || err.contains("Exception") || err.contains("internal error")) return "stack trace or internal error: " + what;
        boolean allowed = r.code() == 0 || r.code() == 2 || r.code() == 3 || Arrays.stream(c.alsoAllowed).anyMatch(x -> x == r.code());
        if (!allowed) return "exit code: " + what;
        Map<String, byte[]> after = snapshot();
        // inputs never change
        for (String k : before.keySet())
            if (!isOutput(k) && !Arrays.equals(before.get(k), after.get(k))) return k + " changed: " + what;
        if (r.code() == 2 || r.code() == 3) {
            List<String> errors = err.lines().filter(l -> !l.isBlank() && !l.contains(": warning")).toList();
            if (errors.size() != 1) return "not one line: " + what;
            String m = errors.get(0);
            if (!m.startsWith("mtpj: ")) return "no 'mtpj: ' prefix: " + what;
            if (r.code() == 2 && !namesFileAndLine(m.substring(6), input.toString())) return "no file:line: " + what;
            // a failed run leaves every output as it was, and no temporary file
            if (!before.keySet().equals(after.keySet())) return "files left behind " + diff(before, after) + ": " + what;
            for (String k : before.keySet()) if (!Arrays.equals(before.get(k), after.get(k))) return k + " changed by a failed run: " + what;
        }
        // next run starts from an output folder with only the old file
        clean(out);
        return null;
    }

    /** Files a successful run may write: out/ and the report tables of learn's finished run folder. */
    private static boolean isOutput(String name) {
        return name.startsWith("out/") || name.startsWith("fuzz.run/rounds.");
    }

    private static boolean namesFileAndLine(String message, String file) {
        if (!message.startsWith(file + ":")) return false;
        String rest = message.substring(file.length() + 1);
        // junk bytes echoed in a message may include what a regex takes for a line end
        return Pattern.compile("\\d+: .*", Pattern.DOTALL).matcher(rest).matches() || FILE_LEVEL.matcher(rest.strip()).matches();
    }

    // ------------------------------------------------------------------------------ mutations

    /** Writes a mutated copy of original to target (or makes target missing or a directory); returns what was done. */
    private static String mutate(Path original, Path target, Random rnd) throws Exception {
        if (Files.isDirectory(target)) Files.delete(target);
        Files.deleteIfExists(target);
        byte[] b = Files.readAllBytes(original);
        String t = new String(b, StandardCharsets.ISO_8859_1);
        int kind = rnd.nextInt(100);
        String how;
        if (kind < 2) {
            return "missing file";
        } else if (kind < 4) {
            Files.createDirectory(target);
            return "a directory";
        } else if (kind < 6) {
            t = "";
            how = "empty";
        } else if (kind < 20) {
            int at = rnd.nextInt(Math.max(1, t.length()));
            t = t.substring(0, at);
            how = "cut at byte " + at;
        } else if (kind < 45) {
            Matcher m = NUMBER.matcher(t);
            List<int[]> spans = new ArrayList<>();
            while (m.find()) spans.add(new int[] {m.start(), m.end()});
            if (spans.isEmpty()) return write(target, t, "unchanged (no number)");
            int[] s = spans.get(rnd.nextInt(spans.size()));
            String old = t.substring(s[0], s[1]);
            String repl;
            if (rnd.nextBoolean()) repl = BAD_NUMBERS[rnd.nextInt(BAD_NUMBERS.length)];
            else if (old.matches("-?\\d+")) repl = Long.toString(Long.parseLong(old.length() > 15 ? "1" : old) + (rnd.nextBoolean() ? 1 : -1) * (1 + rnd.nextInt(3)));
            else repl = "-" + old;
            t = t.substring(0, s[0]) + repl + t.substring(s[1]);
            how = "number '" + old + "' at byte " + s[0] + " -> '" + repl + "'";
        } else if (kind < 75) {
            List<String> lines = new ArrayList<>(Arrays.asList(t.split("\n", -1)));
            int a = rnd.nextInt(lines.size()), z = rnd.nextInt(lines.size());
            switch (rnd.nextInt(4)) {
                case 0 -> { lines.remove(a); how = "line " + (a + 1) + " removed"; }
                case 1 -> { lines.add(a, lines.get(a)); how = "line " + (a + 1) + " repeated"; }
                case 2 -> { String x = lines.get(a); lines.set(a, lines.get(z)); lines.set(z, x); how = "lines " + (a + 1) + " and " + (z + 1) + " swapped"; }
                default -> { lines.add(z, lines.get(a)); how = "line " + (a + 1) + " copied before line " + (z + 1); }
            }
            t = String.join("\n", lines);
        } else if (kind < 85) {
            byte[] junk = new byte[1 + rnd.nextInt(64)];
            rnd.nextBytes(junk);
            int at = rnd.nextInt(t.length() + 1);
            t = t.substring(0, at) + new String(junk, StandardCharsets.ISO_8859_1) + t.substring(at);
            how = junk.length + " random bytes at byte " + at;
        } else if (kind < 90) {
            t = t.replace("\n", "\r\n");
            how = "CRLF line ends";
        } else {
            // a token replaced by a word: a column or keyword lost
            Matcher m = Pattern.compile("\\S+").matcher(t);
            List<int[]> spans = new ArrayList<>();
            while (m.find()) spans.add(new int[] {m.start(), m.end()});
            int[] s = spans.get(rnd.nextInt(spans.size()));
            how = "word '" + t.substring(s[0], Math.min(s[1], s[0] + 20)) + "' at byte " + s[0] + " removed";
            t = t.substring(0, s[0]) + t.substring(s[1]);
        }
        return write(target, t, how);
    }

    private static String write(Path target, String text, String how) throws Exception {
        Files.write(target, text.getBytes(StandardCharsets.ISO_8859_1));
        return how;
    }

    // ------------------------------------------------------------------------------ set-up

    /** Small real inputs (64 atoms of the study's MgV2O5 cell) and the commands that read them. */
    private List<Case> cases() throws Exception {
        Path src = Files.createDirectory(dir.resolve("src"));
        Files.createDirectory(dir.resolve("out"));
        Files.copy(Shared.file("data/amorphous-MgV2O5/pot.mtp"), src.resolve("pot.mtp"));
        List<Configuration> ref = CfgFiles.readAll(Shared.file("reference/mlip2/dump600K_frames00-09.cfg"));
        List<Configuration> small = new ArrayList<>();
        for (int k = 0; k < 2; k++) small.add(firstAtoms(ref.get(k), 64));
        Files.writeString(src.resolve("small.cfg"), CfgWriter.format(small, CfgWriter.Style.LOSSLESS));
        Files.writeString(src.resolve("train.cfg"), CfgWriter.format(List.of(small.get(0)), CfgWriter.Style.LOSSLESS));
        String dump = Files.readString(Shared.file("data/amorphous-MgV2O5/dump_600K.lammpstrj"), StandardCharsets.ISO_8859_1);
        int cut = 0;
        for (int k = 0; k < 5; k++) cut = dump.indexOf("ITEM: TIMESTEP", cut + 1);
        Files.writeString(src.resolve("d.lammpstrj"), dump.substring(0, cut), StandardCharsets.ISO_8859_1);
        Files.copy(Shared.file("reference/analysis/voltage_synthetic_A_energies.tsv"), src.resolve("volt.tsv"));
        org.mtpj.testkit.SyntheticVaspRun vasp = org.mtpj.testkit.SyntheticVaspRun.random(3, new String[] {"Mg", "O"}, new int[] {3, 5}, 2, true, true);
        Files.writeString(src.resolve("OUTCAR"), vasp.outcar(), StandardCharsets.ISO_8859_1);
        Files.writeString(src.resolve("vasprun.xml"), vasp.vasprun(), StandardCharsets.ISO_8859_1);
        Files.copy(Shared.file("reference/lammps-mlip2/log.serial"), src.resolve("log.lammps"));
        // energies per dump step (the steps of d.lammpstrj), as 'mtpj convert --thermo' reads them
        Files.writeString(src.resolve("efs.txt"), "step pe\n0 -5012.5\n1000 -5010.25\n2000 -5011.0\n3000 -5009.75\n");
        Files.writeString(src.resolve("dt.tsv"), "T\tD\tse\n600\t1.2e-6\t1e-7\n900\t4.1e-6\t3e-7\n1200\t9.5e-6\t6e-7\n");
        String s = src.toString() + "/";
        String o = dir.resolve("out") + "/";
        learnInputs(src);
        assertEquals(0, run("convert", s + "train.cfg", s + "in.data", "--to", "lammps-data", "--types", "Mg,V,O").code());
        assertEquals(0, run("convert", s + "train.cfg", s + "POSCAR", "--types", "Mg,V,O").code());
        assertEquals(0, run("convert", s + "OUTCAR", s + "train.xyz").code());
        int[] none = {};
        List<Case> cases = List.of(
                new Case("info", src.resolve("pot.mtp"), "fuzz.mtp", new String[] {"info", "@"}, none),
                new Case("calc-efs (pot)", src.resolve("pot.mtp"), "fuzz.mtp", new String[] {"calc-efs", "@", s + "small.cfg", o + "old.cfg", "--threads", "1"}, none),
                new Case("calc-efs (cfg)", src.resolve("small.cfg"), "fuzz.cfg", new String[] {"calc-efs", s + "pot.mtp", "@", o + "old.cfg", "--threads", "1"}, none),
                new Case("calc-errors", src.resolve("small.cfg"), "fuzz.cfg", new String[] {"calc-errors", s + "pot.mtp", "@", "--threads", "1", "--tsv", o + "e.tsv"}, none),
                new Case("calc-grade (in)", src.resolve("small.cfg"), "fuzz.cfg",
                        new String[] {"calc-grade", s + "pot.mtp", s + "train.cfg", "@", o + "old.cfg", "--als-filename", o + "s.als", "--progress", "off"}, none),
                new Case("calc-grade (train)", src.resolve("train.cfg"), "fuzz.cfg",
                        new String[] {"calc-grade", s + "pot.mtp", "@", s + "small.cfg", o + "old.cfg", "--als-filename", o + "s.als", "--progress", "off"}, none),
                new Case("convert (dump)", src.resolve("d.lammpstrj"), "fuzz.lammpstrj", new String[] {"convert", "@", o + "old.cfg", "--to", "cfg"}, none),
                new Case("convert (cfg)", src.resolve("small.cfg"), "fuzz.cfg", new String[] {"convert", "@", o + "old.cfg", "--to", "lammps-dump"}, none),
                new Case("convert (data)", src.resolve("in.data"), "fuzz.data", new String[] {"convert", "@", o + "old.cfg", "--to", "cfg"}, none),
                new Case("convert (thermo)", src.resolve("efs.txt"), "fuzz.txt",
                        new String[] {"convert", s + "d.lammpstrj", o + "old.cfg", "--to", "cfg", "--types", "Mg,V,O", "--thermo", "@"}, none),
                new Case("convert (POSCAR)", src.resolve("POSCAR"), "fuzz.poscar", new String[] {"convert", "@", o + "old.cfg", "--to", "cfg", "--types", "Mg,V,O"}, none),
                new Case("convert (OUTCAR)", src.resolve("OUTCAR"), "fuzz.outcar", new String[] {"convert", "@", o + "old.cfg", "--from", "outcar"}, none),
                new Case("convert (vasprun)", src.resolve("vasprun.xml"), "fuzz.xml", new String[] {"convert", "@", o + "old.cfg", "--from", "vasprun"}, none),
                new Case("convert (extxyz)", src.resolve("train.xyz"), "fuzz.xyz", new String[] {"convert", "@", o + "old.cfg", "--types", "Mg,O"}, none),
                // compare exits 1 when the files differ beyond the tolerances: an answer
                new Case("compare", src.resolve("small.cfg"), "fuzz.cfg", new String[] {"compare", "@", s + "small.cfg"}, new int[] {1}),
                new Case("voltage", src.resolve("volt.tsv"), "fuzz.tsv", new String[] {"voltage", "@", "--mg-metal", "-1.51", "--tsv", o + "old.cfg"}, none),
                // relax exits 1 when not converged in the steps given
                new Case("relax", src.resolve("train.cfg"), "fuzz.cfg", new String[] {"relax", s + "pot.mtp", "@", o + "old.cfg", "--steps", "2", "--threads", "1"}, new int[] {1}),
                new Case("train (pot)", src.resolve("pot.mtp"), "fuzz.mtp", train("@", s + "train.cfg", o), none),
                new Case("train (cfg)", src.resolve("small.cfg"), "fuzz.cfg", train(s + "pot.mtp", "@", o), none),
                new Case("select-add (new)", src.resolve("small.cfg"), "fuzz.cfg", selectAdd(s + "pot.mtp", s + "train.cfg", "@", o), none),
                new Case("select-add (train)", src.resolve("small.cfg"), "fuzz.cfg", selectAdd(s + "pot.mtp", "@", s + "small.cfg", o), none),
                new Case("select-add (pot)", src.resolve("pot.mtp"), "fuzz.mtp", selectAdd("@", s + "train.cfg", s + "small.cfg", o), none),
                new Case("lro (POSCAR)", src.resolve("POSCAR"), "fuzz.poscar", lro("@", o), none),
                new Case("lro (dump)", src.resolve("d.lammpstrj"), "fuzz.lammpstrj", lro("@", o), none),
                new Case("diffusion (dump)", src.resolve("d.lammpstrj"), "fuzz.lammpstrj",
                        new String[] {"diffusion", "@", "--window", "0:8", "--types", "Mg,V,O", "--quiet", "--tsv", o + "old.cfg", "--json", o + "d.json"}, none),
                new Case("msd (dump)", src.resolve("d.lammpstrj"), "fuzz.lammpstrj",
                        new String[] {"msd", "@", "--types", "Mg,V,O", "--quiet", "--out", o + "msd"}, none),
                new Case("arrhenius (table)", src.resolve("dt.tsv"), "fuzz.tsv", new String[] {"arrhenius", "@", "--out", o + "arr"}, none),
                // compare-logs exits 1 when the thermo differs beyond the tolerance: an answer
                new Case("compare-logs", src.resolve("log.lammps"), "fuzz.log", new String[] {"compare-logs", "@", s + "log.lammps"}, new int[] {1}),
                new Case("mindist", src.resolve("small.cfg"), "fuzz.cfg", new String[] {"mindist", "@", "--tsv", o + "old.cfg"}, none),
                // learn: a finished run folder beside the configuration, so a configuration that is still valid
                // only reports "already converged"; any fault must stop it before it touches the run folder
                new Case("learn (config)", src.resolve("learn.toml"), "fuzz.toml", new String[] {"learn", "--config", "@"}, none));
        // every case works on its unmutated input
        for (Case c : cases) {
            Files.copy(c.original, dir.resolve(c.mutatedName), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            String[] args = Arrays.stream(c.args).map(a -> a.equals("@") ? f(c.mutatedName) : a).toArray(String[]::new);
            Run r = run(args);
            assertTrue(r.code() == 0 || Arrays.stream(c.alsoAllowed).anyMatch(x -> x == r.code()), c.name + ": " + r.err());
            clean(dir.resolve("out"));
        }
        return cases;
    }

    private static String[] train(String pot, String cfg, String o) {
        return new String[] {"train", pot, cfg, "--max-iter", "2", "--pretrain-iter", "1", "--init-params", "same", "--threads", "1",
            "--progress", "off", "--trained-pot-name", o + "old.cfg", "--curr-pot-name", o + "curr.mtp"};
    }

    private static String[] selectAdd(String pot, String train, String fresh, String o) {
        return new String[] {"select-add", pot, train, fresh, o + "old.cfg", "--als-filename", o + "s.als", "--selected-filename", o + "sel.cfg"};
    }

    private static String[] lro(String structure, String o) {
        return new String[] {"lro", structure, "--species", "Mg", "--types", "Mg,V,O", "--sphere", "20", "--plots", "none", "--no-progress",
            "--threads", "1", "--out", o + "lro"};
    }

    /** learn.toml (paths relative to the mutated copy in the test folder) and the finished run folder fuzz.run/. */
    private void learnInputs(Path src) throws Exception {
        Files.writeString(src.resolve("learn.toml"), """
                [run]
                max_rounds = 3
                max_new_per_round = 5

                [data]
                train = "src/train.cfg"

                [potential]
                species = ["Mg", "V", "O"]
                level = 8
                max_dist = 5.0
                radial_basis_size = 8

                [train]
                max_iter_first = 10
                max_iter = 10

                [md]
                temperatures = [600, 1000]
                steps = 100
                timestep_ps = 0.001
                start = "src/in.data"
                threads = 1

                [selection]
                threshold = 2.0
                threshold_break = 10.0

                [oracle]
                type = "command"
                command = ["false", "{in}", "{out}"]
                """);
        Files.createDirectory(dir.resolve("fuzz.run"));
        Files.copy(src.resolve("pot.mtp"), dir.resolve("fuzz.run/final.mtp"));
    }

    private static Configuration firstAtoms(Configuration c, int n) {
        Configuration s = new Configuration(n);
        s.latticeRows = c.latticeRows;
        for (int r = 0; r < 3; r++) s.lattice[r] = c.lattice[r].clone();
        System.arraycopy(c.types, 0, s.types, 0, n);
        System.arraycopy(c.positions, 0, s.positions, 0, 3 * n);
        s.energy = c.energy / c.size * n;
        s.forces = Arrays.copyOf(c.forces, 3 * n);
        return s;
    }

    private static void clean(Path out) throws Exception {
        try (Stream<Path> s = Files.list(out)) {
            for (Path p : s.toList()) if (!p.getFileName().toString().equals("old.cfg")) deleteTree(p);
        }
        Files.writeString(out.resolve("old.cfg"), "an output of an earlier run\n");
    }

    private static void deleteTree(Path p) throws Exception {
        if (Files.isDirectory(p)) try (Stream<Path> s = Files.list(p)) { for (Path q : s.toList()) deleteTree(q); }
        Files.delete(p);
    }

    /** Relative name → bytes of every regular file under the folder: inputs (src/, the mutated fuzz.*) and outputs (out/). */
    private Map<String, byte[]> snapshot() throws Exception {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                if (!Files.isRegularFile(p)) continue;
                String name = dir.relativize(p).toString();
                m.put(name, Files.readAllBytes(p));
            }
        }
        return m;
    }

    private static String diff(Map<String, byte[]> a, Map<String, byte[]> b) {
        List<String> added = new ArrayList<>(b.keySet());
        added.removeAll(a.keySet());
        List<String> removed = new ArrayList<>(a.keySet());
        removed.removeAll(b.keySet());
        return "+" + added + " -" + removed;
    }
}
