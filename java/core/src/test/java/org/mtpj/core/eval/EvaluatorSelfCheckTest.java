package org.mtpj.core.eval;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mtpj.core.UserError;
import org.mtpj.core.model.Configuration;
import org.mtpj.core.model.MtpPotential;
import org.mtpj.core.model.MtpPotential.RadialBasisType;

/** Self-checks of spec §3.9 on random potentials: no reference needed. */
class EvaluatorSelfCheckTest {

    static double energy(MtpPotential pot, Configuration c) {
        return new Evaluator(pot, Blocks.SERIAL).evaluate(c).energy;
    }

    static EvaluationResult eval(MtpPotential pot, Configuration c, int threads) {
        return new Evaluator(pot, ReversedBlocks.of(threads)).evaluate(c);
    }

    static double maxAbs(double[] a) {
        double m = 0;
        for (double x : a) m = Math.max(m, Math.abs(x));
        return m;
    }

    @ParameterizedTest
    @EnumSource(RadialBasisType.class)
    void forcesAreMinusEnergyGradient(RadialBasisType type) {
        MtpPotential pot = TestPotentials.random(11, 2, type);
        Configuration c = TestPotentials.triclinic(5);
        if (type == RadialBasisType.RBChebyshev_repuls) {
            // bring two atoms below Rmin = 1.2 so the clamp and the repulsion are exercised
            for (int a = 0; a < 3; a++) c.positions[3 + a] = c.positions[a] + (a == 0 ? 1.05 : 0.1);
        }
        EvaluationResult r = eval(pot, c, 1);
        double h = 1e-5, maxErr = 0, scale = Math.max(1, maxAbs(r.forces));
        for (int k = 0; k < 3 * c.size; k++) {
            Configuration p = c.copy(), m = c.copy();
            p.positions[k] += h;
            m.positions[k] -= h;
            double fd = -(energy(pot, p) - energy(pot, m)) / (2 * h);
            maxErr = Math.max(maxErr, Math.abs(fd - r.forces[k]));
        }
        System.out.printf("forces vs -dE/dx (%s): max |diff| %.3e (max |F| %.3e)%n", type, maxErr, maxAbs(r.forces));
        assertTrue(maxErr < 1e-7 * scale, "max force error " + maxErr);
    }

    @Test
    void plusStressIsStrainDerivative() {
        MtpPotential pot = TestPotentials.random(12, 2, RadialBasisType.RBChebyshev);
        Configuration c = TestPotentials.triclinic(6);
        EvaluationResult r = eval(pot, c, 1);
        // W_ab = -dE/d eps_ab for r -> (1 + eps) r applied to positions and cell
        int[][] voigt = {{0, 0}, {1, 1}, {2, 2}, {1, 2}, {0, 2}, {0, 1}};
        double h = 1e-6, maxErr = 0;
        for (int v = 0; v < 6; v++)
            for (int swap = 0; swap < 2; swap++) {
                int a = voigt[v][swap], b = voigt[v][1 - swap];
                double fd = -(energy(pot, strained(c, a, b, h)) - energy(pot, strained(c, a, b, -h))) / (2 * h);
                maxErr = Math.max(maxErr, Math.abs(fd - r.plusStress[v]));
            }
        System.out.printf("PlusStress vs strain derivative: max |diff| %.3e (max |W| %.3e)%n", maxErr, maxAbs(r.plusStress));
        assertTrue(maxErr < 1e-6 * Math.max(1, maxAbs(r.plusStress)), "stress error " + maxErr);
        double sum = 0;
        for (int i = 0; i < c.size; i++) sum += r.perAtomVirial[6 * i + 3];
        assertEquals(r.plusStress[5], sum, 1e-12 * Math.max(1, Math.abs(sum)), "per-atom virial xy sums to PlusStress xy");
    }

