package org.mtpj.analysis.msd;

/**
 * MSD curves over lag k = 0..T−1: lag time (ps), tracer MSD (Å², = x+y+z), per axis (Å²) and the
 * collective MSCD (Å², |Σ displacement|²/N). {@code origins[k]} = T−k time origins averaged.
 */
public record MsdResult(double[] timePs, double[] msd, double[] msdX, double[] msdY, double[] msdZ, double[] mscd,
                        int mobileAtoms, int frames, double frameSpacingPs) {
    public int lags() { return timePs.length; }

    /** Number of non-overlapping (independent) intervals of lag k in the trajectory. */
    public int independentOrigins(int k) {
        return k == 0 ? frames : (frames - 1) / k;
    }
}
