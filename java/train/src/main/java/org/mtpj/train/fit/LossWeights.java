package org.mtpj.train.fit;

/**
 * Weights of the training loss (mtp-spec §7.1): energy w_E, force w_F, stress w_S, the optional
 * per-atom force down-weighting {@code --scale-by-force} (0 = off) and the weighting kind.
 */
public record LossWeights(double energy, double force, double stress, double scaleByForce, Weighting weighting) {
    public static final LossWeights MLIP2_DEFAULTS = new LossWeights(1, 0.01, 0.001, 0, Weighting.VIBRATIONS);

    /** Multiplier of (E − E_ref)² for a configuration of n atoms. */
    double energyFactor(int n) {
        return switch (weighting) {
            case VIBRATIONS -> energy / n;
            case STRUCTURES -> energy / ((double) n * n);
            case MOLECULES -> energy;
        };
    }

    /** Multiplier of ‖W − W_ref‖²_F. */
    double stressFactor(int n) {
        return switch (weighting) {
            case VIBRATIONS -> stress / n;
            case STRUCTURES -> stress / ((double) n * n);
            case MOLECULES -> stress;
        };
    }

    /** Multiplier of |F_i − F_i^ref|² for an atom with reference force fRef2 = |F_ref|². */
    double forceFactor(int n, double fRef2) {
        double w = weighting == Weighting.STRUCTURES ? force / n : force;
        return scaleByForce > 0 ? w * scaleByForce / (fRef2 + scaleByForce) : w;
    }

    /** Plain force multiplier, used by the linear solve (which ignores --scale-by-force, §7.2). */
    double plainForceFactor(int n) {
        return weighting == Weighting.STRUCTURES ? force / n : force;
    }
}
