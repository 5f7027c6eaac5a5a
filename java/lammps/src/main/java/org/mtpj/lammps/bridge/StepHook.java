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
     * Makes hooks from the pair style's settings; found with {@link java.util.ServiceLoader}
     * (a {@code META-INF/services/org.mtpj.lammps.bridge.StepHook$Factory} entry).
     */
    interface Factory {
        /** A hook for these settings, or null when this factory does not handle them. */
        StepHook create(PairSettings settings, SiteModel model);
    }
}
