package org.mtpj.cli;

import static org.mtpj.cli.core.CoreCommandsTest.run;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtpj.cli.core.CoreCommandsTest.Run;
import org.mtpj.core.io.CfgWriter;
import org.mtpj.host.CfgFiles;
import org.mtpj.testkit.Shared;

/**
 * Issue 13's output discipline, command by command on real files: an output that is an input is
 * refused (exit 2, one line, nothing changed); a bad input leaves no output and an existing output
 * as it was; /dev/zero and an exhausted heap are one line, never a stack trace.
 */
class OutputSafetyTest {
    @TempDir Path dir;

    private String f(String name) { return dir.resolve(name).toString(); }

    /** pot.mtp, in.cfg (10 configurations), train.cfg (1), dump.lammpstrj, volt.tsv, POSCAR, bad.cfg, late.cfg. */
    @BeforeEach
    void inputs() throws Exception {
        Files.copy(Shared.file("data/amorphous-MgV2O5/pot.mtp"), dir.resolve("pot.mtp"));
        Path ref = Shared.file("reference/mlip2/dump600K_frames00-09.cfg");
        Files.copy(ref, dir.resolve("in.cfg"));
        Files.writeString(dir.resolve("train.cfg"), CfgWriter.format(CfgFiles.readAll(ref).subList(0, 1), CfgWriter.Style.LOSSLESS));
        Files.copy(Shared.file("data/amorphous-MgV2O5/dump_600K.lammpstrj"), dir.resolve("dump.lammpstrj"));
        Files.copy(Shared.file("reference/analysis/voltage_synthetic_A_energies.tsv"), dir.resolve("volt.tsv"));
        Files.copy(Shared.file("data/amorphous-MgV2O5/pylro/POSCAR_300K"), dir.resolve("POSCAR"));
        List<String> lines = Files.readAllLines(ref);
        List<String> bad = new ArrayList<>(lines);
        bad.set(2, "    7x8");                                  // garbage at line 3
        Files.write(dir.resolve("bad.cfg"), bad);
        List<String> late = new ArrayList<>(lines);
        int third = 0;
        for (int i = 0, seen = 0; i < late.size(); i++) if (late.get(i).equals("BEGIN_CFG") && ++seen == 3) third = i;
        late.set(third + 2, "    7x8");                         // two good configurations, then garbage
        Files.write(dir.resolve("late.cfg"), late);
    }

