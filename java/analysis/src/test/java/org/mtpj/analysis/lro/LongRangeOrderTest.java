package org.mtpj.analysis.lro;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mtpj.core.UserError;

class LongRangeOrderTest {
    static final double[][] CELL = {{8, 0, 0}, {0, 9, 0}, {0, 0, 10}};

    /** Atoms on a 4 × 3 × 2 grid of planes, displaced by at most {@code noise} (fractional). */
    static double[][] grid(double noise, long seed) {
        Random r = new Random(seed);
        List<double[]> f = new ArrayList<>();
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 3; j++)
                for (int k = 0; k < 2; k++)
                    f.add(new double[] {0.1 + i / 4.0 + noise * (2 * r.nextDouble() - 1),
                            0.05 + j / 3.0 + noise * (2 * r.nextDouble() - 1), 0.2 + k / 2.0 + noise * (2 * r.nextDouble() - 1)});
        return f.toArray(double[][]::new);
    }

    @Test
    void perfectGridIsFullyOrdered() {
        LongRangeOrder lro = new LongRangeOrder(grid(0, 1), CELL);
        assertArrayEquals(new int[] {4, 3, 2}, lro.dims());
        for (Direction d : Direction.DEFAULTS) assertEquals(0, lro.order(d.h(), d.k(), d.l()), 1e-12, d.label());
        assertEquals(0.25, lro.axis(0).spacing, 1e-12);
    }

    @Test
    void noiseRaisesTheOrderParameterAndDeviationsAreBounded() {
        LongRangeOrder small = new LongRangeOrder(grid(0.01, 2), CELL);
        LongRangeOrder large = new LongRangeOrder(grid(0.05, 2), CELL);
        assertArrayEquals(new int[] {4, 3, 2}, small.dims());
        assertTrue(large.order(0, 0, 1) > small.order(0, 0, 1));
        for (int i = 0; i < small.atomCount(); i++)
            for (int j = 0; j < 3; j++) assertTrue(small.deviation(i, j) >= 0 && small.deviation(i, j) <= 0.5);
        // The order along a direction is invariant under n → −n and under scaling of n.
        assertEquals(small.order(1, 2, 3), small.order(-2, -4, -6), 1e-15);
        // Å variant along c = fractional order along c times |c|.
        assertEquals(small.order(0, 0, 1) * 10, small.orderAngstrom(0, 0, 1), 1e-12);
        // The fast picture path agrees with the reported numbers.
        double s = Math.sqrt(14);
        assertEquals(small.order(1, 2, 3), small.orderOfUnit(1 / s, 2 / s, 3 / s, false), 1e-14);
    }

    @Test
    void wrappingAndPeriodicImagesDoNotChangeTheOrder() {
        double[][] f = grid(0.02, 3);
        double[][] shifted = new double[f.length][];
        for (int i = 0; i < f.length; i++) shifted[i] = new double[] {f[i][0] + 1, f[i][1] - 2, f[i][2] + 3};
        LongRangeOrder a = new LongRangeOrder(f, CELL), b = new LongRangeOrder(shifted, CELL);
        assertArrayEquals(a.dims(), b.dims());
        assertEquals(a.order(1, 1, 1), b.order(1, 1, 1), 1e-12);
    }

    @Test
    void pythonModuloAndTicks() {
        assertEquals(0.75, AxisLatticeFit.pyMod1(-0.25));
        assertEquals(0.0, AxisLatticeFit.pyMod1(-2.0));
        assertEquals(1.0, AxisLatticeFit.pyMod1(-1e-17)); // as Python: -1e-17 % 1.0 == 1.0
        assertArrayEquals(new double[] {0.89, 0.91, 0.93, 0.95, 0.97},
                SphereSummary.ticks(1 - 0.11794378491582487, 1 - 0.0195210204620843), 0);
    }

    @Test
    void fibonacciSphereIsUnitAndStartsAtThePole() {
        double[][] p = FibonacciSphere.points(700);
        assertArrayEquals(new double[] {0, 1, 0}, p[0], 0);
        for (double[] v : p) assertEquals(1, v[0] * v[0] + v[1] * v[1] + v[2] * v[2], 1e-12);
        assertEquals(-1, p[699][1], 1e-15);
    }

    @Test
    void oneOrTwoAtomsDoNotBreakTheFit() {
        LongRangeOrder one = new LongRangeOrder(new double[][] {{0.3, 0.6, 0.9}}, CELL);
        assertEquals(2, one.dims()[0]); // every h ties and fails: fallback to the second-ranked h
        assertEquals(0, one.order(1, 1, 1), 1e-15);
        LongRangeOrder two = new LongRangeOrder(new double[][] {{0.1, 0.2, 0.3}, {0.6, 0.45, 0.31}}, CELL);
        assertTrue(Double.isFinite(two.order(1, 2, 3)));
    }

    @Test
    void badDirections() {
        assertTrue(assertThrows(UserError.class, () -> Direction.parse("0,0,0")).getMessage().contains("zero length"));
        assertThrows(UserError.class, () -> Direction.parse("1,a,0"));
        assertThrows(UserError.class, () -> Direction.parse("1,0"));
        assertEquals("1 -1 0", Direction.parse("1,-1,0").label());
        assertEquals("1 -1 0", Direction.parse(" 1 -1 0 ").label());
        assertThrows(IllegalArgumentException.class, () -> new LongRangeOrder(grid(0, 1), CELL).order(0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new LongRangeOrder(new double[0][], CELL));
    }

    @Test
    void numpyPairwiseSumMatchesPlainSumForSmallAndIsCloseForLarge() {
        double[] a = new double[1000];
        Random r = new Random(5);
        double plain = 0;
        for (int i = 0; i < a.length; i++) { a[i] = r.nextDouble(); plain += a[i]; }
        assertEquals(plain, NumpySums.sum(a, 0, a.length), 1e-10);
        assertEquals(a[0] + a[1] + a[2], NumpySums.sum(a, 0, 3), 0);
    }
}
