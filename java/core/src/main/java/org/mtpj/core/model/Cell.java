package org.mtpj.core.model;

import org.mtpj.core.math.Mat3;

/**
 * A periodic cell given by its three lattice rows a, b, c (Å): a Cartesian position is
 * r = f·[a;b;c] (row vector of fractional coordinates f times the matrix of rows).
 * Immutable.
 */
public final class Cell {
    private final double[][] rows;
    private final double[][] inverse;

    public Cell(double[][] rows) {
        if (rows.length != 3) throw new IllegalArgumentException("a cell needs 3 rows");
        this.rows = new double[3][];
        for (int i = 0; i < 3; i++) this.rows[i] = rows[i].clone();
        double d = Mat3.determinant(this.rows);
        if (!Double.isFinite(d)) throw new IllegalArgumentException("the cell volume overflows: lattice vectors too long to compute with");
        if (d == 0) throw new IllegalArgumentException("singular cell (zero volume)");
        this.inverse = Mat3.inverse(this.rows, d);
    }

    /** An orthogonal box with edge lengths lx, ly, lz. */
    public static Cell orthogonal(double lx, double ly, double lz) {
        return new Cell(new double[][] {{lx, 0, 0}, {0, ly, 0}, {0, 0, lz}});
    }

    /** Copy of lattice row i (0 = a). */
    public double[] row(int i) { return rows[i].clone(); }

    /** Copy of all rows. */
    public double[][] rows() {
        return new double[][] {rows[0].clone(), rows[1].clone(), rows[2].clone()};
    }

    public double get(int row, int axis) { return rows[row][axis]; }

    /** Signed det of the row matrix. */
    public double determinant() { return Mat3.determinant(rows); }

    public double volume() { return Math.abs(Mat3.determinant(rows)); }

    /** Whether the rows are equal to another cell's within an absolute tolerance (Å). */
    public boolean sameAs(Cell o, double tol) {
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
                if (Math.abs(rows[i][j] - o.rows[i][j]) > tol) return false;
        return true;
    }

    /** Cartesian (Å) from fractional: r = f·M. Writes into out[off..off+2]. */
    public void toCartesian(double f0, double f1, double f2, double[] out, int off) {
        out[off] = f0 * rows[0][0] + f1 * rows[1][0] + f2 * rows[2][0];
        out[off + 1] = f0 * rows[0][1] + f1 * rows[1][1] + f2 * rows[2][1];
        out[off + 2] = f0 * rows[0][2] + f1 * rows[1][2] + f2 * rows[2][2];
    }

    /** Fractional from Cartesian: f = r·M⁻¹. Writes into out[off..off+2]. */
    public void toFractional(double x, double y, double z, double[] out, int off) {
        double[][] m = inverse;
        out[off] = x * m[0][0] + y * m[1][0] + z * m[2][0];
        out[off + 1] = x * m[0][1] + y * m[1][1] + z * m[2][1];
        out[off + 2] = x * m[0][2] + y * m[1][2] + z * m[2][2];
    }

    @Override
    public String toString() {
        return java.util.Arrays.deepToString(rows);
    }
}
