package org.mtpj.train.basis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The basic moments of a basis (mtp-spec.md §4.1): every (μ, ν) used by some function, sorted by
 * μ then ν, each expanded into its components (μ, p, q, s) in the order of {@link Components}.
 * Slot q of the file holds row q.
 */
public final class BasicMomentList {
    private final int[][] rows;
    private final int[][] offset; // [μ][ν] → first slot, −1 when absent

    public BasicMomentList(Collection<ContractionGraph> graphs) {
        TreeSet<Integer> used = new TreeSet<>(); // encoded μ·64 + ν, sorts by μ then ν
        int maxMu = 0, maxNu = 0;
        for (ContractionGraph g : graphs)
            for (int v = 0; v < g.size(); v++) {
                used.add(g.mu(v) * 64 + g.nu(v));
                maxMu = Math.max(maxMu, g.mu(v));
                maxNu = Math.max(maxNu, g.nu(v));
            }
        offset = new int[maxMu + 1][maxNu + 1];
        for (int[] o : offset) java.util.Arrays.fill(o, -1);
        List<int[]> r = new ArrayList<>();
        for (int code : used) {
            int mu = code / 64, nu = code % 64;
            offset[mu][nu] = r.size();
            for (int[] t : Components.triples(nu)) r.add(new int[] {mu, t[0], t[1], t[2]});
        }
        rows = r.toArray(new int[0][]);
    }

    /** B rows (μ, p, q, s), fresh copies. */
    public int[][] rows() {
        int[][] out = new int[rows.length][];
        for (int i = 0; i < rows.length; i++) out[i] = rows[i].clone();
        return out;
    }

    public int count() { return rows.length; }

    /** First slot of tensor M_{μ,ν}; its component c is at offset + c. */
    public int offset(int mu, int nu) {
        int o = mu < offset.length && nu < offset[mu].length ? offset[mu][nu] : -1;
        if (o < 0) throw new IllegalArgumentException("M(" + mu + "," + nu + ") is not a basic moment of this basis");
        return o;
    }

    /** K: 1 + the largest μ. */
    public int radialFunctionCount() { return offset.length; }
}
