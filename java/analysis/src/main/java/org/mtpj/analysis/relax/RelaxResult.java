package org.mtpj.analysis.relax;

import org.mtpj.core.model.Configuration;

/**
 * The outcome of a relaxation.
 *
 * @param converged whether max |F| ≤ fmax and (for cell modes) the stress criterion held at the end
 * @param steps     force evaluations taken
 * @param energy    final energy (eV)
 * @param fmax      final largest atomic force (eV/Å)
 * @param stressGPa final stress σ = −W/V (GPa), order xx yy zz yz xz xy, or null without a cell
 * @param relaxed   the final configuration, energy/forces/PlusStress filled in
 */
public record RelaxResult(boolean converged, int steps, double initialEnergy, double energy, double fmax, double[] stressGPa,
                          Configuration relaxed) {
    /** 1 eV/Å³ in GPa. */
    public static final double EV_PER_A3_IN_GPA = 160.21766208;

    /** Pressure p = −tr(σ)/3 (GPa), positive under compression. */
    public double pressureGPa() {
        return stressGPa == null ? Double.NaN : -(stressGPa[0] + stressGPa[1] + stressGPa[2]) / 3;
    }
}
