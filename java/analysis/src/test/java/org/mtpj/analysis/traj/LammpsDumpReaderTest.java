package org.mtpj.analysis.traj;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtpj.core.io.FastNumbers;
import org.mtpj.core.io.Frame;
import org.mtpj.core.io.InputFormatException;
import org.mtpj.core.io.LammpsDumpReader;
import org.mtpj.core.io.PositionKind;
import org.mtpj.host.LammpsDumpFiles;

class LammpsDumpReaderTest {
    @TempDir Path tmp;

    static final String ORTHO = "ITEM: BOX BOUNDS pp pp pp\n0 10\n0 10\n0 10\n";

    static String frame(long step, String box, String cols, String... rows) {
        StringBuilder b = new StringBuilder("ITEM: TIMESTEP\n" + step + "\nITEM: NUMBER OF ATOMS\n" + rows.length + "\n" + box + "ITEM: ATOMS " + cols + "\n");
        for (String r : rows) b.append(r).append('\n');
        return b.toString();
    }

    static List<Frame> read(String text, List<String> warnings) {
        List<Frame> out = new ArrayList<>();
        try (var r = LammpsDumpReader.of(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), "t.dump", warnings::add)) {
            for (Frame f; (f = r.next()) != null; ) out.add(f);
        }
        return out;
    }

    static double[] byId(Frame f, int id) {
        for (int r = 0; r < f.size; r++) if (f.ids[r] == id) return new double[] {f.positions[3 * r], f.positions[3 * r + 1], f.positions[3 * r + 2]};
        throw new AssertionError("no id " + id);
    }

    @Test
    void columnsInAnyOrderExtraColumnsIgnoredRowsUnsorted() {
        String t = frame(0, ORTHO, "c_pe z type id y x element", "9.5 3.0 2 7 2.0 1.0 O", "0.1 6.0 1 3 5.0 4.0 Mg");
        List<String> w = new ArrayList<>();
        Frame f = read(t, w).get(0);
        assertEquals(List.of(), w);
        assertArrayEquals(new double[] {1, 2, 3}, byId(f, 7));
        assertArrayEquals(new double[] {4, 5, 6}, byId(f, 3));
        assertEquals(3, f.ids[f.orderById()[0]]);
        assertEquals("Mg", f.elements[1]);
        assertEquals(PositionKind.WRAPPED, f.kind);
        String[] sp = new SpeciesMap(null).speciesById(f);
        assertArrayEquals(new String[] {"Mg", "O"}, sp);
        assertArrayEquals(new String[] {"Mg", "V"}, new SpeciesMap(List.of("Mg", "V", "O")).speciesById(f));
    }

    @Test
    void triclinicBoundsAndScaledColumns() {
        // xy=1, xz=-2, yz=0.5: bounds hold the bounding box
        String box = "ITEM: BOX BOUNDS xy xz yz pp pp pp\n-2 11 1\n0 8.5 -2\n0 6 0.5\n";
        Frame f = read(frame(5, box, "id type xs ys zs", "1 1 0.5 0.5 0.5", "2 1 0 0 0"), new ArrayList<>()).get(0);
        // xlo = -2 - min(0,1,-2,-1) = 0, xhi = 11 - max(0,1,-2,-1) = 10, ylo = 0, yhi = 8.5 - 0.5 = 8
        assertArrayEquals(new double[] {10, 0, 0}, f.cell.row(0));
        assertArrayEquals(new double[] {1, 8, 0}, f.cell.row(1));
        assertArrayEquals(new double[] {-2, 0.5, 6}, f.cell.row(2));
        assertArrayEquals(new double[] {0, 0, 0}, byId(f, 2), 1e-15);
        assertArrayEquals(new double[] {(10 + 1 - 2) / 2.0, (8 + 0.5) / 2, 3}, byId(f, 1), 1e-12);
    }

    @Test
    void zeroTiltTriclinicEqualsOrthogonal() {
        String tri = "ITEM: BOX BOUNDS xy xz yz pp pp pp\n0 10 0\n0 10 0\n0 10 0\n";
        String[] rows = {"1 1 9.9 0.1 5", "2 2 0.1 9.9 5"};
        String[] rows2 = {"1 1 0.1 0.2 5", "2 2 9.8 9.7 5"};
        List<Frame> a = read(frame(0, tri, "id type x y z", rows) + frame(10, tri, "id type x y z", rows2), new ArrayList<>());
        List<Frame> b = read(frame(0, ORTHO, "id type x y z", rows) + frame(10, ORTHO, "id type x y z", rows2), new ArrayList<>());
        Unwrapper ua = new Unwrapper(s -> {}), ub = new Unwrapper(s -> {});
        for (int i = 0; i < 2; i++) assertArrayEquals(ub.unwrap(b.get(i)), ua.unwrap(a.get(i)), 0);
    }

    @Test
    void unwrappingRules() {
        // minimum image: atom 1 crosses x = 10 -> 0
        String t = frame(0, ORTHO, "id type x y z", "1 1 9.9 5 5") + frame(1, ORTHO, "id type x y z", "1 1 0.1 5 5")
                + frame(2, ORTHO, "id type x y z", "1 1 0.3 5 5");
        Unwrapper u = new Unwrapper(s -> fail(s));
        List<Frame> fr = read(t, new ArrayList<>());
        u.unwrap(fr.get(0));
        assertEquals(10.1, u.unwrap(fr.get(1))[0], 1e-12);
        assertEquals(10.3, u.unwrap(fr.get(2))[0], 1e-12);
        // image flags
        Frame im = read(frame(0, ORTHO, "id type x y z ix iy iz", "1 1 1 2 3 1 -1 2"), new ArrayList<>()).get(0);
        assertEquals(PositionKind.WRAPPED_WITH_IMAGES, im.kind);
        assertArrayEquals(new double[] {11, -8, 23}, new Unwrapper(s -> {}).unwrap(im), 1e-12);
        // unwrapped columns win over wrapped ones
        Frame uw = read(frame(0, ORTHO, "id type x y z xu yu zu", "1 1 1 2 3 21 22 23"), new ArrayList<>()).get(0);
        assertEquals(PositionKind.UNWRAPPED, uw.kind);
        assertArrayEquals(new double[] {21, 22, 23}, new Unwrapper(s -> {}).unwrap(uw), 0);
        // a jump of more than 0.4 box lengths warns
        List<String> w = new ArrayList<>();
        Unwrapper uj = new Unwrapper(w::add);
        List<Frame> j = read(frame(0, ORTHO, "id type x y z", "1 1 1 5 5") + frame(1, ORTHO, "id type x y z", "1 1 5.5 5 5"), new ArrayList<>());
        uj.unwrap(j.get(0));
        uj.unwrap(j.get(1));
        assertEquals(1, w.size());
        assertTrue(w.get(0).contains("t.dump:"), w.get(0));
    }

    @Test
    void gzipIsReadTransparently() throws Exception {
        String t = frame(0, ORTHO, "id type x y z", "1 1 1 2 3") + frame(1000, ORTHO, "id type x y z", "1 1 1.5 2 3");
        Path gz = tmp.resolve("d.lammpstrj.gz");
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        try (var z = new GZIPOutputStream(bo)) { z.write(t.getBytes(StandardCharsets.US_ASCII)); }
        Files.write(gz, bo.toByteArray());
        List<Frame> fr = new ArrayList<>();
        try (var r = LammpsDumpFiles.open(gz, s -> fail(s))) {
            for (Frame f; (f = r.next()) != null; ) fr.add(f);
        }
        assertEquals(2, fr.size());
        assertEquals(1000, fr.get(1).step);
        assertEquals(1.5, fr.get(1).positions[0]);
    }

    @Test
    void truncatedLastFrameWarnsAndKeepsCompleteFrames() {
        String good = frame(0, ORTHO, "id type x y z", "1 1 1 2 3", "2 1 4 5 6") + frame(1, ORTHO, "id type x y z", "1 1 1 2 3", "2 1 4 5 6");
        for (String cut : new String[] {"ITEM: TIMESTEP\n2\nITEM: NUMBER OF ATOMS\n2\n" + ORTHO + "ITEM: ATOMS id type x y z\n1 1 1 2 3\n2 1 4",
                "ITEM: TIMESTEP\n2\nITEM: NUMBER", "ITEM: TIMESTEP\n", "ITEM: TIMESTEP\n2\n", "ITEM: TIMESTEP\n2\nITEM: NUMBER OF ATOMS\n2\n" + ORTHO + "ITEM: ATOMS id type x y z\n1 1 1 2 3\n2 1 4 5."}) {
            List<String> w = new ArrayList<>();
            List<Frame> fr = read(good + cut, w);
            assertEquals(2, fr.size(), cut);
            assertEquals(1, w.size());
            assertTrue(w.get(0).matches("warning: t\\.dump:\\d+: .*keeping 2 complete frames"), w.get(0));
        }
    }

    @Test
    void faultInTheLastFrameIsAnErrorLikeInAnyOther() {
        String good = frame(0, ORTHO, "id type x y z", "1 1 1 2 3", "2 1 4 5 6");
        String[][] cases = {
                {frame(1, ORTHO, "id type x y z", "1 1 1 2 3", "2 1 4 x 6"), "t.dump:22: ", "'x'"},
                {frame(1, ORTHO, "id type x y z", "0 1 1 2 3", "2 1 4 5 6"), "t.dump:21: ", "atom id 0"},
                {frame(1, ORTHO, "id type x y z", "1 1 1 2 3", "-2 1 4 5 6"), "t.dump:22: ", "atom id -2"},
                {frame(1, "ITEM: BOX BOUNDS pp pp pp\n0 10\n0 0\n0 10\n", "id type x y z", "1 1 1 2 3", "2 1 4 5 6"), "t.dump:19: ", "zero or negative size"},
                {frame(1, ORTHO, "id type x y z", "1 1 1 2 3", "2 1 4 5"), "t.dump:22: ", "expected 5 columns"},
                {frame(1, ORTHO, "id type x y", "1 1 1 2", "2 1 4 5"), "t.dump:20: ", "no complete set of position columns"}};
        for (String[] c : cases) {
            List<String> w = new ArrayList<>();
            InputFormatException e = assertThrows(InputFormatException.class, () -> read(good + c[0], w), c[0]);
            assertTrue(e.getMessage().startsWith(c[1]) && e.getMessage().contains(c[2]), e.getMessage());
            assertEquals(List.of(), w);
        }
    }

    @Test
    void cutGzipIsATruncatedLastFrame() throws Exception {
        StringBuilder t = new StringBuilder();
        Random rnd = new Random(3);
        for (int s = 0; s < 40; s++) {
            String[] rows = new String[50];
            for (int i = 0; i < rows.length; i++) rows[i] = (i + 1) + " 1 " + rnd.nextDouble() * 10 + " " + rnd.nextDouble() * 10 + " " + rnd.nextDouble() * 10;
            t.append(frame(s, ORTHO, "id type x y z", rows));
        }
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        try (var z = new GZIPOutputStream(bo)) { z.write(t.toString().getBytes(StandardCharsets.US_ASCII)); }
        byte[] cut = java.util.Arrays.copyOf(bo.toByteArray(), bo.size() / 2);
        List<String> w = new ArrayList<>();
        int n = 0;
        try (var r = LammpsDumpReader.of(new ByteArrayInputStream(cut), "t.dump.gz", w::add)) {
            while (r.next() != null) n++;
        }
        assertTrue(n > 5 && n < 40, "frames " + n);
        assertEquals(1, w.size());
        assertTrue(w.get(0).contains("compressed data ends early"), w.get(0));
    }

    @Test
    void badFrameInTheMiddleIsAnErrorWithLine() {
        String f0 = frame(0, ORTHO, "id type x y z", "1 1 1 2 3", "2 1 4 5 6");
        String bad = frame(1, ORTHO, "id type x y z", "1 1 1 2 3", "2 1 4 oops 6");
        String f2 = frame(2, ORTHO, "id type x y z", "1 1 1 2 3", "2 1 4 5 6");
        InputFormatException e = assertThrows(InputFormatException.class, () -> read(f0 + bad + f2, new ArrayList<>()));
        assertTrue(e.getMessage().startsWith("t.dump:22: "), e.getMessage());
        assertTrue(e.getMessage().contains("oops"));
        // a frame with a missing row: the next frame's header is read as a row
        String shortFrame = "ITEM: TIMESTEP\n1\nITEM: NUMBER OF ATOMS\n3\n" + ORTHO + "ITEM: ATOMS id type x y z\n1 1 1 2 3\n2 1 4 5 6\n";
        e = assertThrows(InputFormatException.class, () -> read(f0 + shortFrame + f2, new ArrayList<>()));
        assertTrue(e.getMessage().startsWith("t.dump:"), e.getMessage());
    }

    @Test
    void emptyAndBinaryInputAreClearErrors() {
        InputFormatException e = assertThrows(InputFormatException.class, () -> read("", new ArrayList<>()));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        byte[] junk = new byte[3000];
        new Random(1).nextBytes(junk);
        assertThrows(InputFormatException.class, () -> read(new String(junk, StandardCharsets.ISO_8859_1), new ArrayList<>()));
    }

    @Test
    void atomSetMustNotChange() {
        String t = frame(0, ORTHO, "id type x y z", "1 1 1 2 3", "2 1 4 5 6") + frame(1, ORTHO, "id type x y z", "1 1 1 2 3");
        List<Frame> fr = read(t, new ArrayList<>());
        Unwrapper u = new Unwrapper(s -> {});
        u.unwrap(fr.get(0));
        InputFormatException e = assertThrows(InputFormatException.class, () -> u.unwrap(fr.get(1)));
        assertTrue(e.getMessage().contains("number of atoms changed from 2 to 1"), e.getMessage());
        Frame dup = read(frame(0, ORTHO, "id type x y z", "1 1 1 2 3", "1 1 4 5 6"), new ArrayList<>()).get(0);
        assertThrows(InputFormatException.class, dup::orderById);
    }

    @Test
    void wrongTypeMapNamesTheTypes() {
        Frame f = read(frame(0, ORTHO, "id type x y z", "1 4 1 2 3"), new ArrayList<>()).get(0);
        InputFormatException e = assertThrows(InputFormatException.class, () -> new SpeciesMap(List.of("Mg", "V", "O")).speciesById(f));
        assertTrue(e.getMessage().contains("type 4") && e.getMessage().contains("Mg,V,O"), e.getMessage());
    }

    @Test
    void fastNumbersEqualDoubleParseDouble() {
        Random r = new Random(42);
        for (int i = 0; i < 200_000; i++) {
            String s = switch (i % 4) {
                case 0 -> Double.toString((r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(20) - 10));
                case 1 -> String.format("%.6g", (r.nextDouble() - 0.5) * 100);
                case 2 -> String.format("%." + r.nextInt(18) + "e", r.nextGaussian() * 1e3);
                default -> (r.nextBoolean() ? "-" : "") + r.nextInt(100000) + "." + r.nextInt(1000000);
            };
            byte[] b = s.getBytes(StandardCharsets.US_ASCII);
            assertEquals(Double.parseDouble(s), FastNumbers.parseDouble(b, 0, b.length), 0, s);
        }
        for (String bad : new String[] {"", "-", "1e", "NaN", "Infinity", "0x1p3", "1.0f", "1..2", "e5", "."}) {
            byte[] b = bad.getBytes(StandardCharsets.US_ASCII);
            assertTrue(Double.isNaN(FastNumbers.parseDouble(b, 0, b.length)), bad);
        }
    }

    @Test
    void frameToStructureGroupsSpeciesAndRoundTripsThroughPoscar() {
        String box = "ITEM: BOX BOUNDS pp pp pp\n1 11\n0 10\n0 10\n";
        Frame f = read(frame(0, box, "id type x y z", "3 2 2 2 2", "1 1 5 5 5", "2 2 3 3 3"), new ArrayList<>()).get(0);
        var s = StructureFrames.toStructure(f, new SpeciesMap(List.of("Mg", "O")), "from dump");
        assertEquals(List.of("Mg", "O"), s.speciesOrder());
        assertArrayEquals(new int[] {1, 2}, s.counts());
        assertArrayEquals(new double[] {4, 5, 5}, s.cartesian(0), 1e-15);
        assertArrayEquals(new double[] {2, 3, 3}, s.cartesian(1), 1e-15); // id 2 before id 3
        String text = new org.mtpj.core.io.PoscarWriter().toString(s);
        var back = org.mtpj.core.io.PoscarReader.parse(new org.mtpj.core.io.TextLines(
                new java.io.BufferedReader(new java.io.StringReader(text)), "x"), null);
        assertArrayEquals(s.cartesian(2), back.cartesian(2), 1e-9);
    }

    @Test
    void massWeightedDriftUsesTheMassColumn() {
        // framework: a heavy atom (mass 3) moving +1 and a light one (mass 1) still: mass-weighted centre moves 0.75
        String c = "id type mass x y z";
        String t = frame(0, ORTHO, c, "1 1 24.3 5 5 5", "2 2 3 1 1 1", "3 2 1 2 2 2")
                + frame(1, ORTHO, c, "1 1 24.3 5 5 5", "2 2 3 2 1 1", "3 2 1 2 2 2")
                + frame(2, ORTHO, c, "1 1 24.3 5 5 5", "2 2 3 3 1 1", "3 2 1 2 2 2");
        var species = new SpeciesMap(List.of("Mg", "O"));
        java.util.Set<String> mg = java.util.Set.of("Mg");
        try (var r = LammpsDumpReader.of(new ByteArrayInputStream(t.getBytes(StandardCharsets.US_ASCII)), "m.dump", w -> {})) {
            MobileTrajectory m = MobileTrajectory.load(r, species, mg, DriftCorrection.FRAMEWORK_MASS, 1, w -> {}, null);
            assertEquals(5 - 0.75 * 2, m.positions[2][0], 1e-12);
        }
        try (var r = LammpsDumpReader.of(new ByteArrayInputStream(t.getBytes(StandardCharsets.US_ASCII)), "m.dump", w -> {})) {
            MobileTrajectory m = MobileTrajectory.load(r, species, mg, DriftCorrection.FRAMEWORK, 1, w -> {}, null);
            assertEquals(5 - 0.5 * 2, m.positions[2][0], 1e-12);
        }
    }

    @Test
    void forcesOnlyWhenAskedAndPresent() {
        String t = frame(5, ORTHO, "id type x y z fz fx fy", "2 1 1 2 3 -0.5 1.5 2.5", "1 2 4 5 6 3e-1 -1 0");
        assertNull(read(t, new ArrayList<>()).get(0).forces, "off by default");
        List<Frame> fs = new ArrayList<>();
        try (var r = LammpsDumpReader.of(new ByteArrayInputStream(t.getBytes(StandardCharsets.ISO_8859_1)), "t.dump", w -> { }).keepForces()) {
            for (Frame f; (f = r.next()) != null; ) fs.add(f);
        }
        Frame f = fs.get(0);
        assertArrayEquals(new double[] {1.5, 2.5, -0.5, -1, 0, 0.3}, f.forces, "fx fy fz per row, in file order");
        String partial = frame(5, ORTHO, "id type x y z fx fy", "1 1 1 2 3 1 2");
        try (var r = LammpsDumpReader.of(new ByteArrayInputStream(partial.getBytes(StandardCharsets.ISO_8859_1)), "t.dump", w -> { }).keepForces()) {
            assertNull(r.next().forces, "no fz: no forces");
        }
        String bad = frame(5, ORTHO, "id type x y z fx fy fz", "1 1 1 2 3 1 2 x3") + frame(6, ORTHO, "id type x y z fx fy fz", "1 1 1 2 3 1 2 3");
        try (var r = LammpsDumpReader.of(new ByteArrayInputStream(bad.getBytes(StandardCharsets.ISO_8859_1)), "t.dump", w -> { }).keepForces()) {
            InputFormatException e = assertThrows(InputFormatException.class, r::next);
            assertEquals("t.dump:10: expected a number (force), found 'x3'", e.getMessage());
        }
    }
}
