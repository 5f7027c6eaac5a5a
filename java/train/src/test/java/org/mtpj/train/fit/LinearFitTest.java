package org.mtpj.train.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mtpj.testkit.Tolerances.NORMAL_EQUATIONS;
import static org.mtpj.testkit.Tolerances.REORDERED_SUM;
import static org.mtpj.testkit.Tolerances.REORDERED_SUM_GRADIENT;
import static org.mtpj.testkit.Tolerances.ROUNDING;

import org.junit.jupiter.api.Test;
import org.mtpj.core.model.MtpPotential;

/** The linear solve zeroes the loss gradient with respect to species and moment coefficients. */
class LinearFitTest {
    @Test
    void linearOptimumHasZeroLinearGradient() {
        MtpPotential pot = TestPotentials.small(9);
        TrainingSet set = TrainingSet.of(LossFunctionTest.randomConfigurations(5, 4), pot.cutoff());
        LossWeights w = new LossWeights(1, 0.05, 0.01, 0, Weighting.VIBRATIONS);
        double[] theta = pot.coefficients();
        int nr = pot.radialCoeffs.length;
        try (LossFunction loss = new LossFunction(pot, set, w, 1).penaltyWeight(0);
             LinearFit lin = new LinearFit(pot, set, w, 2)) {
            double[] g0 = new double[theta.length];
            double f0 = loss.evaluate(theta, g0);
            lin.solve(theta, pot.scaling);
            double[] g1 = new double[theta.length];
            double f1 = loss.evaluate(theta, g1);
            assertTrue(f1 < f0, "loss " + f0 + " -> " + f1);
            double scale = 0;
            for (int i = nr; i < theta.length; i++) scale = Math.max(scale, Math.abs(g0[i]));
            for (int i = nr; i < theta.length; i++) assertEquals(0, g1[i], NORMAL_EQUATIONS * scale, "dL/dtheta[" + i + "]");
        }
    }

    @Test
    void rescaledSystemEqualsSystemBuiltAtTheNewScaling() {
        MtpPotential pot = TestPotentials.small(4);
        TrainingSet set = TrainingSet.of(LossFunctionTest.randomConfigurations(6, 3), pot.cutoff());
        double[] theta = pot.coefficients();
        try (LinearFit lin = new LinearFit(pot, set, LossWeights.MLIP2_DEFAULTS, 1)) {
            LinearFit.System sys = lin.assemble(theta, 0.7);
            double[] viaTransform = lin.solve(sys, 0.7 * 1.2);
            double[] direct = lin.solve(theta.clone(), 0.7 * 1.2);
            for (int i = 0; i < direct.length; i++)
                assertEquals(direct[i], viaTransform[i], NORMAL_EQUATIONS * Math.max(1, Math.abs(direct[i])), "x[" + i + "]");
        }
    }

    @Test
    void lossFromDesignsEqualsDirectLoss() {
        MtpPotential pot = TestPotentials.small(12);
        TrainingSet set = TrainingSet.of(LossFunctionTest.randomConfigurations(8, 3), pot.cutoff());
        LossWeights w = new LossWeights(1, 0.05, 0.01, 0, Weighting.VIBRATIONS);
        double[] theta = pot.coefficients();
        try (LossFunction loss = new LossFunction(pot, set, w, 1); LinearFit lin = new LinearFit(pot, set, w, 1)) {
            lin.assemble(theta, pot.scaling);
            double[] g1 = new double[theta.length], g2 = new double[theta.length];
            double f1 = loss.evaluate(theta, g1);
            double f2 = loss.evaluate(theta, g2, lin.designs());
            assertEquals(f1, f2, REORDERED_SUM * Math.abs(f1));
            for (int i = 0; i < g1.length; i++) assertEquals(g1[i], g2[i], REORDERED_SUM_GRADIENT * Math.max(1, Math.abs(g1[i])), "grad " + i);
        }
    }

    /** Parts are summed in configuration order whatever thread built them: bit-identical for any thread count. */
    @Test
    void threadCountDoesNotChangeTheSystem() {
        MtpPotential pot = TestPotentials.small(5);
        TrainingSet set = TrainingSet.of(LossFunctionTest.randomConfigurations(7, 6), pot.cutoff());
        double[] theta = pot.coefficients();
        LinearFit.System one, three;
        try (LinearFit a = new LinearFit(pot, set, LossWeights.MLIP2_DEFAULTS, 1);
             LinearFit b = new LinearFit(pot, set, LossWeights.MLIP2_DEFAULTS, 3)) {
            one = a.assemble(theta, pot.scaling);
            three = b.assemble(theta, pot.scaling);
        }
        assertArrayEquals(one.g(), three.g(), 0.0);
        assertArrayEquals(one.b(), three.b(), 0.0);
    }

    @Test
    void orthonormalisedRadialFunctionsAreOrthonormal() {
        MtpPotential pot = TestPotentials.small(2);
        double[] theta = pot.coefficients();
        LinearFit.orthonormaliseRadial(pot, theta);
        int c2 = 4, k = 2, r = 4;
        // MLIP-2 divides by sqrt(Σ(c² + 1e-10)): a norm² short of 1 by at most c2·r·1e-10, and the
        // next function, projected on a vector of that norm, keeps an overlap of the same size
        double bias = c2 * r * 1e-10;
        for (int m = 0; m < k; m++)
            for (int m2 = 0; m2 < k; m2++) {
                double d = 0;
                for (int q = 0; q < c2; q++)
                    for (int n = 0; n < r; n++) d += theta[(q * k + m) * r + n] * theta[(q * k + m2) * r + n];
                if (m == m2) assertTrue(d <= 1 + ROUNDING && d >= 1 - bias - ROUNDING, "norm² " + d);
                else assertEquals(0, d, bias, "overlap");
            }
    }
}
