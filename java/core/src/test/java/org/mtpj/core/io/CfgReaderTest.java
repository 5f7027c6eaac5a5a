package org.mtpj.core.io;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtpj.core.model.Configuration;

class CfgReaderTest {
    private final List<String> warnings = new ArrayList<>();

    private List<Configuration> read(String text) {
        try (CfgReader r = CfgReader.of(new java.io.StringReader(text), "t.cfg", warnings::add)) {
            List<Configuration> out = new ArrayList<>();
            for (Configuration c; (c = r.next()) != null; ) out.add(c);
            return out;
        }
    }

    private Configuration one(String text) {
        List<Configuration> l = read(text);
        assertEquals(1, l.size());
        return l.get(0);
    }

    private static String errorOf(String text) {
        return assertThrows(InputFormatException.class, () -> CfgReader.parse(text, "t.cfg", TestFiles::unexpected)).getMessage();
    }

    static final String TWO_ATOMS = """
            BEGIN_CFG
            Size
            2
            Supercell
             4 0 0
             0 4 0
             0 0 4
            AtomData: id type cartes_x cartes_y cartes_z
             1 0 0 0 0
             2 0 2 2 2
            END_CFG
            """;

    @Test
    void atomIdsArePositiveAndDistinct() {
        assertEquals("t.cfg:10: expected a positive atom id for atom 2 but found '0'", errorOf(TWO_ATOMS.replace(" 2 0 2 2 2", " 0 0 2 2 2")));
        assertEquals("t.cfg:9: expected a positive atom id for atom 1 but found '-1'", errorOf(TWO_ATOMS.replace(" 1 0 0 0 0", " -1 0 0 0 0")));
        assertTrue(errorOf(TWO_ATOMS.replace(" 1 0 0 0 0", " 2 0 0 0 0")).contains("expected distinct atom ids but id 2 appears twice"));
    }

    @Test
    void anEmptyFileIsAnErrorOnlyWhenAConfigurationIsNeeded() {
        assertEquals(List.of(), read(""));
        for (String empty : new String[] {"", "\n\n  \n"}) {
            InputFormatException e = assertThrows(InputFormatException.class,
                    () -> CfgReader.of(new java.io.StringReader(empty), "e.cfg", TestFiles::unexpected).nonEmpty().next());
            assertTrue(e.getMessage().matches("e\\.cfg:\\d+: no configurations in the file, expected at least one BEGIN_CFG \\.\\.\\. END_CFG"), e.getMessage());
        }
    }

    @Test
    void anAllZeroSupercellRowIsNonPeriodicWithAWarningNamingTheLine() {
        Configuration c = one(TWO_ATOMS.replace(" 0 4 0", " 0 0 0"));
        assertFalse(c.isPeriodic(1));
        assertTrue(c.isPeriodic(0) && c.isPeriodic(2));
        assertEquals(List.of("t.cfg:6: Supercell row 2 is all zero: the configuration is not periodic along it (MLIP-2's meaning)"), warnings);
    }

    @Test
    void everyColumnVariantInAnyOrder() {
        Configuration c = one("""
                BEGIN_CFG
                Size
                2
                SuperCell
                 2 0 0
                 0 4 0
                 0 0 5
                Atomic_data: fz fy fx charge site_en direct_z direct_y direct_x type id nbh_grades
                 1 2 3 0.5 -1.5 0.5 0.25 0.5 2 1 7.5
                 4 5 6 -0.5 -2.5 0 0 0 1 2 8.5
                Energy
                -4
                END_CFG
                """);
        assertEquals(2, c.size);
        assertArrayEquals(new double[] {1, 1, 2.5, 0, 0, 0}, c.positions);
        assertArrayEquals(new double[] {3, 2, 1, 6, 5, 4}, c.forces);
        assertArrayEquals(new double[] {0.5, -0.5}, c.charges);
        assertArrayEquals(new double[] {-1.5, -2.5}, c.siteEnergies);
        assertArrayEquals(new int[] {2, 1}, c.types);
        assertArrayEquals(new int[] {1, 2}, c.ids);
        assertArrayEquals(new double[] {7.5, 8.5}, c.extraColumns.get("nbh_grades"));
        assertEquals(-4, c.energy);
        assertEquals(3, c.latticeRows);
        assertTrue(warnings.stream().anyMatch(w -> w.contains("nbh_grades")), warnings.toString());
    }

