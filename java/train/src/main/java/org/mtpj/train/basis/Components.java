package org.mtpj.train.basis;

/**
 * The independent components of a symmetric rank-n tensor in 3-D: exponent triples (p, q, s)
 * with p + q + s = n, in the order of mtp-spec.md §4.1 (decreasing p, then decreasing q):
 * (n,0,0), (n−1,1,0), (n−1,0,1), (n−2,2,0), …, (0,0,n). A component stands for all n!/(p!q!s!)
 * index orderings that share its exponents.
 */
public final class Components {
    /** Largest rank handled (the generator caps ranks at 10; intermediates never exceed it). */
    public static final int MAX_RANK = 24;

    private static final int[][][] TRIPLES = new int[MAX_RANK + 1][][];
    private static final long[] FACTORIAL = new long[MAX_RANK + 1];

    static {
        FACTORIAL[0] = 1;
        for (int i = 1; i <= MAX_RANK; i++) FACTORIAL[i] = FACTORIAL[i - 1] * i;
        for (int n = 0; n <= MAX_RANK; n++) {
            int[][] t = new int[count(n)][];
            int k = 0;
            for (int p = n; p >= 0; p--)
                for (int q = n - p; q >= 0; q--) t[k++] = new int[] {p, q, n - p - q};
            TRIPLES[n] = t;
        }
    }

    private Components() {}

    /** Number of components of a symmetric rank-n tensor: (n+1)(n+2)/2. */
    public static int count(int n) { return (n + 1) * (n + 2) / 2; }

    /** The component triples of rank n in canonical order (shared array: do not modify). */
    public static int[][] triples(int n) { return TRIPLES[n]; }

    /** Position of (p, q, n−p−q) in {@link #triples(int)}. */
    public static int index(int n, int p, int q) {
        // components with a larger p come first: sum over p' = p+1..n of (n − p' + 1)
        int m = n - p; // number of exponents left for q and s
        int before = m * (m + 1) / 2;
        return before + (m - q);
    }

    /** Multinomial n!/(p! q! s!): the number of index orderings a component stands for. */
    public static long multinomial(int p, int q, int s) {
        return FACTORIAL[p + q + s] / (FACTORIAL[p] * FACTORIAL[q] * FACTORIAL[s]);
    }
}
