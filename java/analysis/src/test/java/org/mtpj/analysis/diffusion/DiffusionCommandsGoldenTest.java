package org.mtpj.analysis.diffusion;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtpj.analysis.cli.DiffusionCommand;
import org.mtpj.analysis.cli.DiffusionReportCommand;
import org.mtpj.analysis.cli.MsdCommand;
import org.mtpj.testkit.Shared;
import picocli.CommandLine;

/** The commands end to end: their TSV files against the references (rtol 1e-9), PNGs written. */
class DiffusionCommandsGoldenTest {
    @TempDir Path tmp;

    static int run(Object cmd, String... args) {
        CommandLine cl = new CommandLine(cmd);
        cl.setExecutionExceptionHandler((e, c, p) -> { throw e; });
        return cl.execute(args);
    }

    static Map<String, String[]> rows(Path f, int... keyCols) throws Exception {
        Map<String, String[]> m = new HashMap<>();
        List<String> lines = Files.readAllLines(f);
        for (String l : lines.subList(1, lines.size())) {
            String[] t = l.split("\t", -1);
            StringBuilder k = new StringBuilder();
            // the reference tables print a lag window as 2-50; mtpj prints it as --window reads it, 2:50
            for (int c : keyCols) k.append(t[c].replaceFirst("^(\\d[\\d.]*)-(\\d[\\d.]*)$", "$1:$2")).append('|');
            m.put(k.toString(), t);
        }
        return m;
    }

    static void sameNumbers(Path ref, Path ours, int[] keys, int[] values) throws Exception {
        Map<String, String[]> r = rows(ref, keys), o = rows(ours, keys);
        assertEquals(r.keySet(), o.keySet());
        for (var e : r.entrySet()) {
            for (int c : values) {
                String a = e.getValue()[c], b = o.get(e.getKey())[c];
                if (a.isEmpty() || !Character.isDigit(a.charAt(a.length() - 1))) { assertEquals(a, b); continue; }
                double x = Double.parseDouble(a), y = Double.parseDouble(b);
                assertTrue(Math.abs(x - y) <= 1e-9 * Math.abs(x) + 1e-12, e.getKey() + " col " + c + ": " + a + " vs " + b);
            }
        }
    }

    @Test
    void diffusionCommandWritesTheReferenceLayouts() throws Exception {
        Path dump = Shared.file("data/amorphous-MgV2O5/dump_600K.lammpstrj");
        Path out = tmp.resolve("d");
        assertEquals(0, run(new DiffusionCommand(), dump.toString(), "--species", "Mg", "--types", "Mg,V,O", "--window", "2:50",
                "--window", "10:40", "--window", "20:50", "--case", "600K_dump", "--out", out.toString(), "--quiet"));
        sameNumbers(Shared.file("reference/analysis/correct_600K_D.tsv"), out.resolve("diffusion.tsv"), new int[] {0, 1, 2}, new int[] {3, 4});
        Path refMsd = Shared.file("reference/analysis/correct_600K_msd.tsv");
        List<String> ours = Files.readAllLines(out.resolve("msd.tsv"));
        assertEquals(Files.readAllLines(refMsd).get(0), ours.get(0));
        // lag 0 is exactly 0 (the reference holds FFT noise there); all other lags to 1e-9
        List<String> ref = Files.readAllLines(refMsd);
        for (int k = 2; k < ref.size(); k++) {
            String[] a = ref.get(k).split("\t"), b = ours.get(k).split("\t");
            for (int c = 0; c < a.length; c++)
                assertEquals(Double.parseDouble(a[c]), Double.parseDouble(b[c]), 1e-9 * Math.abs(Double.parseDouble(a[c])), "row " + k);
        }
        assertTrue(Files.size(out.resolve("msd.png")) > 1000);
        String json = Files.readString(out.resolve("diffusion.json"));
        assertTrue(json.contains("\"D_tracer\": 4.605628") && json.contains("\"units\""), json);
    }

    @Test
    void compatCommandWritesCompatTsvAndTable() throws Exception {
        Path dump = Shared.file("data/amorphous-MgV2O5/dump_600K.lammpstrj");
        Path tsv = tmp.resolve("c.tsv"), table = tmp.resolve("t.tsv");
        assertEquals(0, run(new DiffusionCommand(), "--compat", "study", dump.toString(), "--temperature", "600", "--tsv", tsv.toString(),
                "--table", table.toString()));
        Map<String, String[]> r = rows(Shared.file("reference/analysis/compat_600K.tsv"), 0, 1), o = rows(tsv, 0, 1);
        int n = 0;
        for (var e : r.entrySet()) {
            if (!e.getKey().startsWith("600K|")) continue;
            double x = Double.parseDouble(e.getValue()[2]), y = Double.parseDouble(o.get(e.getKey())[2]);
            assertEquals(x, y, 1e-9 * Math.abs(x), e.getKey());
            n++;
        }
        assertEquals(13, n);
        sameNumbers(Shared.file("reference/analysis/compat_600K_table.tsv"), table, new int[] {0}, new int[] {1, 2, 3, 4, 5, 6});
        // explicit parameters equal the built-in ones
        Path tsv2 = tmp.resolve("c2.tsv");
        assertEquals(0, run(new DiffusionCommand(), "--compat", "study", dump.toString(), "--every", "1", "--avg-nsteps", "11",
                "--row-spacing-ps", "300", "--tracer-stop", "4500", "--sigma-stop", "4500", "--case", "600K", "--tsv", tsv2.toString()));
        assertEquals(Files.readAllLines(tsv).stream().map(l -> l.split("\t")[2]).toList(),
                Files.readAllLines(tsv2).stream().map(l -> l.split("\t")[2]).toList());
    }

    @Test
    void msdAndReportCommands() throws Exception {
        Path dump = Shared.file("data/amorphous-MgV2O5/dump_600K.lammpstrj");
        assertEquals(0, run(new MsdCommand(), dump.toString(), "--types", "Mg,V,O", "--out", tmp.resolve("m").toString(), "--quiet"));
        assertTrue(Files.exists(tmp.resolve("m/msd.png")) && Files.exists(tmp.resolve("m/msd_1.svg")));
        assertEquals(0, run(new DiffusionReportCommand(), dump.toString(), "--types", "Mg,V,O", "--window", "10:40", "--temperature", "600",
                "--out", tmp.resolve("r").toString(), "--quiet"));
        String md = Files.readString(tmp.resolve("r/report.md"));
        assertTrue(md.contains("4.6056e-08") && md.contains("3.4309e-06") && md.contains("not physical"), md);
        assertTrue(Files.exists(tmp.resolve("r/report.html")) && Files.exists(tmp.resolve("r/compat.png")));
    }

    @Test
    void helpExplainsTheFitWindowAndUnits() {
        String help = new CommandLine(new DiffusionCommand()).getUsageMessage();
        assertTrue(help.contains("fit window") && help.contains("cm²/s") && help.contains("ps"), help);
    }
}
