package org.mtpj.train.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mtpj.core.eval.EvaluationResult;
import org.mtpj.core.eval.Blocks;
import org.mtpj.core.eval.Evaluator;
import org.mtpj.core.model.Configuration;
import org.mtpj.core.model.MtpPotential;

/**
 * Training a potential with the repulsive radial basis optimises the model that calc-efs and
 * LAMMPS evaluate: the loss and its gradient against a loss built from core's {@link Evaluator}
 * (energies, forces, PlusStress of pot.withCoefficients(θ)) and its central differences, on
 * configurations with a pair below Rmin (clamped basis and repulsion term active).
 */
class RepulsiveTrainingTest {
    static final double W_E = 1, W_F = 0.05, W_S = 0.01;
    static final LossWeights WEIGHTS = new LossWeights(W_E, W_F, W_S, 0, Weighting.VIBRATIONS);

    /** Random cells with atom 1 at 1.12 Å from atom 0 (below Rmin = 1.2), labelled by core with teacher. */
    static List<Configuration> closeContactData(MtpPotential teacher, long seed) {
        List<Configuration> cfgs = LossFunctionTest.randomConfigurations(seed, 3);
        Random rnd = new Random(seed);
        {
            Evaluator ev = new Evaluator(teacher, Blocks.SERIAL);
            for (Configuration c : cfgs) {
                double x = rnd.nextGaussian(), y = rnd.nextGaussian(), z = rnd.nextGaussian(), n = Math.sqrt(x * x + y * y + z * z);
                c.positions[3] = c.positions[0] + 1.12 * x / n;
                c.positions[4] = c.positions[1] + 1.12 * y / n;
                c.positions[5] = c.positions[2] + 1.12 * z / n;
                EvaluationResult r = ev.evaluate(c);
                c.energy = r.energy + rnd.nextGaussian();
                c.forces = r.forces.clone();
                for (int k = 0; k < c.forces.length; k++) c.forces[k] += 0.5 * rnd.nextGaussian();
                c.plusStress = r.plusStress.clone();
                for (int k = 0; k < 6; k++) c.plusStress[k] += rnd.nextGaussian();
            }
        }
        return cfgs;
    }

    /** Spec §7.1 (VIBRATIONS weighting, no penalty) from core's E, F, PlusStress at θ. */
    static double coreLoss(MtpPotential shape, double[] theta, List<Configuration> cfgs) {
        double sum = 0;
        {
            Evaluator ev = new Evaluator(shape.withCoefficients(theta), Blocks.SERIAL);
            for (Configuration c : cfgs) {
                EvaluationResult r = ev.evaluate(c);
                int n = c.size;
                double de = r.energy - c.energy, df = 0, ds = 0;
                for (int k = 0; k < 3 * n; k++) df += (r.forces[k] - c.forces[k]) * (r.forces[k] - c.forces[k]);
                for (int k = 0; k < 6; k++) {
                    double d = r.plusStress[k] - c.plusStress[k];
                    ds += (k < 3 ? 1 : 2) * d * d;          // off-diagonal components appear twice in ‖·‖_F
                }
                sum += W_E / n * de * de + W_F * df + W_S / n * ds;
            }
        }
        return sum / cfgs.size();
    }

    static double centralDifference(MtpPotential pot, double[] theta, int i, double h, List<Configuration> cfgs) {
        double t = theta[i];
        theta[i] = t + h; double fp = coreLoss(pot, theta, cfgs);
        theta[i] = t - h; double fm = coreLoss(pot, theta, cfgs);
        theta[i] = t;
        return (fp - fm) / (2 * h);
    }

