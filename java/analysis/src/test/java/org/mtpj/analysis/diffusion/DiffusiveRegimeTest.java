package org.mtpj.analysis.diffusion;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mtpj.host.LammpsDumpFiles;
import org.mtpj.analysis.msd.MsdCalculator;
import org.mtpj.analysis.msd.MsdResult;
import org.mtpj.analysis.traj.DriftCorrection;
import org.mtpj.core.io.LammpsDumpReader;
import org.mtpj.analysis.traj.MobileTrajectory;
import org.mtpj.analysis.traj.SpeciesMap;
import org.mtpj.testkit.Shared;

/**
 * The diffusive-regime check: the study's 600 K Mg MSD plateaus (atoms rattle in their cages) and
 * must be marked non-diffusive; random walks must pass, and the slope's stated error must be a
 * real 1σ (it covers the true slope 1 in 60–76 % of walks).
 */
class DiffusiveRegimeTest {

    static MsdResult dump600() {
        List<String> warnings = new ArrayList<>();
        MobileTrajectory traj;
        try (var r = LammpsDumpFiles.open(Shared.file("data/amorphous-MgV2O5/dump_600K.lammpstrj"), warnings::add)) {
            traj = MobileTrajectory.load(r, new SpeciesMap(List.of("Mg", "V", "O")), Set.of("Mg"), DriftCorrection.FRAMEWORK, 1, warnings::add, null);
        }
        return MsdCalculator.compute(traj, traj.frameSpacingPs(0.002, null));
    }

    @Test
    void plateauOfThe600KDumpIsNotDiffusive() {
        MsdResult m = dump600();
        DiffusiveRegime r = DiffusiveRegime.of(m, 5, 20);  // 10–40 ps, frames 2 ps apart
        System.out.println("600 K, 10-40 ps: log-log slope " + r.slope() + " ± " + r.slopeStdErr());
        assertEquals(0.17, r.slope(), 0.03, "the issue's slope over 10–40 ps");
        assertFalse(r.diffusive());
        for (int[] w : new int[][] {{1, 25}, {10, 25}}) {
            DiffusiveRegime o = DiffusiveRegime.of(m, w[0], w[1]);
            System.out.println("600 K, lags " + w[0] + "-" + w[1] + ": " + o);
        }
    }

    @Test
    void randomWalksAreDiffusiveAndTheSlopeErrorIsCalibrated() {
        int seeds = 300, diffusive = 0, covered = 0;
        for (int s = 0; s < seeds; s++) {
            RandomWalkTrajectory w = new RandomWalkTrajectory(32, 0, 200, 0.1, 0.1, 0, 0, 0, 40_000 + s);
            MobileTrajectory t = MobileTrajectory.load(w.reader(), new SpeciesMap(List.of("Mg", "O")), Set.of("Mg"), DriftCorrection.NONE, 1, null, null);
            DiffusiveRegime r = DiffusiveRegime.of(MsdCalculator.compute(t, 0.1), 5, 40);
            if (r.diffusive()) diffusive++;
            if (Math.abs(r.slope() - 1) <= r.slopeStdErr()) covered++;
        }
        System.out.println("random walks: " + diffusive + " of " + seeds + " diffusive; slope within 1σ of 1 in " + covered);
        assertTrue(diffusive >= 0.97 * seeds, diffusive + " of " + seeds + " walks marked diffusive");
        assertTrue(covered >= 0.60 * seeds && covered <= 0.76 * seeds, "slope 1 within the stated 1σ in " + covered + " of " + seeds);
    }

    @Test
    void atomsThatDoNotMoveAreNotDiffusive() {
        RandomWalkTrajectory w = new RandomWalkTrajectory(4, 0, 50, 0.1, 0, 0, 0, 0, 1);
        MobileTrajectory t = MobileTrajectory.load(w.reader(), new SpeciesMap(List.of("Mg", "O")), Set.of("Mg"), DriftCorrection.NONE, 1, null, null);
        DiffusiveRegime r = DiffusiveRegime.of(MsdCalculator.compute(t, 0.1), 1, 4);
        assertFalse(r.diffusive());
        assertTrue(Double.isNaN(r.slope()));
    }

    @Test
    void windowsBeforeTheMsdLeavesTheCageAreNotDiffusiveThoughTheirSlopeIsOne() {
        // 128 atoms vibrating in cages (3A² = 0.75 Å², bending over near 0.1 ps) around a walk of D = 0.5 Å²/ps,
        // frames 0.025 ps apart as in the quick demo
        CagedWalkTrajectory w = new CagedWalkTrajectory(128, 2000, 0.025, 0.5, 0.5, 10, 11);
        MobileTrajectory t = MobileTrajectory.load(w.reader(), new SpeciesMap(List.of("Mg")), Set.of("Mg"), DriftCorrection.NONE, 1, null, null);
        MsdResult m = MsdCalculator.compute(t, 0.025);

        DiffusiveRegime crossover = DiffusiveRegime.of(m, 3, 12);   // 0.075–0.3 ps
        System.out.println("caged walk, 0.075-0.3 ps: " + crossover);
        assertEquals(1, crossover.slope(), DiffusiveRegime.OFFSET_ALLOWANCE, "the average slope alone would call this window diffusive");
        assertTrue(crossover.startSlope() > 1.15 && crossover.endSlope() < 0.8, crossover.toString());
        assertFalse(crossover.diffusive());
        assertTrue(crossover.curved());

        DiffusiveRegime late = DiffusiveRegime.of(m, 80, 199);      // 2–5 ps: 6Dt ≫ 3A²
        System.out.println("caged walk, 2-5 ps: " + late);
        assertTrue(late.diffusive(), late.toString());
        assertFalse(late.curved() || late.subDiffusiveLater());

        // at the cage's edge the slope is 1 for a moment, then the MSD is sub-diffusive for a while: no long-time limit yet
        DiffusiveRegime edge = DiffusiveRegime.of(m, 6, 8);         // 0.15–0.2 ps
        System.out.println("caged walk, 0.15-0.2 ps: " + edge);
        assertEquals(1, edge.startSlope(), DiffusiveRegime.OFFSET_ALLOWANCE);
        assertEquals(1, edge.endSlope(), DiffusiveRegime.OFFSET_ALLOWANCE);
        assertTrue(edge.laterSlope() < 0.88, edge.toString());
        assertFalse(edge.diffusive());
        assertTrue(edge.subDiffusiveLater());

        // --window auto passes over the crossover and fits where the walk dominates; its D is the walk's
        AutoWindow auto = AutoWindow.choose(m);
        CalibratedFit fit = CalibratedFit.of(m, auto.tMinPs(), auto.tMaxPs(), s -> {});
        double d = fit.ols().dTracer() / DiffusionResult.A2_PER_PS_TO_CM2_PER_S, se = fit.errors().dTracerErr() / DiffusionResult.A2_PER_PS_TO_CM2_PER_S;
        System.out.println("caged walk, auto window " + auto + ": D = " + d + " ± " + se + " Å²/ps (true 0.5)");
        assertTrue(auto.found() && auto.tMinPs() >= 0.5, auto.toString());   // past the cage: 6Dt ≥ 4·3A² there
        assertEquals(0.5, d, 3 * se);
    }
}
