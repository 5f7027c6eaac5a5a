package org.mtpj.analysis.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.mtpj.analysis.diffusion.CalibratedFit;
import org.mtpj.analysis.diffusion.DiffusionResult;
import org.mtpj.analysis.diffusion.DiffusiveRegime;
import org.mtpj.analysis.diffusion.StraightLineFit;
import org.mtpj.analysis.msd.MsdResult;
import org.mtpj.analysis.plot.MsdPlot;

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

    /** Log-log and linear panels; the window (may be null) shaded, no fit drawn ('mtpj msd'). */
    static void plot(MsdResult m, String species, double[] window, Path base) {
        List<MsdPlot.Window> w = window == null ? List.of()
                : List.of(new MsdPlot.Window(window[0], window[1], Tsv.compact(window[0]) + "–" + Tsv.compact(window[1]) + " ps", Double.NaN, Double.NaN, true));
        MsdPlot.write(m, species, w, base);
    }

    /** Log-log and linear panels with every fit window shaded, its fitted line, D and the diffusive check in the legend. */
    static void plot(MsdResult m, String species, List<CalibratedFit> fits, Path base) {
        List<MsdPlot.Window> w = new ArrayList<>();
        for (CalibratedFit f : fits) {
            DiffusionResult d = f.ols();
            int from = (int) Math.round(d.tMinPs() / m.frameSpacingPs()), n = d.points();
            StraightLineFit line = StraightLineFit.of(Arrays.copyOfRange(m.timePs(), from, from + n), Arrays.copyOfRange(m.msd(), from, from + n));
            DiffusiveRegime r = f.errors().regime();
            String label = String.format(Locale.ROOT, "%s–%s ps: D = %.3g ± %.2g cm²/s; log-log slope %.2f ± %.2f, %s",
                    DiffusionOutputs.lagTime(d.tMinPs()), DiffusionOutputs.lagTime(d.tMaxPs()), d.dTracer(), f.errors().dTracerErr(), r.slope(), r.slopeStdErr(),
                    f.diffusive() ? "diffusive" : "NOT diffusive");
            w.add(new MsdPlot.Window(d.tMinPs(), d.tMaxPs(), label, line.intercept(), line.slope(), f.diffusive()));
        }
        MsdPlot.write(m, species, w, base);
    }
}
