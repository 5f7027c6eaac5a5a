package org.mtpj.train.grade;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.mtpj.host.Ranks;

/**
 * One MaxVol selection pass (mtp-spec §6.3): compute C = B·A⁻¹ for all candidate rows, and while
 * the largest |C_ij| exceeds the swap threshold, exchange candidate row i with active-set row j
 * and update A⁻¹ and C by rank-one (Sherman–Morrison) formulas. The pass starts only when the
 * largest |C_ij| exceeds the trigger threshold. Ties go to the first entry in row-major order.
 */
public final class MaxVolSelector {
    private MaxVolSelector() {}

    /**
     * Runs one pass and returns the number of swaps made.
     *
     * @param trigger       the pass does nothing unless some |C_ij| > trigger
     * @param swapThreshold swapping continues while max |C_ij| > swapThreshold
     * @param limit         at most this many swaps (0 = unlimited)
     */
    public static int select(ActiveSet set, CandidatePool pool, double trigger, double swapThreshold, int limit) {
        return select(set, pool, trigger, swapThreshold, limit, Ranks.SINGLE);
    }

    /**
     * The same pass with the candidate rows spread over MPI ranks: {@code pool} holds this rank's
     * rows, which follow those of the lower ranks in the pool a single process would hold. Each
     * rank keeps C for its own rows; per swap one allreduce gathers every rank's largest |C_ij| with
     * its rows of C and B, and all ranks take the largest (first in row-major order, as in one process).
     * Every entry is computed by the same operations as in one process, so the active set (the
     * same on every rank) has the same bits.
     */
    public static int select(ActiveSet set, CandidatePool pool, double trigger, double swapThreshold, int limit, Ranks ranks) {
        int n = set.size();
        int m = pool.size();
        if (pool.rowLength() != n)
            throw new IllegalArgumentException("candidate rows have length " + pool.rowLength() + ", active set " + n);
        long[] rowsPer = new long[ranks.size()];
        rowsPer[ranks.rank()] = m;
        ranks.sumInPlace(rowsPer);
        long first = 0, total = 0;
        for (int r = 0; r < rowsPer.length; r++) {
            if (r < ranks.rank()) first += rowsPer[r];
            total += rowsPer[r];
        }
        if (total == 0) return 0;
        double[] b = pool.data();
        DMatrixRMaj cm = new DMatrixRMaj(m, n);
        if (m > 0) {
            if ((long) m * n * n > 50_000_000L) org.ejml.dense.row.CommonOps_MT_DDRM.mult(DMatrixRMaj.wrap(m, n, b), DMatrixRMaj.wrap(n, n, set.inverse), cm);
            else CommonOps_DDRM.mult(DMatrixRMaj.wrap(m, n, b), DMatrixRMaj.wrap(n, n, set.inverse), cm);
        }
        double[] c = cm.data;
        // enough rows per block to amortise the fork (a swap costs m·n multiply-adds)
        final int blocks = (int) Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), (long) m * n / 500_000));
        double[] ainv = set.inverse;
        double[] a = set.rows;

        int best = m == 0 ? -1 : argMaxAbs(c, m * n);
        double[] wins = new double[2 * n + 1];   // the winning rows of C and B, and the B row's owner
        long[] winner = largest(ranks, pool, c, best, first, wins);   // {global row, column, holding rank}
        if (!(Math.abs(wins[(int) winner[1]]) > trigger)) return 0;
        int swaps = 0;
        double[] v = new double[n];      // row i0 of C minus e_j0
        double[] u = new double[m];      // column j0 of C / pivot, plus e_i0 / pivot
        double[] w = new double[n];      // column j0 of A⁻¹ / pivot
        while (true) {
            int j0 = (int) winner[1];
            int i0 = winner[2] == ranks.rank() ? (int) (winner[0] - first) : -1;   // the row here, or −1
            double piv = wins[j0];
            if (!(Math.abs(piv) > swapThreshold && (limit <= 0 || swaps < limit))) break;
            // exchange the rows and their owners
            int to = set.owner[j0];
            for (int k = 0; k < n; k++) {
                if (i0 >= 0) b[i0 * n + k] = a[j0 * n + k];
                a[j0 * n + k] = wins[n + k];
            }
            set.owner[j0] = (int) wins[2 * n];
            if (i0 >= 0) pool.owner[i0] = to;

            System.arraycopy(wins, 0, v, 0, n);
            v[j0] -= 1.0;
            double inv = 1.0 / piv;
            for (int i = 0; i < m; i++) u[i] = c[i * n + j0] * inv;
            if (i0 >= 0) u[i0] += inv;
            for (int k = 0; k < n; k++) w[k] = ainv[k * n + j0] * inv;
            // A⁻¹ ← A⁻¹ − (A⁻¹ e_j0)(v − e_j0)ᵀ / piv
            for (int k = 0; k < n; k++) {
                double wk = w[k];
                if (wk == 0) continue;
                int off = k * n;
                for (int j = 0; j < n; j++) ainv[off + j] -= wk * v[j];
            }
            // C ← C − u (v − e_j0)ᵀ, fused with the search for the next maximum; rows are split
            // into contiguous blocks (combined in block order, so ties still go to the first entry)
            final double[] uu = u, vv = v, cc = c;
            if (m == 0) {
                best = -1;
            } else if (blocks == 1) {
                long r = updateRows(cc, uu, vv, n, 0, m);
                best = (int) Math.max(0, r);
            } else {
                long[] res = java.util.stream.IntStream.range(0, blocks).parallel()
                        .mapToLong(k -> updateRows(cc, uu, vv, n, (int) ((long) m * k / blocks), (int) ((long) m * (k + 1) / blocks)))
                        .toArray();
                double bestAbs = -1;
                best = 0;
                for (long r : res) {
                    if (r < 0) continue;
                    double x = Math.abs(cc[(int) r]);
                    if (x > bestAbs) { bestAbs = x; best = (int) r; }
                }
            }
            winner = largest(ranks, pool, c, best, first, wins);
            swaps++;
        }
        return swaps;
    }

    /**
     * The entry with the largest |C_ij| over all ranks, ties to the first in row-major order of the
     * whole pool: {global row, column, holding rank}; its rows of C and B and the B row's owner go
     * into {@code wins} on every rank. {@code best} is this rank's largest (−1: no rows). One
     * collective: each rank's candidate in its own slot, gathered exactly by an integer sum.
     */
    private static long[] largest(Ranks ranks, CandidatePool pool, double[] c, int best, long first, double[] wins) {
        int n = pool.rowLength();
        if (ranks.size() == 1) {
            int i = best / n;
            System.arraycopy(c, i * n, wins, 0, n);
            System.arraycopy(pool.data(), i * n, wins, n, n);
            wins[2 * n] = pool.owner[i];
            return new long[] {i, best % n, 0};
        }
        int slot = 2 + wins.length;   // |C_ij|, flat index, the rows
        long[] all = new long[ranks.size() * slot];
        int at = ranks.rank() * slot;
        if (best < 0) {
            all[at] = Double.doubleToRawLongBits(-1);
        } else {
            int i = best / n;
            all[at] = Double.doubleToRawLongBits(Math.abs(c[best]));
            all[at + 1] = first * n + best;
            for (int k = 0; k < n; k++) {
                all[at + 2 + k] = Double.doubleToRawLongBits(c[i * n + k]);
                all[at + 2 + n + k] = Double.doubleToRawLongBits(pool.data()[i * n + k]);
            }
            all[at + 2 + 2 * n] = Double.doubleToRawLongBits(pool.owner[i]);
        }
        ranks.sumInPlace(all);
        int holder = 0;
        for (int r = 1; r < ranks.size(); r++) {
            double x = Double.longBitsToDouble(all[r * slot]), top = Double.longBitsToDouble(all[holder * slot]);
            // ranks hold consecutive rows: on a tie the lower rank's entry comes first
            if (x > top) holder = r;
        }
        for (int k = 0; k < wins.length; k++) wins[k] = Double.longBitsToDouble(all[holder * slot + 2 + k]);
        long flat = all[holder * slot + 1];
        return new long[] {flat / n, flat % n, holder};
    }

    /**
     * Updates rows [lo, hi) of C and returns the flat index of their largest |C_ij| (first in
     * row-major order), or −1 for an empty block. The row maximum is a branch-free reduction the
     * JIT vectorises; the index is looked up only in rows that beat the best so far.
     */
    private static long updateRows(double[] c, double[] u, double[] v, int n, int lo, int hi) {
        double bestAbs = -1;
        long best = -1;
        for (int i = lo; i < hi; i++) {
            double ui = u[i];
            int off = i * n;
            double rowMax = 0;
            if (ui != 0) {
                for (int j = 0; j < n; j++) {
                    double x = c[off + j] - ui * v[j];
                    c[off + j] = x;
                    rowMax = Math.max(rowMax, Math.abs(x));
                }
            } else {
                for (int j = 0; j < n; j++) rowMax = Math.max(rowMax, Math.abs(c[off + j]));
            }
            if (rowMax > bestAbs) {
                for (int j = 0; j < n; j++)
                    if (Math.abs(c[off + j]) == rowMax) { best = off + j; break; }
                bestAbs = rowMax;
            }
        }
        return best;
    }

    private static int argMaxAbs(double[] c, int len) {
        int best = 0;
        double bestAbs = -1;
        for (int i = 0; i < len; i++) {
            double x = Math.abs(c[i]);
            if (x > bestAbs) { bestAbs = x; best = i; }
        }
        return best;
    }
}
