package org.mtpj.core.eval;

import java.util.Arrays;
import org.mtpj.core.model.Configuration;

/**
 * The closest interatomic distance of one configuration per unordered species pair, periodic
 * images included (an atom's own images too: they are atoms of the crystal). Distances come from
 * {@link NeighbourList} with a cutoff doubled until every species pair that occurs has been seen,
 * so the search is the evaluation's own, complete for any cell.
 */
public final class ClosestPairs {
    private ClosestPairs() {}

    /** First cutoff tried (Å): most bonds are shorter, so one build usually suffices. */
    private static final double FIRST_CUTOFF = 3.0;

    /**
     * d[a][b] = d[b][a] = closest distance (Å) between an atom of species a and one of species b;
     * +∞ for a pair that does not occur. Size: largest species index + 1.
     */
    public static double[][] of(Configuration c) {
        int species = 0;
        for (int t : c.types) species = Math.max(species, t + 1);
        double[][] d = new double[species][species];
        for (double[] row : d) Arrays.fill(row, Double.POSITIVE_INFINITY);
        if (c.size == 0) return d;
        boolean[][] occurs = occurringPairs(c, species);
        double reach = reach(c);
        for (double rc = FIRST_CUTOFF; ; rc *= 2) {
            NeighbourList nl = NeighbourList.build(c, rc);
            for (int i = 0; i < c.size; i++) {
                int a = c.types[i];
                for (int e = nl.offsets[i]; e < nl.offsets[i + 1]; e++) {
                    int b = nl.types[e];
                    double r = Math.sqrt(nl.rij[3 * e] * nl.rij[3 * e] + nl.rij[3 * e + 1] * nl.rij[3 * e + 1] + nl.rij[3 * e + 2] * nl.rij[3 * e + 2]);
                    if (r < d[a][b]) { d[a][b] = r; d[b][a] = r; }
                }
            }
            if (rc >= reach || allSeen(d, occurs)) return d;
        }
    }

    /** Pairs that exist: two different species both present, or one species with two atoms or a periodic image. */
    private static boolean[][] occurringPairs(Configuration c, int species) {
        int[] count = new int[species];
        for (int t : c.types) count[t]++;
        boolean periodic = c.isPeriodic(0) || c.isPeriodic(1) || c.isPeriodic(2);
        boolean[][] occurs = new boolean[species][species];
        for (int a = 0; a < species; a++)
            for (int b = 0; b < species; b++)
                occurs[a][b] = a == b ? count[a] >= 2 || (count[a] == 1 && periodic) : count[a] > 0 && count[b] > 0;
        return occurs;
    }

    private static boolean allSeen(double[][] d, boolean[][] occurs) {
        for (int a = 0; a < d.length; a++)
            for (int b = 0; b < d.length; b++)
                if (occurs[a][b] && d[a][b] == Double.POSITIVE_INFINITY) return false;
        return true;
    }

    /**
     * A distance beyond the closest image of every atom from every other: the diagonal of the
     * atoms' bounding box plus the lengths of the periodic rows (+1 Å so the strict cutoff is passed).
     */
    private static double reach(Configuration c) {
        double[] lo = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE}, hi = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int i = 0; i < c.size; i++)
            for (int k = 0; k < 3; k++) { lo[k] = Math.min(lo[k], c.positions[3 * i + k]); hi[k] = Math.max(hi[k], c.positions[3 * i + k]); }
        double r = Math.sqrt((hi[0] - lo[0]) * (hi[0] - lo[0]) + (hi[1] - lo[1]) * (hi[1] - lo[1]) + (hi[2] - lo[2]) * (hi[2] - lo[2])) + 1;
        for (int row = 0; row < 3; row++)
            if (c.isPeriodic(row)) r += Math.sqrt(c.lattice[row][0] * c.lattice[row][0] + c.lattice[row][1] * c.lattice[row][1] + c.lattice[row][2] * c.lattice[row][2]);
        return r;
    }
}
