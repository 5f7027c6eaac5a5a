package org.mtpj.analysis.traj;

/** How the drift of the whole cell is removed before MSD (analysis-spec §2). */
public enum DriftCorrection {
    /** r_i(t) ← r_i(t) − (R_F(t) − R_F(0)), R_F = unweighted mean of the framework (non-mobile) atoms. */
    FRAMEWORK,
    /** The same with the mass-weighted framework centre (masses from a dump 'mass' column, else standard atomic weights). */
    FRAMEWORK_MASS,
    /** Positions as unwrapped. */
    NONE
}
