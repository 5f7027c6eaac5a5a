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
    /** Java threads of this rank ({@code threads N}); hooks may use as many for their own work. */
    public int threads() { return s.settings.threads(); }
}
