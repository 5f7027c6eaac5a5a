package org.mtpj.analysis.cli;

import static org.junit.jupiter.api.Assertions.*;
import static org.mtpj.testkit.Tolerances.ANALYSIS_REFERENCE;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtpj.core.UserError;
import org.mtpj.testkit.Shared;
import picocli.CommandLine;

class LroCommandTest {
    static LroCommand parse(String... args) {
        CommandLine cl = new CommandLine(new LroCommand());
        cl.setOut(new java.io.PrintWriter(new java.io.StringWriter()));
        cl.parseArgs(args);
        return cl.getCommand();
    }

    @Test
    void writesTablesAndPicturesMatchingTheReference(@TempDir Path out) throws Exception {
        Path poscar = Shared.file("data/amorphous-MgV2O5/pylro/POSCAR_300K");
        assertEquals(0, parse(poscar.toString(), "--species", "Mg", "--hkl", "1,-1,0", "--out", out.toString(), "--no-progress").call());
        List<String> ours = Files.readAllLines(out.resolve("POSCAR_300K.tsv"));
        assertEquals("input\tZ\tquantity\tvalue\tdirection_hkl", ours.get(0));
        assertEquals(1 + 1 + 8 * 2 + 4, ours.size());
        assertTrue(ours.get(1).endsWith("\t12\tdims\t4 6 2\t"), ours.get(1));
        assertTrue(ours.get(ours.size() - 1).endsWith("colorbar_ticks\t0.89 0.91 0.93 0.95 0.97\t"));
        List<String> ref = Files.readAllLines(Shared.file("reference/analysis/lro_sphere_300K.tsv"));
        List<String> sphere = Files.readAllLines(out.resolve("POSCAR_300K_sphere.tsv"));
        assertEquals(ref.size(), sphere.size());
        assertEquals(ref.get(0), sphere.get(0));
        for (int k = 1; k < ref.size(); k++) {
            double want = Double.parseDouble(ref.get(k).split("\t")[4]), got = Double.parseDouble(sphere.get(k).split("\t")[4]);
            assertEquals(want, got, ANALYSIS_REFERENCE * want);
        }
        for (String pic : List.of("POSCAR_300K_sphere.png", "POSCAR_300K_sphere.svg"))
            assertTrue(Files.size(out.resolve(pic)) > 10_000, pic);
        assertTrue(Files.readString(out.resolve("POSCAR_300K_sphere.svg")).contains("Order (1 − O)"));
    }

    @Test
    void severalStructuresGiveASummary(@TempDir Path out) throws Exception {
        Path a = Shared.file("data/amorphous-MgV2O5/pylro/S812/POSCAR.1");
        Path b = Shared.file("data/amorphous-MgV2O5/pylro/S812/POSCAR.2");
        assertEquals(0, parse(b.toString(), a.toString(), "--species", "13", "--out", out.toString(), "--plots", "none",
                "--no-progress", "--threads", "2").call());
        List<String> summary = Files.readAllLines(out.resolve("summary.tsv"));
        assertEquals(3, summary.size());
        assertTrue(summary.get(1).startsWith("POSCAR.2\t"));
        assertTrue(summary.get(2).contains("\t0.07586899924999"), summary.get(2));
        assertFalse(Files.exists(out.resolve("POSCAR.1_sphere.png")));
    }

    @Test
    void badInputIsAUserError(@TempDir Path out) {
        Path poscar = Shared.file("data/amorphous-MgV2O5/pylro/POSCAR_300K");
        UserError unknown = assertThrows(UserError.class, () -> parse(poscar.toString(), "--species", "Xq", "--out", out.toString()).call());
        assertTrue(unknown.getMessage().contains("not a chemical element"));
        UserError none = assertThrows(UserError.class, () -> parse(poscar.toString(), "--species", "Al", "--out", out.toString()).call());
        assertTrue(none.getMessage().contains("no Al atoms"), none.getMessage());
        assertThrows(UserError.class, () -> parse(poscar.toString(), "--species", "Mg", "--hkl", "0,0,0", "--out", out.toString()).call());
        assertThrows(UserError.class, () -> parse(out.resolve("missing").toString(), "--species", "Mg", "--out", out.toString()).call());
    }

    @Test
    void dumpFramesGiveATimeSeries(@TempDir Path out) throws Exception {
        Path dump = Shared.file("data/amorphous-MgV2O5/dump_600K.lammpstrj");
        assertEquals(0, parse(dump.toString(), "--species", "Mg", "--types", "Mg,V,O", "--out", out.toString(), "--no-progress").call());
        List<String> series = Files.readAllLines(out.resolve("dump_600K.lammpstrj_timeseries.tsv"));
        assertEquals(27, series.size());
        assertTrue(series.get(0).startsWith("frame\tstep\ttime_ps\tdims\torder_001\t"));
        assertTrue(series.get(2).startsWith("1\t1000\t2.0\t"), series.get(2));
        assertTrue(Files.exists(out.resolve("dump_600K.lammpstrj_timeseries.png")));

        Path one = out.resolve("one");
        assertEquals(0, parse(dump.toString(), "--species", "Mg", "--types", "Mg,V,O", "--frame", "3", "--out", one.toString()).call());
        List<String> single = Files.readAllLines(one.resolve("dump_600K.lammpstrj_frame3.tsv"));
        String order001 = single.get(2).split("\t")[3];
        assertEquals(series.get(4).split("\t")[4], order001); // same numbers as frame 3 of the series
        assertTrue(Files.exists(one.resolve("dump_600K.lammpstrj_frame3_sphere.png")));

        UserError beyond = assertThrows(UserError.class, () -> parse(dump.toString(), "--species", "Mg", "--types", "Mg,V,O",
                "--frame", "26", "--out", out.toString()).call());
        assertTrue(beyond.getMessage().contains("only 26 complete frames"), beyond.getMessage());
        // No type map: a one-line user error (UserError or InputFormatException, both exit 2) asking for --types.
        RuntimeException noTypes = assertThrows(RuntimeException.class, () -> parse(dump.toString(), "--species", "Mg", "--out", out.toString()).call());
        assertTrue(noTypes instanceof UserError || noTypes instanceof org.mtpj.core.io.InputFormatException, noTypes.toString());
        assertTrue(noTypes.getMessage().contains("--types"), noTypes.getMessage());
    }

    @Test
    void xdatcarFramesMatchTheSingleStructure(@TempDir Path out) throws Exception {
        // Two copies of S812/POSCAR.1 (Direct) as an XDATCAR: frame 0 gives the reference O(001).
        List<String> p = Files.readAllLines(Shared.file("data/amorphous-MgV2O5/pylro/S812/POSCAR.1"));
        List<String> x = new java.util.ArrayList<>(p.subList(0, 7));
        for (int k = 1; k <= 2; k++) {
            x.add("Direct configuration=     " + k);
            x.addAll(p.subList(8, 8 + 72));
        }
        Path xdatcar = out.resolve("XDATCAR");
        Files.write(xdatcar, x);
        assertEquals(0, parse(xdatcar.toString(), "--species", "Al", "--out", out.toString(), "--no-progress", "--plots", "none").call());
        List<String> series = Files.readAllLines(out.resolve("XDATCAR_timeseries.tsv"));
        assertEquals(3, series.size());
        double o001 = Double.parseDouble(series.get(1).split("\t")[4]);
        assertEquals(0.07586899924999994, o001, 1e-9 * o001);
        assertEquals(series.get(1).split("\t", 4)[3], series.get(2).split("\t", 4)[3]); // identical frames, identical numbers
    }
}
