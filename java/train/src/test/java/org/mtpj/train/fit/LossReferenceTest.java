package org.mtpj.train.fit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mtpj.core.model.MtpPotential;
import org.mtpj.host.MtpFiles;
import org.mtpj.testkit.Shared;

/** The loss's own E/F/W evaluation reproduces MLIP-2's data for the potential that made them. */
class LossReferenceTest {
    @Test
    void studyPotentialHasZeroErrorsOnItsOwnData() {
        MtpPotential pot = MtpFiles.read(Shared.file("data/amorphous-MgV2O5/pot.mtp"));
        TrainingSet set = TrainingSet.read(Shared.file("reference/mlip2/dump600K_frames00-09.cfg"), pot.cutoff());
        try (LossFunction loss = new LossFunction(pot, set, LossWeights.MLIP2_DEFAULTS, 2)) {
            loss.evaluate(pot.coefficients(), null);
            LossFunction.Stats s = loss.lastStats();
            assertTrue(s.energyPerAtomRms() < 1e-9, "energy/atom RMS " + s.energyPerAtomRms());
            assertTrue(s.forceRms() < 1e-8, "force RMS " + s.forceRms());
            assertTrue(s.stressRms() < 1e-7, "stress RMS " + s.stressRms());
            // a perturbed potential must show errors (the check can fail)
            double[] theta = pot.coefficients();
            theta[pot.coefficientCount() - pot.scalarCount()] *= 1.001;
            loss.evaluate(theta, null);
            assertTrue(loss.lastStats().forceRms() > 1e-6, "perturbed force RMS " + loss.lastStats().forceRms());
        }
    }
}
