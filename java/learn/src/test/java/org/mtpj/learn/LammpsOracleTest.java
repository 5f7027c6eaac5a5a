package org.mtpj.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtpj.core.model.Configuration;
import org.mtpj.testkit.Required;

/**
 * The LAMMPS oracle against physics, with Debian's lmp and Stillinger–Weber Si: the PlusStress it
 * returns is −∂E/∂ε of its own energies (finite differences of strained cells, which also makes
 * LAMMPS rotate the cells), and a rotated copy of a configuration gets the same energy and
 * rotated forces and stress.
 */
class LammpsOracleTest {
    static LammpsOracle oracle;

    @TempDir Path tmp;
    private int calls;

    @BeforeAll
    static void oracle() {
        Path lmp = Required.tool("lmp");
        Path sw = Required.lammpsPotential("Si.sw");
        oracle = new LammpsOracle(List.of(lmp.toString()), List.of("pair_style sw", "pair_coeff * * " + sw + " Si"), new String[] {"Si"});
    }

    /** 2x2x2 diamond Si (64 atoms), every atom displaced up to 0.15 Å, cell lattice (rows). */
    static Configuration diamond(double[][] lattice, long seed) {
        double[][] basis = {{0, 0, 0}, {0, .5, .5}, {.5, 0, .5}, {.5, .5, 0}, {.25, .25, .25}, {.25, .75, .75}, {.75, .25, .75}, {.75, .75, .25}};
        Configuration c = new Configuration(64);
        c.latticeRows = 3;
        for (int a = 0; a < 3; a++) c.lattice[a] = lattice[a].clone();
        Random rnd = new Random(seed);
        int n = 0;
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++)
                for (int k = 0; k < 2; k++)
                    for (double[] b : basis) {
                        double[] f = {(i + b[0]) / 2, (j + b[1]) / 2, (k + b[2]) / 2};
                        for (int a = 0; a < 3; a++)
                            c.positions[3 * n + a] = f[0] * lattice[0][a] + f[1] * lattice[1][a] + f[2] * lattice[2][a]
                                    + 0.15 * (2 * rnd.nextDouble() - 1);
                        n++;
                    }
        return c;
    }

    private Configuration label(Configuration c) throws Exception {
        Path work = Files.createDirectories(tmp.resolve("w" + (calls++)));
        return oracle.label(c, work);
    }

    /** The configuration under the deformation r → r·(I + ε), positions and cell. */
    static Configuration strained(Configuration c, int a, int b, double h) {
        Configuration s = c.copy();
        double[][] e = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        e[a][b] += h;
        for (int i = 0; i < c.size; i++) mul(c.positions, 3 * i, e, s.positions);
        for (int r = 0; r < 3; r++) {
            double[] row = new double[3];
            mul(c.lattice[r], 0, e, row, 0);
            s.lattice[r] = row;
        }
        return s;
    }

    private static void mul(double[] v, int off, double[][] m, double[] out) { mul(v, off, m, out, off); }

    private static void mul(double[] v, int off, double[][] m, double[] out, int outOff) {
        double x = v[off], y = v[off + 1], z = v[off + 2];
        for (int k = 0; k < 3; k++) out[outOff + k] = x * m[0][k] + y * m[1][k] + z * m[2][k];
    }

    @Test
    void plusStressIsMinusStrainDerivativeOfTheEnergy() throws Exception {
        double l = 10.862;
        Configuration c = diamond(new double[][] {{l * 0.98, 0, 0}, {0, l, 0}, {0, 0, l * 1.01}}, 7);
        Configuration got = label(c);
        assertEquals(64, got.size);
        assertTrue(got.hasEnergy() && got.forces != null && got.plusStress != null);
        double h = 1e-5;
        int[][] comps = {{0, 0}, {1, 1}, {2, 2}, {1, 2}, {0, 2}, {0, 1}}; // cfg order xx yy zz yz xz xy
        for (int k = 0; k < 6; k++) {
            int a = comps[k][0], b = comps[k][1];
            double ep = label(strained(c, a, b, h)).energy, em = label(strained(c, a, b, -h)).energy;
            double w = -(ep - em) / (2 * h);
            assertEquals(w, got.plusStress[k], 2e-5 * Math.max(1, Math.abs(w)), "PlusStress component " + k);
        }
    }

    @Test
    void rotatedCellGivesRotatedForcesAndStress() throws Exception {
        double l = 10.862;
        Configuration c = diamond(new double[][] {{l, 0, 0}, {0.7, l, 0}, {-0.4, 0.3, l}}, 11);
        // a rotation by 0.6 rad about (1, 2, 2)/3: LAMMPS must rotate this cell back into its frame
        double[][] q = rotation(new double[] {1 / 3.0, 2 / 3.0, 2 / 3.0}, 0.6);
        Configuration r = c.copy();
        for (int i = 0; i < c.size; i++) mul(c.positions, 3 * i, q, r.positions);
        for (int a = 0; a < 3; a++) {
            double[] row = new double[3];
            mul(c.lattice[a], 0, q, row, 0);
            r.lattice[a] = row;
        }
        Configuration g0 = label(c), g1 = label(r);
        assertEquals(g0.energy, g1.energy, 1e-9 * Math.abs(g0.energy));
        double[] f = new double[3];
        for (int i = 0; i < c.size; i++) {
            mul(g0.forces, 3 * i, q, f, 0);
            for (int a = 0; a < 3; a++) assertEquals(f[a], g1.forces[3 * i + a], 1e-8, "force " + i + "," + a);
        }
        // W' = Qᵀ W Q for row vectors r' = r·Q
        double[][] w0 = tensor(g0.plusStress), w1 = tensor(g1.plusStress);
        for (int a = 0; a < 3; a++)
            for (int b = 0; b < 3; b++) {
                double v = 0;
                for (int k = 0; k < 3; k++)
                    for (int m = 0; m < 3; m++) v += q[k][a] * w0[k][m] * q[m][b];
                assertEquals(v, w1[a][b], 1e-7 * Math.max(1, Math.abs(v)), "stress " + a + b);
            }
    }

    static double[][] tensor(double[] s) {
        return new double[][] {{s[0], s[5], s[4]}, {s[5], s[1], s[3]}, {s[4], s[3], s[2]}};
    }

    /** Row-vector rotation matrix (r' = r·Q) about unit axis u by angle t. */
    static double[][] rotation(double[] u, double t) {
        double c = Math.cos(t), s = Math.sin(t), x = u[0], y = u[1], z = u[2];
        double[][] m = {{c + x * x * (1 - c), x * y * (1 - c) - z * s, x * z * (1 - c) + y * s},
                {y * x * (1 - c) + z * s, c + y * y * (1 - c), y * z * (1 - c) - x * s},
                {z * x * (1 - c) - y * s, z * y * (1 - c) + x * s, c + z * z * (1 - c)}};
        double[][] rt = new double[3][3];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) rt[i][j] = m[j][i];
        return rt;
    }
}
