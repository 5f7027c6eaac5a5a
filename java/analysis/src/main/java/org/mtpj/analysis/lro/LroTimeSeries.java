package org.mtpj.analysis.lro;

import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.mtpj.analysis.plot.Plots;
import org.mtpj.host.AtomicOutput;

/**
 * The order of a trajectory (LAMMPS dump, XDATCAR, extxyz) as a time series: DIR/&lt;dump&gt;_timeseries.tsv (frame, step, time in
 * ps, dims, the order along every direction, sphere min/max/mean) and a line plot (PNG + SVG).
 */
public final class LroTimeSeries {
    private LroTimeSeries() {}

    /** Writes one series per dump among the sources; returns the TSV paths. */
    public static List<Path> write(Path dir, List<TrackedAtoms.Source> sources, List<LroResult> results, List<Direction> dirs,
                                   double timestepPs) throws IOException {
        Map<Path, List<Integer>> byDump = new LinkedHashMap<>();
        for (int i = 0; i < sources.size(); i++)
            if (sources.get(i).isDumpFrame()) byDump.computeIfAbsent(sources.get(i).file(), k -> new ArrayList<>()).add(i);
        List<Path> written = new ArrayList<>();
        for (var e : byDump.entrySet()) {
            String base = sources.get(e.getValue().get(0)).name().replaceFirst("_frame\\d+$", "");
            Path tsv = dir.resolve(base + "_timeseries.tsv");
            AtomicOutput.write(tsv, StandardCharsets.UTF_8, w -> {
                StringBuilder h = new StringBuilder("frame\tstep\ttime_ps\tdims");
                for (Direction d : dirs) h.append("\torder_").append(d.key());
                for (Direction d : dirs) h.append("\torder_angstrom_").append(d.key());
                LroResult first = results.get(e.getValue().get(0));
                String o = first.angstromSphere() ? "order_angstrom" : "order";
                int n = first.sphere().order().length;
                h.append("\tsphere").append(n).append("_min_").append(o).append("\tsphere").append(n).append("_max_").append(o)
                        .append("\tsphere").append(n).append("_mean_").append(o).append('\n');
                w.write(h.toString());
                for (int i : e.getValue()) {
                    TrackedAtoms.Source s = sources.get(i);
                    LroResult r = results.get(i);
                    StringBuilder row = new StringBuilder();
                    row.append(s.frame()).append('\t').append(s.step()).append('\t').append(PyNumbers.repr(s.step() * timestepPs))
                            .append('\t').append(r.dimsText());
                    for (double v : r.order()) row.append('\t').append(PyNumbers.repr(v));
                    for (double v : r.orderAngstrom()) row.append('\t').append(PyNumbers.repr(v));
                    row.append('\t').append(PyNumbers.repr(r.sphere().min())).append('\t').append(PyNumbers.repr(r.sphere().max()))
                            .append('\t').append(PyNumbers.repr(r.sphere().mean())).append('\n');
                    w.write(row.toString());
                }
            });
            plot(dir.resolve(base + "_timeseries"), base, e.getValue(), sources, results, timestepPs);
            written.add(tsv);
        }
        return written;
    }

    private static void plot(Path base, String title, List<Integer> idx, List<TrackedAtoms.Source> sources, List<LroResult> results,
                             double timestepPs) throws IOException {
        XYChart c = new XYChartBuilder().width(800).height(500).title("Long-range order over time: " + title)
                .xAxisTitle("time (ps)").yAxisTitle(results.get(idx.get(0)).angstromSphere() ? "O (Å for the sphere)" : "O (smaller = more ordered)")
                .build();
        c.getStyler().setChartBackgroundColor(Color.WHITE).setMarkerSize(5);
        double[] t = new double[idx.size()];
        for (int k = 0; k < t.length; k++) t[k] = sources.get(idx.get(k)).step() * timestepPs;
        String[] names = {"O[001]", "O[100]", "O[010]"};
        for (int d = 0; d < 3; d++) {
            double[] y = new double[t.length];
            for (int k = 0; k < t.length; k++) y[k] = results.get(idx.get(k)).order()[d];
            c.addSeries(names[d], t, y).setMarker(SeriesMarkers.CIRCLE);
        }
        double[] mean = new double[t.length];
        for (int k = 0; k < t.length; k++) mean[k] = results.get(idx.get(k)).sphere().mean();
        c.addSeries("sphere mean", t, mean).setMarker(SeriesMarkers.NONE).setLineColor(Color.BLACK);
        if (t.length == 1) c.getStyler().setDefaultSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
        Plots.save(c, base);
    }
}