    @Test
    void lossAndGradientMatchCoreEvaluatorAndItsFiniteDifferences() {
        MtpPotential pot = TestPotentials.smallRepulsive(7);
        double[] theta = pot.coefficients();
        for (int i = 0; i < 32; i++) theta[i] *= 0.3;
        Random rnd = new Random(5);
        double[] teacher = theta.clone();
        for (int i = 0; i < teacher.length; i++) teacher[i] += 0.05 * rnd.nextGaussian();
        List<Configuration> cfgs = closeContactData(pot.withCoefficients(teacher), 13);
        TrainingSet set = TrainingSet.of(cfgs, pot.cutoff());
        try (LossFunction loss = new LossFunction(pot, set, WEIGHTS, 1).penaltyWeight(0)) {
            double[] grad = new double[theta.length];
            double f0 = loss.evaluate(theta, grad);
            double ref = coreLoss(pot, theta, cfgs);
            assertEquals(ref, f0, 1e-9 * ref, "loss against core's E, F, W");
            double maxErr = 0, maxG = 0;
            for (int i = 0; i < theta.length; i++) {
                // the repulsion makes forces and stresses ~3e4 (eV/Å, eV) against residuals ~1, so the
                // reference's round-off is ~1e-8/h: a large step with Richardson extrapolation (error O(h⁴))
                double t = theta[i], h = 1e-3 * Math.max(1, Math.abs(t));
                double fd = (4 * centralDifference(pot, theta, i, h / 2, cfgs) - centralDifference(pot, theta, i, h, cfgs)) / 3;
                maxErr = Math.max(maxErr, Math.abs(fd - grad[i]) / Math.max(1e-3 * f0, Math.abs(fd)));
                maxG = Math.max(maxG, Math.abs(grad[i]));
                assertEquals(fd, grad[i], 2e-6 * Math.max(1e-3 * f0, Math.abs(fd)), "dL/dtheta[" + i + "]");
            }
            System.out.printf("repulsive basis: loss %.6e, max relative gradient error vs core FD %.2e (max |grad| %.2e)%n", f0, maxErr, maxG);
        }
    }

    @Test
    void linearShortcutKeepsTheRepulsionAndTrainingRecoversTheTeacher() {
        MtpPotential teacher = TestPotentials.smallRepulsive(31);
        List<Configuration> cfgs = closeContactData(teacher, 21);
        for (Configuration c : cfgs) {           // exact labels: the teacher is reachable
            {
            Evaluator ev = new Evaluator(teacher, Blocks.SERIAL);
                EvaluationResult r = ev.evaluate(c);
                c.energy = r.energy;
                c.forces = r.forces.clone();
                c.plusStress = r.plusStress.clone();
            }
        }
        TrainingSet set = TrainingSet.of(cfgs, teacher.cutoff());
        double[] th = teacher.coefficients();
        int nr = teacher.radialCoeffs.length;
        java.util.Arrays.fill(th, nr, th.length, 0.0);   // the linear part from the shortcut alone
        try (LinearFit lin = new LinearFit(teacher, set, WEIGHTS, 1);
             LossFunction loss = new LossFunction(teacher, set, WEIGHTS, 1).penaltyWeight(0)) {
            // the designs carry the repulsion: the loss from them equals the direct one
            lin.assemble(th, teacher.scaling);
            double[] g1 = new double[th.length], g2 = new double[th.length];
            double direct = loss.evaluate(th, g1), viaDesigns = loss.evaluate(th, g2, lin.designs());
            assertTrue(direct > 1, "loss with zero linear part " + direct);
            assertEquals(direct, viaDesigns, 1e-10 * direct);
            for (int i = 0; i < g1.length; i++) assertEquals(g1[i], g2[i], 1e-9 * Math.max(1, Math.abs(g1[i])), "grad " + i);
            lin.solve(th, teacher.scaling);
            assertEquals(0, loss.evaluate(th, null), 1e-12, "with the teacher's radial part the linear solve recovers it exactly");
            double[] want = teacher.coefficients();
            for (int i = nr; i < th.length; i++) assertEquals(want[i], th[i], 1e-5 * Math.max(1, Math.abs(want[i])), "theta[" + i + "]");
        }
        // full training from perturbed radial coefficients
        double[] start = teacher.coefficients();
        Random rnd = new Random(3);
        for (int i = 0; i < nr; i++) start[i] += 0.2 * rnd.nextGaussian();
        MtpPotential student = teacher.withCoefficients(start);
        Trainer.Options o = new Trainer.Options();
        o.maxIter = 60;
        o.log = new PrintStream(new ByteArrayOutputStream());
        double f0 = coreLoss(student, start, cfgs);
        MtpPotential out = new Trainer(student, set, o).run();
        double f1 = coreLoss(out, out.coefficients(), cfgs);
        assertTrue(f1 < 1e-2 * f0, "loss (core) " + f0 + " -> " + f1);
    }
}
