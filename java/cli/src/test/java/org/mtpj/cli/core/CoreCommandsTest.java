package org.mtpj.cli.core;

import static org.junit.jupiter.api.Assertions.*;
import static org.mtpj.testkit.Tolerances.MLIP2_ENERGY_PER_ATOM;
import static org.mtpj.testkit.Tolerances.MLIP2_FORCE;
import static org.mtpj.testkit.Tolerances.MLIP2_STRESS;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtpj.cli.Main;
import org.mtpj.core.model.Configuration;
import org.mtpj.host.CfgFiles;
import org.mtpj.testkit.Shared;
import picocli.CommandLine;

/** The core commands run in-process on the references; {@link #run} serves every in-process command test. */
public class CoreCommandsTest {
    @TempDir Path tmp;

    public record Run(int code, String out, String err) {}

    public static Run run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static String pot() { return Shared.file("data/amorphous-MgV2O5/pot.mtp").toString(); }

    @Test
    void calcEfsReproducesMlip2OnBothReferences() {
        for (String ref : new String[] {"reference/mlip2/dump600K_frames00-09.cfg", "reference/mlip2/edge_cases.cfg"}) {
            Path in = Shared.file(ref);
            Path out = tmp.resolve("out.cfg");
            Run r = run("calc-efs", pot(), in.toString(), out.toString(), "--threads", "2");
            assertEquals(0, r.code, r.err);
            assertEquals("", r.out);
            List<Configuration> a = CfgFiles.readAll(in), b = CfgFiles.readAll(out);
            assertEquals(a.size(), b.size());
            for (int i = 0; i < a.size(); i++) {
                CfgComparison d = CfgComparison.of(i + 1, a.get(i), b.get(i));
                assertTrue(d.within(MLIP2_ENERGY_PER_ATOM, MLIP2_FORCE, MLIP2_STRESS), ref + " " + d);
                assertEquals(a.get(i).features, b.get(i).features);
                assertNull(b.get(i).siteEnergies);
            }
            Run cmp = run("compare", in.toString(), out.toString(), "--tsv", tmp.resolve("cmp.tsv").toString());
            assertEquals(0, cmp.code, cmp.out);
            assertTrue(cmp.out.contains("beyond tolerance: PASS"), cmp.out);
        }
    }

