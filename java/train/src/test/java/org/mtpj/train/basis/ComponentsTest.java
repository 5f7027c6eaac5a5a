package org.mtpj.train.basis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ComponentsTest {
    @Test
    void orderIndexAndMultinomials() {
        assertArrayEquals(new int[][] {{2, 0, 0}, {1, 1, 0}, {1, 0, 1}, {0, 2, 0}, {0, 1, 1}, {0, 0, 2}}, Components.triples(2));
        for (int n = 0; n <= 12; n++) {
            int[][] t = Components.triples(n);
            assertEquals(Components.count(n), t.length);
            long total = 0;
            for (int i = 0; i < t.length; i++) {
                assertEquals(i, Components.index(n, t[i][0], t[i][1]));
                total += Components.multinomial(t[i][0], t[i][1], t[i][2]);
            }
            assertEquals(Math.round(Math.pow(3, n)), total, "all 3^n index orderings counted once");
        }
        long[] rank3 = new long[10];
        for (int i = 0; i < 10; i++) { int[] e = Components.triples(3)[i]; rank3[i] = Components.multinomial(e[0], e[1], e[2]); }
        assertArrayEquals(new long[] {1, 3, 3, 3, 6, 3, 1, 3, 3, 1}, rank3, "spec §4.1 rank-3 multiplicities");
    }
}
