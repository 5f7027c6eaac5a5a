package org.mtpj.analysis.voltage;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.mtpj.analysis.plot.Plots;
import org.mtpj.core.io.PythonNumbers;

/** The voltage step plot (plateaus of the lower hull against x) and the formation energies with their hull, PNG and SVG. */
public final class VoltagePlot {
    private VoltagePlot() {}

    /** Writes {@code base.png}/{@code base.svg} (profile) and {@code base_hull.png}/{@code .svg} (formation energies). */
    public static void write(VoltageProfile p, String title, Path base) throws IOException {
        XYChart chart = new XYChartBuilder().width(720).height(480).title("Voltage profile: " + title)
                .xAxisTitle("x in MgxV2O5").yAxisTitle("Average voltage vs Mg/Mg2+ (V)").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE).setLegendVisible(true);
        List<Double> sx = new ArrayList<>(), sy = new ArrayList<>();
        List<VoltageProfile.Plateau> pls = p.plateaus();
        for (VoltageProfile.Plateau pl : pls) {
            sx.add(pl.x1()); sy.add(pl.voltage());
            sx.add(pl.x2()); sy.add(pl.voltage());
        }
        XYSeries steps = chart.addSeries("hull plateaus", sx, sy);
        steps.setMarker(SeriesMarkers.NONE).setLineColor(new Color(0x1f77b4)).setLineStyle(new BasicStroke(2.5f));
        double[] x = p.x();
        int n = x.length - 1;
        XYSeries avg = chart.addSeries(String.format(Locale.ROOT, "average %s-%s: %.3f V", PythonNumbers.compact(x[0]), PythonNumbers.compact(x[n]), p.averageVoltage(0, n)),
                new double[] {x[0], x[n]}, new double[] {p.averageVoltage(0, n), p.averageVoltage(0, n)});
        avg.setMarker(SeriesMarkers.NONE).setLineColor(Color.GRAY)
                .setLineStyle(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        save(chart, base);

        XYChart hull = new XYChartBuilder().width(720).height(480).title("Formation energy: " + title)
                .xAxisTitle("x in MgxV2O5").yAxisTitle("E_f (eV per V2O5)").build();
        hull.getStyler().setChartBackgroundColor(Color.WHITE);
        double[] ef = new double[x.length];
        for (int i = 0; i <= n; i++) ef[i] = p.formationEnergy(i);
        XYSeries pts = hull.addSeries("computed", x, ef);
        pts.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter).setMarker(SeriesMarkers.CIRCLE);
        int[] hv = p.hullVertices();
        double[] hx = new double[hv.length], hy = new double[hv.length];
        for (int k = 0; k < hv.length; k++) { hx[k] = x[hv[k]]; hy[k] = ef[hv[k]]; }
        hull.addSeries("lower hull", hx, hy).setMarker(SeriesMarkers.NONE);
        save(hull, base.resolveSibling(base.getFileName() + "_hull"));
    }

    static void save(XYChart chart, Path base) throws IOException {
        Plots.save(chart, base);
    }
}
