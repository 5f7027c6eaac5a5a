package org.mtpj.host;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class RanksTest {
    /** Every item goes to exactly one rank, in order, and no rank gets much more than its part of the atoms. */
    @Test
    void sharesAreContiguousCompleteAndBalancedByWeight() {
        long[] atoms = {768, 96, 96, 2, 768, 500, 500, 10, 10, 10, 768};
        long total = 0, largest = 0;
        for (long a : atoms) { total += a; largest = Math.max(largest, a); }
        for (int size = 1; size <= 6; size++) {
            int next = 0;
            for (int r = 0; r < size; r++) {
                int[] s = Ranks.share(atoms, r, size);
                assertEquals(next, s[0], "rank " + r + " of " + size + " starts where the previous ended");
                long w = 0;
                for (int i = s[0]; i < s[1]; i++) w += atoms[i];
                assertTrue(w <= total / size + largest, "rank " + r + " of " + size + ": " + w + " atoms");
                next = s[1];
            }
            assertEquals(atoms.length, next, size + " ranks cover every item");
        }
        assertArrayEquals(new int[] {0, 2}, Ranks.share(new long[] {1, 1, 1, 1}, 0, 2));
        assertArrayEquals(new int[] {2, 4}, Ranks.share(new long[] {1, 1, 1, 1}, 1, 2));
        int owners = 0;
        for (int r = 0; r < 3; r++) {
            int[] s = Ranks.share(new long[] {5}, r, 3);
            owners += s[1] - s[0];
        }
        assertEquals(1, owners, "more ranks than items: one rank gets it, the others nothing");
    }
}
