package org.mtpj.analysis.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.mtpj.analysis.diffusion.Arrhenius;

/**
 * The Arrhenius figure: ln D against 1000/T with ±1 standard-error bars (se of ln D = se/D), the
 * fitted line and its 1σ confidence band (the line's standard error at each 1/T), and the
 * extrapolated D at the target temperature with its error.
 */
public final class ArrheniusPlot {
    private ArrheniusPlot() {}

    /** @param seCm2s standard errors of D, or null */
    public static void write(double[] tK, double[] dCm2s, double[] seCm2s, Arrhenius a, double targetK, Path base) {
        XYChart c = Plots.chart("Arrhenius", "1000/T (1/K)", "ln D   (D in cm²/s)");
        c.getStyler().setxAxisTickLabelsFormattingFunction(Plots::plainTick);
        c.getStyler().setyAxisTickLabelsFormattingFunction(Plots::plainTick);
        // ln D falls with 1000/T: the lower left stays empty
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSW);
        int n = tK.length;
        double[] x = new double[n], y = new double[n], e = new double[n];
        double xmin = 1000 / targetK, xmax = 1000 / targetK;
        for (int i = 0; i < n; i++) {
            x[i] = 1000 / tK[i];
            y[i] = Math.log(dCm2s[i]);
            e[i] = seCm2s == null ? 0 : seCm2s[i] / dCm2s[i];
            xmin = Math.min(xmin, x[i]);
            xmax = Math.max(xmax, x[i]);
        }
        int m = 60;
        double[] lx = new double[m], ly = new double[m], up = new double[m], lo = new double[m];
        for (int k = 0; k < m; k++) {
            lx[k] = xmin + (xmax - xmin) * k / (m - 1);
            double inv = lx[k] / 1000;
            ly[k] = a.fit().intercept() + a.fit().slope() * inv;
            double s = a.fit().predictionStdErr(inv);
            up[k] = ly[k] + s;
            lo[k] = ly[k] - s;
        }
        Color band = new Color(70, 110, 200);
        BasicStroke dashed = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f);
        Plots.line(c, String.format(Locale.ROOT, "fit: Ea = %.3f ± %.3f eV", a.ea(), a.eaErr()), lx, ly).setLineColor(band)
                .setLineStyle(new BasicStroke(2f));
        Plots.line(c, "fit ± 1σ (confidence band)", lx, up).setLineColor(band).setLineStyle(dashed);
        Plots.line(c, "fit − 1σ", lx, lo).setLineColor(band).setLineStyle(dashed).setShowInLegend(false);
        XYSeries pts = Plots.pointsWithErrors(c, seCm2s == null ? "D (no errors given)" : "D ± 1 se", x, y, e);
        pts.setMarker(SeriesMarkers.CIRCLE);
        pts.setMarkerColor(Color.BLACK);
        pts.setLineColor(Color.BLACK);
        double lnT = Math.log(a.dAtTarget());
        Plots.pointsWithErrors(c, String.format(Locale.ROOT, "D(%s K) extrapolated, ×/÷ %.3g", Plots.plainTick(targetK), a.factorAtTarget()),
                new double[] {1000 / targetK}, new double[] {lnT}, new double[] {a.lnDAtTargetErr()}).setMarker(SeriesMarkers.DIAMOND);
        c.getStyler().setErrorBarsColor(Color.DARK_GRAY);
        Plots.save(c, base);
    }
}
