package org.mtpj.train.basis;

import java.util.Arrays;

/**
 * A contraction of basic moment tensors, as a multigraph (mtp-spec.md §4.1): one vertex per tensor
 * M_{μ,ν}, edge multiplicity = number of index pairs contracted between two tensors, no self-loops.
 * When every vertex's degree equals its rank ν the graph is a scalar basis function; a graph with
 * smaller degrees describes an intermediate tensor whose free indices are the ν − degree leftover
 * indices of each vertex (one symmetric group per vertex).
 *
 * <p>Edge multiplicities are stored for the vertex pairs (0,1), (0,2), …, (0,n−1), (1,2), …,
 * (n−2,n−1). Instances are immutable.
 */
public final class ContractionGraph implements Comparable<ContractionGraph> {
    private static final int[][][] PERMUTATIONS = new int[5][][];

    static {
        for (int n = 0; n <= 4; n++) PERMUTATIONS[n] = permutations(n);
    }

    private final int[] mu;
    private final int[] nu;
    private final int[] edges;

    public ContractionGraph(int[] mu, int[] nu, int[] edges) {
        if (mu.length != nu.length || edges.length != pairCount(mu.length))
            throw new IllegalArgumentException("inconsistent graph arrays");
        this.mu = mu.clone();
        this.nu = nu.clone();
        this.edges = edges.clone();
        for (int v = 0; v < mu.length; v++)
            if (degree(v) > nu[v]) throw new IllegalArgumentException("vertex " + v + " has degree above its rank");
    }

    public static int pairCount(int n) { return n * (n - 1) / 2; }

    /** Index of pair (a, b), a ≠ b, in the edge array of an n-vertex graph. */
    public static int pairIndex(int n, int a, int b) {
        if (a > b) { int t = a; a = b; b = t; }
        return a * n - a * (a + 1) / 2 + (b - a - 1);
    }

    public int size() { return mu.length; }
    public int mu(int v) { return mu[v]; }
    public int nu(int v) { return nu[v]; }
    public int edge(int a, int b) { return edges[pairIndex(mu.length, a, b)]; }
    public int[] edgeTuple() { return edges.clone(); }

    public int degree(int v) {
        int d = 0;
        for (int u = 0; u < mu.length; u++) if (u != v) d += edge(u, v);
        return d;
    }

    /** Leftover (uncontracted) indices of vertex v. */
    public int free(int v) { return nu[v] - degree(v); }

    /** True when every index is contracted: the graph is a scalar. */
    public boolean isScalar() {
        for (int v = 0; v < mu.length; v++) if (free(v) != 0) return false;
        return true;
    }

    /** Level: Σ (2 + 4μ + ν) over the tensors. */
    public int level() {
        int l = 0;
        for (int v = 0; v < mu.length; v++) l += 2 + 4 * mu[v] + nu[v];
        return l;
    }

    /** Largest μ of the graph. */
    public int maxMu() {
        int m = 0;
        for (int x : mu) m = Math.max(m, x);
        return m;
    }

    /** The graph on the vertices of {@code mask} (bit v = vertex v), in increasing vertex order. */
    public ContractionGraph induced(int mask) {
        int n = Integer.bitCount(mask);
        int[] vs = new int[n];
        for (int v = 0, k = 0; v < mu.length; v++) if ((mask & (1 << v)) != 0) vs[k++] = v;
        int[] m = new int[n], r = new int[n], e = new int[pairCount(n)];
        for (int i = 0; i < n; i++) { m[i] = mu[vs[i]]; r[i] = nu[vs[i]]; }
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++) e[pairIndex(n, i, j)] = edge(vs[i], vs[j]);
        return new ContractionGraph(m, r, e);
    }

    /**
     * The canonical relabelling: vertices sorted by (μ, ν), and among the orders that keep that
     * sort (relabellings of identical tensors) the one with the lexicographically smallest edge
     * tuple. {@code perm[c]} is the old vertex placed at canonical position c.
     */
    public Canonical canonical() {
        int n = mu.length;
        int[] best = null;
        int[] bestPerm = null;
        for (int[] p : PERMUTATIONS[n]) {
            if (!sortedLabels(p)) continue;
            int[] e = new int[edges.length];
            for (int i = 0; i < n; i++)
                for (int j = i + 1; j < n; j++) e[pairIndex(n, i, j)] = edge(p[i], p[j]);
            if (best == null || Arrays.compare(e, best) < 0) { best = e; bestPerm = p; }
        }
        int[] m = new int[n], r = new int[n];
        for (int i = 0; i < n; i++) { m[i] = mu[bestPerm[i]]; r[i] = nu[bestPerm[i]]; }
        return new Canonical(new ContractionGraph(m, r, best), bestPerm.clone());
    }

    /** True when this graph is already in canonical form. */
    public boolean isCanonical() {
        Canonical c = canonical();
        return c.graph().equals(this);
    }

    private boolean sortedLabels(int[] p) {
        for (int i = 1; i < p.length; i++) {
            int a = p[i - 1], b = p[i];
            if (mu[a] > mu[b] || (mu[a] == mu[b] && nu[a] > nu[b])) return false;
        }
        return true;
    }

    /** A text key, equal for equal graphs (use on canonical graphs to identify isomorphism classes). */
    public String key() {
        StringBuilder sb = new StringBuilder();
        for (int v = 0; v < mu.length; v++) sb.append(mu[v]).append(',').append(nu[v]).append(';');
        sb.append('|');
        for (int e : edges) sb.append(e).append(',');
        return sb.toString();
    }

    /**
     * The order of mtp-spec.md §4.2 for canonical graphs: number of tensors, then the sorted μ
     * list, then the canonical edge-multiplicity tuple (then ν, which never decides for scalars).
     */
    @Override
    public int compareTo(ContractionGraph o) {
        int c = Integer.compare(size(), o.size());
        if (c != 0) return c;
        c = Arrays.compare(mu, o.mu);
        if (c != 0) return c;
        c = Arrays.compare(edges, o.edges);
        if (c != 0) return c;
        return Arrays.compare(nu, o.nu);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContractionGraph g && Arrays.equals(mu, g.mu) && Arrays.equals(nu, g.nu)
                && Arrays.equals(edges, g.edges);
    }

    @Override
    public int hashCode() { return Arrays.hashCode(mu) * 961 + Arrays.hashCode(nu) * 31 + Arrays.hashCode(edges); }

    /** Readable form, e.g. {@code M(0,2)·M(0,2)·M(0,2) [1,1,1]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int v = 0; v < mu.length; v++) {
            if (v > 0) sb.append('·');
            sb.append("M(").append(mu[v]).append(',').append(nu[v]).append(')');
        }
        return sb.append(' ').append(Arrays.toString(edges)).toString();
    }

    /** A graph in canonical form and the permutation that produced it. */
    public record Canonical(ContractionGraph graph, int[] perm) {}

    private static int[][] permutations(int n) {
        java.util.List<int[]> out = new java.util.ArrayList<>();
        permute(new int[n], new boolean[n], 0, out);
        return out.toArray(new int[0][]);
    }

    private static void permute(int[] cur, boolean[] used, int k, java.util.List<int[]> out) {
        if (k == cur.length) { out.add(cur.clone()); return; }
        for (int i = 0; i < cur.length; i++) {
            if (used[i]) continue;
            used[i] = true;
            cur[k] = i;
            permute(cur, used, k + 1, out);
            used[i] = false;
        }
    }
}
