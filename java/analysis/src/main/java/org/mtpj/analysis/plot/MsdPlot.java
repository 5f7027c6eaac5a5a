package org.mtpj.analysis.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.mtpj.analysis.msd.MsdResult;

/**
 * The MSD figure of 'mtpj msd', 'mtpj diffusion' and 'diffusion-report': a log-log panel (axes
 * spanning whole decades, so at least two labelled decade ticks each, as plain decimals; a slope-1
 * guide through the MSD at the end of the first window; the fitted line of every window) and a
 * linear panel; every fit window shaded and marked by a bar in its own colour, named in the legend
 * with its D and whether it is diffusive. Units on every axis.
 */
public final class MsdPlot {
    /** A fit window: MSD ≈ intercept + slope·t (Å², ps) over [tMin, tMax]; {@code label} names it in the legend. */
    public record Window(double tMinPs, double tMaxPs, String label, double intercept, double slope, boolean diffusive) {}

    private static final Color[] WINDOW_COLOURS = {new Color(230, 140, 20), new Color(20, 150, 170), new Color(190, 60, 140), new Color(110, 150, 30)};

    private MsdPlot() {}

    public static void write(MsdResult m, String species, List<Window> windows, Path base) {
        XYChart log = Plots.chart(species + " MSD (log-log)", "lag time t (ps)", "MSD, MSCD (Å²)");
        log.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true);
        // labelled decade ticks; the axes span whole decades, so each shows at least two (plain decimals, no ".02")
        log.getStyler().setXAxisDecimalPattern("0.####").setYAxisDecimalPattern("0.####");
        XYChart lin = Plots.chart(species + " MSD", "lag time t (ps)", "MSD, MSCD (Å²)");
        lin.getStyler().setxAxisTickLabelsFormattingFunction(Plots::plainTick);
        lin.getStyler().setyAxisTickLabelsFormattingFunction(Plots::plainTick);
        double max = 0, minPos = Double.MAX_VALUE;
        for (double[] y : new double[][] {m.msd(), m.mscd(), m.msdX(), m.msdY(), m.msdZ()})
            for (int k = 1; k < y.length; k++) {
                max = Math.max(max, y[k]);
                if (y[k] > 0) minPos = Math.min(minPos, y[k]);
            }
        if (max <= 0) { max = 1; minPos = 0.1; }
        double yLo = Math.pow(10, Math.floor(Math.log10(minPos))), yHi = Math.pow(10, Math.ceil(Math.log10(max * 1.2)));
        double tEnd = m.timePs()[m.lags() - 1];
        double xLo = Math.pow(10, Math.floor(Math.log10(m.timePs()[Math.min(1, m.lags() - 1)]))), xHi = Math.pow(10, Math.ceil(Math.log10(tEnd)));
        log.getStyler().setYAxisMin(yLo).setYAxisMax(yHi).setXAxisMin(xLo).setXAxisMax(xHi);
        double linTop = max * (1.1 + 0.06 * windows.size());
        lin.getStyler().setYAxisMin(0.0).setYAxisMax(linTop);
        for (XYChart c : new XYChart[] {log, lin}) {
            c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS).setLegendLayout(Styler.LegendLayout.Vertical);
            for (int i = 0; i < windows.size(); i++) {
                Window w = windows.get(i);
                Color col = WINDOW_COLOURS[i % WINDOW_COLOURS.length];
                Color fill = new Color(col.getRed(), col.getGreen(), col.getBlue(), 40);
                double lo = c == log ? Math.max(w.tMinPs(), xLo) : w.tMinPs();
                // an area fills from its line to y = 0 (log: to y = 1): one from the top and, on log axes, one from the bottom
                double[] tops = c == log ? new double[] {yHi, yLo} : new double[] {linTop};
                for (int k = 0; k < tops.length; k++) {
                    XYSeries s = c.addSeries("window " + (i + 1) + " area " + k, new double[] {lo, w.tMaxPs()},
                            new double[] {tops[k], tops[k]});
                    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
                    s.setMarker(SeriesMarkers.NONE);
                    s.setFillColor(fill);
                    s.setLineColor(new Color(0, 0, 0, 0));
                    s.setShowInLegend(false);
                }
                // a bar of the window's colour across the top, stacked, so overlapping windows stay apart
                double barY = c == log ? yHi / Math.pow(1.35, i + 1) : max * (1.1 + 0.06 * i);
                XYSeries bar = Plots.line(c, "window " + (i + 1) + ": " + w.label(), new double[] {lo, w.tMaxPs()}, new double[] {barY, barY});
                bar.setLineColor(col);
                bar.setLineStyle(new BasicStroke(6f));
            }
            Plots.line(c, "MSD", m.timePs(), m.msd()).setLineColor(Color.BLACK).setLineStyle(new BasicStroke(2f));
            Plots.line(c, "MSD_x", m.timePs(), m.msdX()).setLineColor(new Color(200, 40, 40)).setLineStyle(new BasicStroke(1.2f));
            Plots.line(c, "MSD_y", m.timePs(), m.msdY()).setLineColor(new Color(40, 150, 40)).setLineStyle(new BasicStroke(1.2f));
            Plots.line(c, "MSD_z", m.timePs(), m.msdZ()).setLineColor(new Color(40, 70, 200)).setLineStyle(new BasicStroke(1.2f));
            Plots.line(c, "MSCD", m.timePs(), m.mscd()).setLineColor(new Color(150, 60, 180)).setLineStyle(new BasicStroke(1.2f));
            for (int i = 0; i < windows.size(); i++) {
                Window w = windows.get(i);
                if (Double.isNaN(w.slope())) continue;
                int n = 40;
                double[] t = new double[n], y = new double[n];
                for (int k = 0; k < n; k++) {
                    t[k] = w.tMinPs() + (w.tMaxPs() - w.tMinPs()) * k / (n - 1);
                    y[k] = w.intercept() + w.slope() * t[k];
                }
                XYSeries f = Plots.line(c, "fit " + (i + 1) + " (MSD = a + b·t)", t, y);
                f.setLineColor(WINDOW_COLOURS[i % WINDOW_COLOURS.length].darker());
                f.setLineStyle(new BasicStroke(3.5f));
            }
        }
        // slope-1 guide through the MSD at the end of the first window (or the last lag)
        int ref = m.lags() - 1;
        if (!windows.isEmpty()) ref = (int) Math.min(m.lags() - 1, Math.round(windows.get(0).tMaxPs() / m.frameSpacingPs()));
        if (ref > 0 && m.msd()[ref] > 0) {
            double[] t = {m.timePs()[1], m.timePs()[m.lags() - 1]};
            double k = m.msd()[ref] / m.timePs()[ref];
            XYSeries g = Plots.line(log, "slope 1 (MSD ∝ t, diffusive)", t, new double[] {k * t[0], k * t[1]});
            g.setLineColor(Color.GRAY);
            g.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 5f}, 0f));
        }
        Plots.savePanels(List.of(log, lin), base);
    }
}
