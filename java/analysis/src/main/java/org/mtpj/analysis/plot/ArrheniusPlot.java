package org.mtpj.analysis.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.mtpj.analysis.diffusion.Arrhenius;

/**
 * The Arrhenius figure: ln D against 1000/T with ±1 standard-error bars (se of ln D = se/D), per data
 * set the fitted line and its 68 % confidence band (±1σ of the line, from the weighted fit's
 * covariance: {@link org.mtpj.analysis.diffusion.StraightLineFit#predictionStdErr}), points whose
 * MSD was not diffusive drawn as crosses, and optionally the extrapolated D at a target temperature.
 * {@code mtpj arrhenius} draws one set, the demo's report four (two potentials × two species).
 */
public final class ArrheniusPlot {
    private ArrheniusPlot() {}

    /**
     * One data set and its fit.
     *
     * @param seCm2s    standard errors of D, or null
     * @param diffusive per point: was the MSD diffusive over its fit window; null when unknown
     * @param dashed    draw the fitted line dashed (tells two sets of one colour apart)
     */
    public record Series(String label, Color color, Marker marker, boolean dashed, double[] tK, double[] dCm2s, double[] seCm2s,
                         boolean[] diffusive, Arrhenius fit) {}

    /** {@code mtpj arrhenius}: one set, with D extrapolated to {@code targetK}. */
    public static void write(double[] tK, double[] dCm2s, double[] seCm2s, boolean[] diffusive, Arrhenius a, double targetK, Path base) {
        Series s = new Series(seCm2s == null ? "D (no errors given)" : "D ± 1σ", Color.BLACK, SeriesMarkers.CIRCLE, false, tK, dCm2s, seCm2s,
                diffusive, a);
        write("Arrhenius", List.of(s), targetK, base);
    }

    /** @param targetK extrapolate the first set's fit to this temperature (K), or NaN for none */
    public static void write(String title, List<Series> sets, double targetK, Path base) {
        boolean one = sets.size() == 1;
        // several sets: the legend goes below the plot, which it would cover
        XYChart c = one ? Plots.chart(title, "1000/T (1/K)", "ln D   (D in cm²/s)")
                : Plots.chart(title, "1000/T (1/K)", "ln D   (D in cm²/s)", Plots.WIDTH, Plots.HEIGHT + 60 + 22 * 3 * sets.size());
        c.getStyler().setxAxisTickLabelsFormattingFunction(Plots::plainTick);
        c.getStyler().setyAxisTickLabelsFormattingFunction(Plots::plainTick);
        // one set: ln D falls with 1000/T, the lower left stays empty
        c.getStyler().setLegendPosition(one ? org.knowm.xchart.style.Styler.LegendPosition.InsideSW
                : org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        boolean target = !Double.isNaN(targetK);
        double xmin = Double.MAX_VALUE, xmax = -Double.MAX_VALUE;
        for (Series s : sets)
            for (double t : s.tK()) { xmin = Math.min(xmin, 1000 / t); xmax = Math.max(xmax, 1000 / t); }
        if (target) { xmin = Math.min(xmin, 1000 / targetK); xmax = Math.max(xmax, 1000 / targetK); }
        for (int k = 0; k < sets.size(); k++) {
            Series s = sets.get(k);
            String who = one ? "" : s.label() + " ";
            addFit(c, s, who, xmin, xmax, k == 0, one);
            addPoints(c, s, who);
        }
        if (target) {
            Arrhenius a = sets.get(0).fit();
            Plots.pointsWithErrors(c, String.format(Locale.ROOT, "D(%s K) extrapolated, ×/÷ %.3g", Plots.plainTick(targetK), a.factorAtTarget()),
                    new double[] {1000 / targetK}, new double[] {Math.log(a.dAtTarget())}, new double[] {a.lnDAtTargetErr()})
                    .setMarker(SeriesMarkers.DIAMOND);
        }
        c.getStyler().setErrorBarsColor(Color.DARK_GRAY);
        Plots.save(c, base);
    }

    /** The fitted line and its 68 % band (two dashed lines; the band is named once in the legend). */
    private static void addFit(XYChart c, Series s, String who, double xmin, double xmax, boolean nameBand, boolean one) {
        Arrhenius a = s.fit();
        int m = 60;
        double[] lx = new double[m], ly = new double[m], up = new double[m], lo = new double[m];
        for (int k = 0; k < m; k++) {
            lx[k] = xmin + (xmax - xmin) * k / (m - 1);
            double inv = lx[k] / 1000;
            ly[k] = a.fit().intercept() + a.fit().slope() * inv;
            double e = a.fit().predictionStdErr(inv);
            up[k] = ly[k] + e;
            lo[k] = ly[k] - e;
        }
        Color line = one ? new Color(70, 110, 200) : s.color();
        Color band = new Color(line.getRed(), line.getGreen(), line.getBlue(), 150);
        BasicStroke thin = new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {2f, 3f}, 0f);
        BasicStroke main = s.dashed() ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f)
                : new BasicStroke(2f);
        Plots.line(c, String.format(Locale.ROOT, "%sfit: Ea = %.3f ± %.3f eV", who, a.ea(), a.eaErr()), lx, ly).setLineColor(line).setLineStyle(main);
        String bandName = one ? "fit ± 1σ: 68 % confidence band" : "dotted: 68 % confidence band (± 1σ) of each fit";
        Plots.line(c, nameBand ? bandName : who + "fit + 1σ", lx, up).setLineColor(band).setLineStyle(thin).setShowInLegend(nameBand);
        Plots.line(c, who + "fit − 1σ", lx, lo).setLineColor(band).setLineStyle(thin).setShowInLegend(false);
    }

    /** The points with error bars; those whose MSD was not diffusive as a second series of crosses. */
    private static void addPoints(XYChart c, Series s, String who) {
        int n = s.tK().length, bad = 0;
        for (int i = 0; i < n; i++) if (s.diffusive() != null && !s.diffusive()[i]) bad++;
        double[][] good = new double[3][n - bad], nd = new double[3][bad];
        for (int i = 0, g = 0, b = 0; i < n; i++) {
            double[][] to = s.diffusive() != null && !s.diffusive()[i] ? nd : good;
            int j = to == nd ? b++ : g++;
            to[0][j] = 1000 / s.tK()[i];
            to[1][j] = Math.log(s.dCm2s()[i]);
            to[2][j] = s.seCm2s() == null ? 0 : s.seCm2s()[i] / s.dCm2s()[i];
        }
        String name = who.isEmpty() ? s.label() : who.strip() + " ± 1σ";
        if (good[0].length > 0) style(Plots.pointsWithErrors(c, name, good[0], good[1], good[2]), s.color(), s.marker());
        if (bad > 0)
            style(Plots.pointsWithErrors(c, who + "MSD NOT diffusive: D is no diffusion coefficient", nd[0], nd[1], nd[2]),
                    s.color(), SeriesMarkers.CROSS);
    }

    private static void style(XYSeries p, Color color, Marker marker) {
        p.setMarker(marker);
        p.setMarkerColor(color);
        p.setLineColor(color);
    }
}
