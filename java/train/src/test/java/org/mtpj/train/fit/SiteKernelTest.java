package org.mtpj.train.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mtpj.core.model.MtpPotential;

/** Finite-difference checks of every derivative the site kernel computes. */
class SiteKernelTest {
    private final MtpPotential pot = TestPotentials.small(3);
    private final Random rnd = new Random(11);
    private final int n = 7;
    private final int[] types = new int[n];
    private final double[] rij = TestPotentials.neighbours(rnd, n, types);

    private static void close(double expected, double actual, double scale, String what) {
        assertEquals(expected, actual, 1e-6 * Math.max(1, scale), what);
    }

    @Test
    void positionGradientMatchesFiniteDifferences() {
        SiteKernel k = new SiteKernel(pot);
        k.evaluate(1, n, types, rij);
        double[] g = new double[3 * n];
        k.positionGradient(g);
        double h = 1e-6;
        for (int i = 0; i < 3 * n; i++) {
            double[] p = rij.clone(), m = rij.clone();
            p[i] += h; m[i] -= h;
            double fd = (k.evaluate(1, n, types, p) - k.evaluate(1, n, types, m)) / (2 * h);
            close(fd, g[i], Math.abs(fd), "g[" + i + "]");
        }
    }

    @Test
    void coefficientGradientMatchesFiniteDifferences() {
        double[] theta = pot.coefficients();
        SiteKernel k = new SiteKernel(pot);
        k.setCoefficients(theta, pot.scaling);
        k.evaluate(0, n, types, rij);
        double[] grad = new double[theta.length];
        k.addEnergyGradient(1.0, grad);
        double h = 1e-6;
        for (int i = 0; i < theta.length; i++) {
            double t0 = theta[i];
            theta[i] = t0 + h; double ep = k.evaluate(0, n, types, rij);
            theta[i] = t0 - h; double em = k.evaluate(0, n, types, rij);
            theta[i] = t0;
            double fd = (ep - em) / (2 * h);
            close(fd, grad[i], Math.abs(fd), "dV/dtheta[" + i + "]");
        }
    }

    @Test
    void tangentGradientMatchesFiniteDifferences() {
        double[] theta = pot.coefficients();
        SiteKernel k = new SiteKernel(pot);
        k.setCoefficients(theta, pot.scaling);
        double[] delta = new double[3 * n];
        for (int i = 0; i < delta.length; i++) delta[i] = rnd.nextGaussian();
        k.evaluate(1, n, types, rij);
        double[] grad = new double[theta.length];
        double phi = k.addTangentGradient(delta, 1.0, grad);
        close(directional(k, delta), phi, Math.abs(phi), "phi");
        double h = 1e-6;
        for (int i = 0; i < theta.length; i++) {
            double t0 = theta[i];
            theta[i] = t0 + h; k.evaluate(1, n, types, rij); double pp = directional(k, delta);
            theta[i] = t0 - h; k.evaluate(1, n, types, rij); double pm = directional(k, delta);
            theta[i] = t0;
            double fd = (pp - pm) / (2 * h);
            close(fd, grad[i], Math.abs(fd), "dPhi/dtheta[" + i + "]");
        }
    }

    @Test
    void scalarJacobianMatchesFiniteDifferences() {
        SiteKernel k = new SiteKernel(pot);
        int s = k.scalarCount();
        k.evaluate(0, n, types, rij);
        double[] jac = new double[3 * n * s];
        k.scalarJacobian(jac);
        double h = 1e-6;
        double[] bp = new double[s], bm = new double[s];
        for (int i = 0; i < 3 * n; i++) {
            double[] p = rij.clone(), m = rij.clone();
            p[i] += h; m[i] -= h;
            k.evaluate(0, n, types, p); k.scalarValues(bp);
            k.evaluate(0, n, types, m); k.scalarValues(bm);
            for (int t = 0; t < s; t++) {
                double fd = (bp[t] - bm[t]) / (2 * h);
                close(fd, jac[i * s + t], Math.abs(fd), "dB" + t + "/dr" + i);
            }
        }
    }

    private double directional(SiteKernel k, double[] delta) {
        double[] g = new double[3 * n];
        k.positionGradient(g);
        double phi = 0;
        for (int i = 0; i < g.length; i++) phi += g[i] * delta[i];
        return phi;
    }
}
