package org.mtpj.lammps.bridge;

/**
 * Called after every force evaluation of the pair style with that step's neighbour data; the
 * place for MD extrapolation control (mlip.ini {@code select}, mtp-spec.md §5.2). Runs on
 * LAMMPS's thread inside the upcall; throwing {@link org.mtpj.core.UserError} stops the run with
 * a LAMMPS error carrying the message (e.g. "Breaking threshold exceeded (MV-grade: 12.3)").
 * Under MPI every rank has its own hook and sees only its local atoms; gathering is the hook's job.
 */
public interface StepHook extends AutoCloseable {
    /** The view is valid only during this call (LAMMPS may reallocate its arrays afterwards). */
    void afterCompute(StepView step);

    @Override
    default void close() {}

    /**
     * Work per site on the pair style's own threads, right after each local atom's site energy,
     * while that thread's kernel still holds the site (e.g. ∂V_i/∂θ from the evaluation the forces
     * already made, instead of a second one). Null (the default): none. Asked once, at start.
     */
    default SiteObserver siteObserver() { return null; }

    /** See {@link StepHook#siteObserver}. */
    interface SiteObserver {
        /** Before the step's sites, on LAMMPS's thread: whether {@link #afterSite} is wanted this step. */
        boolean beginStep(int localCount);

        /**
         * Local atom ii of species s was just evaluated by kernel (one kernel per pair thread; other
         * atoms run at the same time on other threads). Before {@link StepHook#afterCompute}.
         */
        void afterSite(int ii, int species, SiteModel.SiteKernel kernel);
    }

    /**
     * Makes hooks from the pair style's settings; found with {@link java.util.ServiceLoader}
     * (a {@code META-INF/services/org.mtpj.lammps.bridge.StepHook$Factory} entry).
     */
    interface Factory {
        /** A hook for these settings, or null when this factory does not handle them. */
        StepHook create(PairSettings settings, SiteModel model);
    }
}
