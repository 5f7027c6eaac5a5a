package org.mtpj.train.grade;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.mtpj.core.UserError;

/**
 * The MaxVol active set of mtp-spec.md §6.2: an n×n matrix A whose rows are selected coefficient
 * gradients (initially ε·I), its inverse, and which configuration owns each row (slot).
 *
 * <p>Grades of a candidate row b are max_j |(b·A⁻¹)_j|. Selection ({@link MaxVolSelector}) swaps
 * rows in and keeps A⁻¹ current with rank-one updates, as MLIP-2 does; {@link #refreshInverse()}
 * recomputes it from A (used after loading a state).
 */
public final class ActiveSet {
    /** Owner of a slot that still holds its initial row ε·e_j. */
    public static final int INITIAL = -1;

    private final int n;
    private final double initThreshold;
    /** Row j of A at [j*n, (j+1)*n). */
    final double[] rows;
    /** A⁻¹, row-major. */
    final double[] inverse;
    /** Configuration id owning each slot, or {@link #INITIAL}. */
    final int[] owner;

    private ActiveSet(int n, double initThreshold, double[] rows, double[] inverse, int[] owner) {
        this.n = n;
        this.initThreshold = initThreshold;
        this.rows = rows;
        this.inverse = inverse;
        this.owner = owner;
    }

    /** A = ε·I, every slot initial (ε = init threshold, mtp-spec §6.2). */
    public static ActiveSet initial(int n, double initThreshold) {
        if (n <= 0) throw new IllegalArgumentException("row length must be positive: " + n);
        if (!(initThreshold > 0) || Double.isInfinite(initThreshold))
            throw new UserError("init threshold must be a positive number, got " + initThreshold);
        double[] a = new double[n * n];
        double[] inv = new double[n * n];
        for (int j = 0; j < n; j++) {
            a[j * n + j] = initThreshold;
            inv[j * n + j] = 1.0 / initThreshold;
        }
        int[] owner = new int[n];
        Arrays.fill(owner, INITIAL);
        return new ActiveSet(n, initThreshold, a, inv, owner);
    }

    /** An active set with the given rows (n×n row-major) and owners; A⁻¹ is computed. */
    public static ActiveSet of(int n, double initThreshold, double[] rows, int[] owner) {
        if (rows.length != n * n || owner.length != n)
            throw new IllegalArgumentException("active set needs " + n + " rows of " + n);
        ActiveSet s = new ActiveSet(n, initThreshold, rows.clone(), new double[n * n], owner.clone());
        s.refreshInverse();
        return s;
    }

    public int size() { return n; }

    public double initThreshold() { return initThreshold; }

    /** Owner (configuration id) of slot j, or {@link #INITIAL}. */
    public int owner(int j) { return owner[j]; }

    /** A copy of row j of A. */
    public double[] row(int j) { return Arrays.copyOfRange(rows, j * n, (j + 1) * n); }

    /** A copy of A⁻¹ (n×n row-major), for callers with their own grading kernel (the LAMMPS bridge). */
    public double[] inverse() { return inverse.clone(); }

    /** Number of slots that no longer hold their initial row. */
    public int filledSlots() {
        int k = 0;
        for (int o : owner) if (o != INITIAL) k++;
        return k;
    }

    /** Recomputes A⁻¹ from A by LU with partial pivoting. */
    public void refreshInverse() {
        DMatrixRMaj a = DMatrixRMaj.wrap(n, n, rows.clone());
        DMatrixRMaj inv = DMatrixRMaj.wrap(n, n, inverse);
        if (!CommonOps_DDRM.invert(a, inv))
            throw new UserError("the active set matrix is singular; the state is unusable");
    }

    /** The coordinates c = b·A⁻¹ of one row. */
    public double[] coordinates(double[] b) {
        double[] c = new double[n];
        for (int k = 0; k < n; k++) {
            double bk = b[k];
            if (bk == 0) continue;
            int off = k * n;
            for (int j = 0; j < n; j++) c[j] += bk * inverse[off + j];
        }
        return c;
    }

    /** Extrapolation grade of one row: max_j |(b·A⁻¹)_j|. */
    public double grade(double[] b) {
        double[] c = coordinates(b);
        double g = 0;
        for (double v : c) g = Math.max(g, Math.abs(v));
        return g;
    }

    /**
     * Grades of m rows stored row-major in {@code b} (m×n), by one matrix product.
     */
    public double[] grades(double[] b, int m) {
        if (m == 0) return new double[0];
        DMatrixRMaj bm = DMatrixRMaj.wrap(m, n, b);
        DMatrixRMaj c = new DMatrixRMaj(m, n);
        if ((long) m * n * n > 50_000_000L) org.ejml.dense.row.CommonOps_MT_DDRM.mult(bm, DMatrixRMaj.wrap(n, n, inverse), c);
        else CommonOps_DDRM.mult(bm, DMatrixRMaj.wrap(n, n, inverse), c);
        double[] g = new double[m];
        double[] cd = c.data;
        for (int i = 0; i < m; i++) {
            double best = 0;
            for (int j = 0, off = i * n; j < n; j++) best = Math.max(best, Math.abs(cd[off + j]));
            g[i] = best;
        }
        return g;
    }

    /** A deep copy. */
    public ActiveSet copy() {
        return new ActiveSet(n, initThreshold, rows.clone(), inverse.clone(), owner.clone());
    }
}
