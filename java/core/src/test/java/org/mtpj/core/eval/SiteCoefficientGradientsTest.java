package org.mtpj.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mtpj.core.model.MtpPotential;
import org.mtpj.core.model.MtpPotential.RadialBasisType;

/**
 * Training's derivatives of a site against central differences of the evaluator's own values,
 * for both radial bases (the repulsive one with neighbours below Rmin, where the basis is clamped
 * and the repulsion acts, and neighbours beyond Rcut).
 */
class SiteCoefficientGradientsTest {
    static final int N = 9;

    /** Neighbour vectors with 1.0 &lt; r &lt; 5.5: some below Rmin = 1.2, some beyond Rcut = 5. */
    static double[] neighbours(Random rnd, int[] types) {
        double[] rij = new double[3 * N];
        for (int k = 0; k < N; k++) {
            types[k] = rnd.nextInt(2);
            double r = k == 0 ? 1.1 : 1.0 + 4.5 * rnd.nextDouble();
            double x = rnd.nextGaussian(), y = rnd.nextGaussian(), z = rnd.nextGaussian(), n = Math.sqrt(x * x + y * y + z * z);
            rij[3 * k] = r * x / n; rij[3 * k + 1] = r * y / n; rij[3 * k + 2] = r * z / n;
        }
        return rij;
    }

    static double maxAbs(double[] a) {
        double m = 0;
        for (double x : a) m = Math.max(m, Math.abs(x));
        return m;
    }

    /** Φ = Σ_k g_k·δ_k from the evaluator's position gradient at θ and scaling s. */
    static double directional(MtpPotential pot, double[] theta, double s, int central, int[] types, double[] rij, double[] delta) {
        SiteEvaluator ev = new SiteEvaluator(pot.withScaling(s).withCoefficients(theta));
        double[] g = new double[3 * N];
        ev.siteEnergy(central, N, types, rij, g);
        double phi = 0;
        for (int i = 0; i < g.length; i++) phi += g[i] * delta[i];
        return phi;
    }

    @ParameterizedTest
    @EnumSource(value = RadialBasisType.class, names = {"RBChebyshev", "RBChebyshev_repuls"})
    void energyAndTangentGradientsMatchFiniteDifferences(RadialBasisType type) {
        MtpPotential pot = TestPotentials.random(5, 2, type);
        Random rnd = new Random(17);
        int[] types = new int[N];
        double[] rij = neighbours(rnd, types);
        double[] delta = new double[3 * N];
        for (int i = 0; i < delta.length; i++) delta[i] = rnd.nextGaussian();
        // a θ and scaling other than the potential's own: the evaluator reads them from the array
        double[] theta = pot.coefficients();
        for (int i = 0; i < theta.length; i++) theta[i] *= 1 + 0.1 * rnd.nextGaussian();
        double s = 0.8 * pot.scaling, wE = 0.37;
        SiteEvaluator ev = new SiteEvaluator(pot);
        ev.setCoefficients(theta, s);
        SiteCoefficientGradients cg = new SiteCoefficientGradients(ev);
        for (int central = 0; central < 2; central++) {
            double v = ev.evaluateSite(central, N, types, 0, rij, 0);
            assertEquals(new SiteEvaluator(pot.withScaling(s).withCoefficients(theta)).siteEnergyOnly(central, N, types, rij), v, 0.0,
                    "setCoefficients gives the numbers of a potential built with them");
            double[] grad = new double[theta.length];
            double phi = cg.addGradient(wE, delta, 0, grad);
            double phiRef = directional(pot, theta, s, central, types, rij, delta);
            assertEquals(phiRef, phi, 1e-10 * Math.max(1, Math.abs(phiRef)), "Φ");
            double maxErr = 0;
            for (int p = 0; p < theta.length; p++) {
                double h = 1e-6 * Math.max(1, Math.abs(theta[p]));
                double[] tp = theta.clone(), tm = theta.clone();
                tp[p] += h;
                tm[p] -= h;
                double ep = new SiteEvaluator(pot.withScaling(s).withCoefficients(tp)).siteEnergyOnly(central, N, types, rij);
                double em = new SiteEvaluator(pot.withScaling(s).withCoefficients(tm)).siteEnergyOnly(central, N, types, rij);
                double fd = wE * (ep - em) / (2 * h)
                        + (directional(pot, tp, s, central, types, rij, delta) - directional(pot, tm, s, central, types, rij, delta)) / (2 * h);
                maxErr = Math.max(maxErr, Math.abs(fd - grad[p]));
            }
            // central differences carry round-off ~1e-16·|V|/h (the repulsion makes |V|, |g| ~ 1e4)
            double tol = 1e-7 * Math.max(1, maxAbs(grad)) + 1e-14 * (Math.abs(v) + Math.abs(phi)) / 1e-6;
            assertTrue(maxErr < tol, type + " central " + central + ": gradient error " + maxErr + " > " + tol);
            // energy part alone equals the evaluator's ∂V/∂θ
            double[] gE = new double[theta.length], gRef = new double[theta.length];
            cg.addGradient(wE, null, 0, gE);
            ev.addSiteEnergyGradient(central, N, types, 0, rij, 0, wE, gRef);
            for (int p = 0; p < theta.length; p++) assertEquals(gRef[p], gE[p], 1e-12 * Math.max(1, Math.abs(gRef[p])));
        }
    }

