package org.mtpj.core.eval;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtpj.core.io.TestFiles;
import org.mtpj.core.model.Configuration;
import org.mtpj.testkit.Shared;

/** Closest distances per species pair: the minimum over a wide neighbour list, on real files and exact cases. */
class ClosestPairsTest {
    /** Wide enough to hold the closest pair of every species pair in the reference files. */
    static final double WIDE = 9.0;

    @Test
    void realFilesGiveTheMinimumOfAWideNeighbourList() {
        int pairs = 0;
        for (String file : List.of("reference/mlip2/dump600K_frames00-09.cfg", "reference/mlip2/edge_cases.cfg")) {
            for (Configuration c : TestFiles.readCfgs(Shared.file(file))) {
                double[][] d = ClosestPairs.of(c);
                NeighbourList nl = NeighbourList.build(c, WIDE);
                double[][] ref = new double[d.length][d.length];
                for (double[] row : ref) java.util.Arrays.fill(row, Double.POSITIVE_INFINITY);
                for (int i = 0; i < c.size; i++)
                    for (int e = nl.offsets[i]; e < nl.offsets[i + 1]; e++) {
                        double r = Math.sqrt(nl.rij[3 * e] * nl.rij[3 * e] + nl.rij[3 * e + 1] * nl.rij[3 * e + 1] + nl.rij[3 * e + 2] * nl.rij[3 * e + 2]);
                        int a = c.types[i], b = nl.types[e];
                        ref[a][b] = Math.min(ref[a][b], r);
                        ref[b][a] = ref[a][b];
                    }
                for (int a = 0; a < d.length; a++)
                    for (int b = 0; b < d.length; b++) {
                        assertEquals(d[a][b], d[b][a], file + " symmetric");
                        if (ref[a][b] < WIDE) { assertEquals(ref[a][b], d[a][b], file + " pair " + a + "-" + b); pairs++; }
                        else assertTrue(d[a][b] >= WIDE, file + " pair " + a + "-" + b + ": " + d[a][b]);
                    }
            }
        }
        assertTrue(pairs > 100, "pairs checked: " + pairs);
    }

    @Test
    void minimumImageAndTheAtomsOwnImages() {
        // 0.5 and 9.7 in a 10 Å cube are 0.8 apart through the boundary
        Configuration two = cube(10, new int[] {0, 1}, 0.5, 9.7);
        double[][] d = ClosestPairs.of(two);
        assertEquals(0.8, d[0][1], 1e-12);
        assertEquals(10.0, d[0][0], 1e-12);   // found only after the cutoff was doubled twice
        assertEquals(10.0, d[1][1], 1e-12);
        Configuration one = cube(3.1, new int[] {0}, 1.0);
        assertEquals(3.1, ClosestPairs.of(one)[0][0], 1e-12);
    }

    @Test
    void clusterWithoutPairsAndSpeciesThatDoNotOccur() {
        Configuration single = new Configuration(1);
        single.types[0] = 2;
        double[][] d = ClosestPairs.of(single);
        assertEquals(3, d.length);
        for (double[] row : d) for (double v : row) assertEquals(Double.POSITIVE_INFINITY, v);
        Configuration far = new Configuration(2);
        far.types[1] = 1;
        far.positions[3] = 40;   // far beyond the first cutoffs: the doubling reaches it
        assertEquals(40.0, ClosestPairs.of(far)[0][1], 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, ClosestPairs.of(far)[0][0]);
    }

    private static Configuration cube(double a, int[] types, double... x) {
        Configuration c = new Configuration(types.length);
        c.latticeRows = 3;
        for (int r = 0; r < 3; r++) c.lattice[r][r] = a;
        for (int i = 0; i < types.length; i++) { c.types[i] = types[i]; c.positions[3 * i] = x[i]; }
        return c;
    }
}
