package org.mtpj.analysis.traj;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtpj.core.io.Frame;
import org.mtpj.core.io.InputFormatException;
import org.mtpj.core.io.TextLines;
import org.mtpj.core.io.TrajectoryReader;
import org.mtpj.core.io.XdatcarReader;

class StructureSeriesTest {
    @TempDir Path tmp;

    static final String HEAD = "MgO\n1.0\n4 0 0\n0 4 0\n0 0 4\nMg O\n1 1\n";

    static List<Frame> xdatcar(String text, List<String> warnings) {
        List<Frame> out = new ArrayList<>();
        try (var r = new XdatcarReader(new TextLines(new BufferedReader(new StringReader(text)), "XDATCAR"), null, warnings::add)) {
            for (Frame f; (f = r.next()) != null; ) out.add(f);
        }
        return out;
    }

    @Test
    void xdatcarFixedCell() {
        String t = HEAD + "Direct configuration=     1\n0 0 0\n0.5 0.5 0.5\nDirect configuration=     2\n0.1 0 0\n0.5 0.5 0.5\n";
        List<Frame> f = xdatcar(t, new ArrayList<>());
        assertEquals(2, f.size());
        assertEquals(2, f.get(1).step);
        assertEquals(0.4, f.get(1).positions[0], 1e-15);
        assertEquals("O", f.get(0).elements[1]);
    }

    @Test
    void xdatcarVariableCellRepeatsHeader() {
        String t = HEAD + "Direct configuration=     1\n0 0 0\n0.5 0.5 0.5\n"
                + "MgO\n1.0\n5 0 0\n0 5 0\n0 0 5\nMg O\n1 1\nDirect configuration=     2\n0.5 0 0\n0.5 0.5 0.5\n";
        List<Frame> f = xdatcar(t, new ArrayList<>());
        assertEquals(5, f.get(1).cell.get(0, 0));
        assertEquals(2.5, f.get(1).positions[0], 1e-15);
    }

    @Test
    void xdatcarTruncatedLastBlockWarns() {
        String t = HEAD + "Direct configuration=     1\n0 0 0\n0.5 0.5 0.5\nDirect configuration=     2\n0.1 0 0\n";
        List<String> w = new ArrayList<>();
        assertEquals(1, xdatcar(t, w).size());
        assertEquals(1, w.size());
        assertTrue(w.get(0).contains("XDATCAR:"), w.get(0));
    }

    @Test
    void xdatcarFaultInTheLastBlockIsAnError() {
        String t = HEAD + "Direct configuration=     1\n0 0 0\n0.5 0.5 0.5\nDirect configuration=     2\n0.1 0 0\n0.5 oops 0.5\n";
        List<String> w = new ArrayList<>();
        InputFormatException e = assertThrows(InputFormatException.class, () -> xdatcar(t, w));
        assertTrue(e.getMessage().startsWith("XDATCAR:13: ") && e.getMessage().contains("oops"), e.getMessage());
        assertEquals(List.of(), w);
    }

    @Test
    void poscarSeriesIsNumericallyOrderedAndCellsMustMatch() throws Exception {
        for (int i : new int[] {10, 2, 1}) {
            Files.writeString(tmp.resolve("CONTCAR" + i), HEAD + "Direct\n" + (i / 100.0) + " 0 0\n0.5 0.5 0.5\n");
        }
        List<Path> order = PoscarSeriesReader.numericOrder(TrajectoryFiles.structureFilesIn(tmp));
        assertEquals(List.of("CONTCAR1", "CONTCAR2", "CONTCAR10"), order.stream().map(p -> p.getFileName().toString()).toList());
        try (TrajectoryReader r = TrajectoryFiles.open(List.of(tmp), null, s -> {})) {
            assertEquals(0.04, r.next().positions[0], 1e-15);
            assertEquals(0.08, r.next().positions[0], 1e-15);
            assertEquals(0.4, r.next().positions[0], 1e-15);
            assertNull(r.next());
        }
        Files.writeString(tmp.resolve("CONTCAR3"), HEAD.replace("0 0 4", "0 0 4.5") + "Direct\n0 0 0\n0.5 0.5 0.5\n");
        InputFormatException e = assertThrows(InputFormatException.class, () -> {
            try (TrajectoryReader r = TrajectoryFiles.open(List.of(tmp), null, s -> {})) {
                while (r.next() != null) { }
            }
        });
        assertTrue(e.getMessage().contains("CONTCAR3:3: the cell differs"), e.getMessage());
    }

    static List<Frame> extxyz(String text, List<String> warnings) {
        List<Frame> out = new ArrayList<>();
        try (var r = new ExtxyzReader(new TextLines(new BufferedReader(new StringReader(text)), "t.xyz"), warnings::add, -1)) {
            for (Frame f; (f = r.next()) != null; ) out.add(f);
        }
        return out;
    }

    @Test
    void extxyzFramesWithExtraProperties() {
        String fr = "2\nLattice=\"4 0 0 0 4 0 0 0 4\" Properties=species:S:1:pos:R:3:forces:R:3 energy=-3.2 pbc=\"T T T\" step=%d\n"
                + "Mg 0 0 %s 0.1 0.2 0.3\nO 2 2 2 0 0 0\n";
        List<String> w = new ArrayList<>();
        List<Frame> f = extxyz(String.format(fr, 0, "0") + String.format(fr, 10, "0.5") + "2\nLattice=\"4 0 0", w);
        assertEquals(2, f.size());
        assertEquals(1, w.size());
        assertEquals(10, f.get(1).step);
        assertEquals(0.5, f.get(1).positions[2]);
        assertEquals("O", f.get(0).elements[1]);
        assertEquals(2, f.get(0).types[1]);
        assertThrows(InputFormatException.class, () -> extxyz("2\nno lattice here\nMg 0 0 0\nO 1 1 1\n", new ArrayList<>()));
        // a wrong value in the last frame is an error, not a truncation
        String bad = String.format(fr, 0, "0") + String.format(fr, 10, "nan?");
        InputFormatException e = assertThrows(InputFormatException.class, () -> extxyz(bad, new ArrayList<>()));
        assertTrue(e.getMessage().startsWith("t.xyz:7: ") && e.getMessage().contains("nan?"), e.getMessage());
    }
}
