package org.mtpj.train.basis;

/**
 * Which contraction graphs a level-L basis contains (mtp-spec.md §4.1): total level ≤ L, at most
 * {@code maxTensors} tensors, rank ν ≤ {@code maxRank}, radial index μ ≤ {@code maxMu}. MLIP-2's
 * shipped levels use 4 tensors, ν ≤ 10 and μ ≤ 5 ({@link #mlip2(int)}).
 */
public record BasisRules(int level, int maxTensors, int maxRank, int maxMu) {
    public BasisRules {
        if (level < 2) throw new IllegalArgumentException("level must be at least 2, got " + level);
        if (maxTensors < 1 || maxTensors > 4) throw new IllegalArgumentException("1 to 4 tensors per function, got " + maxTensors);
        if (maxRank < 0 || maxRank > 20) throw new IllegalArgumentException("rank cap must be 0..20, got " + maxRank);
        if (maxMu < 0) throw new IllegalArgumentException("radial index cap must be >= 0, got " + maxMu);
    }

    /** MLIP-2's caps: 4 tensors, ν ≤ 10, μ ≤ 5. */
    public static BasisRules mlip2(int level) { return new BasisRules(level, 4, 10, 5); }

    /** Level of the basic moment tensor M_{μ,ν}: 2 + 4μ + ν. */
    public static int tensorLevel(int mu, int nu) { return 2 + 4 * mu + nu; }
}
