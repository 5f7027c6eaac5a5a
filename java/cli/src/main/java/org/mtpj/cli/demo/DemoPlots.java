package org.mtpj.cli.demo;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The demo report's plots (PNG + SVG): force parity, MSD curves, Arrhenius. */
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

    static void msd(List<Curve> curves, String title, Path base) throws IOException {
        XYChart c = new XYChartBuilder().width(720).height(480).title(title)
                .xAxisTitle("lag time (ps)").yAxisTitle("MSD (Å²)").build();
        style(c);
        for (Curve k : curves) {
            XYSeries s = c.addSeries(k.label(), k.t(), k.msd());
            s.setMarker(SeriesMarkers.NONE).setLineColor(k.color());
            if (k.dashed()) s.setLineStyle(new java.awt.BasicStroke(2f, java.awt.BasicStroke.CAP_BUTT,
                    java.awt.BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        }
        save(c, base);
    }

    /** One data set of the Arrhenius plot: ln D (D in cm²/s) against 1000/T with ±1 se error bars. */
    record Points(String label, double[] thousandOverT, double[] lnD, double[] lnDse, Color color, boolean open) {}

    /** Arrhenius points with, per set, an optional fitted line ln D = ln D0 − Ea/(k_B T) ({Ea eV, D0 cm²/s} or null). */
    static void arrhenius(List<Points> sets, List<double[]> fits, Path base) throws IOException {
        XYChart c = new XYChartBuilder().width(720).height(480).title("Arrhenius plot: MTP vs classical (Vashishta)")
                .xAxisTitle("1000 / T (1/K)").yAxisTitle("ln D  (D in cm²/s)").build();
        style(c);
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSW);   // ln D falls to the right
        for (int k = 0; k < sets.size(); k++) {
            Points p = sets.get(k);
            XYSeries s = c.addSeries(p.label(), p.thousandOverT(), p.lnD(), p.lnDse());
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(p.open() ? SeriesMarkers.DIAMOND : SeriesMarkers.CIRCLE).setMarkerColor(p.color());
            double[] f = fits.get(k);
            if (f == null) continue;
            double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
            for (double x : p.thousandOverT()) { lo = Math.min(lo, x); hi = Math.max(hi, x); }
            double kB = org.mtpj.analysis.diffusion.Arrhenius.K_B;
            XYSeries line = c.addSeries(String.format(java.util.Locale.ROOT, "%s fit: Ea = %.2f eV", p.label(), f[0]), new double[] {lo, hi},
                    new double[] {Math.log(f[1]) - f[0] / kB * lo / 1000, Math.log(f[1]) - f[0] / kB * hi / 1000});
            line.setMarker(SeriesMarkers.NONE).setLineColor(p.color());
            if (p.open()) line.setLineStyle(new java.awt.BasicStroke(2f, java.awt.BasicStroke.CAP_BUTT,
                    java.awt.BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        }
        save(c, base);
    }

    private static void style(XYChart c) {
        c.getStyler().setChartBackgroundColor(Color.WHITE).setLegendVisible(true)
                .setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
    }

    private static void save(XYChart chart, Path base) throws IOException {
        BitmapEncoder.saveBitmap(chart, base.toString(), BitmapEncoder.BitmapFormat.PNG);
        VectorGraphicsEncoder.saveVectorGraphic(chart, base.toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    }
}