    static Configuration strained(Configuration c, int a, int b, double eps) {
        Configuration s = c.copy();
        for (int i = 0; i < c.size; i++) s.positions[3 * i + a] += eps * c.positions[3 * i + b];
        for (int r = 0; r < 3; r++) s.lattice[r][a] += eps * c.lattice[r][b];
        return s;
    }

    @Test
    void translationRotationPermutationInvariance() {
        MtpPotential pot = TestPotentials.random(13, 2, RadialBasisType.RBChebyshev);
        Configuration c = TestPotentials.triclinic(7);
        EvaluationResult r0 = eval(pot, c, 1);
        double tolE = 1e-12 * Math.abs(r0.energy) * c.size, tolF = 1e-11 * Math.max(1, maxAbs(r0.forces));

        Configuration t = c.copy();
        for (int i = 0; i < c.size; i++) { t.positions[3 * i] += 3.7; t.positions[3 * i + 1] -= 11.2; t.positions[3 * i + 2] += 0.3; }
        EvaluationResult rt = eval(pot, t, 1);
        assertEquals(r0.energy, rt.energy, tolE);
        for (int k = 0; k < 3 * c.size; k++) assertEquals(r0.forces[k], rt.forces[k], tolF);

        // wrapping one atom by a lattice vector changes nothing
        Configuration w = c.copy();
        for (int a = 0; a < 3; a++) w.positions[3 * 4 + a] += c.lattice[1][a] - c.lattice[2][a];
        assertEquals(r0.energy, eval(pot, w, 1).energy, tolE);

        double[][] rot = rotation(new Random(3));
        Configuration q = c.copy();
        for (int i = 0; i < c.size; i++) rotate(rot, c.positions, q.positions, 3 * i);
        for (int rr = 0; rr < 3; rr++) { double[] out = new double[3]; rotate(rot, c.lattice[rr], out, 0); q.lattice[rr] = out; }
        EvaluationResult rq = eval(pot, q, 1);
        assertEquals(r0.energy, rq.energy, tolE);
        double[] fr = new double[3];
        for (int i = 0; i < c.size; i++) {
            for (int a = 0; a < 3; a++) fr[a] = rot[a][0] * r0.forces[3 * i] + rot[a][1] * r0.forces[3 * i + 1] + rot[a][2] * r0.forces[3 * i + 2];
            for (int a = 0; a < 3; a++) assertEquals(fr[a], rq.forces[3 * i + a], tolF);
        }
        double[][] w0 = full(r0.plusStress), wq = full(rq.plusStress);
        for (int a = 0; a < 3; a++)
            for (int b = 0; b < 3; b++) {
                double s = 0;
                for (int k = 0; k < 3; k++) for (int l = 0; l < 3; l++) s += rot[a][k] * w0[k][l] * rot[b][l];
                assertEquals(s, wq[a][b], 1e-11 * Math.max(1, maxAbs(r0.plusStress)));
            }

        int[] perm = new int[c.size];
        for (int i = 0; i < c.size; i++) perm[i] = (i * 7 + 3) % c.size;
        Configuration p = c.copy();
        for (int i = 0; i < c.size; i++) {
            p.types[i] = c.types[perm[i]];
            for (int a = 0; a < 3; a++) p.positions[3 * i + a] = c.positions[3 * perm[i] + a];
        }
        EvaluationResult rp = eval(pot, p, 1);
        assertEquals(r0.energy, rp.energy, tolE);
        for (int i = 0; i < c.size; i++) {
            assertEquals(r0.siteEnergies[perm[i]], rp.siteEnergies[i], 1e-12 * Math.max(1, Math.abs(rp.siteEnergies[i])));
            for (int a = 0; a < 3; a++) assertEquals(r0.forces[3 * perm[i] + a], rp.forces[3 * i + a], tolF);
        }
    }

    static double[][] full(double[] w) {
        return new double[][] {{w[0], w[5], w[4]}, {w[5], w[1], w[3]}, {w[4], w[3], w[2]}};
    }

