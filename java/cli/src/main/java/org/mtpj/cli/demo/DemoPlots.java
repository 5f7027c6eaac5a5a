package org.mtpj.cli.demo;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.mtpj.analysis.plot.Plots;

/** The demo report's plots (PNG + SVG): force parity, MSD curves (the Arrhenius plot is analysis' {@code ArrheniusPlot}). */
final class DemoPlots {
    private DemoPlots() {}

    static final Color MTP = new Color(0xd62728), CLASSICAL = new Color(0x1f77b4);

    /** MTP force components against the reference ones, with the y = x line. */
    static void parity(double[] ref, double[] mtp, String title, Path base) throws IOException {
        XYChart c = new XYChartBuilder().width(600).height(600).title(title)
                .xAxisTitle("reference force component (eV/Å)").yAxisTitle("MTP force component (eV/Å)").build();
        style(c);
        c.getStyler().setMarkerSize(3);
        double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
        for (double v : ref) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
        XYSeries pts = c.addSeries("Fx, Fy, Fz (" + ref.length + ")", ref, mtp);
        pts.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter).setMarker(SeriesMarkers.CIRCLE).setMarkerColor(new Color(214, 39, 40, 90));
        c.addSeries("y = x", new double[] {lo, hi}, new double[] {lo, hi}).setMarker(SeriesMarkers.NONE).setLineColor(Color.DARK_GRAY);
        save(c, base);
    }

    /** One curve of an MSD plot. */
    record Curve(String label, double[] t, double[] msd, Color color, boolean dashed) {}

    /** The curves, with the fit window [fitLo, fitHi] ps shaded under the highest curve. */
    static void msd(List<Curve> curves, String title, double fitLo, double fitHi, Path base) throws IOException {
        XYChart c = new XYChartBuilder().width(720).height(480).title(title)
                .xAxisTitle("lag time (ps)").yAxisTitle("MSD (Å²)").build();
        style(c);
        double top = 0;
        for (Curve k : curves) for (double v : k.msd()) if (Double.isFinite(v)) top = Math.max(top, v);
        Plots.shadeWindow(c, "fit window " + Plots.plainTick(fitLo) + "–" + Plots.plainTick(fitHi) + " ps", fitLo, fitHi, 0, top);
        for (Curve k : curves) {
            XYSeries s = c.addSeries(k.label(), k.t(), k.msd());
            s.setMarker(SeriesMarkers.NONE).setLineColor(k.color());
            if (k.dashed()) s.setLineStyle(new java.awt.BasicStroke(2f, java.awt.BasicStroke.CAP_BUTT,
                    java.awt.BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        }
        save(c, base);
    }

    private static void style(XYChart c) {
        c.getStyler().setChartBackgroundColor(Color.WHITE).setLegendVisible(true)
                .setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
    }

    private static void save(XYChart chart, Path base) {
        Plots.save(chart, base);   // PNG + SVG through AtomicOutput
    }
}
