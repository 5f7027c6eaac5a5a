package org.mtpj.analysis.diffusion;

import org.mtpj.analysis.msd.MsdResult;

/**
 * Calibrated standard errors of the OLS diffusion coefficients of one fit window (cm²/s): the
 * variance of the OLS slope b = Σ w_k MSD(k), w_k = (t_k − t̄)/Sxx, is Σ w_k w_l Cov(MSD(k), MSD(l))
 * with the covariance a random walk of the fitted D would have ({@link MsdCovariance}). This counts
 * the correlation of MSD points across lags (they share time origins) and the finite number of
 * walkers and of time origins, which the OLS error (independent points) ignores.
 *
 * <p>Why this and not GLS or a bootstrap: the estimate stays the spec's OLS number (the references
 * hold), only its error is made honest; the covariance is exact for a Gaussian random walk and needs
 * no resampling, so it works for the short runs where a bootstrap over few origins fails. The
 * walkers (atoms) are taken as independent for the tracer and per-axis MSD, the collective MSCD is
 * one walker whatever the correlation between atoms (so D_sigma is always far less precise than
 * D_tracer). The random-walk step variance is 2·D·Δt with D the fitted value (a non-positive slope:
 * D from MSD(t_max)/(2d·t_max) instead), per axis 2·D_x·Δt. Haven ratio: relative errors of D_tracer
 * and D_sigma in quadrature (their covariance, ≈ 2/N of the D_sigma variance, is left out).
 *
 * <p>The error stated is the larger of this and the OLS error: for a random walk the OLS error is
 * far smaller, but where the MSD is not a random walk (a plateau: the fitted D, and with it the
 * model's noise, is tiny) the scatter about the line is the better measure of the misfit.
 */
public record RandomWalkErrors(double dTracerErr, double dSigmaErr, double havenErr, double dXErr, double dYErr, double dZErr,
                               DiffusiveRegime regime) {

    public static RandomWalkErrors of(MsdResult m, DiffusionResult d) {
        double dt = m.frameSpacingPs();
        int from = (int) Math.round(d.tMinPs() / dt), to = (int) Math.round(d.tMaxPs() / dt);
        int atoms = m.mobileAtoms();
        double unit = slopeUnitVariance(m.frames(), from, to, dt);
        double c = DiffusionResult.A2_PER_PS_TO_CM2_PER_S;
        double tMax = to * dt;
        double dTr = modelD(d.dTracer() / c, m.msd()[to], 3, tMax), dSg = modelD(d.dSigma() / c, m.mscd()[to], 3, tMax);
        double trErr = Math.max(slopeErr(dTr, dt, unit, 3, atoms) / 6 * c, d.dTracerErr());
        double sgErr = Math.max(slopeErr(dSg, dt, unit, 3, 1) / 6 * c, d.dSigmaErr());
        double xErr = Math.max(axisErr(m, m.msdX(), d, d.dX()), d.dXErr()), yErr = Math.max(axisErr(m, m.msdY(), d, d.dY()), d.dYErr()),
                zErr = Math.max(axisErr(m, m.msdZ(), d, d.dZ()), d.dZErr());
        double h = d.haven();
        double hErr = Math.abs(h) * Math.sqrt(Math.pow(trErr / d.dTracer(), 2) + Math.pow(sgErr / d.dSigma(), 2));
        return new RandomWalkErrors(trErr, sgErr, hErr, xErr, yErr, zErr, DiffusiveRegime.of(m, from, to));
    }

    /** Calibrated error (cm²/s) of D = slope/2 of one per-direction MSD curve (x, y, z, or along a, b, c) over the window of {@code d}. */
    public static double axisErr(MsdResult m, double[] msdAxis, DiffusionResult d, double dAxisCm2s) {
        double dt = m.frameSpacingPs(), c = DiffusionResult.A2_PER_PS_TO_CM2_PER_S;
        int from = (int) Math.round(d.tMinPs() / dt), to = (int) Math.round(d.tMaxPs() / dt);
        double unit = slopeUnitVariance(m.frames(), from, to, dt);
        return slopeErr(modelD(dAxisCm2s / c, msdAxis[to], 1, to * dt), dt, unit, 1, m.mobileAtoms()) / 2 * c;
    }

    /** Var(OLS slope over lags from..to) per 2 s⁴, one walker, one coordinate. */
    private static double slopeUnitVariance(int frames, int from, int to, double dt) {
        int n = to - from + 1;
        int[] lags = new int[n];
        double[] w = new double[n];
        double mean = 0, sxx = 0;
        for (int i = 0; i < n; i++) { lags[i] = from + i; mean += lags[i] * dt / n; }
        for (int i = 0; i < n; i++) sxx += Math.pow(lags[i] * dt - mean, 2);
        for (int i = 0; i < n; i++) w[i] = (lags[i] * dt - mean) / sxx;
        return MsdCovariance.combinationVariance(frames, lags, w);
    }

    /** D (Å²/ps) of the random walk whose covariance is used: the fitted one, or the mean slope MSD/(2d·t) when that is not positive. */
    private static double modelD(double fitted, double msdAtEnd, int dims, double tMax) {
        return fitted > 0 ? fitted : Math.max(0, msdAtEnd / (2 * dims * tMax));
    }

    /** Standard error of an MSD slope summed over {@code dims} coordinates, averaged over {@code walkers} independent walkers. */
    private static double slopeErr(double d, double dt, double unitVariance, int dims, int walkers) {
        double s2 = 2 * d * dt;
        return Math.sqrt(dims * 2 * s2 * s2 * unitVariance / walkers);
    }
}
