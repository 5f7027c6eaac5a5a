package org.mtpj.train.basis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mtpj.core.eval.SiteEvaluator;
import org.mtpj.core.model.MtpPotential;
import org.mtpj.host.MtpFiles;
import org.mtpj.testkit.Shared;

/**
 * The generated level-16 basis against the study's pot.mtp (MLIP-2's level-16 tables): same basic
 * list, the same 92 scalar functions one to one, and the same reachable site energies.
 */
class StudyPotentialBasisTest {
    static MtpPotential study;
    static MomentBasis basis;

    @BeforeAll
    static void load() {
        study = MtpFiles.read(Shared.file("data/amorphous-MgV2O5/pot.mtp"));
        basis = MomentBasisGenerator.generate(16);
    }

    @Test
    void basicListIdentical() {
        assertEquals(study.radialFuncsCount, basis.radialFunctionCount());
        assertArrayEquals(study.basicMoments, basis.basic(), "alpha_index_basic, values and order");
    }

    /**
     * Each of pot.mtp's functions equals exactly one generated function (values on random moment
     * tensors), and the mapping orders differ by as many neighbouring swaps as §4.2 says (2).
     */
    @Test
    void sameScalarFunctionsOneToOne() {
        int s = basis.scalarCount();
        int[] match = matchFunctions();
        int descents = 0;
        StringBuilder where = new StringBuilder();
        for (int a = 1; a < s; a++)
            if (match[a] < match[a - 1]) {
                descents++;
                where.append(' ').append(basis.functions().get(match[a - 1])).append(" | ").append(basis.functions().get(match[a])).append(';');
            }
        System.out.println("level 16: pot.mtp order vs generated order: " + descents + " neighbouring inversions:" + where);
        assertEquals(2, descents, "neighbouring pairs out of order (mtp-spec.md §4.2 reports 2 at level 16)");
    }

    /** match[a] = the generated function equal to pot.mtp's function a (values on random moment tensors). */
    static int[] matchFunctions() {
        SplittableRandom rnd = new SplittableRandom(16);
        int trials = 3, s = basis.scalarCount();
        double[][] ours = new double[trials][], theirs = new double[trials][];
        for (int t = 0; t < trials; t++) {
            double[][] u = BasisValidator.randomDirections(rnd, 7);
            double[][] w = new double[4][7];
            for (double[] row : w) for (int j = 0; j < 7; j++) row[j] = rnd.nextDouble(-1, 1);
            double[] basic = BasisValidator.basicValues(basis.basic(), u, w);
            ours[t] = basis.evaluateScalars(basic);
            theirs[t] = scalarsOf(study, basic);
        }
        assertEquals(study.scalarCount(), s);
        int[] match = new int[s];
        boolean[] taken = new boolean[s];
        for (int a = 0; a < s; a++) {
            match[a] = -1;
            for (int b = 0; b < s; b++) {
                boolean same = true;
                for (int t = 0; t < trials && same; t++)
                    same = Math.abs(theirs[t][a] - ours[t][b]) <= 1e-11 * Math.max(1, Math.abs(theirs[t][a]));
                if (same) {
                    assertEquals(-1, match[a], "pot.mtp function " + a + " equals two generated functions");
                    match[a] = b;
                }
            }
            assertTrue(match[a] >= 0, "pot.mtp function " + a + " is not generated");
            assertTrue(!taken[match[a]], "generated function " + match[a] + " matches two pot.mtp functions");
            taken[match[a]] = true;
        }
        return match;
    }

