package org.mtpj.testkit;

/**
 * The tests' named tolerances, in one place, each with why it is that size. A test that needs a
 * new one adds it here; none is ever loosened to make a test pass.
 */
public final class Tolerances {
    private Tolerances() {}

    /**
     * Rounding of a short double computation (tens of operations) on numbers of order 1, relative:
     * some hundred ulps of 1. A hand-computed closed form must agree to this.
     */
    public static final double ROUNDING = 1e-13;

    /**
     * Agreement with MLIP-2's golden files: energy per atom (eV/atom), force components (eV/Å),
     * PlusStress components (eV). The .cfg files print 13-16 significant digits; these are also
     * {@code mtpj compare}'s defaults.
     */
    public static final double MLIP2_ENERGY_PER_ATOM = 1e-9;
    public static final double MLIP2_FORCE = 1e-8;
    public static final double MLIP2_STRESS = 1e-7;

    /**
     * Agreement with MLIP-2's MaxVol grades (reference/mlip2/grades_visible.tsv): relative, plus
     * half a unit of the printed sixth decimal ({@link #MLIP2_GRADE_PRINTED}). The active set is
     * built by rank-one updates whose rounding differs from MLIP-2's by ~1e-9.
     */
    public static final double MLIP2_GRADE = 1e-6;
    public static final double MLIP2_GRADE_PRINTED = 5e-7;
}
