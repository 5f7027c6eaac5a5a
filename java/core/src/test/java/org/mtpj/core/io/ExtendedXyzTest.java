package org.mtpj.core.io;

import static org.junit.jupiter.api.Assertions.*;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtpj.core.model.Configuration;

/**
 * Extended XYZ against hand-written frames in ASE's conventions (vasp-io.md: stress in eV/Å³,
 * positive = tensile, PlusStress = −stress × V; virial in eV = PlusStress), numbers worked out by
 * hand below.
 */
class ExtendedXyzTest {
    final List<String> warnings = new ArrayList<>();

    List<Configuration> read(String text) {
        try (ExtendedXyzReader r = ExtendedXyzReader.of(new StringReader(text), "train.xyz", warnings::add)) {
            List<Configuration> out = new ArrayList<>();
            for (Configuration c; (c = r.next()) != null; ) out.add(c);
            return out;
        }
    }

    // a 2 x 3 x 4 Å cell: V = 24 Å³
    static final String FRAME_STRESS = "2\n"
            + "Lattice=\"2.0 0.0 0.0 0.0 3.0 0.0 0.0 0.0 4.0\" Properties=species:S:1:pos:R:3:Z:I:1:forces:R:3 energy=-7.25"
            + " stress=\"0.01 0.002 0.003 0.002 -0.02 0.004 0.003 0.004 0.05\" pbc=\"T T T\" config_type=md\n"
            + "O  0.1 0.2 0.3 8 1.5 -2.5 0.125\n"
            + "Mg 1.0 1.5 2.0 12 -1.5 2.5 -0.125\n";

    @Test
    void asesStressBecomesPlusStressTimesMinusVolume() {
        Configuration c = read(FRAME_STRESS).get(0);
        assertEquals(2, c.size);
        assertEquals(3, c.latticeRows);
        assertArrayEquals(new double[] {0, 3, 0}, c.lattice[1]);
        assertArrayEquals(new double[] {0.1, 0.2, 0.3, 1.0, 1.5, 2.0}, c.positions);
        assertArrayEquals(new double[] {1.5, -2.5, 0.125, -1.5, 2.5, -0.125}, c.forces);
        assertArrayEquals(new int[] {0, 1}, c.types, "species in order of appearance: O, Mg");
        assertEquals(-7.25, c.energy);
        assertEquals(java.util.Map.of("config_type", "md"), c.features, "other keys are features");
        // -24 x (xx yy zz yz xz xy) = -24 x (0.01 -0.02 0.05 0.004 0.003 0.002)
        assertArrayEquals(new double[] {-0.24, 0.48, -1.2, -0.096, -0.072, -0.048}, c.plusStress, 1e-15);
    }

    @Test
    void voigtStressVirialQuotesClustersAndSeveralFrames() {
        String text = FRAME_STRESS.replace("stress=\"0.01 0.002 0.003 0.002 -0.02 0.004 0.003 0.004 0.05\"", "stress=\"0.01 -0.02 0.05 0.004 0.003 0.002\"")
                + "1\nLattice=\"2 0 0 0 3 0 0 0 4\" Properties=species:S:1:pos:R:3 virial=\"1 6 5 6 2 4 5 4 3\" comment='a \\' quote'\nO 0 0 0\n"
                + "2\nProperties=species:S:1:pos:R:3:forces:R:3 energy=-1.5E+00 pbc=\"F F F\"\nV 0 0 0 0 0 1\nO 1.5 0 0 0 0 -1\n";
        List<Configuration> got = read(text);
        assertEquals(3, got.size());
        assertArrayEquals(new double[] {-0.24, 0.48, -1.2, -0.096, -0.072, -0.048}, got.get(0).plusStress, 1e-15);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, got.get(1).plusStress, "virial is PlusStress (xx yy zz yz xz xy)");
        Configuration cluster = got.get(2);
        assertEquals(0, cluster.latticeRows);
        assertEquals(-1.5, cluster.energy);
        assertArrayEquals(new int[] {2, 0}, cluster.types, "V is the third element seen");
        assertNull(cluster.plusStress);
    }

    @Test
    void truncatedLastFrameIsDroppedWithAWarningAndBadRowsAreErrors() {
        String cut = FRAME_STRESS + FRAME_STRESS.substring(0, FRAME_STRESS.length() - 20);
        assertEquals(1, read(cut).size());
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).startsWith("train.xyz:8: the file ends inside row 2"), warnings.get(0));

        InputFormatException e = assertThrows(InputFormatException.class, () -> read(FRAME_STRESS.replace("Mg 1.0 1.5", "Mg 1.0 x")));
        assertEquals("train.xyz:4: expected a number in column pos, found 'x'", e.getMessage());
        InputFormatException cols = assertThrows(InputFormatException.class, () -> read(FRAME_STRESS.replace(" 12 ", " ")));
        assertTrue(cols.getMessage().startsWith("train.xyz:4: expected 8 columns"), cols.getMessage());
        InputFormatException count = assertThrows(InputFormatException.class, () -> read("two\n"));
        assertTrue(count.getMessage().startsWith("train.xyz:1: expected the number of atoms"), count.getMessage());
        InputFormatException noPos = assertThrows(InputFormatException.class, () -> read("1\nProperties=species:S:1\nO\n"));
        assertTrue(noPos.getMessage().startsWith("train.xyz:2: expected species:S:1 and pos:R:3"), noPos.getMessage());
    }

    @Test
    void writerWritesAsesKeysWithStressFromPlusStress() {
        Configuration c = new Configuration(2);
        c.latticeRows = 3;
        c.lattice[0] = new double[] {2, 0, 0};
        c.lattice[1] = new double[] {0, 3, 0};
        c.lattice[2] = new double[] {0, 0, 4};
        c.types[1] = 1;
        c.positions[3] = 1.5;
        c.forces = new double[] {0.5, 0, 0, -0.5, 0, 0};
        c.energy = -3.5;
        c.features.put("EFS_by", "VASP");
        c.features.put("note", "two words");
        c.plusStress = new double[] {-3, 6, -12, -1.5, -0.75, -0.375}; // xx yy zz yz xz xy, V = 24: stress = -PlusStress / 24, exact in binary
        StringWriter w = new StringWriter();
        new ExtendedXyzWriter(w, List.of("Mg", "O")).write(c);
        assertEquals("2\n"
                + "Lattice=\"2.0 0.0 0.0 0.0 3.0 0.0 0.0 0.0 4.0\" Properties=species:S:1:pos:R:3:forces:R:3 energy=-3.5"
                + " stress=\"0.125 0.015625 0.03125 0.015625 -0.25 0.0625 0.03125 0.0625 0.5\" pbc=\"T T T\" EFS_by=VASP note=\"two words\"\n"
                + "Mg 0.0 0.0 0.0 0.5 0.0 0.0\n"
                + "O 1.5 0.0 0.0 -0.5 0.0 0.0\n", w.toString());
    }
}
