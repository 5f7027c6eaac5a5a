package org.mtpj.train.grade;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

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
        int n = set.size();
        int m = pool.size();
        if (m == 0) return 0;
        if (pool.rowLength() != n)
            throw new IllegalArgumentException("candidate rows have length " + pool.rowLength() + ", active set " + n);
        double[] b = pool.data();
        DMatrixRMaj cm = new DMatrixRMaj(m, n);
        if ((long) m * n * n > 50_000_000L) org.ejml.dense.row.CommonOps_MT_DDRM.mult(DMatrixRMaj.wrap(m, n, b), DMatrixRMaj.wrap(n, n, set.inverse), cm);
        else CommonOps_DDRM.mult(DMatrixRMaj.wrap(m, n, b), DMatrixRMaj.wrap(n, n, set.inverse), cm);
        double[] c = cm.data;
        // enough rows per block to amortise the fork (a swap costs m·n multiply-adds)
        final int blocks = (int) Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), (long) m * n / 500_000));
        double[] ainv = set.inverse;
        double[] a = set.rows;

        int best = argMaxAbs(c, m * n);
        if (!(Math.abs(c[best]) > trigger)) return 0;
        int swaps = 0;
        double[] v = new double[n];      // row i0 of C minus e_j0
        double[] u = new double[m];      // column j0 of C / pivot, plus e_i0 / pivot
        double[] w = new double[n];      // column j0 of A⁻¹ / pivot
        while (Math.abs(c[best]) > swapThreshold && (limit <= 0 || swaps < limit)) {
            int i0 = best / n, j0 = best % n;
            double piv = c[best];
            // exchange the rows and their owners
            for (int k = 0; k < n; k++) {
                double t = a[j0 * n + k];
                a[j0 * n + k] = b[i0 * n + k];
                b[i0 * n + k] = t;
            }
            int to = set.owner[j0];
            set.owner[j0] = pool.owner[i0];
            pool.owner[i0] = to;

            System.arraycopy(c, i0 * n, v, 0, n);
            v[j0] -= 1.0;
            double inv = 1.0 / piv;
            for (int i = 0; i < m; i++) u[i] = c[i * n + j0] * inv;
            u[i0] += inv;
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
            if (blocks == 1) {
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
            swaps++;
        }
        return swaps;
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