    @ParameterizedTest
    @EnumSource(value = RadialBasisType.class, names = {"RBChebyshev", "RBChebyshev_repuls"})
    void scalarJacobianAndRepulsionMatchFiniteDifferences(RadialBasisType type) {
        MtpPotential pot = TestPotentials.random(6, 2, type);
        Random rnd = new Random(23);
        int[] types = new int[N];
        double[] rij = neighbours(rnd, types);
        SiteEvaluator ev = new SiteEvaluator(pot);
        SiteCoefficientGradients cg = new SiteCoefficientGradients(ev);
        int S = cg.scalarCount();
        ev.siteEnergyOnly(1, N, types, rij);
        double[] jac = new double[3 * N * S], gRep = new double[3 * N], b0 = new double[S];
        cg.scalarJacobian(jac);
        cg.scalarValues(b0);
        double eRep = cg.repulsion(gRep);
        // V = w_a + Σ v_s B_s + repulsion: the three parts add up to the evaluator's energy and gradient
        double[] g = new double[3 * N];
        double v = ev.siteEnergy(1, N, types, rij, g);
        double lin = pot.speciesCoeffs[1];
        for (int s = 0; s < S; s++) lin += pot.momentCoeffs[s] * b0[s];
        assertEquals(v, lin + eRep, 1e-10 * Math.max(1, Math.abs(v)));
        if (type == RadialBasisType.RBChebyshev_repuls) assertTrue(eRep > 1, "neighbour 0 at 1.1 Å < Rmin is repelled: " + eRep);
        else assertEquals(0.0, eRep, 0.0);
        for (int i = 0; i < 3 * N; i++) {
            double gl = gRep[i];
            for (int s = 0; s < S; s++) gl += pot.momentCoeffs[s] * jac[i * S + s];
            assertEquals(g[i], gl, 1e-9 * Math.max(1, Math.abs(g[i])), "g[" + i + "]");
        }
        double h = 1e-6;
        double[] bp = new double[S], bm = new double[S], gp = new double[3 * N];
        for (int i = 0; i < 3 * N; i++) {
            double[] p = rij.clone(), m = rij.clone();
            p[i] += h;
            m[i] -= h;
            ev.siteEnergyOnly(1, N, types, p);
            cg.scalarValues(bp);
            double rp = cg.repulsion(gp);
            ev.siteEnergyOnly(1, N, types, m);
            cg.scalarValues(bm);
            double rm = cg.repulsion(gp);
            for (int s = 0; s < S; s++) {
                double fd = (bp[s] - bm[s]) / (2 * h);
                assertEquals(fd, jac[i * S + s], 1e-6 * Math.max(1, Math.abs(fd)), "dB" + s + "/dr" + i);
            }
            double fdRep = (rp - rm) / (2 * h);
            assertEquals(fdRep, gRep[i], 1e-6 * Math.max(1, Math.abs(fdRep)), "repulsion gradient " + i);
        }
    }
}
