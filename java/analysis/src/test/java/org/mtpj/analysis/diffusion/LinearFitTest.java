package org.mtpj.analysis.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The straight-line fit behind every D (and the demo's cross-check of LAMMPS' own MSD). */
class LinearFitTest {
    @Test
    void recoversSlopeAndZeroErrorOnExactData() {
        LinearFit f = LinearFit.of(new double[] {0, 1, 2, 3}, new double[] {1, 3, 5, 7});
        assertEquals(2, f.slope(), 1e-14);
        assertEquals(1, f.intercept(), 1e-14);
        assertEquals(0, f.slopeStdErr(), 1e-14);
        // y = x plus +-1 alternating: slope se = sqrt(SSR/(n-2)/Sxx)
        LinearFit g = LinearFit.of(new double[] {0, 1, 2, 3}, new double[] {1, 0, 3, 2});
        assertEquals(0.6, g.slope(), 1e-14);
        double ssr = 0;
        double[] y = {1, 0, 3, 2};
        for (int i = 0; i < 4; i++) { double r = y[i] - g.intercept() - g.slope() * i; ssr += r * r; }
        assertEquals(Math.sqrt(ssr / 2 / 5), g.slopeStdErr(), 1e-14);
    }
}
