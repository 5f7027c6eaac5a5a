package org.mtpj.core.eval;

/**
 * Everything one evaluation of a configuration gives (mtp-spec.md §3.5–3.6). Units: eV, eV/Å;
 * PlusStress and virials in eV (W = −σV, positive under compression).
 */
public final class EvaluationResult {
    /** Total energy E = Σ V_i (eV). */
    public final double energy;
    /** Forces F = −∂E/∂r, {@code forces[3i + axis]} (eV/Å). */
    public final double[] forces;
    /** PlusStress W (eV) in .cfg order xx yy zz yz xz xy. */
    public final double[] plusStress;
    /** Site energies V_i (eV); LAMMPS' pe/atom. */
    public final double[] siteEnergies;
    /**
     * Per-atom virial (eV), 6 per atom in LAMMPS order xx yy zz xy xz yz, the whole pair term on
     * the central atom (MLIP-2's LAMMPS convention); Σ over atoms = PlusStress.
     */
    public final double[] perAtomVirial;

    public EvaluationResult(double energy, double[] forces, double[] plusStress, double[] siteEnergies, double[] perAtomVirial) {
        this.energy = energy;
        this.forces = forces;
        this.plusStress = plusStress;
        this.siteEnergies = siteEnergies;
        this.perAtomVirial = perAtomVirial;
    }
}
