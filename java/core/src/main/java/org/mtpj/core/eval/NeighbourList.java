package org.mtpj.core.eval;

import java.util.Arrays;
import org.mtpj.core.UserError;
import org.mtpj.core.math.Mat3;
import org.mtpj.core.model.Configuration;

/**
 * Neighbourhoods of every atom of a configuration (mtp-spec.md §3.1): all atoms and all periodic
 * images (images of the atom itself included) at 0 &lt; r &lt; Rcut, strictly. The search over
 * lattice shifts is complete: every shift that can bring an image within Rcut of some atom is
 * tried (any triclinic cell, 0–3 periodic rows; an all-zero row is not periodic). Candidates
 * are binned in cells of edge ≥ Rcut, so the cost is linear in the number of atoms.
 *
 * <p>Storage is CSR: the entries of atom i are {@code offsets[i] .. offsets[i+1]-1}; entry e has
 * the original atom {@code neighbours[e]}, its species {@code types[e]} and
 * {@code rij[3e..3e+2] = r_j + shift − r_i}. {@code reverseOffsets}/{@code reverseEntries} list,
 * for each atom j, the entries whose neighbour is j (ascending), so forces can be gathered in a
 * fixed order. {@link #rebuild} reuses the arrays.
 */
public final class NeighbourList {
    public final double cutoff;
    private int atomCount;
    private int entryCount;
    public int[] offsets = new int[1];
    public int[] neighbours = new int[0];
    public int[] types = new int[0];
    public double[] rij = new double[0];
    public int[] reverseOffsets = new int[1];
    public int[] reverseEntries = new int[0];

    // candidate (image) scratch, reused
    private double[] candPos = new double[0];
    private int[] candAtom = new int[0];
    private boolean[] candZero = new boolean[0];
    private int[] binStart = new int[0], binOrder = new int[0];
    private double[] sortedPos = new double[0];
    /** Original atom of the candidate at bin position p; −1 − atom for the zero-shift copy. */
    private int[] sortedAtom = new int[0];
    // bin geometry of the current build
    private final double[] blo = new double[3], bw = new double[3];
    private final int[] nb = new int[3];
    private static final int SUB = 3;
    /** Positions the list is built from: the configuration's, or a wrapped copy (see wrapIfSpread). */
    private double[] posUsed, wrapped = new double[0];
    /** Per-thread entry buffers of a parallel build, concatenated in thread (= atom) order. */
    private Entries[] parts = new Entries[0];

    /** Growable entry arrays of one block of atoms. */
    private static final class Entries {
        int count, base, from, to;
        boolean used;
        /** Entries per target atom, then the block's fill positions in the reverse index. */
        int[] perTarget = new int[0];
        int[] neighbours = new int[0], types = new int[0];
        double[] rij = new double[0];

        void grow(int c) {
            neighbours = Arrays.copyOf(neighbours, c);
            types = Arrays.copyOf(types, c);
            rij = Arrays.copyOf(rij, 3 * c);
        }
    }

    private NeighbourList(double cutoff) {
        if (!(cutoff > 0) || Double.isInfinite(cutoff)) throw new IllegalArgumentException("cutoff must be positive, got " + cutoff);
        this.cutoff = cutoff;
    }

    /** Builds the neighbour list of cfg for cutoff Rcut (Å). */
    public static NeighbourList build(Configuration cfg, double cutoff) {
        return build(cfg, cutoff, Blocks.SERIAL);
    }

    static NeighbourList build(Configuration cfg, double cutoff, Blocks.Runner runner) {
        NeighbourList nl = new NeighbourList(cutoff);
        nl.rebuild(cfg, runner);
        return nl;
    }

    /** Number of atoms of the configuration last built. */
    public int atomCount() { return atomCount; }

    /** Total number of neighbour entries. */
    public int entryCount() { return entryCount; }

    /** Number of neighbours of atom i. */
    public int count(int i) { return offsets[i + 1] - offsets[i]; }

    /** Largest neighbourhood. */
    public int maxCount() {
        int mx = 0;
        for (int i = 0; i < atomCount; i++) mx = Math.max(mx, count(i));
        return mx;
    }

    /**
     * Neighbours per atom a periodic cell implies within rc that no matter reaches: the densest
     * solids have ~0.2 atoms/Å³ (~300 neighbours within 7 Å). Far beyond it the list would not fit
     * in memory (a 0.1 Å cell: millions per atom), so it is bad input, not a memory problem.
     */
    static final double MAX_NEIGHBOURS_PER_ATOM = 100_000;

