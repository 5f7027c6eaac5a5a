package org.mtpj.analysis.diffusion;

/**
 * Diffusion coefficients from straight-line fits of MSD over a lag window (cm²/s, with OLS
 * standard errors): tracer D = b/6, D_sigma = b_MSCD/6, per-axis D = b/2, Haven = D/D_sigma.
 * {@code minIndependentOrigins} = independent intervals at the window's longest lag.
 */
public record DiffusionResult(double tMinPs, double tMaxPs, int points,
                              double dTracer, double dTracerErr, double dSigma, double dSigmaErr, double haven, double havenErr,
                              double dX, double dXErr, double dY, double dYErr, double dZ, double dZErr,
                              int minIndependentOrigins) {
    /** 1 Å²/ps in cm²/s. */
    public static final double A2_PER_PS_TO_CM2_PER_S = 1e-4;
}
