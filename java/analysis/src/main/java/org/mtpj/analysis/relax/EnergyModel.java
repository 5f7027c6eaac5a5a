package org.mtpj.analysis.relax;

import org.mtpj.core.model.Configuration;

/** Energy, forces and PlusStress of a configuration: the MTP in production, simple models in tests. */
public interface EnergyModel {
    /**
     * @param energy     total energy (eV)
     * @param forces     forces (eV/Å), {@code [3i + axis]}
     * @param plusStress virial W = −σV (eV), order xx yy zz yz xz xy; may be null for fixed-cell work
     */
    record Evaluation(double energy, double[] forces, double[] plusStress) {}

    Evaluation evaluate(Configuration c);
}
