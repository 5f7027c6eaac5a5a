package org.mtpj.analysis.diffusion;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class ArrheniusTest {
    @Test
    void exactArrheniusDataGivesItsParameters() {
        double ea = 0.35, d0 = 2e-3;
        double[] t = {600, 900, 1000, 1200};
        double[] d = new double[4];
        for (int i = 0; i < 4; i++) d[i] = d0 * Math.exp(-ea / (Arrhenius.K_B * t[i]));
        Arrhenius a = Arrhenius.fit(t, d, 300);
        assertEquals(ea, a.ea(), 1e-12);
        assertEquals(d0, a.d0(), 1e-15);
        assertEquals(d0 * Math.exp(-ea / (Arrhenius.K_B * 300)), a.dAtTarget(), 1e-20);
        assertEquals(0, a.eaErr(), 1e-12);
    }

    @Test
    void standardErrorsFollowTheOlsFormulas() {
        double[] t = {300, 600, 900, 1000, 1200};
        double[] d = {1.832291e-06, 3.430927e-06, 4.755946e-06, 5.651171e-06, 8.725519e-06};
        Arrhenius a = Arrhenius.fit(t, d, 300);
        int n = 5;
        double[] x = new double[n], y = new double[n];
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) { x[i] = 1 / t[i]; y[i] = Math.log(d[i]); mx += x[i] / n; my += y[i] / n; }
        double sxx = 0, sxy = 0;
        for (int i = 0; i < n; i++) { sxx += (x[i] - mx) * (x[i] - mx); sxy += (x[i] - mx) * (y[i] - my); }
        double b = sxy / sxx, c = my - b * mx, ssr = 0;
        for (int i = 0; i < n; i++) ssr += Math.pow(y[i] - c - b * x[i], 2);
        double s = Math.sqrt(ssr / (n - 2));
        assertEquals(-b * Arrhenius.K_B, a.ea(), 1e-15);
        assertEquals(s / Math.sqrt(sxx) * Arrhenius.K_B, a.eaErr(), 1e-15);
        assertEquals(s * Math.sqrt(1.0 / n + mx * mx / sxx), a.lnD0Err(), 1e-12);
        assertEquals(s * Math.sqrt(1.0 / n + Math.pow(1 / 300.0 - mx, 2) / sxx), a.lnDAtTargetErr(), 1e-12);
        assertTrue(a.factorAtTarget() > 1);
    }
}
