package org.mtpj.core.io;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtpj.core.model.Structure;
import org.mtpj.testkit.Shared;

class PoscarReaderTest {
    @TempDir Path tmp;

    static Structure parse(String text, List<String> symbols) {
        return PoscarReader.parse(new TextLines(new BufferedReader(new StringReader(text)), "test.vasp"), symbols);
    }

    @Test
    void readsStudyContcarAndRewritesItByteForByte() throws Exception {
        Path f = Shared.file("data/amorphous-MgV2O5/study_msd/600K/vasp_files_600/CONTCAR1");
        Structure s = TestFiles.readPoscar(f);
        assertEquals(96, s.size());
        assertEquals(List.of("Mg", "V", "O"), s.speciesOrder());
        assertArrayEquals(new int[] {12, 24, 60}, s.counts());
        assertEquals("Mg", s.symbol(11));
        assertEquals("V", s.symbol(12));
        assertEquals(12, s.atomicNumber(0));
        assertEquals(0.462583, s.fractional(0)[0], 0);
        assertEquals(0.462583 * 17.619660, s.cartesian(0)[0], 1e-12);
        String again = new PoscarWriter().decimals(6).toString(s);
        assertEquals(Files.readString(f), again);
    }

    @Test
    void readsLowercaseDirectWithLabelsAndKeepsValuesOutsideUnitCell() {
        Path dir = Shared.file("data/amorphous-MgV2O5/study_msd/1200K/fileterd_vasp_files_1200K");
        Path any = dir.toFile().listFiles()[0].toPath();
        Structure s = TestFiles.readPoscar(any);
        assertEquals(96, s.size());
        // these files store Cartesian values as "direct": kept as written, far outside [0,1)
        double max = 0;
        for (double[] f : s.fractional()) max = Math.max(max, f[0]);
        assertTrue(max > 1.5, "values kept as written");
    }

    @Test
    void cartesianScaledSelectiveDynamics() {
        String t = "test\n2.0\n1 0 0\n0 2 0\n0 0 3\nSi O\n1 1\nSelective dynamics\nCartesian\n"
                + "0.5 0.5 0.5 T F T\n0.25 0 0 F F F\n";
        Structure s = parse(t, null);
        assertArrayEquals(new double[] {2, 0, 0}, s.cell().row(0));
        assertArrayEquals(new double[] {1, 1, 1}, s.cartesian(0), 1e-15);
        assertArrayEquals(new double[] {0.5, 0.25, 1.0 / 6}, s.fractional(0), 1e-15);
        assertTrue(s.selectiveDynamics()[0][0]);
        assertFalse(s.selectiveDynamics()[0][1]);
        String out = new PoscarWriter().decimals(4).toString(s);
        assertTrue(out.contains("Selective dynamics\nDirect\n0.5000 0.2500 0.1667 T F T\n"), out);
    }

    @Test
    void negativeScaleIsTargetVolume() {
        String t = "c\n-64\n1 0 0\n0 1 0\n0 0 1\nH\n1\nDirect\n0.5 0.5 0.5\n";
        Structure s = parse(t, null);
        assertEquals(64, s.cell().volume(), 1e-9);
        assertArrayEquals(new double[] {2, 2, 2}, s.cartesian(0), 1e-12);
    }

    @Test
    void vasp4SymbolsFromListOrComment() {
        String t = "Mg2 O2 made by hand\n1.0\n4 0 0\n0 4 0\n0 0 4\n2 2\nD\n0 0 0\n.5 .5 .5\n0 .5 0\n.5 0 .5\n";
        assertEquals(List.of("Mg", "O"), parse(t, null).speciesOrder());
        assertEquals(List.of("Ca", "S"), parse(t, List.of("Ca", "S")).speciesOrder());
        String noNames = "some structure\n1.0\n4 0 0\n0 4 0\n0 0 4\n1\nD\n0 0 0\n";
        InputFormatException e = assertThrows(InputFormatException.class, () -> parse(noNames, null));
        assertTrue(e.getMessage().startsWith("test.vasp:6:"), e.getMessage());
    }

    @Test
    void errorsNameFileAndLine() {
        String shortRow = "c\n1.0\n1 0 0\n0 1 0\n0 0 1\nH\n2\nDirect\n0 0 0\n0.5 0.5\n";
        InputFormatException e = assertThrows(InputFormatException.class, () -> parse(shortRow, null));
        assertTrue(e.getMessage().startsWith("test.vasp:10:"), e.getMessage());
        String truncated = "c\n1.0\n1 0 0\n0 1 0\n0 0 1\nH\n2\nDirect\n0 0 0\n";
        e = assertThrows(InputFormatException.class, () -> parse(truncated, null));
        assertTrue(e.getMessage().contains("end of file"), e.getMessage());
        String badMode = "c\n1.0\n1 0 0\n0 1 0\n0 0 1\nH\n1\nXyz\n0 0 0\n";
        e = assertThrows(InputFormatException.class, () -> parse(badMode, null));
        assertTrue(e.getMessage().startsWith("test.vasp:8:"), e.getMessage());
        String flat = "c\n1.0\n1 0 0\n0 1 0\n0 0 0\nH\n1\nD\n0 0 0\n";
        assertThrows(InputFormatException.class, () -> parse(flat, null));
    }

    @Test
    void emptyAndBinaryFiles() throws Exception {
        Path empty = tmp.resolve("EMPTY");
        Files.writeString(empty, "");
        InputFormatException e = assertThrows(InputFormatException.class, () -> TestFiles.readPoscar(empty));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        Path bin = tmp.resolve("BIN");
        Files.write(bin, new byte[] {1, 2, 3, 0, (byte) 0xff, 10, 20});
        assertThrows(InputFormatException.class, () -> TestFiles.readPoscar(bin));
    }

    @Test
    void fixedFormattingRoundsLikePrintf() {
        assertEquals("0.125000", CNumbers.fixed(0.125, 0, 6));
        assertEquals("-0.000000", CNumbers.fixed(-1e-9, 0, 6));
        assertEquals("0.000001", CNumbers.fixed(0.0000005000000000001, 0, 6));
        // 0.0000005 is stored slightly below 5e-7: printf gives 0.000000
        assertEquals("0.000000", CNumbers.fixed(0.0000005, 0, 6));
        assertEquals("17.619660", CNumbers.fixed(17.61966, 0, 6));
    }
}