    private static void refuseUnphysicalDensity(int n, double volume, double rc) {
        double perAtom = n / volume * 4.0 / 3.0 * Math.PI * rc * rc * rc;
        if (perAtom > MAX_NEIGHBOURS_PER_ATOM)
            throw new UserError(String.format(java.util.Locale.ROOT,
                    "%d atoms in a cell of %.3g Å^3 (%.3g atoms/Å^3) would have about %.2g neighbours each within the cutoff %.3g Å;"
                            + " expected a physical cell (solids have less than 0.3 atoms/Å^3): check the Supercell units (Å)",
                    n, volume, n / volume, perAtom, rc));
    }

    /** Rebuilds the list for cfg (same cutoff), reusing the arrays where they are big enough. */
    public void rebuild(Configuration cfg) {
        rebuild(cfg, Blocks.SERIAL);
    }

    /**
     * Rebuild with the pairing of atoms split over the runner's threads; the result is the same
     * list, entry for entry, as the serial build.
     */
    void rebuild(Configuration cfg, Blocks.Runner runner) {
        final int n = cfg.size;
        final double rc = cutoff;
        final double[] given = cfg.positions;
        for (int i = 0; i < 3 * n; i++)
            if (!Double.isFinite(given[i]))
                throw new UserError("atom " + cfg.ids[i / 3] + " has a non-finite position");
        atomCount = n;
        if (offsets.length < n + 1) offsets = new int[n + 1];
        if (reverseOffsets.length < n + 1) reverseOffsets = new int[n + 1];
        offsets[0] = 0;
        entryCount = 0;
        if (n == 0) { reverseOffsets[0] = 0; return; }

        // periodic rows and their dual vectors in the span they define
        double[][] rows = new double[3][];
        int np = 0;
        for (int r = 0; r < 3; r++) if (cfg.isPeriodic(r)) rows[np++] = cfg.lattice[r].clone();
        double[][] dual = dualVectors(rows, np);
        if (np == 3) refuseUnphysicalDensity(n, Math.abs(org.mtpj.core.math.Mat3.determinant(rows)), rc);
        final double[] pos = wrapIfSpread(given, n, rows, dual, np);
        posUsed = pos;

        // range of lattice shifts along each periodic row that can bring an image within rc
        double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int i = 0; i < n; i++)
            for (int a = 0; a < 3; a++) {
                lo[a] = Math.min(lo[a], pos[3 * i + a]);
                hi[a] = Math.max(hi[a], pos[3 * i + a]);
            }
        int[] nmin = new int[3], nmax = new int[3];
        for (int k = 0; k < np; k++) {
            double cmin = Double.POSITIVE_INFINITY, cmax = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                double c = dual[k][0] * pos[3 * i] + dual[k][1] * pos[3 * i + 1] + dual[k][2] * pos[3 * i + 2];
                cmin = Math.min(cmin, c);
                cmax = Math.max(cmax, c);
            }
            double bnorm = Math.sqrt(dual[k][0] * dual[k][0] + dual[k][1] * dual[k][1] + dual[k][2] * dual[k][2]);
            // |c_j − c_i + shift| ≤ rc·|b_k| must be possible; small margin against rounding
            double reach = rc * bnorm * (1 + 1e-12) + 1e-9 + (cmax - cmin);
            nmax[k] = (int) Math.floor(reach);
            nmin[k] = -nmax[k];
            long total = 1;
            for (int kk = 0; kk <= k; kk++) total *= (nmax[kk] - nmin[kk] + 1);
            if (total * n > 200_000_000L)
                throw new UserError("cell too small for cutoff " + rc + " Å: " + total + " periodic images per atom would be needed");
        }

        // candidates: every image within rc of the bounding box of the atoms
        int shifts = 1;
        for (int k = 0; k < np; k++) shifts *= nmax[k] - nmin[k] + 1;
        int nc = 0;
        int[] sh = new int[3];
        for (int s = 0; s < shifts; s++) {
            int rem = s;
            boolean zero = true;
            double tx = 0, ty = 0, tz = 0;
            for (int k = 0; k < np; k++) {
                int span = nmax[k] - nmin[k] + 1;
                sh[k] = nmin[k] + rem % span;
                rem /= span;
                if (sh[k] != 0) zero = false;
                tx += sh[k] * rows[k][0];
                ty += sh[k] * rows[k][1];
                tz += sh[k] * rows[k][2];
            }
            for (int j = 0; j < n; j++) {
                double x, y, z;
                if (zero) { x = pos[3 * j]; y = pos[3 * j + 1]; z = pos[3 * j + 2]; }
                else {
                    x = pos[3 * j] + tx; y = pos[3 * j + 1] + ty; z = pos[3 * j + 2] + tz;
                    if (x <= lo[0] - rc || x >= hi[0] + rc || y <= lo[1] - rc || y >= hi[1] + rc
                            || z <= lo[2] - rc || z >= hi[2] + rc) continue;
                }
                if (nc == candAtom.length) growCandidates(Math.max(2 * nc, 4 * n + 16));
                candPos[3 * nc] = x; candPos[3 * nc + 1] = y; candPos[3 * nc + 2] = z;
                candAtom[nc] = j;
                candZero[nc] = zero;
                nc++;
            }
        }

        // bins of edge >= rc/SUB over the padded bounding box (capped in number for sparse
        // clusters); candidates copied in bin order so each bin is a contiguous run
        final int sub = SUB;
        long maxBins = Math.max(64, 2L * nc);
        double perAxis = Math.cbrt((double) maxBins);
        for (int a = 0; a < 3; a++) {
            blo[a] = lo[a] - rc;
            double ext = hi[a] - lo[a] + 2 * rc;
            int cnt = (int) Math.max(1, Math.min(Math.floor(ext * sub / rc), perAxis));
            nb[a] = cnt;
            bw[a] = Math.max(ext / cnt, rc / sub);
        }
        int nbins = nb[0] * nb[1] * nb[2];
        if (binStart.length < nbins + 1) binStart = new int[nbins + 1];
        Arrays.fill(binStart, 0, nbins + 1, 0);
        if (binOrder.length < nc) binOrder = new int[Math.max(nc, 16)];
        if (sortedPos.length < 3 * nc) sortedPos = new double[3 * Math.max(nc, 16)];
        if (sortedAtom.length < nc) sortedAtom = new int[Math.max(nc, 16)];
        int[] candBin = new int[nc];
        for (int c = 0; c < nc; c++) {
            int bb = binOf(candPos[3 * c], candPos[3 * c + 1], candPos[3 * c + 2], blo, bw, nb);
            candBin[c] = bb;
            binStart[bb + 1]++;
        }
        for (int bb = 0; bb < nbins; bb++) binStart[bb + 1] += binStart[bb];
        int[] fill = Arrays.copyOf(binStart, nbins);
        for (int c = 0; c < nc; c++) {
            int p = fill[candBin[c]]++;
            binOrder[p] = c;
            sortedAtom[p] = candZero[c] ? -1 - candAtom[c] : candAtom[c];
            sortedPos[3 * p] = candPos[3 * c];
            sortedPos[3 * p + 1] = candPos[3 * c + 1];
            sortedPos[3 * p + 2] = candPos[3 * c + 2];
        }
        // pair every atom with the candidates in the surrounding bins
        int threads = runner.threads();
        if (threads == 1 || n < 64) {
            Entries all = new Entries();
            all.neighbours = neighbours; all.types = types; all.rij = rij;
            pair(cfg, 0, n, all, true, n);
            neighbours = all.neighbours; types = all.types; rij = all.rij;
            entryCount = all.count;
            final int ne = entryCount;
            // reverse index: entries pointing to each atom, ascending
            Arrays.fill(reverseOffsets, 0, n + 1, 0);
            for (int e = 0; e < ne; e++) reverseOffsets[neighbours[e] + 1]++;
            for (int j = 0; j < n; j++) reverseOffsets[j + 1] += reverseOffsets[j];
            if (reverseEntries.length < ne) reverseEntries = new int[neighbours.length];
            int[] rfill = Arrays.copyOf(reverseOffsets, n);
            for (int e = 0; e < ne; e++) reverseEntries[rfill[neighbours[e]]++] = e;
            return;
        }
        // parallel: each block pairs its atoms into its own buffer and counts the entries per
        // target atom; after a short serial prefix sum every block copies its entries to their
        // final place and fills its share of the reverse index. Same arrays as the serial build.
        if (parts.length < threads) {
            parts = Arrays.copyOf(parts, threads);
            for (int t = 0; t < threads; t++) if (parts[t] == null) parts[t] = new Entries();
        }
        final Entries[] ps = parts;
        for (Entries e : ps) { e.count = 0; e.used = false; }
        runner.run(n, (t, from, to) -> {
            Entries part = ps[t];
            part.used = true;
            part.from = from;
            part.to = to;
            pair(cfg, from, to, part, false, n);
            if (part.perTarget.length < n) part.perTarget = new int[n];
            int[] cnt = part.perTarget;
            Arrays.fill(cnt, 0, n, 0);
            for (int e = 0; e < part.count; e++) cnt[part.neighbours[e]]++;
        });
        int total = 0;
        for (Entries e : ps) {
            e.base = total;
            total += e.count;
        }
        if (neighbours.length < total) growEntries(total + total / 8);
        if (reverseEntries.length < total) reverseEntries = new int[neighbours.length];
        // offsets[i + 1] holds the count of atom i: make them cumulative
        for (int i = 0; i < n; i++) offsets[i + 1] += offsets[i];
        // reverse offsets: for target j, block 0's entries first, then block 1's, … (= ascending)
        int run = 0;
        for (int j = 0; j < n; j++) {
            reverseOffsets[j] = run;
            for (Entries e : ps) {
                if (!e.used) continue;
                int c = e.perTarget[j];
                e.perTarget[j] = run;       // becomes this block's fill position for j
                run += c;
            }
        }
        reverseOffsets[n] = run;
        entryCount = total;
        final int[] nbAll = neighbours, tyAll = types, revAll = reverseEntries;
        final double[] rijAll = rij;
        runner.run(n, (t, from, to) -> {
            Entries part = ps[t];
            System.arraycopy(part.neighbours, 0, nbAll, part.base, part.count);
            System.arraycopy(part.types, 0, tyAll, part.base, part.count);
            System.arraycopy(part.rij, 0, rijAll, 3 * part.base, 3 * part.count);
            int[] slotOf = part.perTarget;
            for (int e = 0; e < part.count; e++) revAll[slotOf[part.neighbours[e]]++] = part.base + e;
        });
    }

    /**
     * Entries of atoms [from, to) appended to out; offsets[i + 1] receives the running entry
     * count (cumulative) or, for a parallel block, the count of atom i alone.
     */
    private void pair(Configuration cfg, int from, int to, Entries out, boolean cumulative, int n) {
        final double rc = cutoff, rc2lo = rc * rc * (1 - 1e-9), rc2hi = rc * rc * (1 + 1e-9);
        final double[] pos = posUsed, sp = sortedPos;
        final int[] sa = sortedAtom;
        final int sub = SUB;
        int ne = out.count;
        for (int i = from; i < to; i++) {
            int start = ne;
            double xi = pos[3 * i], yi = pos[3 * i + 1], zi = pos[3 * i + 2];
            int bx = axisBin(xi, blo[0], bw[0], nb[0]), by = axisBin(yi, blo[1], bw[1], nb[1]), bz = axisBin(zi, blo[2], bw[2], nb[2]);
            int zlo = Math.max(0, bz - sub), zhi = Math.min(nb[2] - 1, bz + sub);
            for (int cx = Math.max(0, bx - sub); cx <= Math.min(nb[0] - 1, bx + sub); cx++)
                for (int cy = Math.max(0, by - sub); cy <= Math.min(nb[1] - 1, by + sub); cy++) {
                    // bins cz = zlo..zhi of one (cx, cy) column are one contiguous run
                    int row = (cx * nb[1] + cy) * nb[2];
                    int pStart = binStart[row + zlo], pEnd = binStart[row + zhi + 1];
                    if (ne + (pEnd - pStart) > out.neighbours.length)
                        out.grow(Math.max(2 * out.neighbours.length, ne + (pEnd - pStart) + 64 * (to - from) + 64));
                    final int[] onb = out.neighbours;
                    final double[] orij = out.rij;
                    // branch-free append: every candidate is written, the count advances only for
                    // those inside (the pass/fail pattern is unpredictable for the CPU)
                    for (int p = pStart; p < pEnd; p++) {
                        double dx = sp[3 * p] - xi, dy = sp[3 * p + 1] - yi, dz = sp[3 * p + 2] - zi;
                        double r2 = dx * dx + dy * dy + dz * dz;
                        boolean in = r2 < rc2lo;
                        if (r2 >= rc2lo & r2 <= rc2hi) in = Math.sqrt(r2) < rc; // rare: decide with r itself
                        int j = sa[p];
                        if (r2 == 0) { // the atom itself at zero shift (once per atom), else an error
                            if (j == -1 - i) continue;
                            int jj = j < 0 ? -1 - j : j;
                            throw new UserError(jj == i
                                    ? "atom " + cfg.ids[i] + " coincides with its own periodic image (degenerate cell)"
                                    : "atoms " + cfg.ids[i] + " and " + cfg.ids[jj] + (j < 0 ? "" : " (periodic image)")
                                      + " are at distance 0");
                        }
                        onb[ne] = j < 0 ? -1 - j : j;
                        orij[3 * ne] = dx; orij[3 * ne + 1] = dy; orij[3 * ne + 2] = dz;
                        ne += in ? 1 : 0;
                    }
                }
            offsets[i + 1] = cumulative ? ne : ne - start;
        }
        for (int e = out.count; e < ne; e++) out.types[e] = cfg.types[out.neighbours[e]];
        out.count = ne;
    }

    /**
     * Positions spread over more than two cell lengths along a periodic row (e.g. unwrapped MD
     * coordinates) would need many lattice shifts; such positions are wrapped into the cell by
     * whole lattice vectors first. This relabels images only: every r_ij stays the same up to
     * rounding. Ordinary input (spread ≤ 2 cells) is used exactly as given.
     */
    private double[] wrapIfSpread(double[] pos, int n, double[][] rows, double[][] dual, int np) {
        boolean spread = false;
        for (int k = 0; k < np && !spread; k++) {
            double cmin = Double.POSITIVE_INFINITY, cmax = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                double c = dual[k][0] * pos[3 * i] + dual[k][1] * pos[3 * i + 1] + dual[k][2] * pos[3 * i + 2];
                cmin = Math.min(cmin, c);
                cmax = Math.max(cmax, c);
            }
            spread = cmax - cmin > 2;
        }
        if (!spread) return pos;
        if (wrapped.length < 3 * n) wrapped = new double[3 * n];
        System.arraycopy(pos, 0, wrapped, 0, 3 * n);
        for (int i = 0; i < n; i++)
            for (int k = 0; k < np; k++) {
                // b_l · a_k = 0 for l ≠ k, so shifting along a_k leaves the other coefficients alone
                double c = dual[k][0] * wrapped[3 * i] + dual[k][1] * wrapped[3 * i + 1] + dual[k][2] * wrapped[3 * i + 2];
                double f = Math.floor(c);
                if (f != 0)
                    for (int a = 0; a < 3; a++) wrapped[3 * i + a] -= f * rows[k][a];
            }
        return wrapped;
    }

    private static int axisBin(double x, double lo, double w, int count) {
        int b = (int) ((x - lo) / w);
        return b < 0 ? 0 : b >= count ? count - 1 : b;
    }

    private static int binOf(double x, double y, double z, double[] lo, double[] w, int[] nb) {
        return (axisBin(x, lo[0], w[0], nb[0]) * nb[1] + axisBin(y, lo[1], w[1], nb[1])) * nb[2] + axisBin(z, lo[2], w[2], nb[2]);
    }

    private void growCandidates(int c) {
        candPos = Arrays.copyOf(candPos, 3 * c);
        candAtom = Arrays.copyOf(candAtom, c);
        candZero = Arrays.copyOf(candZero, c);
    }

    private void growEntries(int c) {
        neighbours = Arrays.copyOf(neighbours, c);
        types = Arrays.copyOf(types, c);
        rij = Arrays.copyOf(rij, 3 * c);
    }

    /**
     * Dual vectors b_k of the np periodic rows within their span: b_k · a_l = δ_kl. The
     * coefficient of a vector d along a_k is b_k·d, and |b_k·d| ≤ |b_k||d| bounds the shifts.
     */
    private static double[][] dualVectors(double[][] rows, int np) {
        double[][] g = new double[np][np];
        for (int k = 0; k < np; k++)
            for (int l = 0; l < np; l++) g[k][l] = dot(rows[k], rows[l]);
        double[][] inv = invert(g, np);
        double[][] dual = new double[np][3];
        for (int k = 0; k < np; k++)
            for (int l = 0; l < np; l++)
                for (int a = 0; a < 3; a++) dual[k][a] += inv[k][l] * rows[l][a];
        return dual;
    }

    private static double dot(double[] a, double[] b) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }

    private static double[][] invert(double[][] g, int n) {
        double[][] inv = new double[n][n];
        if (n == 0) return inv;
        double scale = 0;
        for (int k = 0; k < n; k++) scale = Math.max(scale, g[k][k]);
        double det;
        if (n == 1) {
            det = g[0][0];
            inv[0][0] = 1 / det;
        } else if (n == 2) {
            det = g[0][0] * g[1][1] - g[0][1] * g[1][0];
            inv[0][0] = g[1][1] / det; inv[1][1] = g[0][0] / det;
            inv[0][1] = -g[0][1] / det; inv[1][0] = -g[1][0] / det;
        } else {
            det = Mat3.determinant(g);
            inv = Mat3.inverse(g, det);
        }
        if (!Double.isFinite(det) || !Double.isFinite(scale))
            throw new UserError("a periodic lattice row is too long to compute with (|a|^2 = " + scale + " Å^2; expected a cell of at most ~1e100 Å)");
        if (!(Math.abs(det) > 1e-12 * Math.pow(scale, n)))
            throw new UserError("the periodic lattice rows are linearly dependent (degenerate Supercell)");
        return inv;
    }
}