    /**
     * The trained pot.mtp carried over to the generated tables (moment_coeffs re-paired through
     * the one-to-one match) gives the same site energies and forces through SiteEvaluator.
     */
    @Test
    void trainedCoefficientsCarryOver() {
        int[] match = matchFunctions();
        double[] v = new double[basis.scalarCount()];
        for (int a = 0; a < match.length; a++) v[match[a]] = study.momentCoeffs[a];
        MtpPotential ours = new MtpPotential("generated16", study.scaling, study.speciesCount, study.radialBasisType,
                study.minDist, study.maxDist, study.radialBasisSize, basis.radialFunctionCount(), basis.momentsCount(),
                basis.basic(), basis.products(), basis.mapping(), study.radialCoeffs, study.speciesCoeffs, v, true, null);
        SiteEvaluator evStudy = new SiteEvaluator(study), evOurs = new SiteEvaluator(ours);
        SplittableRandom rnd = new SplittableRandom(7);
        double worstE = 0, worstG = 0;
        for (int i = 0; i < 200; i++) {
            int n = 1 + rnd.nextInt(40);
            int[] types = new int[n];
            double[] rij = new double[3 * n], g1 = new double[3 * n], g2 = new double[3 * n];
            double[][] u = BasisValidator.randomDirections(rnd, n);
            for (int k = 0; k < n; k++) {
                types[k] = rnd.nextInt(study.speciesCount);
                double r = rnd.nextDouble(1.7, study.maxDist);
                for (int d = 0; d < 3; d++) rij[3 * k + d] = r * u[k][d];
            }
            int central = rnd.nextInt(study.speciesCount);
            double e1 = evStudy.siteEnergy(central, n, types, rij, g1), e2 = evOurs.siteEnergy(central, n, types, rij, g2);
            worstE = Math.max(worstE, Math.abs(e1 - e2));
            for (int k = 0; k < 3 * n; k++) worstG = Math.max(worstG, Math.abs(g1[k] - g2[k]));
        }
        System.out.printf("level 16, pot.mtp coefficients on generated tables: max |dV| = %.1e eV, max |dg| = %.1e eV/A%n", worstE, worstG);
        assertTrue(worstE < 1e-10, "site energies differ by " + worstE);
        assertTrue(worstG < 1e-9, "site-energy gradients differ by " + worstG);
    }

    /**
     * Spanning test through the real evaluator: on random neighbourhoods with pot.mtp's radial
     * functions, every pot.mtp scalar function is a linear combination of the generated ones and
     * vice versa, and pot.mtp's trained site energies are reproduced by a fit of the generated
     * basis, all to 1e-10 relative.
     */
    @Test
    void sameSiteEnergiesReachable() {
        MtpPotential ours = new MtpPotential("generated16", study.scaling, study.speciesCount, study.radialBasisType,
                study.minDist, study.maxDist, study.radialBasisSize, basis.radialFunctionCount(), basis.momentsCount(),
                basis.basic(), basis.products(), basis.mapping(), study.radialCoeffs, study.speciesCoeffs,
                new double[basis.scalarCount()], true, null);
        SiteEvaluator evStudy = new SiteEvaluator(study), evOurs = new SiteEvaluator(ours);
        int samples = 400, s = basis.scalarCount(), c = study.speciesCount;
        int offset = study.radialCoeffs.length + c;
        DMatrixRMaj a = new DMatrixRMaj(samples, s), p = new DMatrixRMaj(samples, s), e = new DMatrixRMaj(samples, 1);
        SplittableRandom rnd = new SplittableRandom(2016);
        double[] gradStudy = new double[study.coefficientCount()], gradOurs = new double[ours.coefficientCount()];
        for (int i = 0; i < samples; i++) {
            int n = 4 + rnd.nextInt(24);
            int[] types = new int[n];
            double[] rij = new double[3 * n];
            double[][] u = BasisValidator.randomDirections(rnd, n);
            for (int k = 0; k < n; k++) {
                types[k] = rnd.nextInt(c);
                double r = rnd.nextDouble(1.7, study.maxDist);
                for (int d = 0; d < 3; d++) rij[3 * k + d] = r * u[k][d];
            }
            int central = rnd.nextInt(c);
            double v = evStudy.siteEnergyGradient(central, n, types, rij, gradStudy);
            evOurs.siteEnergyGradient(central, n, types, rij, gradOurs);
            for (int q = 0; q < s; q++) {
                p.set(i, q, gradStudy[offset + q]);
                a.set(i, q, gradOurs[offset + q]);
            }
            e.set(i, 0, v - study.speciesCoeffs[central]);
        }
        double worstForward = worstFit(a, p), worstBack = worstFit(p, a), energy = worstFit(a, e);
        int rank = numericalRank(a);
        System.out.printf("level 16 spanning: pot.mtp functions from generated: %.2e; generated from pot.mtp: %.2e;"
                + " site energies: %.2e; numerical rank of the %d functions on these neighbourhoods: %d%n",
                worstForward, worstBack, energy, s, rank);
        assertTrue(worstForward < 1e-10, "pot.mtp functions not in the generated span: " + worstForward);
        assertTrue(worstBack < 1e-10, "generated functions not in pot.mtp's span: " + worstBack);
        assertTrue(energy < 1e-10, "pot.mtp site energies not reachable: " + energy);
        // one exact dependency, in both bases alike: Cayley–Hamilton for the 3×3 tensor M(0,2),
        // whose trace is M(0,0) (unit directions), expresses tr M(0,2)^4 through the other functions
        assertEquals(s - 1, rank, "independent functions among the 92");
        assertEquals(s - 1, numericalRank(p), "independent functions among pot.mtp's 92");
        // guard against a vacuous fit: a basis missing one function must fail
        DMatrixRMaj reduced = new DMatrixRMaj(samples, s - 1);
        int drop = s - 1; // a 4-tensor function of level 16
        for (int i = 0; i < samples; i++) for (int q = 0, col = 0; q < s; q++) if (q != drop) reduced.set(i, col++, a.get(i, q));
        assertTrue(worstFit(reduced, a) > 1e-6, "fit cannot tell a missing function");
    }

