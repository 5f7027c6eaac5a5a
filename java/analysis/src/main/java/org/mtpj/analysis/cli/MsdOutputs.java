package org.mtpj.analysis.cli;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.mtpj.analysis.msd.MsdResult;
import org.mtpj.analysis.plot.Plots;

/** Writes msd.tsv (the layout of correct_600K_msd.tsv) and the two-panel MSD plot. */
final class MsdOutputs {
    private MsdOutputs() {}

    static final String HEADER = "t_ps\tMSD_A2\tMSD_x\tMSD_y\tMSD_z\tMSCD_A2";

    /** @param abc MSD along a, b, c appended as MSD_a MSD_b MSD_c, or null */
    static void writeTsv(MsdResult m, double[][] abc, Path file) {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER + (abc != null ? "\tMSD_a\tMSD_b\tMSD_c" : ""));
        for (int k = 0; k < m.lags(); k++) {
            String extra = abc == null ? "" : "\t" + Tsv.num(abc[0][k]) + "\t" + Tsv.num(abc[1][k]) + "\t" + Tsv.num(abc[2][k]);
            lines.add(Tsv.num(m.timePs()[k]) + "\t" + Tsv.num(m.msd()[k]) + "\t" + Tsv.num(m.msdX()[k]) + "\t" + Tsv.num(m.msdY()[k])
                    + "\t" + Tsv.num(m.msdZ()[k]) + "\t" + Tsv.num(m.mscd()[k]) + extra);
        }
        Tsv.write(file, lines);
    }

    /** Log-log and linear panels; the fit window (may be null) shaded. */
    static void plot(MsdResult m, String species, double[] window, Path base) {
        XYChart log = Plots.chart(species + " MSD (log-log)", "lag time t (ps)", "MSD (Å²)");
        log.getStyler().setXAxisLogarithmic(true);
        log.getStyler().setYAxisLogarithmic(true);
        XYChart lin = Plots.chart(species + " MSD", "lag time t (ps)", "MSD (Å²)");
        double max = 0, minPos = Double.MAX_VALUE;
        for (double[] y : new double[][] {m.msd(), m.mscd(), m.msdX(), m.msdY(), m.msdZ()}) {
            for (int k = 1; k < y.length; k++) {
                max = Math.max(max, y[k]);
                if (y[k] > 0) minPos = Math.min(minPos, y[k]);
            }
        }
        for (XYChart c : new XYChart[] {log, lin}) {
            if (window != null) {
                String label = "fit window " + Tsv.compact(window[0]) + "–" + Tsv.compact(window[1]) + " ps";
                if (c == log) Plots.markWindow(c, Math.max(window[0], m.timePs()[1]), window[1]);
                else Plots.shadeWindow(c, label, window[0], window[1], 0, max * 1.05);
            }
            Plots.line(c, "MSD", m.timePs(), m.msd()).setLineColor(Color.BLACK);
            Plots.line(c, "MSD_x", m.timePs(), m.msdX()).setLineColor(new Color(200, 40, 40));
            Plots.line(c, "MSD_y", m.timePs(), m.msdY()).setLineColor(new Color(40, 150, 40));
            Plots.line(c, "MSD_z", m.timePs(), m.msdZ()).setLineColor(new Color(40, 70, 200));
            Plots.line(c, "MSCD", m.timePs(), m.mscd()).setLineColor(new Color(150, 60, 180));
        }
        Plots.savePanels(List.of(log, lin), base);
    }
}
