package org.mtpj.core.eval;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mtpj.core.UserError;
import org.mtpj.core.model.Configuration;

/** The neighbour list against a brute-force search over a generous box of lattice shifts. */
class NeighbourListTest {

    /** Sorted "i j dx dy dz" keys of every entry, brute force with shifts |n| ≤ range. */
    static List<String> bruteForce(Configuration c, double rc, int range) {
        List<String> keys = new ArrayList<>();
        int[] lim = new int[3];
        for (int r = 0; r < 3; r++) lim[r] = c.isPeriodic(r) ? range : 0;
        for (int i = 0; i < c.size; i++)
            for (int j = 0; j < c.size; j++)
                for (int a = -lim[0]; a <= lim[0]; a++)
                    for (int b = -lim[1]; b <= lim[1]; b++)
                        for (int d = -lim[2]; d <= lim[2]; d++) {
                            if (i == j && a == 0 && b == 0 && d == 0) continue;
                            double[] v = new double[3];
                            for (int x = 0; x < 3; x++)
                                v[x] = c.positions[3 * j + x] + a * c.lattice[0][x] + b * c.lattice[1][x] + d * c.lattice[2][x] - c.positions[3 * i + x];
                            double r = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
                            if (r < rc) keys.add(key(i, j, v, 0));
                        }
        keys.sort(null);
        return keys;
    }

    static String key(int i, int j, double[] v, int o) {
        return String.format("%d %d %.6f %.6f %.6f", i, j, v[o], v[o + 1], v[o + 2]);
    }