    @Test
    void typeDefaultsToZeroAndCellRowsZeroToThree() {
        String atoms = "AtomData: cartes_x cartes_y cartes_z\n 0 0 0\n";
        assertEquals(0, one("BEGIN_CFG Size 1 " + atoms + "END_CFG").latticeRows);
        Configuration one = one("BEGIN_CFG Size 1 Supercell 3 0 0 " + atoms + "END_CFG");
        assertEquals(1, one.latticeRows);
        assertTrue(one.isPeriodic(0));
        assertFalse(one.isPeriodic(1));
        Configuration two = one("BEGIN_CFG\nSize 1\nSupercell\n 3 0 0\n 0 3 0\n" + atoms + "END_CFG");
        assertEquals(2, two.latticeRows);
        assertEquals(0, two.types[0]);
        assertTrue(errorOf("BEGIN_CFG Size 1 Supercell 3 0 0 1 " + atoms + "END_CFG").contains("expected 3, 6 or 9 numbers"));
    }

    @Test
    void plusStressAnyOrderSubsetAndConversions() {
        String head = "BEGIN_CFG\nSize\n1\nSupercell\n2 0 0\n0 2 0\n0 0 2\nAtomData: id type cartes_x cartes_y cartes_z\n1 0 0 0 0\n";
        Configuration c = one(head + "PlusStress: xy zz xx\n 6 3 1\nEND_CFG\n");
        assertArrayEquals(new double[] {1, 0, 3, 0, 0, 6}, c.plusStress);
        Configuration v = one(head + "Virial: xx yy zz yz xz xy\n 8 16 24 0 0 -8\nEND_CFG\n");
        assertArrayEquals(new double[] {1, 2, 3, 0, 0, -1}, v.plusStress);
        Configuration s = one(head + "Stress: xx yy zz yz xz xy\n 1 2 3 4 5 6\nEND_CFG\n");
        assertArrayEquals(new double[] {-1, -2, -3, -4, -5, -6}, s.plusStress);
        assertTrue(warnings.stream().anyMatch(w -> w.contains("Virial")));
        assertTrue(warnings.stream().anyMatch(w -> w.contains("Stress:")));
        assertTrue(errorOf(head + "PlusStress: xx qq\n 1 2\nEND_CFG\n").contains("'qq'"));
    }

    @Test
    void featuresMultiLineEscapedEmptyAndOldForm() {
        Configuration c = one("""
                BEGIN_CFG
                Size
                0
                Feature   zeta\tlast
                Feature   note\tline one
                Feature   note\t  line two
                Feature   my\\_key\tx\ty
                Feature   empty\t
                Feature   bare
                Features: ID TS_index
                 17 3
                END_CFG
                """);
        assertEquals("line one\n  line two", c.features.get("note"));
        assertEquals("x\ty", c.features.get("my key"));
        assertEquals("", c.features.get("empty"));
        assertEquals("", c.features.get("bare"));
        assertEquals("17", c.features.get("ID"));
        assertEquals("3", c.features.get("TS_index"));
        String out = CfgWriter.format(List.of(c), CfgWriter.Style.LOSSLESS);
        assertTrue(out.contains(" Feature   ID\t17\n Feature   TS_index\t3\n Feature   bare\t\n Feature   empty\t\n"
                + " Feature   my\\_key\tx\ty\n Feature   note\tline one\n Feature   note\t  line two\n Feature   zeta\tlast\nEND_CFG\n"), out);
        Configuration back = one(out);
        assertEquals(c.features, back.features);
    }

    @Test
    void mlip3FieldsAreKeptAndWrittenOnlyOnRequest() {
        Configuration c = one("BEGIN_CFG\nSize\n1\nAtomData: id type cartes_x cartes_y cartes_z\n1 0 0 0 0\nEnergyWeight\n    2.5\nEnergy\n -1\nEND_CFG\n");
        assertEquals("2.5", c.extraFields.get("EnergyWeight"));
        assertEquals(-1, c.energy);
        assertTrue(warnings.stream().anyMatch(w -> w.contains("EnergyWeight")));
        assertFalse(CfgWriter.format(List.of(c), CfgWriter.Style.LOSSLESS).contains("EnergyWeight"));
        java.io.StringWriter sw = new java.io.StringWriter();
        try (CfgWriter w = CfgWriter.of(sw, CfgWriter.Style.LOSSLESS).writeExtras(true)) { w.write(c); }
        Configuration back = one(sw.toString());
        assertEquals("2.5", back.extraFields.get("EnergyWeight"));
    }

