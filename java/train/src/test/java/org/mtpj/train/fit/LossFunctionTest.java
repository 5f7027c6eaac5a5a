package org.mtpj.train.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mtpj.core.model.Configuration;
import org.mtpj.core.model.MtpPotential;

/** The analytic loss gradient (energy + force + stress + penalty) against central differences. */
class LossFunctionTest {
    static List<Configuration> randomConfigurations(long seed, int count) {
        Random rnd = new Random(seed);
        List<Configuration> out = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            int n = 5 + c;
            Configuration cfg = new Configuration(n);
            double a = 4.0 + 0.3 * c;
            cfg.latticeRows = 3;
            cfg.lattice[0] = new double[] {a, 0.2, 0};
            cfg.lattice[1] = new double[] {0, a, 0.1};
            cfg.lattice[2] = new double[] {0.3, 0, a};
            for (int i = 0; i < n; i++) {
                cfg.types[i] = rnd.nextInt(2);
                for (int k = 0; k < 3; k++) cfg.positions[3 * i + k] = a * rnd.nextDouble();
            }
            // keep atoms apart
            cfg.energy = -3.0 * n + rnd.nextGaussian();
            cfg.forces = new double[3 * n];
            for (int k = 0; k < 3 * n; k++) cfg.forces[k] = rnd.nextGaussian();
            cfg.plusStress = new double[6];
            for (int k = 0; k < 6; k++) cfg.plusStress[k] = rnd.nextGaussian() * 3;
            out.add(cfg);
        }
        return out;
    }

    void check(LossWeights w, int threads) {
        MtpPotential pot = TestPotentials.small(7);
        TrainingSet set = TrainingSet.of(randomConfigurations(3, 3), pot.cutoff());
        double[] theta = pot.coefficients();
        for (int i = 0; i < 32; i++) theta[i] *= 0.3;   // keep the site energies moderate
        try (LossFunction loss = new LossFunction(pot, set, w, threads).penaltyWeight(1e-3)) {
            double[] grad = new double[theta.length];
            double f0 = loss.evaluate(theta, grad);
            assertEquals(f0, loss.evaluate(theta, null), 1e-12 * Math.abs(f0));
            for (int i = 0; i < theta.length; i++) {
                double t = theta[i], h = 1e-6 * Math.max(1, Math.abs(t));
                theta[i] = t + h; double fp = loss.evaluate(theta, null);
                theta[i] = t - h; double fm = loss.evaluate(theta, null);
                theta[i] = t;
                double fd = (fp - fm) / (2 * h);
                assertEquals(fd, grad[i], 2e-6 * Math.max(1e-3 * Math.abs(f0), Math.abs(fd)), "dL/dtheta[" + i + "]");
            }
        }
    }

    @Test
    void gradientMatchesFiniteDifferencesAllTerms() { check(LossWeights.MLIP2_DEFAULTS, 1); }

    @Test
    void gradientMatchesWithStrongForceAndStressWeights() { check(new LossWeights(0.5, 1.0, 0.3, 0, Weighting.VIBRATIONS), 2); }

    @Test
    void gradientMatchesWithScaleByForceAndStructures() { check(new LossWeights(1, 0.2, 0.1, 0.5, Weighting.STRUCTURES), 1); }

    @Test
    void unknownSpeciesIsAClearError() {
        Configuration c = randomConfigurations(1, 1).get(0);
        c.types[2] = 4;
        org.mtpj.core.UserError e = org.junit.jupiter.api.Assertions.assertThrows(org.mtpj.core.UserError.class,
                () -> TrainingSet.checkSpecies(c, 2, "x.cfg: configuration 1"));
        org.junit.jupiter.api.Assertions.assertEquals(
                "x.cfg: configuration 1: atom 3 has species 4 but the potential has species 0..1", e.getMessage());
    }

    @Test
    void threadCountDoesNotChangeTheResult() {
        MtpPotential pot = TestPotentials.small(7);
        TrainingSet set = TrainingSet.of(randomConfigurations(4, 5), pot.cutoff());
        double[] g1 = new double[pot.coefficientCount()], g2 = new double[pot.coefficientCount()];
        double f1, f2;
        try (LossFunction a = new LossFunction(pot, set, LossWeights.MLIP2_DEFAULTS, 1);
             LossFunction b = new LossFunction(pot, set, LossWeights.MLIP2_DEFAULTS, 3)) {
            f1 = a.evaluate(pot.coefficients(), g1);
            f2 = b.evaluate(pot.coefficients(), g2);
        }
        assertEquals(f1, f2, 0.0);
        for (int i = 0; i < g1.length; i++) assertEquals(g1[i], g2[i], 0.0);
    }
}