    static double[][] rotation(Random rnd) {
        double[] q = {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
        double n = Math.sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3]);
        double a = q[0] / n, b = q[1] / n, c = q[2] / n, d = q[3] / n;
        return new double[][] {
            {a * a + b * b - c * c - d * d, 2 * (b * c - a * d), 2 * (b * d + a * c)},
            {2 * (b * c + a * d), a * a - b * b + c * c - d * d, 2 * (c * d - a * b)},
            {2 * (b * d - a * c), 2 * (c * d + a * b), a * a - b * b - c * c + d * d}};
    }

    static void rotate(double[][] rot, double[] in, double[] out, int o) {
        double x = in[o], y = in[o + 1], z = in[o + 2];
        for (int a = 0; a < 3; a++) out[o + a] = rot[a][0] * x + rot[a][1] * y + rot[a][2] * z;
    }

    @Test
    void replicaGivesEightTimesTheEnergy() {
        MtpPotential pot = TestPotentials.random(14, 2, RadialBasisType.RBChebyshev);
        Configuration c = TestPotentials.triclinic(8);
        EvaluationResult r = eval(pot, c, 1);
        int n = c.size;
        Configuration big = new Configuration(8 * n);
        big.latticeRows = 3;
        for (int rr = 0; rr < 3; rr++) for (int a = 0; a < 3; a++) big.lattice[rr][a] = 2 * c.lattice[rr][a];
        int k = 0;
        for (int x = 0; x < 2; x++) for (int y = 0; y < 2; y++) for (int z = 0; z < 2; z++)
            for (int i = 0; i < n; i++, k++) {
                big.types[k] = c.types[i];
                for (int a = 0; a < 3; a++)
                    big.positions[3 * k + a] = c.positions[3 * i + a] + x * c.lattice[0][a] + y * c.lattice[1][a] + z * c.lattice[2][a];
            }
        EvaluationResult rb = eval(pot, big, 2);
        assertEquals(8 * r.energy, rb.energy, 1e-12 * Math.abs(rb.energy));
        for (int v = 0; v < 6; v++) assertEquals(8 * r.plusStress[v], rb.plusStress[v], 1e-11 * Math.max(1, maxAbs(rb.plusStress)));
        for (int kk = 0; kk < 3 * 8 * n; kk++) assertEquals(r.forces[kk % (3 * n)], rb.forces[kk], 1e-11 * Math.max(1, maxAbs(r.forces)));
    }

    @Test
    void isolatedAtomsAndDimersAtTheCutoff() {
        MtpPotential pot = TestPotentials.random(15, 2, RadialBasisType.RBChebyshev);
        Configuration iso = new Configuration(3);
        iso.types[0] = 0; iso.types[1] = 1; iso.types[2] = 1;
        double[] xs = {0, 0, 0, 20, 0, 0, 0, 40, 0};
        System.arraycopy(xs, 0, iso.positions, 0, 9);
        EvaluationResult r = eval(pot, iso, 1);
        assertEquals(pot.speciesCoeffs[0] + 2 * pot.speciesCoeffs[1], r.energy, 0.0);
        assertEquals(0.0, maxAbs(r.forces), 0.0);
        assertEquals(0.0, maxAbs(r.plusStress), 0.0);
        double isolated = pot.speciesCoeffs[0] + pot.speciesCoeffs[1];
        for (double d : new double[] {5.0, 5.5}) assertEquals(isolated, energy(pot, dimer(d)), 0.0, "dimer at " + d);
        assertNotEquals(isolated, energy(pot, dimer(4.999)));
    }

    static Configuration dimer(double d) {
        Configuration c = new Configuration(2);
        c.types[1] = 1;
        c.positions[3] = d;
        return c;
    }

    @Test
    void threadCountDoesNotChangeResults() {
        MtpPotential pot = TestPotentials.random(16, 2, RadialBasisType.RBChebyshev);
        Configuration c = TestPotentials.randomCell(9, 2, new double[][] {{9, 0, 0}, {0, 9.5, 0}, {0.5, 0, 10}}, 3, 4, 0.4);
        EvaluationResult r1 = eval(pot, c, 1);
        for (int t : new int[] {2, 3, 5}) {
            EvaluationResult rt = eval(pot, c, t);
            assertEquals(r1.energy, rt.energy, 0.0);
            assertArrayEquals(r1.forces, rt.forces, 0.0);
            assertArrayEquals(r1.plusStress, rt.plusStress, 0.0);
            assertArrayEquals(r1.siteEnergies, rt.siteEnergies, 0.0);
            assertArrayEquals(r1.perAtomVirial, rt.perAtomVirial, 0.0);
        }
    }

    @Test
    void evaluateIntoStoresResults() {
        MtpPotential pot = TestPotentials.random(17, 2, RadialBasisType.RBChebyshev);
        Configuration c = TestPotentials.triclinic(10);
        EvaluationResult r = eval(pot, c, 1);
        {
            Evaluator ev = new Evaluator(pot, ReversedBlocks.of(2));
            ev.evaluateInto(c);
            ev.evaluateInto(c); // reuse of the neighbour list and buffers
        }
        assertEquals(r.energy, c.energy, 0.0);
        assertArrayEquals(r.forces, c.forces, 0.0);
        assertArrayEquals(r.plusStress, c.plusStress, 0.0);
        assertArrayEquals(r.siteEnergies, c.siteEnergies, 0.0);
    }

    @ParameterizedTest
    @EnumSource(RadialBasisType.class)
    void coefficientGradientMatchesFiniteDifferences(RadialBasisType type) {
        MtpPotential pot = TestPotentials.random(18, 2, type);
        Random rnd = new Random(4);
        int n = 25;
        int[] types = new int[n];
        double[] rij = new double[3 * n];
        for (int k = 0; k < n; k++) {
            types[k] = rnd.nextInt(2);
            double r = 1.0 + 4.5 * rnd.nextDouble(); // some beyond Rcut = 5, some below Rmin = 1.2
            double[] u = {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
            double un = Math.sqrt(u[0] * u[0] + u[1] * u[1] + u[2] * u[2]);
            for (int a = 0; a < 3; a++) rij[3 * k + a] = r * u[a] / un;
        }
        double[] theta = pot.coefficients();
        for (int central = 0; central < 2; central++) {
            double[] grad = new double[theta.length];
            double v = new SiteEvaluator(pot).siteEnergyGradient(central, n, types, rij, grad);
            assertEquals(new SiteEvaluator(pot).siteEnergy(central, n, types, rij, new double[3 * n]), v, 0.0);
            double maxErr = 0, maxG = maxAbs(grad);
            for (int p = 0; p < theta.length; p++) {
                double h = 1e-6 * Math.max(1, Math.abs(theta[p]));
                double[] tp = theta.clone(), tm = theta.clone();
                tp[p] += h;
                tm[p] -= h;
                double fd = (new SiteEvaluator(pot.withCoefficients(tp)).siteEnergyOnly(central, n, types, rij)
                        - new SiteEvaluator(pot.withCoefficients(tm)).siteEnergyOnly(central, n, types, rij)) / (2 * h);
                maxErr = Math.max(maxErr, Math.abs(fd - grad[p]));
            }
            System.out.printf("dV/dtheta vs finite differences (%s, central %d): max |diff| %.3e (max |grad| %.3e)%n",
                    type, central, maxErr, maxG);
            // central differences carry round-off ~1e-16·|V|/h (the repulsion makes |V| ~ 1e4 eV)
            double tol = 1e-7 * Math.max(1, maxG) + 1e-14 * Math.abs(v) / 1e-6;
            assertTrue(maxErr < tol, "coefficient gradient error " + maxErr + " > " + tol);
        }
    }

    /**
     * The support of ∂V_i/∂θ (selection in LAMMPS grades only there): every entry outside it is 0
     * in the whole row, and the support form gives the whole row's values, for every central species.
     */
    @Test
    void coefficientGradientVanishesOutsideItsSupport() {
        MtpPotential pot = TestPotentials.random(21, 3, RadialBasisType.RBChebyshev);
        Random rnd = new Random(5);
        int n = 40;
        int[] types = new int[n];
        double[] rij = new double[3 * n];
        for (int k = 0; k < n; k++) {
            types[k] = rnd.nextInt(3);
            for (int a = 0; a < 3; a++) rij[3 * k + a] = 4 * rnd.nextDouble() - 2 + (a == 0 ? 2.5 : 0);
        }
        SiteEvaluator se = new SiteEvaluator(pot);
        int count = pot.coefficientCount(), size = se.energyGradientSupportSize();
        assertTrue(size < count, "the support is a part of theta");
        for (int central = 0; central < 3; central++) {
            double[] full = new double[count];
            se.siteEnergyGradient(central, n, types, rij, full);
            double[] onSupport = new double[size + 2];
            se.energyGradientOnSupport(onSupport, 2);
            int[] cols = se.energyGradientSupport(central);
            boolean[] in = new boolean[count];
            for (int c = 0; c < size; c++) {
                assertTrue(c == 0 || cols[c] > cols[c - 1], "ascending");
                in[cols[c]] = true;
                assertEquals(full[cols[c]], onSupport[2 + c], 0.0, "theta index " + cols[c]);
            }
            int nonzero = 0;
            for (int p = 0; p < count; p++) {
                if (!in[p]) assertEquals(0.0, full[p], 0.0, "theta index " + p + " outside the support of species " + central);
                else if (full[p] != 0) nonzero++;
            }
            assertTrue(nonzero > size / 2, "a real neighbourhood fills most of the support");
        }
    }

    @Test
    void siteEnergySkipsEntriesBeyondTheCutoff() {
        MtpPotential pot = TestPotentials.random(19, 2, RadialBasisType.RBChebyshev);
        SiteEvaluator se = new SiteEvaluator(pot);
        double[] rij = {1.5, 0.2, 0.1, 5.0, 0, 0, 0.3, -2.0, 1.0, 0, 6.0, 0};
        int[] types = {0, 1, 1, 0};
        double[] g = new double[12];
        java.util.Arrays.fill(g, 99);
        double v = se.siteEnergy(1, 4, types, rij, g);
        double[] g2 = new double[6];
        double v2 = se.siteEnergy(1, 2, new int[] {0, 1}, new double[] {1.5, 0.2, 0.1, 0.3, -2.0, 1.0}, g2);
        assertEquals(v2, v, 0.0);
        for (int a = 0; a < 3; a++) {
            assertEquals(g2[a], g[a], 0.0);
            assertEquals(0.0, g[3 + a], 0.0);
            assertEquals(g2[3 + a], g[6 + a], 0.0);
            assertEquals(0.0, g[9 + a], 0.0);
        }
    }

    @Test
    void speciesOutsideThePotentialIsAUserError() {
        MtpPotential pot = TestPotentials.random(20, 2, RadialBasisType.RBChebyshev);
        Configuration c = dimer(3.0);
        c.types[1] = 2;
        UserError e = assertThrows(UserError.class, () -> eval(pot, c, 1));
        assertTrue(e.getMessage().contains("atom 2") && e.getMessage().contains("species 2"), e.getMessage());
        SiteEvaluator se = new SiteEvaluator(pot);
        assertThrows(UserError.class, () -> se.siteEnergy(2, 0, new int[0], new double[0], new double[0]));
        assertThrows(UserError.class, () -> se.siteEnergy(0, 1, new int[] {5}, new double[] {1, 1, 1}, new double[3]));
    }
}