    @Test
    void lossyStyleIsFixedPoint() {
        Configuration c = one("BEGIN_CFG Size 1 Supercell 2 0 0 0 2 0 0 0 2 AtomData: id type cartes_x cartes_y cartes_z fx fy fz\n"
                + "1 2 0.1 0.2 0.3 1e-7 -2 3\nEnergy -1.5 PlusStress: xx yy zz yz xz xy\n 1 2 3 4 5 6\nEND_CFG");
        String out = CfgWriter.format(List.of(c), CfgWriter.Style.MLIP2_DEFAULT);
        assertTrue(out.contains("\n             1    2       0.100000      0.200000      0.300000     0.000000   -2.000000    3.000000\n"), out);
        Configuration back = one(out);
        assertEquals(0.1, back.positions[0]);
        assertEquals(0.0, back.forces[0]);
    }

    @Test
    void errorsNameFileLineAndExpectation() {
        assertEquals("t.cfg:1: expected BEGIN_CFG but found 'MTP'", errorOf("MTP\nversion = 1.1.0\n"));
        assertTrue(errorOf("BEGIN\n").contains("old pre-BEGIN_CFG format"));
        assertTrue(errorOf("\u0001\u0002\u0003").contains("binary"));
        assertEquals("t.cfg:3: expected Size before AtomData:", errorOf("BEGIN_CFG\n\nAtomData: id\n"));
        String ok = "BEGIN_CFG\nSize\n2\nAtomData: id type cartes_x cartes_y cartes_z\n1 0 0 0 0\n2 0 1 1 x\nEND_CFG\n";
        assertEquals("t.cfg:6: expected a number cartes_z for atom 2 of 2 (row 2, column 5) but found 'x'", errorOf(ok));
        assertTrue(errorOf(ok.replace("2 0 1 1 x\n", "")).startsWith("t.cfg:6: expected an integer id for atom 2"));
        assertTrue(errorOf(ok.replace(" x", " 1").replace("END_CFG\n", "")).contains("expected END_CFG for the configuration starting at line 1 but found end of file"));
        assertTrue(errorOf(ok.replace(" x", " 1").replace("END_CFG", "Enregy 1\nEND_CFG")).startsWith("t.cfg:7: expected a field name"));
        assertTrue(errorOf(ok.replace(" x", " NaN")).contains("'NaN'"));
        assertEquals("t.cfg:5: expected 5 values per atom row (the AtomData: columns id type cartes_x cartes_y cartes_z) but atom 1's line has more, starting with '7'",
                errorOf(ok.replace("1 0 0 0 0", "1 0 0 0 0 7")));
        // rows wrapped over lines are words to MLIP-2, and accepted
        assertEquals(2, CfgReader.parse(ok.replace(" x", " 1").replace("2 0 1 1 1", "2 0\n 1 1 1"), "w.cfg", TestFiles::unexpected).get(0).size);
        assertTrue(errorOf(ok.replace(" x", " 1").replace("2 0 1", "1 0 1")).contains("id 1 appears twice"));
        assertTrue(errorOf(ok.replace(" x", " 1").replace("cartes_z", "fx")).contains("position columns"));
        assertTrue(errorOf("BEGIN_CFG Size 1 AtomData: direct_x direct_y direct_z\n0 0 0\nEND_CFG").contains("3-D Supercell"));
        assertTrue(errorOf("BEGIN_CFG Size 1 END_CFG").contains("expected AtomData:"));
        assertTrue(errorOf("BEGIN_CFG Size -1 END_CFG").contains("0.."));
    }

