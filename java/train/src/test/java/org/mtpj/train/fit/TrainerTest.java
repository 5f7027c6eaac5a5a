package org.mtpj.train.fit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtpj.core.model.Configuration;
import org.mtpj.core.model.MtpPotential;

/** Training recovers a teacher potential's data (synthetic, small). */
class TrainerTest {
    static TrainingSet teacherData(MtpPotential teacher) {
        List<Configuration> cfgs = LossFunctionTest.randomConfigurations(21, 6);
        for (Configuration c : cfgs) {
            TrainingSet one = TrainingSet.of(List.of(c), teacher.cutoff());
            // labels from the kernel-based loss machinery: E, F, W of the teacher
            try (LossFunction l = new LossFunction(teacher, one, LossWeights.MLIP2_DEFAULTS, 1)) {
                double[] f = l.forcesEnergyStress(teacher.coefficients(), 0);
                c.energy = f[0];
                c.plusStress = new double[] {f[1], f[2], f[3], f[4], f[5], f[6]};
                c.forces = java.util.Arrays.copyOfRange(f, 7, f.length);
            }
        }
        return TrainingSet.of(cfgs, teacher.cutoff());
    }

    void run(boolean projected) {
        MtpPotential teacher = TestPotentials.small(31);
        TrainingSet set = teacherData(teacher);
        double[] th = teacher.coefficients();
        java.util.Random rnd = new java.util.Random(3);
        for (int i = 0; i < teacher.radialCoeffs.length; i++) th[i] += 0.2 * rnd.nextGaussian();
        MtpPotential student = teacher.withCoefficients(th);
        Trainer.Options o = new Trainer.Options();
        o.maxIter = 60;
        o.variableProjection = projected;
        o.log = new PrintStream(new ByteArrayOutputStream());
        double f0;
        try (LossFunction l = new LossFunction(student, set, LossWeights.MLIP2_DEFAULTS, 1)) { f0 = l.evaluate(th, null); }
        Trainer t = new Trainer(student, set, o);
        MtpPotential out = t.run();
        double f1;
        try (LossFunction l = new LossFunction(out, set, LossWeights.MLIP2_DEFAULTS, 1)) { f1 = l.evaluate(out.coefficients(), null); }
        assertTrue(f1 < 1e-2 * f0, (projected ? "projected" : "mlip2") + ": loss " + f0 + " -> " + f1);
        assertTrue(t.bestLoss() <= f1 * (1 + 1e-9) + 1e-15);
    }

    @Test
    void projectedTrainingFitsTeacherData() { run(true); }

    @Test
    void mlip2SchemeTrainingReducesTheLoss() { run(false); }
}
