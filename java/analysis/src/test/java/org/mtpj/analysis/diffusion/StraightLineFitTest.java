package org.mtpj.analysis.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mtpj.testkit.Tolerances.ROUNDING;

import org.junit.jupiter.api.Test;

/**
 * The straight-line fit behind every D and E_a, against cases worked by hand (the numbers in the
 * comments), and weights against their meaning (weight 2 = the point given twice).
 */
class StraightLineFitTest {
    private static final double[] X = {0, 1, 2, 3};

    @Test
    void exactDataGiveTheirLineAndZeroError() {
        StraightLineFit f = StraightLineFit.of(X, new double[] {1, 3, 5, 7});
        assertEquals(2, f.slope(), ROUNDING);
        assertEquals(1, f.intercept(), ROUNDING);
        assertEquals(0, f.slopeStdErr(), ROUNDING);
    }

    /**
     * y = {1, 0, 3, 2}: x̄ = ȳ = 1.5, Sxx = 5, Sxy = 3, so b = 0.6, a = 0.6; residuals
     * {0.4, −1.2, 1.2, −0.4}, SSR = 3.2, s² = SSR/(n−2) = 1.6; se(b) = √(1.6/5) = √0.32,
     * se(a) = √(1.6·(1/4 + 2.25/5)) = √1.12, se at x̄ = √(1.6/4) = √0.4.
     */
    @Test
    void olsErrorsOfAHandWorkedCase() {
        StraightLineFit g = StraightLineFit.of(X, new double[] {1, 0, 3, 2});
        assertEquals(0.6, g.slope(), ROUNDING);
        assertEquals(0.6, g.intercept(), ROUNDING);
        assertEquals(1.6, g.reducedChi2(), ROUNDING);
        assertEquals(Math.sqrt(0.32), g.slopeStdErr(), ROUNDING);
        assertEquals(Math.sqrt(1.12), g.interceptStdErr(), ROUNDING);
        assertEquals(Math.sqrt(0.4), g.atMeanStdErr(), ROUNDING);
        // at x = 3.5: √(0.4 + 2²·0.32) = √1.68
        assertEquals(Math.sqrt(1.68), g.predictionStdErr(3.5), ROUNDING);
    }

    /**
     * Same data, every σ = 2 (w = 1/4, W = 1): the line is the OLS one, the errors come from σ
     * alone: se(b) = 1/√(w·Sxx) = 1/√1.25, se(a) = √(1/W + x̄²/(w·Sxx)) = √2.8, χ²/(n−2) = 3.2/4/2 = 0.4.
     */
    @Test
    void weightedErrorsOfAHandWorkedCase() {
        StraightLineFit g = StraightLineFit.weighted(X, new double[] {1, 0, 3, 2}, new double[] {2, 2, 2, 2});
        assertEquals(0.6, g.slope(), ROUNDING);
        assertEquals(0.6, g.intercept(), ROUNDING);
        assertEquals(1 / Math.sqrt(1.25), g.slopeStdErr(), ROUNDING);
        assertEquals(Math.sqrt(2.8), g.interceptStdErr(), ROUNDING);
        assertEquals(0.4, g.reducedChi2(), ROUNDING);
    }

    /** A point of weight 2 (σ = 1/√2) pulls the line as the same point given twice at weight 1. */
    @Test
    void aDoubleWeightIsTheSamePointTwice() {
        StraightLineFit w = StraightLineFit.weighted(new double[] {0, 1, 2}, new double[] {0.3, 0.1, 1.7}, new double[] {1, 1, 1 / Math.sqrt(2)});
        StraightLineFit twice = StraightLineFit.of(new double[] {0, 1, 2, 2}, new double[] {0.3, 0.1, 1.7, 1.7});
        assertEquals(twice.slope(), w.slope(), ROUNDING);
        assertEquals(twice.intercept(), w.intercept(), ROUNDING);
    }
}
