package org.mtpj.analysis.compat;

import org.mtpj.analysis.diffusion.StraightLineFit;
import org.mtpj.core.UserError;

/**
 * Stage D of the study: the exported MSD table re-differenced as if it were positions
 * (analysis-spec §3 D). Lag indices m = arange(0, stop, S)//S; y(m) = mean over s of
 * table[s+m] − table[s]; x = m·S ps; (0,0) prepended. Tracer slope over all points including the
 * prepended one, sigma slope without it; D = slope/6 × 1e-4 cm²/s; Haven = D_tracer/D_sigma.
 * Not physical.
 */
public final class StudyRedifferencing {
    private StudyRedifferencing() {}

    public record Result(double slopeTracer, double dTracer, double slopeSigma, double dSigma, double haven,
                         double[] xTracer, double[] yTracer, double[] xSigma, double[] ySigma) {}

    public static Result run(StudyMsdTable table, double rowSpacingPs, double tracerStop, double sigmaStop) {
        if (!(rowSpacingPs > 0)) throw new UserError("--row-spacing-ps must be positive");
        double[][] tr = points(table.msd(), rowSpacingPs, tracerStop, true);
        double[][] sg = points(table.mscd(), rowSpacingPs, sigmaStop, false);
        double bt = StraightLineFit.of(tr[0], tr[1]).slope();
        double bs = StraightLineFit.of(sg[0], sg[1]).slope();
        double dt = bt / 6 * 1e-4, ds = bs / 6 * 1e-4;
        return new Result(bt, dt, bs, ds, dt / ds, tr[0], tr[1], sg[0], sg[1]);
    }

    static double[][] points(double[] col, double s, double stop, boolean prependOrigin) {
        int k = col.length;
        int count = (int) Math.ceil(stop / s);
        java.util.List<double[]> pts = new java.util.ArrayList<>();
        if (prependOrigin) pts.add(new double[] {0, 0});
        for (int j = 0; j < count; j++) {
            double a = j * s; // numpy arange(0, stop, S)
            int m = (int) Math.floor(a / s);
            if (m >= k) continue; // no pair at this lag
            double sum = 0;
            int pairs = k - m;
            for (int i = 0; i < pairs; i++) sum += col[i + m] - col[i];
            pts.add(new double[] {m * s, sum / pairs});
        }
        if (pts.size() < 3) throw new UserError("stage D has " + pts.size() + " points; check --row-spacing-ps and the stops");
        double[][] r = new double[2][pts.size()];
        for (int i = 0; i < pts.size(); i++) { r[0][i] = pts.get(i)[0]; r[1][i] = pts.get(i)[1]; }
        return r;
    }
}
