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
     * One sum computed along two paths that add the same terms in another order (training's loss
     * from the linear designs against a pass over all sites), relative: thousands of terms of mixed
     * sign lose some hundred ulps more than {@link #ROUNDING}.
     */
    public static final double REORDERED_SUM = 1e-10;

    /**
     * A gradient component along two such paths, relative to max(1, |g|): its terms cancel more.
     */
    public static final double REORDERED_SUM_GRADIENT = 1e-9;

    /**
     * Solutions of training's normal equations (the linear shortcut), relative: the system is
     * badly conditioned (MLIP-2 adds a 1e-13 ridge for it), so two exact routes to the same
     * solution agree to about 1e-8.
     */
    public static final double NORMAL_EQUATIONS = 1e-7;

    /**
     * Agreement with the analysis references (shared/reference/analysis: MSD, D, compat, LRO),
     * relative: their README's rtol; our code and theirs (numpy) sum in other orders.
     */
    public static final double ANALYSIS_REFERENCE = 1e-9;

    /**
     * MSD near lag 0 against the references, absolute (Å²): their FFT leaves ~1e-13 noise where the
     * exact value is 0.
     */
    public static final double ANALYSIS_REFERENCE_MSD_ABS = 1e-12;

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
