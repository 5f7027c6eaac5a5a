package org.mtpj.analysis.lro;

/**
 * Long-range order of one species in one structure, PyLRO's definition re-implemented from
 * analysis-spec §4: per axis a 1-D lattice fit ({@link AxisLatticeFit}), per atom the deviation
 * from its ideal plane in units of the plane spacing, and the order along a direction as the mean
 * absolute projected deviation. Smaller = more ordered. Immutable and thread-safe once built.
 */
public final class LongRangeOrder {
    private final double[][] cellRows;
    private final AxisLatticeFit[] axes = new AxisLatticeFit[3];
    /** Deviations u[i*3 + j] ≥ 0 of atom i on axis j (fractions of the plane spacing). */
    private final double[] u;
    /** Deviation vectors in Å: Σ_j u_ij a_j, flat [i*3 + axis]. */
    private final double[] uCart;
    private final int n;

    /**
     * @param fractional fractional coordinates of the tracked atoms, {@code [atom][axis]}, any range
     *                   (wrapped into [0,1) here)
     * @param cellRows   lattice rows a, b, c in Å
     */
    public LongRangeOrder(double[][] fractional, double[][] cellRows) {
        if (fractional.length == 0) throw new IllegalArgumentException("no atoms of the tracked species");
        this.n = fractional.length;
        this.cellRows = new double[3][];
        for (int j = 0; j < 3; j++) this.cellRows[j] = cellRows[j].clone();
        this.u = new double[3 * n];
        for (int j = 0; j < 3; j++) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) x[i] = AxisLatticeFit.pyMod1(fractional[i][j]);
            AxisLatticeFit fit = AxisLatticeFit.fit(x);
            axes[j] = fit;
            for (int i = 0; i < n; i++) u[3 * i + j] = Math.abs(x[i] - fit.ideal[i]) / fit.spacing;
        }
        this.uCart = new double[3 * n];
        for (int i = 0; i < n; i++)
            for (int k = 0; k < 3; k++)
                uCart[3 * i + k] = u[3 * i] * cellRows[0][k] + u[3 * i + 1] * cellRows[1][k] + u[3 * i + 2] * cellRows[2][k];
    }

    /** Number of tracked atoms. */
    public int atomCount() { return n; }

    /** The fitted number of planes along a, b, c. */
    public int[] dims() { return new int[] {axes[0].dim, axes[1].dim, axes[2].dim}; }

    public AxisLatticeFit axis(int j) { return axes[j]; }

    /** Deviation of atom i on axis j in units of that axis' plane spacing. */
    public double deviation(int i, int j) { return u[3 * i + j]; }

    /** O(n) = mean_i |Σ_j u_ij n_j| for the direction (h,k,l) in the a,b,c basis, normalised first. */
    public double order(double h, double k, double l) {
        double norm = norm(h, k, l);
        double nx = h / norm, ny = k / norm, nz = l / norm;
        double[] proj = new double[n];
        for (int i = 0; i < n; i++) proj[i] = Math.abs(u[3 * i] * nx + u[3 * i + 1] * ny + u[3 * i + 2] * nz);
        return NumpySums.mean(proj);
    }

    /** Å variant: mean_i |(Σ_j u_ij a_j)·n| with n the normalised direction in Cartesian axes. */
    public double orderAngstrom(double h, double k, double l) {
        double norm = norm(h, k, l);
        double nx = h / norm, ny = k / norm, nz = l / norm;
        double[] proj = new double[n];
        for (int i = 0; i < n; i++) proj[i] = Math.abs(uCart[3 * i] * nx + uCart[3 * i + 1] * ny + uCart[3 * i + 2] * nz);
        return NumpySums.mean(proj);
    }

    /** The order (or its Å variant) for many unit directions {@code dirs[k] = {x, y, z}}. */
    public double[] orders(double[][] dirs, boolean angstrom) {
        double[] out = new double[dirs.length];
        for (int k = 0; k < dirs.length; k++)
            out[k] = angstrom ? orderAngstrom(dirs[k][0], dirs[k][1], dirs[k][2]) : order(dirs[k][0], dirs[k][1], dirs[k][2]);
        return out;
    }

    /**
     * The order for a unit direction without normalising or numpy-order summation: for pictures
     * (millions of pixels), not for the reported numbers. No allocation.
     */
    public double orderOfUnit(double nx, double ny, double nz, boolean angstrom) {
        double[] v = angstrom ? uCart : u;
        double sum = 0;
        for (int i = 0; i < n; i++) sum += Math.abs(v[3 * i] * nx + v[3 * i + 1] * ny + v[3 * i + 2] * nz);
        return sum / n;
    }

    double[][] cellRows() { return cellRows; }

    private static double norm(double h, double k, double l) {
        double s = Math.sqrt(h * h + k * k + l * l);
        if (!(s > 0) || !Double.isFinite(s)) throw new IllegalArgumentException("direction of zero length");
        return s;
    }
}