    static List<String> listed(NeighbourList nl, Configuration c) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < c.size; i++)
            for (int e = nl.offsets[i]; e < nl.offsets[i + 1]; e++) {
                keys.add(key(i, nl.neighbours[e], nl.rij, 3 * e));
                assertEquals(c.types[nl.neighbours[e]], nl.types[e]);
            }
        keys.sort(null);
        return keys;
    }

    @Test
    void matchesBruteForceForAllPeriodicities() {
        Random rnd = new Random(1);
        for (int trial = 0; trial < 40; trial++) {
            double[][] lat = new double[3][3];
            for (int r = 0; r < 3; r++)
                for (int a = 0; a < 3; a++) lat[r][a] = (r == a ? 3 + 4 * rnd.nextDouble() : 0) + 2.5 * (rnd.nextDouble() - 0.5);
            int rows = trial % 4;
            Configuration c = TestPotentials.randomCell(trial, 2, lat, 3, 2, 0.8);
            c.latticeRows = rows;
            if (trial % 5 == 4 && rows >= 2) c.lattice[1] = new double[3]; // zero row: not periodic
            // some atoms outside the cell
            for (int k = 0; k < 3; k++) c.positions[3 * (trial % c.size) + k] += 9 * (rnd.nextDouble() - 0.5);
            double rc = 2 + 6 * rnd.nextDouble();
            NeighbourList nl = NeighbourList.build(c, rc);
            assertEquals(bruteForce(c, rc, 8), listed(nl, c), "trial " + trial + " rows " + rows + " rc " + rc);
            // reverse index lists exactly the entries pointing at each atom
            int total = 0;
            for (int j = 0; j < c.size; j++)
                for (int p = nl.reverseOffsets[j]; p < nl.reverseOffsets[j + 1]; p++, total++)
                    assertEquals(j, nl.neighbours[nl.reverseEntries[p]]);
            assertEquals(nl.entryCount(), total);
        }
    }

    @Test
    void strictCutoffAndImagesOfTheAtomItself() {
        Configuration c = new Configuration(1);
        c.latticeRows = 3;
        c.lattice[0] = new double[] {3, 0, 0};
        c.lattice[1] = new double[] {0, 3, 0};
        c.lattice[2] = new double[] {0, 0, 7};
        NeighbourList nl = NeighbourList.build(c, 6.0);
        // images at distance exactly 6 along x and y are excluded (strict), 3 along x/y included
        List<String> keys = listed(nl, c);
        assertTrue(keys.contains(key(0, 0, new double[] {3, 0, 0}, 0)));
        assertFalse(keys.contains(key(0, 0, new double[] {6, 0, 0}, 0)));
        assertEquals(bruteForce(c, 6.0, 4), keys);
    }

    @Test
    void stronglyTiltedCellIsSearchedCompletely() {
        Configuration c = new Configuration(2);
        c.latticeRows = 3;
        c.lattice[0] = new double[] {4, 0, 0};
        c.lattice[1] = new double[] {11.5, 3, 0};   // a tilt that a shell-by-shell search can stop on early
        c.lattice[2] = new double[] {-7.3, 5.1, 4};
        c.positions[3] = 1.1; c.positions[4] = 0.7; c.positions[5] = 0.9;
        NeighbourList nl = NeighbourList.build(c, 6.5);
        assertEquals(bruteForce(c, 6.5, 12), listed(nl, c));
    }

    @Test
    void coincidentAtomsAreAUserError() {
        Configuration c = new Configuration(3);
        c.positions[3] = 2; c.positions[6] = 2;
        UserError e = assertThrows(UserError.class, () -> NeighbourList.build(c, 5));
        assertTrue(e.getMessage().contains("atoms 2 and 3"), e.getMessage());
        Configuration p = new Configuration(2);
        p.latticeRows = 1;
        p.lattice[0] = new double[] {4, 0, 0};
        p.positions[3] = 4;
        UserError e2 = assertThrows(UserError.class, () -> NeighbourList.build(p, 5));
        assertTrue(e2.getMessage().contains("atoms 1 and 2"), e2.getMessage());
    }

    /** A 0.1 Å cell (Supercell in nm or bohr by mistake): one line of bad input, not out of memory. */
    @Test
    void anUnphysicallyDenseCellIsAUserErrorAndADenseSolidIsNot() {
        Configuration tiny = cubic(0.1, 2);
        UserError e = assertThrows(UserError.class, () -> NeighbourList.build(tiny, 7));
        assertTrue(e.getMessage().contains("2.9e+06 neighbours") && e.getMessage().contains("expected a physical cell"), e.getMessage());
        // 8 atoms in (2.7 Å)^3 = 0.41 atoms/Å^3, denser than any solid: ~590 neighbours within 7 Å each, listed
        NeighbourList dense = NeighbourList.build(cubic(2.7, 8), 7);
        assertEquals(8 * 590, dense.entryCount(), 8 * 20);
    }

    /** n atoms spread on the diagonal of a cubic periodic cell of edge a. */
    private static Configuration cubic(double a, int n) {
        Configuration c = new Configuration(n);
        c.latticeRows = 3;
        c.lattice[0] = new double[] {a, 0, 0};
        c.lattice[1] = new double[] {0, a, 0};
        c.lattice[2] = new double[] {0, 0, a};
        for (int i = 0; i < n; i++)
            for (int k = 0; k < 3; k++) c.positions[3 * i + k] = a * ((i * (k + 2)) % n + 0.5) / n;
        return c;
    }

    @Test
    void sparseClusterAndEmptyConfiguration() {
        Configuration c = new Configuration(3);
        c.positions[3] = 1000; c.positions[7] = -2000; c.positions[8] = 3.0;
        NeighbourList nl = NeighbourList.build(c, 7);
        assertEquals(0, nl.entryCount());
        NeighbourList empty = NeighbourList.build(new Configuration(0), 7);
        assertEquals(0, empty.entryCount());
    }

    @Test
    void blockwiseBuildEqualsSerialBuild() {
        Configuration c = TestPotentials.randomCell(3, 2, new double[][] {{9, 0.5, 0}, {0, 9.5, 0}, {0.5, 0, 10}}, 3, 5, 0.4);
        NeighbourList serial = NeighbourList.build(c, 6.0);
        // three blocks, run in reverse order on one thread: the concatenation must not depend on timing
        Blocks.Runner reversed = ReversedBlocks.of(3);
        NeighbourList blocks = NeighbourList.build(c, 6.0, reversed);
        blocks.rebuild(c, reversed); // reuse of the per-block buffers
        assertEquals(serial.entryCount(), blocks.entryCount());
        int n = c.size, ne = serial.entryCount();
        assertArrayEquals(java.util.Arrays.copyOf(serial.offsets, n + 1), java.util.Arrays.copyOf(blocks.offsets, n + 1));
        assertArrayEquals(java.util.Arrays.copyOf(serial.neighbours, ne), java.util.Arrays.copyOf(blocks.neighbours, ne));
        assertArrayEquals(java.util.Arrays.copyOf(serial.types, ne), java.util.Arrays.copyOf(blocks.types, ne));
        assertArrayEquals(java.util.Arrays.copyOf(serial.rij, 3 * ne), java.util.Arrays.copyOf(blocks.rij, 3 * ne), 0.0);
        assertArrayEquals(java.util.Arrays.copyOf(serial.reverseEntries, ne), java.util.Arrays.copyOf(blocks.reverseEntries, ne));
    }

    @Test
    void unwrappedCoordinatesGiveTheSameNeighbourhoods() {
        double[][] lat = {{6.2, 0.3, -0.2}, {1.1, 5.9, 0.4}, {-0.7, 0.9, 6.5}};
        for (int rows = 1; rows <= 3; rows++) {
            Configuration c = TestPotentials.randomCell(11, 2, lat, rows, 3, 0.3);
            Configuration u = c.copy();
            Random rnd = new Random(rows);
            for (int i = 0; i < c.size; i++)
                for (int k = 0; k < rows; k++) {
                    int shift = rnd.nextInt(41) - 20; // as if atoms diffused up to 20 cells away
                    for (int a = 0; a < 3; a++) u.positions[3 * i + a] += shift * lat[k][a];
                }
            NeighbourList a = NeighbourList.build(c, 5.5), b = NeighbourList.build(u, 5.5);
            assertEquals(listed(a, c), listed(b, u), "rows " + rows);
            MtpPotentialCheck.sameEnergy(c, u);
        }
    }

    /** Energy of wrapped and unwrapped copies with a random potential. */
    static final class MtpPotentialCheck {
        static void sameEnergy(Configuration c, Configuration u) {
            var pot = TestPotentials.random(5, 2, org.mtpj.core.model.MtpPotential.RadialBasisType.RBChebyshev);
            {
            Evaluator e = new Evaluator(pot, Blocks.SERIAL);
                EvaluationResult r1 = e.evaluate(c), r2 = e.evaluate(u);
                assertEquals(r1.energy, r2.energy, 1e-11 * Math.abs(r1.energy));
                for (int k = 0; k < 3 * c.size; k++) assertEquals(r1.forces[k], r2.forces[k], 1e-10);
                for (int v = 0; v < 6; v++) assertEquals(r1.plusStress[v], r2.plusStress[v], 1e-9 * Math.max(1, Math.abs(r1.plusStress[v])));
            }
        }
    }
}
