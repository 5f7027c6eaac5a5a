package org.mtpj.lammps.bridge;

/**
 * Read-only view of one evaluated step for {@link StepHook}s: for each local atom (index ii in
 * 0..localCount-1) its species and the neighbour entries that were inside the cutoff, with
 * r_j - r_i, the neighbour's species and its LAMMPS index (local or ghost). Valid only during
 * the hook call.
 */
public final class StepView {
    private final PairSession s;

    StepView(PairSession session) { this.s = session; }

    public long timestep() { return s.timestep; }
    public int rank() { return s.rank; }
    /** Local atoms evaluated on this rank. */
    public int localCount() { return s.inum; }
    /** LAMMPS index of local atom ii. */
    public int atomIndex(int ii) { return s.ilistAt(ii); }
    /** Atom id (LAMMPS tag) of local atom ii. */
    public long atomId(int ii) { return s.tagOf(s.ilistAt(ii)); }
    /** Species (0-based) of local atom ii, or -1 when its type is not handled (NULL in pair_coeff). */
    public int species(int ii) { return s.centralSpecies[ii]; }
    public double siteEnergy(int ii) { return s.site[ii]; }
    /** Entries of atom ii are entryStart(ii) .. entryStart(ii) + neighbourCount(ii) - 1. */
    public int entryStart(int ii) { return s.entryOff[ii]; }
    public int neighbourCount(int ii) { return s.kept[ii]; }
    public int neighbourSpecies(int entry) { return s.entrySpecies[entry]; }
    public int neighbourIndex(int entry) { return s.entryJ[entry]; }
    /** Component axis (0..2) of r_j - r_i (Å). */
    public double rij(int entry, int axis) { return s.entryR[3 * entry + axis]; }
    /** Position (Å) of a local or ghost atom. */
    public double position(int atomIndex, int axis) { return s.positionOf(atomIndex, axis); }
    /** Box: lo (3), hi (3), tilt xy xz yz (3), as LAMMPS holds it on this step. */
    public double[] box() { return s.box.clone(); }
    /** Whether the box is periodic along axis (0..2). */
    public boolean periodic(int axis) { return s.periodic[axis]; }
    /** Total energy of this rank's local atoms (eV). */
    public double energy() { return s.energy; }
    /** Reports this step's MV-grade to LAMMPS ({@code compute ID all pair mtp/java} → c_ID[1]). */
    public void reportGrade(double g) { s.grade = g; }
    /** Whether LAMMPS has a per-atom vector for grades ({@code fix ID all property/atom d_mvgrade}). */
    public boolean wantsAtomGrades() { return s.atomGradeOut != null; }
    /** Writes local atom ii's grade into that vector (no-op without it). */
    public void reportAtomGrade(int ii, double g) {
        if (s.atomGradeOut != null) s.atomGradeOut.setAtIndex(java.lang.foreign.ValueLayout.JAVA_DOUBLE, s.ilistAt(ii), g);
    }
    /** MPI ranks of the run (1 when serial, or when the native bridge predates ABI 4 and cannot tell). */
    public int ranks() { return s.collectives.ranks(); }
    /** Whether {@link #allreduce} and {@link #gatherToRoot} work (native bridge ABI 4). */
    public boolean hasCollectives() { return s.collectives.available(); }
    /**
     * In place over all MPI ranks (sum, or max): every rank must call it at the same point of the
     * step. No-op when serial.
     */
    public void allreduce(double[] values, boolean max) { s.collectives.allreduce(values, max); }
    /**
     * Every rank sends its first n values; rank 0 gets them all concatenated in rank order
     * ({@code total} values, the sum of all n), the others null. Collective, like {@link #allreduce}.
     */
    public double[] gatherToRoot(double[] values, int n, int total) { return s.collectives.gatherToRoot(values, n, total, s.rank); }
    /** Java threads of this rank ({@code threads N}); hooks may use as many for their own work. */
    public int threads() { return s.settings.threads(); }
}
