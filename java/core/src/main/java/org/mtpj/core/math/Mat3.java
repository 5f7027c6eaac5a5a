package org.mtpj.core.math;

/**
 * The one home of 3×3 matrix arithmetic on {@code double[3][3]} (row-major; cells are the
 * matrix of lattice rows a, b, c, so r = f·M). Results are new arrays; inputs are not changed.
 */
public final class Mat3 {
    private Mat3() {}

    /** det(a) by cofactor expansion along the first row. */
    public static double determinant(double[][] a) {
        return a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1])
                - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0])
                + a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]);
    }

    /**
     * a⁻¹ as adjugate / det. The caller decides what a zero or non-finite determinant means for
     * its input (it checks {@link #determinant} first); here such a matrix gives non-finite entries.
     */
    public static double[][] inverse(double[][] a) {
        return inverse(a, determinant(a));
    }

    /** a⁻¹ given det(a) already computed by {@link #determinant} (saves the second expansion). */
    public static double[][] inverse(double[][] a, double det) {
        double[][] r = new double[3][3];
        r[0][0] = (a[1][1] * a[2][2] - a[1][2] * a[2][1]) / det;
        r[0][1] = (a[0][2] * a[2][1] - a[0][1] * a[2][2]) / det;
        r[0][2] = (a[0][1] * a[1][2] - a[0][2] * a[1][1]) / det;
        r[1][0] = (a[1][2] * a[2][0] - a[1][0] * a[2][2]) / det;
        r[1][1] = (a[0][0] * a[2][2] - a[0][2] * a[2][0]) / det;
        r[1][2] = (a[0][2] * a[1][0] - a[0][0] * a[1][2]) / det;
        r[2][0] = (a[1][0] * a[2][1] - a[1][1] * a[2][0]) / det;
        r[2][1] = (a[0][1] * a[2][0] - a[0][0] * a[2][1]) / det;
        r[2][2] = (a[0][0] * a[1][1] - a[0][1] * a[1][0]) / det;
        return r;
    }

    /** The product a·b. */
    public static double[][] multiply(double[][] a, double[][] b) {
        double[][] r = new double[3][3];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++) r[i][j] = a[i][0] * b[0][j] + a[i][1] * b[1][j] + a[i][2] * b[2][j];
        return r;
    }

    /** The transpose aᵀ. */
    public static double[][] transpose(double[][] a) {
        double[][] r = new double[3][3];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++) r[i][j] = a[j][i];
        return r;
    }

    /** The row vector v·a (a position from fractional coordinates when a is a cell). */
    public static double[] rowTimes(double[] v, double[][] a) {
        return new double[] {v[0] * a[0][0] + v[1] * a[1][0] + v[2] * a[2][0],
                v[0] * a[0][1] + v[1] * a[1][1] + v[2] * a[2][1],
                v[0] * a[0][2] + v[1] * a[1][2] + v[2] * a[2][2]};
    }
}
