package org.mtpj.analysis.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.mtpj.host.AtomicOutput;

/**
 * Small XChart helpers shared by the analysis commands: line/scatter charts, a shaded x-window,
 * and saving as PNG + SVG (headless). Charts are plain {@link XYChart}s, so callers can style
 * them further.
 *
 * <pre>{@code
 * XYChart c = Plots.chart("MSD", "t (ps)", "MSD (Å²)");
 * Plots.line(c, "Mg", t, msd);
 * Plots.save(c, Path.of("out/msd"));          // out/msd.png and out/msd.svg
 * Plots.savePanels(List.of(a, b), Path.of("out/msd")); // side by side in one PNG, one SVG per panel
 * }</pre>
 */
public final class Plots {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    public static final int WIDTH = 720, HEIGHT = 540;

    private Plots() {}

    public static XYChart chart(String title, String xLabel, String yLabel) {
        return chart(title, xLabel, yLabel, WIDTH, HEIGHT);
    }

    /** A chart of another size (e.g. taller, for a legend below the plot). */
    public static XYChart chart(String title, String xLabel, String yLabel, int width, int height) {
        XYChart c = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setPlotBackgroundColor(Color.WHITE);
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        c.getStyler().setPlotGridLinesColor(new Color(225, 225, 225));
        return c;
    }

    /** Adds a line (no markers); non-finite points, and on log axes non-positive ones, are dropped. */
    public static XYSeries line(XYChart c, String name, double[] x, double[] y) {
        double[][] xy = usable(c, x, y);
        XYSeries s = c.addSeries(name, xy[0], xy[1]);
        s.setMarker(SeriesMarkers.NONE);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        return s;
    }

    /** Adds points with markers and no line. */
    public static XYSeries points(XYChart c, String name, double[] x, double[] y) {
        double[][] xy = usable(c, x, y);
        XYSeries s = c.addSeries(name, xy[0], xy[1]);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        return s;
    }

    /** Points with vertical error bars. */
    public static XYSeries pointsWithErrors(XYChart c, String name, double[] x, double[] y, double[] err) {
        XYSeries s = c.addSeries(name, x, y, err);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        return s;
    }

    /**
     * Shades [x0, x1] below y = yHigh (light grey, in the legend as {@code label}) and marks its edges
     * with vertical lines. On a log y axis pass a positive yLow.
     */
    public static void shadeWindow(XYChart c, String label, double x0, double x1, double yLow, double yHigh) {
        // an area series fills from its line down to the axis: two points at the window's top
        double[] xs = {x0, x1}, ys = {yHigh, yHigh};
        XYSeries s = c.addSeries(label, xs, ys);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        s.setMarker(SeriesMarkers.NONE);
        s.setFillColor(new Color(0, 0, 0, 28));
        s.setLineColor(new Color(0, 0, 0, 0));
        c.getStyler().setAnnotationLineColor(new Color(120, 120, 120));
        c.getStyler().setAnnotationLineStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
        for (double x : new double[] {x0, x1}) c.addAnnotation(new AnnotationLine(x, true, false));
    }

    /** Marks [x0, x1] with two dashed vertical lines (for log axes, where an area cannot be filled). */
    public static void markWindow(XYChart c, double x0, double x1) {
        c.getStyler().setAnnotationLineColor(new Color(120, 120, 120));
        c.getStyler().setAnnotationLineStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
        for (double x : new double[] {x0, x1}) c.addAnnotation(new AnnotationLine(x, true, false));
    }

    /** Writes {@code base}.png and {@code base}.svg. */
    public static void save(XYChart c, Path base) {
        try {
            mkdirs(base);
            AtomicOutput.writeBytes(Path.of(base + ".png"), out -> BitmapEncoder.saveBitmap(c, out, BitmapEncoder.BitmapFormat.PNG));
            AtomicOutput.writeBytes(Path.of(base + ".svg"),
                    out -> VectorGraphicsEncoder.saveVectorGraphic(c, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write plot " + base + ": " + e.getMessage(), e);
        }
    }

    /** Charts side by side in {@code base}.png; each also as {@code base}_1.svg, {@code base}_2.svg, ... */
    public static void savePanels(List<XYChart> charts, Path base) {
        try {
            mkdirs(base);
            AtomicOutput.writeBytes(Path.of(base + ".png"),
                    out -> BitmapEncoder.saveBitmap(new ArrayList<>(charts), 1, charts.size(), out, BitmapEncoder.BitmapFormat.PNG));
            for (int i = 0; i < charts.size(); i++) {
                XYChart c = charts.get(i);
                AtomicOutput.writeBytes(Path.of(base + "_" + (i + 1) + ".svg"),
                        out -> VectorGraphicsEncoder.saveVectorGraphic(c, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write plot " + base + ": " + e.getMessage(), e);
        }
    }

    private static void mkdirs(Path base) throws IOException {
        Path parent = base.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
    }

    private static double[][] usable(XYChart c, double[] x, double[] y) {
        boolean logX = c.getStyler().isXAxisLogarithmic(), logY = c.getStyler().isYAxisLogarithmic();
        List<double[]> keep = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) continue;
            if (logX && x[i] <= 0 || logY && y[i] <= 0) continue;
            keep.add(new double[] {x[i], y[i]});
        }
        if (keep.isEmpty()) keep.add(new double[] {logX ? 1 : 0, logY ? 1 : 0});
        double[][] r = new double[2][keep.size()];
        for (int i = 0; i < keep.size(); i++) { r[0][i] = keep.get(i)[0]; r[1][i] = keep.get(i)[1]; }
        return r;
    }

    /** Linear-axis tick label: up to 4 significant digits, a leading zero ("0.02", never ".02"), no exponent. */
    public static String plainTick(Double v) {
        if (v == null) return "";
        if (v == 0) return "0";
        return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
