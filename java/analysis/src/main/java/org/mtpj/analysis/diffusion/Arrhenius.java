package org.mtpj.analysis.diffusion;

import org.mtpj.core.UserError;

/**
 * Arrhenius fit ln D = ln D0 − Ea/(k_B T) by least squares of ln D against 1/T (analysis-spec §2):
 * Ea = −slope·k_B, D0 = exp(intercept), the extrapolation to T* with the standard error of the
 * fitted line, reported as D(T*) with the factor exp(±se). Without standard errors of D: OLS,
 * errors from the scatter; with them: weighted by 1/σ(ln D)², σ(ln D) = se(D)/D, errors from the
 * given standard errors (see {@link StraightLineFit#weighted}).
 *
 * @param dErr standard errors of D, or null (OLS)
 */
public record Arrhenius(double ea, double eaErr, double d0, double lnD0Err, double targetT, double dAtTarget,
                        double lnDAtTargetErr, StraightLineFit fit, double[] temperatures, double[] d, double[] dErr) {
    /** Boltzmann constant in eV/K. */
    public static final double K_B = 8.617333262e-5;
    /** Temperatures a fit needs (two points leave no error estimate). */
    public static final int MIN_TEMPERATURES = 3;

    public static Arrhenius fit(double[] temperaturesK, double[] dCm2s, double targetK) {
        return fit(temperaturesK, dCm2s, null, targetK);
    }

    /** @param dErrCm2s standard errors of D (cm²/s), or null for an unweighted fit */
    public static Arrhenius fit(double[] temperaturesK, double[] dCm2s, double[] dErrCm2s, double targetK) {
        int n = temperaturesK.length;
        if (n < MIN_TEMPERATURES)
            throw new UserError("an Arrhenius fit with uncertainties needs at least " + MIN_TEMPERATURES + " temperatures, got " + n);
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            if (!(temperaturesK[i] > 0)) throw new UserError("temperature must be positive, got " + temperaturesK[i] + " K");
            if (!(dCm2s[i] > 0)) throw new UserError("D must be positive for ln D, got " + dCm2s[i] + " cm²/s at " + temperaturesK[i] + " K");
            x[i] = 1 / temperaturesK[i];
            y[i] = Math.log(dCm2s[i]);
        }
        StraightLineFit f;
        if (dErrCm2s == null) {
            f = StraightLineFit.of(x, y);
        } else {
            double[] s = new double[n];
            for (int i = 0; i < n; i++) {
                if (!(dErrCm2s[i] > 0) || Double.isInfinite(dErrCm2s[i]))
                    throw new UserError("the standard error of D must be positive for a weighted fit, got " + dErrCm2s[i] + " cm²/s at "
                            + temperaturesK[i] + " K");
                s[i] = dErrCm2s[i] / dCm2s[i];
            }
            f = StraightLineFit.weighted(x, y, s);
        }
        double ea = -f.slope() * K_B;
        double lnAt = f.intercept() + f.slope() / targetK;
        return new Arrhenius(ea, f.slopeStdErr() * K_B, Math.exp(f.intercept()), f.interceptStdErr(), targetK, Math.exp(lnAt),
                f.predictionStdErr(1 / targetK), f, temperaturesK.clone(), dCm2s.clone(), dErrCm2s == null ? null : dErrCm2s.clone());
    }

    /** exp(se of ln D(T*)): D(T*) lies within ×/÷ this factor (one standard error). */
    public double factorAtTarget() { return Math.exp(lnDAtTargetErr); }

    public boolean weighted() { return dErr != null; }
}
