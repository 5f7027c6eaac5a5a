package org.mtpj.core.io;

import org.mtpj.core.UserError;
import org.mtpj.core.math.Mat3;

/**
 * A cell in LAMMPS' restricted triclinic form: a = (lx, 0, 0), b = (xy, ly, 0), c = (xz, yz, lz)
 * with lx, ly, lz > 0, origin 0. {@link #of(double[][])} rotates any right-handed lattice into it;
 * {@link #toLammps} moves positions along (fractional coordinates are kept).
 */
public record LammpsBox(double lx, double ly, double lz, double xy, double xz, double yz, double[][] lattice, double[][] inverse) {

    /** The LAMMPS box of lattice rows a, b, c (Å). */
    public static LammpsBox of(double[][] m) {
        double[] a = m[0], b = m[1], c = m[2];
        double det = Mat3.determinant(m);
        if (!(det > 0))
            throw new UserError("the cell " + (det == 0 ? "has zero volume" : "is left-handed (det < 0)")
                    + "; LAMMPS needs a right-handed 3-D cell (reorder or negate a lattice vector)");
        double la = norm(a);
        double xy = dot(b, a) / la;
        double ly = Math.sqrt(Math.max(0, dot(b, b) - xy * xy));
        double xz = dot(c, a) / la;
        double yz = (dot(b, c) - xy * xz) / ly;
        double lz = Math.sqrt(Math.max(0, dot(c, c) - xz * xz - yz * yz));
        return new LammpsBox(la, ly, lz, xy, xz, yz, new double[][] {a.clone(), b.clone(), c.clone()}, Mat3.inverse(m, det));
    }

    /** A box given in LAMMPS form (data file header). */
    public static LammpsBox lammps(double lx, double ly, double lz, double xy, double xz, double yz) {
        double[][] m = {{lx, 0, 0}, {xy, ly, 0}, {xz, yz, lz}};
        return new LammpsBox(lx, ly, lz, xy, xz, yz, m, Mat3.inverse(m));
    }

    public boolean triclinic() { return xy != 0 || xz != 0 || yz != 0; }

    /** Lattice rows in the LAMMPS frame. */
    public double[][] lammpsLattice() { return new double[][] {{lx, 0, 0}, {xy, ly, 0}, {xz, yz, lz}}; }

    /**
     * The rotation R from the original frame to LAMMPS' frame for row vectors: r_lammps = r·R
     * (R = lattice⁻¹·lammpsLattice, orthogonal). Back: r = r_lammps·Rᵀ; a tensor W = R·W_lammps·Rᵀ.
     */
    public double[][] rotation() {
        return Mat3.multiply(inverse, lammpsLattice());
    }

    /** Fractional coordinates of Cartesian r in the original lattice. */
    public double[] fractional(double x, double y, double z) {
        return Mat3.rowTimes(new double[] {x, y, z}, inverse);
    }

    private static double dot(double[] u, double[] v) { return u[0] * v[0] + u[1] * v[1] + u[2] * v[2]; }

    private static double norm(double[] u) { return Math.sqrt(dot(u, u)); }
}
