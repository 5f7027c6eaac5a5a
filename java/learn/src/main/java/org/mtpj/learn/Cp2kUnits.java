package org.mtpj.learn;

/**
 * CP2K's units to mtpj's (shared/docs/vasp-io.md, CP2K): energy Hartree → eV, force Hartree/bohr →
 * eV/Å, stress GPa → PlusStress eV. CODATA 2018 values, as vasp-io.md states them (NIST, "2018
 * CODATA recommended values"; the elementary charge exact since the 2019 SI). Debian's CP2K 2023.1
 * itself converts Å input and GPa output with CODATA 2006 (its physcon.F); the two sets differ by
 * less than 1e-7 relative, far below what a label's SCF tolerance carries.
 */
final class Cp2kUnits {
    private Cp2kUnits() {}

    /** 1 Hartree in eV (CODATA 2018). */
    static final double EV_PER_HARTREE = 27.211386245988;

    /** 1 bohr in Å (CODATA 2018). */
    static final double ANGSTROM_PER_BOHR = 0.529177210903;

    /** 1 eV/Å³ in GPa: e (1.602176634e-19 C, exact) × 1e30 / 1e9. */
    static final double GPA_PER_EV_PER_A3 = 160.2176634;

    static final double EV_PER_A_PER_HARTREE_PER_BOHR = EV_PER_HARTREE / ANGSTROM_PER_BOHR;

    /**
     * PlusStress (eV, .cfg order xx yy zz yz xz xy) from CP2K's stress tensor (GPa) of a cell of
     * volume V (Å³). CP2K prints the tensor with the sign of a pressure (positive = the cell pushes
     * outwards, as VASP's "in kB" line), which is PlusStress's sign: PlusStress = σ·V.
     */
    static double[] plusStress(double[][] stressGpa, double volume) {
        double s = volume / GPA_PER_EV_PER_A3;
        return new double[] {stressGpa[0][0] * s, stressGpa[1][1] * s, stressGpa[2][2] * s,
                stressGpa[1][2] * s, stressGpa[0][2] * s, stressGpa[0][1] * s};
    }
}
