package org.mtpj.analysis.msd;

import org.mtpj.analysis.traj.MobileTrajectory;

/**
 * Tracer MSD per axis and MSCD of the mobile atoms with all time origins, by FFT
 * (analysis-spec §2). Positions must already be unwrapped and drift-corrected.
 */
public final class MsdCalculator {
    private MsdCalculator() {}

    public static MsdResult compute(MobileTrajectory traj, double frameSpacingPs) {
        return compute(traj.positions, traj.mobileAtoms(), frameSpacingPs, false);
    }

    /**
     * @param positions {@code [t][3*i + axis]}
     * @param direct use the O(T²) double loop instead of the FFT (for checks)
     */
    public static MsdResult compute(double[][] positions, int atoms, double frameSpacingPs, boolean direct) {
        int T = positions.length;
        double[][] axis = new double[3][T];
        MsdSeries series = new MsdSeries(T);
        double[] x = new double[T];
        for (int i = 0; i < atoms; i++) {
            for (int ax = 0; ax < 3; ax++) {
                for (int t = 0; t < T; t++) x[t] = positions[t][3 * i + ax];
                add(series, x, axis[ax], direct);
            }
        }
        double[] collective = new double[T];
        for (int ax = 0; ax < 3; ax++) {
            for (int t = 0; t < T; t++) {
                double s = 0;
                for (int i = 0; i < atoms; i++) s += positions[t][3 * i + ax];
                x[t] = s;
            }
            add(series, x, collective, direct);
        }
        double[] time = new double[T], msd = new double[T];
        for (int k = 0; k < T; k++) {
            for (int ax = 0; ax < 3; ax++) axis[ax][k] /= atoms;
            msd[k] = axis[0][k] + axis[1][k] + axis[2][k];
            collective[k] /= atoms;
            time[k] = k * frameSpacingPs;
        }
        return new MsdResult(time, msd, axis[0], axis[1], axis[2], collective, atoms, T, frameSpacingPs);
    }

    private static void add(MsdSeries series, double[] x, double[] acc, boolean direct) {
        if (direct) {
            double[] m = MsdSeries.direct(x);
            for (int k = 0; k < m.length; k++) acc[k] += m[k];
        } else {
            series.addFft(x, 0, 1, acc);
        }
    }
}