    /** Largest relative residual ‖X·c − y‖/‖y‖ over the columns y of targets, least squares in basis. */
    private static double worstFit(DMatrixRMaj basis, DMatrixRMaj targets) {
        int rows = basis.numRows, cols = basis.numCols;
        DMatrixRMaj scaled = basis.copy();
        for (int q = 0; q < cols; q++) {
            double norm = 0;
            for (int i = 0; i < rows; i++) norm += scaled.get(i, q) * scaled.get(i, q);
            norm = Math.sqrt(norm);
            for (int i = 0; i < rows; i++) scaled.set(i, q, norm > 0 ? scaled.get(i, q) / norm : 0);
        }
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.leastSquaresQrPivot(true, false);
        assertTrue(solver.setA(scaled.copy()));
        DMatrixRMaj x = new DMatrixRMaj(cols, targets.numCols);
        solver.solve(targets.copy(), x);
        DMatrixRMaj fit = new DMatrixRMaj(rows, targets.numCols);
        org.ejml.dense.row.CommonOps_DDRM.mult(scaled, x, fit);
        double worst = 0;
        for (int t = 0; t < targets.numCols; t++) {
            double res = 0, norm = 0;
            for (int i = 0; i < rows; i++) {
                double d = fit.get(i, t) - targets.get(i, t);
                res += d * d;
                norm += targets.get(i, t) * targets.get(i, t);
            }
            worst = Math.max(worst, Math.sqrt(res / norm));
        }
        return worst;
    }

    private static int numericalRank(DMatrixRMaj m) {
        var svd = org.ejml.dense.row.factory.DecompositionFactory_DDRM.svd(m.numRows, m.numCols, false, false, true);
        DMatrixRMaj scaled = m.copy();
        for (int q = 0; q < m.numCols; q++) {
            double norm = 0;
            for (int i = 0; i < m.numRows; i++) norm += m.get(i, q) * m.get(i, q);
            for (int i = 0; i < m.numRows; i++) scaled.set(i, q, m.get(i, q) / Math.sqrt(norm));
        }
        assertTrue(svd.decompose(scaled));
        double[] sv = svd.getSingularValues();
        double max = 0;
        for (double x : sv) max = Math.max(max, x);
        int rank = 0;
        for (double x : sv) if (x > 1e-10 * max) rank++;
        return rank;
    }

    /** Scalar functions of a file's own tables for given basic values (§3.5). */
    static double[] scalarsOf(MtpPotential pot, double[] basic) {
        double[] slot = new double[pot.momentsCount];
        System.arraycopy(basic, 0, slot, 0, basic.length);
        for (int[] t : pot.momentProducts) slot[t[3]] += t[2] * slot[t[0]] * slot[t[1]];
        double[] out = new double[pot.scalarMoments.length];
        for (int q = 0; q < out.length; q++) out[q] = slot[pot.scalarMoments[q]];
        return out;
    }
}
