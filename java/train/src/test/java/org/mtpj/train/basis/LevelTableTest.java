package org.mtpj.train.basis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** K, B, S of every even level 2–28 equal mtp-spec.md §4.2's table, and the table is well formed. */
class LevelTableTest {

    @ParameterizedTest(name = "level {0}: K={1} B={2} S={3}")
    @CsvSource({
        "2, 1, 1, 1", "4, 1, 1, 2", "6, 2, 5, 5", "8, 2, 11, 9", "10, 3, 25, 16", "12, 3, 46, 29",
        "14, 4, 81, 52", "16, 4, 130, 92", "18, 5, 201, 163", "20, 5, 295, 288", "22, 6, 421, 500",
        "24, 6, 581, 864", "26, 6, 706, 1464", "28, 6, 866, 2445"})
    void countsMatchTheSpecTable(int level, int k, int b, int s) {
        long t0 = System.nanoTime();
        MomentBasis basis = MomentBasisGenerator.generate(level);
        double ms = (System.nanoTime() - t0) / 1e6;
        System.out.printf("level %d: K=%d B=%d S=%d M=%d T=%d generated in %.1f ms%n", level, basis.radialFunctionCount(),
                basis.basicCount(), basis.scalarCount(), basis.momentsCount(), basis.productCount(), ms);
        assertEquals(k, basis.radialFunctionCount(), "K");
        assertEquals(b, basis.basicCount(), "B");
        assertEquals(s, basis.scalarCount(), "S");
        assertWellFormed(basis);
    }

    /** Without the rank cap the rule gives the spec's uncapped numbers (§4.2, below the table). */
    @ParameterizedTest(name = "level {0} without the rank cap: B={1} S={2}")
    @CsvSource({"26, 784, 1465", "28, 1035, 2453"})
    void uncappedCountsMatchTheSpec(int level, int b, int s) {
        MomentBasis basis = MomentBasisGenerator.generate(new BasisRules(level, 4, 20, 5));
        assertEquals(b, basis.basicCount(), "B");
        assertEquals(s, basis.scalarCount(), "S");
    }

    @Test
    void fifthPowerIsNotAtLevelTen() {
        // M(0,0)^5 has level 10 but five tensors: the 4-tensor cap excludes it (§4.1)
        for (ContractionGraph g : MomentBasisGenerator.generate(10).functions()) assertTrue(g.size() <= 4, g.toString());
    }

    /** The invariants MLIP-2 and mtpj's reader rely on (§1.2, §3.5). */
    static void assertWellFormed(MomentBasis basis) {
        int b = basis.basicCount(), m = basis.momentsCount();
        int maxMu = 0;
        for (int[] row : basis.basic()) maxMu = Math.max(maxMu, row[0]);
        assertEquals(basis.radialFunctionCount() - 1, maxMu, "largest μ = K−1");
        boolean[] used = new boolean[m];
        boolean[] written = new boolean[m];
        for (int[] t : basis.products()) {
            assertTrue(t[0] >= 0 && t[0] < m && t[1] >= 0 && t[1] < m, "input slots in range");
            assertTrue(t[3] >= b && t[3] < m, "output slot k >= B");
            assertTrue(t[2] > 0, "positive multiplicity");
            assertTrue(t[0] < b || written[t[0]], "input written before use");
            assertTrue(t[1] < b || written[t[1]], "input written before use");
            assertTrue(!used[t[3]], "slot " + t[3] + " receives an entry after it was used");
            used[t[0]] = true;
            used[t[1]] = true;
            written[t[3]] = true;
        }
        for (int k = b; k < m; k++) assertTrue(written[k], "slot " + k + " is never written");
        Set<Integer> mapped = new HashSet<>();
        for (int k : basis.mapping()) {
            assertTrue(k >= 0 && k < m, "mapping in range");
            assertTrue(mapped.add(k), "slot " + k + " mapped twice");
        }
        assertEquals(basis.functions().size(), basis.mapping().length);
    }
}
