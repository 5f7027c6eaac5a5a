package org.mtpj.analysis.compat;

/** The stage-C table (and the study's exported table): lag time dt in fs, MSD, MSD along a/b/c, MSCD (Å²). */
public record StudyMsdTable(double[] dtFs, double[] msd, double[] msdA, double[] msdB, double[] msdC, double[] mscd) {
    public int rows() { return dtFs.length; }
}