    /**
     * Atom-row numbers are parsed in place (no String per value): each must be the double the
     * JDK's own Double.parseDouble gives for the same text, also where decimal to binary is hard
     * (17 significant digits, halfway cases, subnormals, underflow to zero, long mantissas).
     */
    @Test
    void atomRowNumbersAreTheJdksDoubles() {
        List<String> texts = new ArrayList<>(List.of("8.1505600000000005e+00", "-9.0824471735165768e-01", "+1.5", "-0", "0.", ".5",
                "1e-400", "4.9e-324", "2.2250738585072011e-308", "2.2250738585072012e-308", "1.7976931348623157e308",
                "9007199254740993", "0.1000000000000000055511151231257827", "123456789012345678901234567890e-20",
                "5e-324", "2.4703282292062328e-324", "1E+2", "7.", "00000000000000000000000012.5e-1"));
        java.util.Random r = new java.util.Random(42);
        for (int i = 0; i < 3000; i++) {
            double v = Double.longBitsToDouble(r.nextLong());
            if (!Double.isFinite(v)) continue;
            texts.add(i % 3 == 0 ? Double.toString(v) : String.format(java.util.Locale.ROOT, i % 3 == 1 ? "%.16e" : "%.6f", r.nextGaussian() * Math.pow(10, r.nextInt(40) - 20)));
        }
        StringBuilder cfg = new StringBuilder("BEGIN_CFG\nSize\n" + texts.size() + "\nAtomData: id type cartes_x cartes_y cartes_z\n");
        for (int i = 0; i < texts.size(); i++) cfg.append(i + 1).append(" 0 ").append(texts.get(i)).append(" 0 0\n");
        Configuration c = CfgReader.parse(cfg.append("END_CFG\n").toString(), "n.cfg", TestFiles::unexpected).get(0);
        for (int i = 0; i < texts.size(); i++)
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(texts.get(i))), Double.doubleToRawLongBits(c.positions[3 * i]), texts.get(i));
        // what strtod would not read stays an error, also where Double.parseDouble would accept it
        String row = "BEGIN_CFG\nSize\n1\nAtomData: id type cartes_x cartes_y cartes_z\n1 0 X 0 0\nEND_CFG\n";
        for (String bad : List.of("0x1p3", "1.5d", "2f", "Infinity", "1e", "+", "-.e1", "1e999"))
            assertTrue(errorOf(row.replace("X", bad)).startsWith("t.cfg:5: expected a"), bad);
    }

    /** A reader that makes up an endless-looking file on the fly: nothing is ever held whole. */
    static final class GeneratedCfg extends java.io.Reader {
        final int count;
        int made;
        String chunk = "";
        int at;

        GeneratedCfg(int count) { this.count = count; }

        @Override
        public int read(char[] buf, int off, int len) {
            if (at == chunk.length()) {
                if (made == count) return -1;
                made++;
                chunk = "BEGIN_CFG\n Size\n 2\n AtomData: id type cartes_x cartes_y cartes_z\n 1 0 0 0 0\n 2 1 " + made
                        + " 0 0\n Feature   n\t" + made + "\nEND_CFG\n";
                at = 0;
            }
            int n = Math.min(len, chunk.length() - at);
            chunk.getChars(at, at + n, buf, off);
            at += n;
            return n;
        }

        @Override
        public void close() { }
    }

    @Test
    void streamsConfigurationByConfiguration() {
        int n = 0;
        try (CfgReader r = CfgReader.of(new GeneratedCfg(50_000), "big.cfg", TestFiles::unexpected)) {
            for (Configuration c; (c = r.next()) != null; ) {
                n++;
                assertEquals(n, c.positions[3]);
                assertEquals(Integer.toString(n), c.features.get("n"));
            }
            assertEquals(50_000, r.count());
        }
        assertEquals(50_000, n);
    }

    @Test
    void losslessLayoutOfOptionalColumns() {
        Configuration c = one("BEGIN_CFG Size 1 AtomData: id type cartes_x cartes_y cartes_z site_en fx fy fz charge\n"
                + "1 0 1 2 3 -1.5 0.5 0.25 0.125 2\nEND_CFG");
        String out = CfgWriter.format(List.of(c), CfgWriter.Style.LOSSLESS);
        assertEquals("BEGIN_CFG\n Size\n    1\n AtomData:  id type       cartes_x      cartes_y      cartes_z    site_en"
                + "           fx          fy          fz      charge\n"
                + "    1 0  1.0000000000000000e+00 2.0000000000000000e+00 3.0000000000000000e+00  -1.5000000000000000e+00"
                + "  5.0000000000000000e-01 2.5000000000000000e-01 1.2500000000000000e-01  2.0000000000000000e+00\nEND_CFG\n", out);
        assertEquals(c.charges[0], one(out).charges[0]);
    }

    @Test
    void sizeZeroIsAcceptedWithWarning() {
        Configuration c = one("BEGIN_CFG\n Size\n    0\nEND_CFG\n");
        assertEquals(0, c.size);
        assertTrue(warnings.stream().anyMatch(w -> w.contains("Size 0")));
    }
}