    @Test
    void compareLogsIsTheOneLogComparisonOfMtpj() throws Exception {
        Path log = Shared.file("reference/lammps-mlip2/log.serial");
        Run same = run("compare-logs", log.toString(), log.toString(), "--tsv");
        assertEquals(0, same.code, same.out + same.err);
        assertTrue(same.out.lines().count() > 5, "TSV rows written");
        // Change one thermo value in the last digit: beyond 1e-8 relative, so the comparison must fail.
        List<String> lines = Files.readAllLines(log);
        int row = -1;
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).trim().startsWith("Step")) { row = i + 2; break; }
        assertTrue(row > 0, "thermo header found");
        String[] cols = lines.get(row).trim().split("\\s+");
        cols[2] = Double.toString(Double.parseDouble(cols[2]) * (1 + 1e-6));
        lines.set(row, String.join(" ", cols));
        Path changed = tmp.resolve("changed.log");
        Files.write(changed, lines);
        Run diff = run("compare-logs", log.toString(), changed.toString());
        assertEquals(1, diff.code, diff.out + diff.err);
        // compare is for .cfg files only: the old --lammps-log switch is a usage error, not a second way
        assertEquals(2, run("compare", "--lammps-log", log.toString(), changed.toString()).code);
    }

    @Test
    void compareFailsBeyondToleranceWithWorstLast() throws Exception {
        Path in = Shared.file("reference/mlip2/dump600K_frames00-09.cfg");
        Path out = tmp.resolve("pert.cfg");
        assertEquals(0, run("calc-efs", Shared.file("reference/mlip2/pot_perturbed.mtp").toString(), in.toString(), out.toString()).code);
        Run cmp = run("compare", in.toString(), out.toString(), "--tsv", tmp.resolve("c.tsv").toString());
        assertEquals(1, cmp.code);
        String[] lines = cmp.out.strip().split("\n");
        assertTrue(lines[lines.length - 1].endsWith("10 beyond tolerance: FAIL"), cmp.out);
        assertTrue(lines[lines.length - 4].startsWith("worst |dE|/atom   = 3.707e-03 eV/atom in cfg"), cmp.out);
        assertEquals(11, Files.readAllLines(tmp.resolve("c.tsv")).size());
        // loose tolerances pass
        assertEquals(0, run("compare", in.toString(), out.toString(), "--e-tol", "1e-2", "--f-tol", "1e-1", "--s-tol", "10").code);
    }

    /** Numbers of an MLIP-2 report line "... = x". */
    private static final Pattern NUMBER = Pattern.compile("= (\\S+)$");

    private static void assertSameReport(String expected, String actual, boolean roundOffOnly) {
        String[] e = expected.split("\n", -1), a = actual.split("\n", -1);
        assertEquals(e.length, a.length, actual);
        for (int i = 0; i < e.length; i++) {
            Matcher me = NUMBER.matcher(e[i]), ma = NUMBER.matcher(a[i]);
            if (i > 0 && me.find()) {
                assertTrue(ma.find(), "line " + (i + 1) + ": " + a[i]);
                assertEquals(e[i].substring(0, me.start()), a[i].substring(0, ma.start()), "line " + (i + 1));
                double x = Double.parseDouble(me.group(1)), y = Double.parseDouble(ma.group(1));
                if (roundOffOnly) assertTrue(Math.abs(y) < 1e-9, "line " + (i + 1) + ": " + a[i]);
                else assertEquals(x, y, 5e-5 * Math.abs(x), "line " + (i + 1) + ": 5 significant digits: " + e[i] + " vs " + a[i]);
            } else if (i > 0) {
                assertEquals(e[i], a[i], "line " + (i + 1));
            }
        }
    }

    @Test
    void calcErrorsPrintsMlip2sReport() throws Exception {
        Path db = Shared.file("reference/mlip2/dump600K_frames00-09.cfg");
        String pert = Shared.file("reference/mlip2/pot_perturbed.mtp").toString();
        Run r = run("calc-errors", pert, db.toString(), "--tsv", tmp.resolve("e.tsv").toString());
        assertEquals(0, r.code, r.err);
        String expected = Files.readString(Shared.file("reference/mlip2/calc_errors_perturbed_frames00-09.txt"));
        assertEquals("MTPR from " + pert + ", Database: " + db, r.out.split("\n")[0]);
        assertSameReport(expected, r.out, false);
        assertTrue(Files.readString(tmp.resolve("e.tsv")).contains("forces\tcount\t7680"));

        Run z = run("calc-errors", pot(), db.toString());
        assertEquals(0, z.code, z.err);
        assertSameReport(Files.readString(Shared.file("reference/mlip2/calc_errors_frames00-09.txt")), z.out, true);
    }

    @Test
    void infoDescribesTheStudyPotential() {
        Run r = run("info", pot());
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("level              16"), r.out);
        assertTrue(r.out.contains("coefficients       383"), r.out);
        assertTrue(r.out.contains("species            3"), r.out);
        Run j = run("info", pot(), "--json");
        assertTrue(j.out.startsWith("{\"name\": \"MTP1m\", \"species\": 3, \"level\": 16, \"radial_basis_type\": \"RBChebyshev\""), j.out);
        assertTrue(j.out.contains("\"coefficients\": 383"), j.out);
    }

    @Test
    void benchPrintsMicrosecondsPerAtom() {
        Run r = run("bench", pot(), Shared.file("reference/mlip2/edge_cases.cfg").toString(), "--seconds", "0.3", "--max-cfgs", "3");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("µs/atom (wall)"), r.out);
        Run j = run("bench", pot(), Shared.file("reference/mlip2/edge_cases.cfg").toString(), "--seconds", "0.2", "--max-cfgs", "2", "--threads", "1", "--json");
        assertEquals(0, j.code, j.err);
        assertTrue(j.out.matches("\\{\"us_per_atom\": [0-9.]+, .*\"threads\": 1, .*\\}\\n"), j.out);
    }

    @Test
    void everyCoreCommandExplainsItselfAndUnits() {
        for (String c : new String[] {"calc-efs", "calc-errors", "compare", "info", "bench", "convert"}) {
            Run r = run(c, "--help");
            assertEquals(0, r.code, c);
            assertTrue(r.out.contains("Usage: mtpj " + c), r.out);
            assertTrue(r.out.contains("eV") || r.out.contains("Å"), c + " --help names units: " + r.out);
        }
        assertTrue(run("--help").out.contains("calc-efs"));
    }

    /** `mtpj --help` lists only the first description line; picocli warns (on stderr) about an unescaped %. */
    @Test
    void descriptionsHaveAOneLineSummaryAndNoPicocliWarning() {
        String[] mine = {"calc-efs", "calc-errors", "compare", "info", "mindist", "bench", "convert"};
        CommandLine cl = Main.commandLine();
        for (String c : mine) {
            String[] d = cl.getSubcommands().get(c).getCommandSpec().usageMessage().description();
            assertTrue(d.length > 1 && d[0].length() < 75 && !d[0].isBlank(), c + " summary: " + d[0]);
        }
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream stderr = new java.io.ByteArrayOutputStream();
        Run top;
        System.setErr(new java.io.PrintStream(stderr, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            top = run("--help"); // picocli's tracer takes System.err when the CommandLine is made
            for (String c : mine) run(c, "--help");
        } finally {
            System.setErr(saved);
        }
        assertEquals("", stderr.toString(java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(top.out.contains("Compute energies, forces and PlusStress of a .cfg file.\n"), top.out);
        assertFalse(top.out.contains("Positions, types, cell"), "only the summary in the command list");
        assertTrue(run("calc-efs", "--help").out.contains("lossless (%.16e)"));
    }

    @Test
    void emptyConfigurationsAndClustersPassThrough() throws Exception {
        Path in = tmp.resolve("odd.cfg");
        Files.writeString(in, "BEGIN_CFG\n Size\n    0\nEND_CFG\n\nBEGIN_CFG\n Size\n 2\n AtomData: id type cartes_x cartes_y cartes_z\n"
                + " 1 0 0 0 0\n 2 2 1.9 0 0\n Energy\n -10\n PlusStress: xx yy zz yz xz xy\n 0 0 0 0 0 0\nEND_CFG\n");
        Path out = tmp.resolve("odd_out.cfg");
        Run r = run("calc-efs", pot(), in.toString(), out.toString());
        assertEquals(0, r.code, r.err);
        List<Configuration> c = CfgFiles.readAll(out);
        assertEquals(2, c.size());
        assertEquals(0, c.get(0).size);
        assertEquals(0.0, c.get(0).energy);
        assertTrue(c.get(1).forces[0] != 0);
        Run e = run("calc-errors", pot(), in.toString());
        assertEquals(0, e.code, e.err);
        assertTrue(e.err.contains("1 configuration(s) without a 3-D cell left out of the GPa block"), e.err);
        assertTrue(e.out.contains("Stresses (in GPa):\n\tErrors checked for 0 configurations"), e.out);
    }

    @Test
    void badInputGivesOneLineAndExitTwo() throws Exception {
        Path bad = tmp.resolve("bad.cfg");
        Files.writeString(bad, "BEGIN_CFG\n Size\n 1\n AtomData: id type cartes_x cartes_y cartes_z\n 1 0 0 0 zero\nEND_CFG\n");
        Run r = run("calc-efs", pot(), bad.toString(), tmp.resolve("o.cfg").toString());
        assertEquals(2, r.code);
        assertEquals("mtpj: " + bad + ":5: expected a number cartes_z for atom 1 of 1 (row 1, column 5) but found 'zero'\n", r.err);
        Path badPot = tmp.resolve("bad.mtp");
        Files.writeString(badPot, "MTP\nversion = 1.1.0\nspecies_count = x\n");
        Run p = run("info", badPot.toString());
        assertEquals(2, p.code);
        assertEquals("mtpj: " + badPot + ":3: expected species_count (an integer) but found 'x'\n", p.err);
        Run missing = run("calc-errors", tmp.resolve("none.mtp").toString(), bad.toString());
        assertEquals(2, missing.code);
        assertEquals(1, missing.err.strip().split("\n").length, missing.err);
        Path wrongType = tmp.resolve("type.cfg");
        Files.writeString(wrongType, "BEGIN_CFG\n Size\n 1\n AtomData: id type cartes_x cartes_y cartes_z\n 1 7 0 0 0\nEND_CFG\n");
        Run t = run("calc-efs", pot(), wrongType.toString(), tmp.resolve("o.cfg").toString());
        assertEquals(2, t.code);
        assertTrue(t.err.startsWith("mtpj: " + wrongType + ":1: configuration 1: atom 1 has species 7"), t.err);
    }
}
