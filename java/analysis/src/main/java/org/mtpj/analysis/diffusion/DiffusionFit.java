package org.mtpj.analysis.diffusion;

import java.util.function.Consumer;
import org.mtpj.analysis.msd.MsdResult;
import org.mtpj.core.UserError;

/**
 * Fits MSD and MSCD over a user lag window [tMin, tMax] ps (inclusive; no hidden default)
 * (analysis-spec §2). Warns when the window's longest lag has fewer than
 * {@link #MIN_INDEPENDENT_ORIGINS} independent intervals.
 */
public final class DiffusionFit {
    public static final int MIN_INDEPENDENT_ORIGINS = 10;

    private DiffusionFit() {}

    public static DiffusionResult fit(MsdResult m, double tMin, double tMax, Consumer<String> warnings) {
        if (!(tMax > tMin)) throw new UserError("the fit window needs t_min < t_max, got " + tMin + ":" + tMax + " ps");
        double eps = 1e-9 * Math.max(1, Math.abs(tMax));
        int from = -1, to = -1;
        for (int k = 0; k < m.lags(); k++) {
            double t = m.timePs()[k];
            if (t >= tMin - eps && t <= tMax + eps) {
                if (from < 0) from = k;
                to = k;
            }
        }
        int n = from < 0 ? 0 : to - from + 1;
        double last = m.timePs()[m.lags() - 1];
        if (n < 3)
            throw new UserError("the fit window " + tMin + ":" + tMax + " ps holds " + n + " lag points (need at least 3); lags run 0 to "
                    + last + " ps in steps of " + m.frameSpacingPs() + " ps");
        double[] t = slice(m.timePs(), from, n);
        StraightLineFit tr = StraightLineFit.of(t, slice(m.msd(), from, n));
        StraightLineFit sg = StraightLineFit.of(t, slice(m.mscd(), from, n));
        StraightLineFit fx = StraightLineFit.of(t, slice(m.msdX(), from, n));
        StraightLineFit fy = StraightLineFit.of(t, slice(m.msdY(), from, n));
        StraightLineFit fz = StraightLineFit.of(t, slice(m.msdZ(), from, n));
        double c = DiffusionResult.A2_PER_PS_TO_CM2_PER_S;
        double d = tr.slope() / 6 * c, de = tr.slopeStdErr() / 6 * c;
        double s = sg.slope() / 6 * c, se = sg.slopeStdErr() / 6 * c;
        double h = d / s;
        double he = Math.abs(h) * Math.sqrt(sq(de / d) + sq(se / s));
        int origins = m.independentOrigins(to);
        if (origins < MIN_INDEPENDENT_ORIGINS && warnings != null)
            warnings.accept("warning: at the longest lag of the window (" + m.timePs()[to] + " ps) the trajectory holds only " + origins
                    + " independent time origin" + (origins == 1 ? "" : "s") + " (fewer than " + MIN_INDEPENDENT_ORIGINS
                    + "): D and its standard error are unreliable; use a shorter window or a longer run");
        return new DiffusionResult(m.timePs()[from], m.timePs()[to], n, d, de, s, se, h, he,
                fx.slope() / 2 * c, fx.slopeStdErr() / 2 * c, fy.slope() / 2 * c, fy.slopeStdErr() / 2 * c,
                fz.slope() / 2 * c, fz.slopeStdErr() / 2 * c, origins);
    }

    /** D = slope/2 (cm²/s) and its standard error of one per-direction MSD curve over the window of {@code r}. */
    public static double[] alongOneAxis(MsdResult m, double[] msdAxis, DiffusionResult r) {
        double eps = 1e-9 * Math.max(1, Math.abs(r.tMaxPs()));
        java.util.List<double[]> pts = new java.util.ArrayList<>();
        for (int k = 0; k < m.lags(); k++) {
            double t = m.timePs()[k];
            if (t >= r.tMinPs() - eps && t <= r.tMaxPs() + eps) pts.add(new double[] {t, msdAxis[k]});
        }
        double[] x = new double[pts.size()], y = new double[pts.size()];
        for (int i = 0; i < x.length; i++) { x[i] = pts.get(i)[0]; y[i] = pts.get(i)[1]; }
        StraightLineFit f = StraightLineFit.of(x, y);
        double c = DiffusionResult.A2_PER_PS_TO_CM2_PER_S;
        return new double[] {f.slope() / 2 * c, f.slopeStdErr() / 2 * c};
    }

    private static double sq(double v) { return v * v; }

    private static double[] slice(double[] a, int from, int n) {
        double[] r = new double[n];
        System.arraycopy(a, from, r, 0, n);
        return r;
    }
}