    /** Name → bytes of every file in the folder. */
    private Map<String, byte[]> snapshot() throws Exception {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) if (Files.isRegularFile(p)) m.put(p.getFileName().toString(), Files.readAllBytes(p));
        }
        return m;
    }

    private static void assertSameFiles(Map<String, byte[]> before, Map<String, byte[]> after, String what) {
        assertEquals(before.keySet(), after.keySet(), what + ": files added or removed");
        for (String k : before.keySet()) assertArrayEquals(before.get(k), after.get(k), what + ": " + k + " changed");
    }

    private static void assertOneLine(Run r, String what) {
        String e = r.err().strip();
        assertFalse(e.isEmpty(), what + ": no message");
        assertFalse(e.contains("\n"), what + ": more than one line:\n" + e);
        assertFalse(e.contains("Exception") || e.contains("\tat "), what + ": " + e);
    }

    @Test
    void anOutputThatIsAnInputIsRefusedAndNothingChanges() throws Exception {
        Files.createLink(dir.resolve("hard.cfg"), dir.resolve("in.cfg"));
        Files.createSymbolicLink(dir.resolve("soft.mtp"), dir.resolve("pot.mtp"));
        String[][] cases = {
                {"calc-efs", f("pot.mtp"), f("in.cfg"), f("in.cfg")},
                {"calc-efs", f("pot.mtp"), f("in.cfg"), f("pot.mtp")},
                {"calc-efs", f("pot.mtp"), f("in.cfg"), f("hard.cfg")},
                {"calc-efs", f("pot.mtp"), f("in.cfg"), dir.resolve(".").resolve("in.cfg").toString()},
                {"calc-efs", f("pot.mtp"), f("in.cfg"), f("soft.mtp")},
                {"calc-errors", f("pot.mtp"), f("in.cfg"), "--tsv", f("in.cfg")},
                {"calc-grade", f("pot.mtp"), f("train.cfg"), f("in.cfg"), f("in.cfg"), "--als-filename", f("s.als")},
                {"calc-grade", f("pot.mtp"), f("train.cfg"), f("in.cfg"), f("out.cfg"), "--als-filename", f("pot.mtp")},
                {"calc-grade", f("pot.mtp"), f("train.cfg"), f("in.cfg"), f("out.cfg"), "--als-filename", f("s.als"), "--tsv", f("train.cfg")},
                {"calc-grade", f("pot.mtp"), f("train.cfg"), f("in.cfg"), f("out.cfg"), "--als-filename", f("s.als"), "--atom-tsv", f("in.cfg")},
                {"calc-grade", f("pot.mtp"), f("train.cfg"), f("in.cfg"), f("out.cfg"), "--als-filename", f("s.als"), "--tsv", f("out.cfg")},
                {"select-add", f("pot.mtp"), f("train.cfg"), f("in.cfg"), f("train.cfg"), "--als-filename", f("s.als"), "--selected-filename", f("sel.cfg")},
                {"select-add", f("pot.mtp"), f("train.cfg"), f("in.cfg"), f("diff.cfg"), "--als-filename", f("in.cfg"), "--selected-filename", f("sel.cfg")},
                {"select-add", f("pot.mtp"), f("train.cfg"), f("in.cfg"), f("diff.cfg"), "--als-filename", f("s.als"), "--selected-filename", f("pot.mtp")},
                {"convert", f("in.cfg"), f("in.cfg")},
                {"convert", "--to", "lammps-dump", f("dump.lammpstrj"), f("dump.lammpstrj")},
                {"compare", f("in.cfg"), f("train.cfg"), "--tsv", f("train.cfg")},
                {"train", f("pot.mtp"), f("train.cfg"), "--trained-pot-name", f("pot.mtp")},
                {"train", f("pot.mtp"), f("train.cfg"), "--trained-pot-name", f("t.mtp"), "--curr-pot-name", f("train.cfg")},
                {"diffusion", f("dump.lammpstrj"), "--types", "Mg,V,O", "--window", "1:2", "--tsv", f("dump.lammpstrj")},
                {"diffusion", f("dump.lammpstrj"), "--types", "Mg,V,O", "--window", "1:2", "--json", f("dump.lammpstrj")},
                {"diffusion", f("dump.lammpstrj"), "--types", "Mg,V,O", "--window", "1:2", "--out", f("dump.lammpstrj")},
                {"voltage", f("volt.tsv"), "--mg-metal", "-1.51", "--tsv", f("volt.tsv")},
                {"lro", f("POSCAR"), "--species", "Mg", "--out", f("POSCAR")},
                {"relax", f("pot.mtp"), f("in.cfg"), f("in.cfg")},
        };
        Map<String, byte[]> before = snapshot();
        for (String[] c : cases) {
            String what = String.join(" ", c).replace(dir + "/", "");
            Run r = run(c);
            assertEquals(2, r.code(), what + "\n" + r.err());
            assertOneLine(r, what);
            assertTrue(r.err().startsWith("mtpj: " + c[0] + ": output"), what + ": " + r.err());
            assertTrue(r.err().contains("refusing to overwrite an input") || r.err().contains("are the same file"), what + ": " + r.err());
            assertSameFiles(before, snapshot(), what);
        }
    }

    @Test
    void aBadInputLeavesNoOutputAndAnExistingOutputAsItWas() throws Exception {
        for (String bad : new String[] {"bad.cfg", "late.cfg"}) {
            String[][] cases = {
                    {"calc-efs", f("pot.mtp"), f(bad), f("out.cfg")},
                    {"calc-errors", f("pot.mtp"), f(bad), "--tsv", f("e.tsv")},
                    {"calc-grade", f("pot.mtp"), f("train.cfg"), f(bad), f("out.cfg"), "--als-filename", f("s.als"), "--tsv", f("g.tsv")},
                    {"convert", f(bad), f("out.cfg")},
                    {"convert", f(bad), f("out.lammpstrj")},
                    {"select-add", f("pot.mtp"), f("train.cfg"), f(bad), f("diff.cfg"), "--als-filename", f("s.als"), "--selected-filename", f("sel.cfg")},
                    {"train", f("pot.mtp"), f(bad), "--trained-pot-name", f("t.mtp"), "--max-iter", "1"},
            };
            for (String[] c : cases) {
                String what = String.join(" ", c).replace(dir + "/", "");
                Map<String, byte[]> before = snapshot();
                Run r = run(c);
                assertEquals(2, r.code(), what + "\n" + r.err());
                assertOneLine(r, what);
                assertTrue(r.err().contains(bad + ":"), what + ": names the file: " + r.err());
                assertSameFiles(before, snapshot(), what + " (no output yet)");

                // the same run over existing outputs: they keep their bytes
                List<String> outputs = Arrays.stream(c).filter(a -> a.startsWith(dir.toString()) && !Files.exists(Path.of(a))).toList();
                assertFalse(outputs.isEmpty(), what);
                for (String o : outputs) Files.writeString(Path.of(o), "an earlier result\n");
                Map<String, byte[]> existing = snapshot();
                assertEquals(2, run(c).code(), what);
                assertSameFiles(existing, snapshot(), what + " (existing outputs)");
                for (String o : outputs) Files.delete(Path.of(o));
            }
        }
    }

    @Test
    void devZeroIsOneLineNotAnOutOfMemoryError() throws Exception {
        Path zero = Path.of("/dev/zero");
        if (!Files.exists(zero)) return;
        String[][] cases = {
                {"info", zero.toString()},
                {"calc-efs", f("pot.mtp"), zero.toString(), f("out.cfg")},
                {"calc-efs", zero.toString(), f("in.cfg"), f("out.cfg")},
        };
        Map<String, byte[]> before = snapshot();
        for (String[] c : cases) {
            String what = String.join(" ", c).replace(dir + "/", "");
            Run r = run(c);
            assertTrue(r.code() == 2 || r.code() == 3, what + ": exit " + r.code() + "\n" + r.err());
            assertOneLine(r, what);
            assertTrue(r.err().contains("/dev/zero:1: line longer than"), what + ": " + r.err());
            assertSameFiles(before, snapshot(), what);
        }
    }

    /** A real OutOfMemoryError in a JVM with a small heap: one line with the advice, exit 3, no output file. */
    @Test
    void outOfMemoryIsOneLineWithAdviceAndExitCode3() throws Exception {
        // a potential whose one long line (48 MiB, under the reader's cap) cannot fit into a 32 MiB heap
        Path big = dir.resolve("big.mtp");
        try (var w = Files.newBufferedWriter(big, StandardCharsets.ISO_8859_1)) {
            w.write("MTP\nversion = 1.1.0\npotential_name = ");
            char[] block = new char[1 << 20];
            Arrays.fill(block, 'x');
            for (int i = 0; i < 48; i++) w.write(block);
            w.write('\n');
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Xmx32m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "calc-efs", big.toString(), f("in.cfg"), f("out.cfg"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished");
        assertEquals(3, p.exitValue(), err);
        assertFalse(err.contains("\n"), err);
        assertTrue(err.startsWith("mtpj: out of memory") && err.contains("MTPJ_JAVA_OPTS=-Xmx"), err);
        assertFalse(Files.exists(dir.resolve("out.cfg")));
    }
}
