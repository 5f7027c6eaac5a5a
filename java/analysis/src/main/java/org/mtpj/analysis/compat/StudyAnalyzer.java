package org.mtpj.analysis.compat;

import java.util.List;
import org.mtpj.core.model.Cell;
import org.mtpj.core.model.Structure;
import org.mtpj.core.UserError;

/**
 * Stage C of the study, the DiffusionAnalyzer-equivalent as the notebooks drove it
 * (analysis-spec §3 C): Cartesian positions (Å) handed over <em>as fractional coordinates</em>,
 * a copy of frame 0 prepended, increments wrapped with Δp −= round(Δp) (half to even, i.e. every
 * 1 Å), summed and multiplied by the lattice; framework drift (unweighted mean of the non-mobile
 * atoms) subtracted; "constant" smoothing over A origins; unweighted least squares against dt (fs)
 * with the notebook's standard-deviation formula. Not physical.
 */
public final class StudyAnalyzer {
    private StudyAnalyzer() {}

    /** D (cm²/s) and its std, D_charge and std, D along a/b/c, Haven = D/D_charge. */
    public record Fit(double d, double dStd, double dCharge, double dChargeStd, double dA, double dB, double dC, double haven) {}

    public record Result(StudyMsdTable table, Fit fit, int frames, int mobileAtoms) {}

    public static Result analyse(List<Structure> frames, String mobile, int avgNsteps, double frameFs) {
        int T = frames.size();
        if (T < 2) throw new UserError("study-compat stage C needs at least 2 frames, got " + T);
        if (avgNsteps < 1 || avgNsteps >= T)
            throw new UserError("--avg-nsteps must be between 1 and frames−1 = " + (T - 1) + ", got " + avgNsteps);
        Structure s0 = frames.get(0);
        int n = s0.size();
        Cell lattice = s0.cell();
        double[][][] p = new double[T][][];
        for (int t = 0; t < T; t++) {
            if (frames.get(t).size() != n) throw new UserError("frame " + t + " has " + frames.get(t).size() + " atoms, frame 0 has " + n);
            p[t] = frames.get(t).cartesian(); // the study's mistake: Cartesian values used as fractional
        }
        boolean[] isMobile = new boolean[n];
        int nm = 0;
        for (int i = 0; i < n; i++) if (isMobile[i] = s0.symbol(i).equals(mobile)) nm++;
        if (nm == 0) throw new UserError("species " + mobile + " not found in the CONTCARs (species " + s0.speciesOrder() + ")");
        if (nm == n) throw new UserError("no framework atoms besides " + mobile);
        // displacements d[i][t][axis], frame 0 = 0
        double[][][] d = new double[n][T][3];
        double[] u = new double[3], c = new double[3];
        for (int i = 0; i < n; i++) {
            u[0] = u[1] = u[2] = 0;
            for (int t = 1; t < T; t++) {
                for (int ax = 0; ax < 3; ax++) {
                    double dp = p[t][i][ax] - p[t - 1][i][ax];
                    dp -= Math.rint(dp);
                    u[ax] += dp;
                }
                lattice.toCartesian(u[0], u[1], u[2], c, 0);
                System.arraycopy(c, 0, d[i][t], 0, 3);
            }
        }
        // drift: unweighted mean over framework atoms, summed in atom order
        int nf = n - nm;
        for (int t = 0; t < T; t++) {
            double[] drift = new double[3];
            for (int i = 0; i < n; i++) if (!isMobile[i]) for (int ax = 0; ax < 3; ax++) drift[ax] += d[i][t][ax];
            for (int ax = 0; ax < 3; ax++) drift[ax] /= nf;
            for (int i = 0; i < n; i++) for (int ax = 0; ax < 3; ax++) d[i][t][ax] -= drift[ax];
        }
        int lags = T - avgNsteps;
        double[] dt = new double[lags], msd = new double[lags], mscd = new double[lags];
        double[][] axis = new double[3][lags];
        for (int k = 0; k < lags; k++) {
            double[] sumAxis = new double[3];
            double sumCharge = 0;
            for (int o = 0; o < avgNsteps; o++) {
                double[] x = new double[3];
                for (int i = 0; i < n; i++) {
                    if (!isMobile[i]) continue;
                    for (int ax = 0; ax < 3; ax++) {
                        double dd = d[i][o + k][ax] - d[i][o][ax];
                        sumAxis[ax] += dd * dd;
                        x[ax] += dd;
                    }
                }
                sumCharge += x[0] * x[0] + x[1] * x[1] + x[2] * x[2];
            }
            for (int ax = 0; ax < 3; ax++) axis[ax][k] = sumAxis[ax] / ((double) nm * avgNsteps);
            msd[k] = axis[0][k] + axis[1][k] + axis[2][k];
            mscd[k] = sumCharge / avgNsteps / nm;
            dt[k] = k * frameFs;
        }
        StudyMsdTable table = new StudyMsdTable(dt, msd, axis[0], axis[1], axis[2], mscd);
        return new Result(table, fit(table), T, nm);
    }

    /** The notebook's fits of a stage-C table. */
    public static Fit fit(StudyMsdTable t) {
        double[] dt = t.dtFs();
        double[] m = line(dt, t.msd()), q = line(dt, t.mscd());
        double d = m[0] / 60, dc = q[0] / 60;
        return new Fit(d, m[1] / 60 / 1000, dc, q[1] / 60 / 1000,
                line(dt, t.msdA())[0] / 20, line(dt, t.msdB())[0] / 20, line(dt, t.msdC())[0] / 20, d / dc);
    }

    /** {slope, std} with std = sqrt(n·SSR / ((n Σx² − (Σx)²)(n−2))), x = dt/1000. */
    static double[] line(double[] dt, double[] y) {
        int n = dt.length;
        if (n < 3) throw new UserError("the study's fit needs at least 3 lags, got " + n + " (too few frames for --avg-nsteps)");
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) { mx += dt[i]; my += y[i]; }
        mx /= n;
        my /= n;
        double sxx = 0, sxy = 0;
        for (int i = 0; i < n; i++) { sxx += (dt[i] - mx) * (dt[i] - mx); sxy += (dt[i] - mx) * (y[i] - my); }
        double slope = sxy / sxx, c = my - slope * mx;
        double ssr = 0, sx = 0, sx2 = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - slope * dt[i] - c;
            ssr += r * r;
            double x = dt[i] / 1000;
            sx += x;
            sx2 += x * x;
        }
        double den = (n * sx2 - sx * sx) * (n - 2);
        return new double[] {slope, Math.sqrt(n * ssr / den)};
    }
}
