package org.mtpj.lammps.bridge;

/**
 * What the pair style evaluates: a site-energy model with one global cutoff. The MTP is the real
 * one ({@link MtpSiteModel}); {@link SoftSiteModel} checks the bridge against LAMMPS's own
 * {@code pair_style soft}. Immutable and shared by the threads; each thread gets its own kernel.
 */
public interface SiteModel {
    /** Species the model knows (central and neighbour species are 0..count-1). */
    int speciesCount();

    /** Element names per species, or null when the model has none. */
    String[] speciesNames();

    /** Cutoff radius (Å): neighbours with r >= cutoff do not contribute. */
    double cutoff();

    /** Distance (Å) below which the model was never fitted (the MTP's min_dist); 0 when it has none. */
    double minDist();

    /** One line for the LAMMPS log, e.g. the potential's name and size. */
    String describe();

    /** Per-thread scratch; not thread-safe. */
    SiteKernel newKernel();

    /** Per-thread site evaluator (contract of org.mtpj.core.eval.SiteEvaluator). */
    interface SiteKernel {
        /**
         * Site energy V_i (eV) of a central atom of species {@code centralSpecies} with n neighbours:
         * neighbour k has species {@code species[off + k]} and r_j - r_i = {@code rij[3(off+k)..]} (Å,
         * all r < cutoff); writes g_k = dV_i/dr_k (eV/Å) into {@code g[3(off+k)..]}.
         */
        double siteEnergy(int centralSpecies, int n, int[] species, double[] rij, double[] g, int off);
    }
}
