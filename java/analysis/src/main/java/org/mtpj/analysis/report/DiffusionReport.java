package org.mtpj.analysis.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mtpj.analysis.compat.StudyAnalyzer;
import org.mtpj.analysis.compat.StudyPipeline;
import org.mtpj.analysis.diffusion.DiffusionResult;
import org.mtpj.analysis.diffusion.DiffusiveRegime;
import org.mtpj.analysis.diffusion.RandomWalkErrors;

/**
 * One page (Markdown and HTML) with the correct analysis and the study-compat numbers side by
 * side, and the plots. Pure text building: the command supplies the numbers and image names.
 */
public final class DiffusionReport {
    /**
     * What the correct analysis was run on. {@code calibrated}: per window its calibrated errors and
     * diffusive check (quoted instead of the OLS errors), or null (OLS errors only).
     */
    public record CorrectPart(String input, String species, int frames, double frameSpacingPs, int mobileAtoms, int totalAtoms,
                              String drift, List<DiffusionResult> windows, List<RandomWalkErrors> calibrated, String msdPlot) {
        public CorrectPart(String input, String species, int frames, double frameSpacingPs, int mobileAtoms, int totalAtoms,
                           String drift, List<DiffusionResult> windows, String msdPlot) {
            this(input, species, frames, frameSpacingPs, mobileAtoms, totalAtoms, drift, windows, null, msdPlot);
        }

        /** The errors to quote for window i: calibrated when known, else the OLS ones. */
        double[] errors(int i) {
            DiffusionResult d = windows.get(i);
            if (calibrated == null) return new double[] {d.dTracerErr(), d.dSigmaErr(), d.havenErr(), d.dXErr(), d.dYErr(), d.dZErr()};
            RandomWalkErrors e = calibrated.get(i);
            return new double[] {e.dTracerErr(), e.dSigmaErr(), e.havenErr(), e.dXErr(), e.dYErr(), e.dZErr()};
        }
    }

    private final CorrectPart correct;
    private final StudyPipeline.Outcome compat;
    private final String compatPlot;

    public DiffusionReport(CorrectPart correct, StudyPipeline.Outcome compat, String compatPlot) {
        this.correct = correct;
        this.compat = compat;
        this.compatPlot = compatPlot;
    }

    /** Rows: quantity, correct value, compat value (strings). */
    List<String[]> rows() {
        List<String[]> r = new ArrayList<>();
        DiffusionResult d = correct.windows().get(0);
        double[] e = correct.errors(0);
        StudyAnalyzer.Fit f = compat != null && compat.stageC() != null ? compat.stageC().fit() : null;
        var pub = compat != null ? compat.stageD() : null;
        r.add(new String[] {"D_tracer (cm²/s)", pm(d.dTracer(), e[0]), pub != null ? sci(pub.dTracer()) : "–",
                f != null ? pm(f.d(), f.dStd()) : "–"});
        r.add(new String[] {"D_sigma (cm²/s)", pm(d.dSigma(), e[1]), pub != null ? sci(pub.dSigma()) : "–",
                f != null ? pm(f.dCharge(), f.dChargeStd()) : "–"});
        r.add(new String[] {"Haven ratio", String.format(Locale.ROOT, "%.4f ± %.4f", d.haven(), e[2]),
                pub != null ? String.format(Locale.ROOT, "%.5f", pub.haven()) : "–", f != null ? String.format(Locale.ROOT, "%.5f", f.haven()) : "–"});
        r.add(new String[] {"D_x / D_a (cm²/s)", pm(d.dX(), e[3]), "–", f != null ? sci(f.dA()) : "–"});
        r.add(new String[] {"D_y / D_b (cm²/s)", pm(d.dY(), e[4]), "–", f != null ? sci(f.dB()) : "–"});
        r.add(new String[] {"D_z / D_c (cm²/s)", pm(d.dZ(), e[5]), "–", f != null ? sci(f.dC()) : "–"});
        return r;
    }

    static String sci(double v) { return String.format(Locale.ROOT, "%.4e", v); }

    static String pm(double v, double e) { return String.format(Locale.ROOT, "%.4e ± %.2e", v, e); }

    private List<String> notes() {
        List<String> n = new ArrayList<>();
        n.add(String.format(Locale.ROOT, "Correct analysis: %s, %d frames %s ps apart, %d %s atoms of %d, unwrapped, drift: %s, "
                        + "MSD with all time origins (FFT), OLS fit over the lag window%s.", correct.input(), correct.frames(),
                trim(correct.frameSpacingPs()), correct.mobileAtoms(), correct.species(), correct.totalAtoms(), correct.drift(),
                correct.calibrated() == null ? ", OLS standard errors"
                        : "; ± is the calibrated standard error (the OLS slope's error under the random-walk covariance of the MSD points, "
                          + "which share time origins; the plain OLS error is often 10–30 times too small)"));
        for (int i = 0; i < correct.windows().size(); i++) {
            DiffusionResult d = correct.windows().get(i);
            String regime = "";
            if (correct.calibrated() != null) {
                DiffusiveRegime r = correct.calibrated().get(i).regime();
                regime = r.diffusive()
                        ? String.format(Locale.ROOT, "; log-log slope %.2f ± %.2f: diffusive", r.slope(), r.slopeStdErr())
                        : r.curved()
                        ? String.format(Locale.ROOT, "; log-log slope %.2f ± %.2f on average, but %.2f in the first half of the window and "
                                + "%.2f in the second: NOT diffusive — the window spans a crossover (from the vibrational start into the "
                                + "cage), so this D is no diffusion coefficient; fit later lags of a longer run",
                                r.slope(), r.slopeStdErr(), r.startSlope(), r.endSlope())
                        : r.subDiffusiveLater()
                        ? String.format(Locale.ROOT, "; log-log slope %.2f ± %.2f, but %.2f at later lags: NOT diffusive — the MSD has "
                                + "not yet left the cage at this window (diffusion is the long-time limit), so this D is no diffusion "
                                + "coefficient; a longer run is needed", r.slope(), r.slopeStdErr(), r.laterSlope())
                        : String.format(Locale.ROOT, "; log-log slope %.2f ± %.2f: NOT diffusive — the MSD flattens (atoms rattle in their "
                                + "cages without long-range motion on this time scale), so this D measures the rattling, not diffusion, and "
                                + "a longer run is needed", r.slope(), r.slopeStdErr());
            }
            n.add(String.format(Locale.ROOT, "Window %s–%s ps (%d lags): D_tracer = %s; the longest lag has %d independent time origins%s%s.",
                    trim(d.tMinPs()), trim(d.tMaxPs()), d.points(), pm(d.dTracer(), correct.errors(i)[0]), d.minIndependentOrigins(),
                    d.minIndependentOrigins() < 10 ? " (fewer than 10: unreliable)" : "", regime));
        }
        if (compat != null) {
            n.add("Study-compat, " + StudyPipeline.LABEL + ": " + compat.input() + ", " + compat.inputKind()
                    + ". The study's pipeline cuts each frame to the first 12 Mg / 24 V / 60 O rows of an unsorted dump, orders files as "
                    + "plain strings (CONTCAR1, CONTCAR10, …), hands Cartesian Å over as fractional coordinates (so every displacement is "
                    + "wrapped every 1 Å), smooths with a constant window and re-differences the exported MSD table. Its D values are "
                    + "artefacts of these steps, not Mg diffusion.");
        }
        return n;
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private String[] header() {
        DiffusionResult d = correct.windows().get(0);
        // the table shows the first window: say there, not only in the notes, when its D is no diffusion coefficient
        boolean flagged = correct.calibrated() != null && !correct.calibrated().get(0).regime().diffusive();
        return new String[] {"quantity", "correct (" + trim(d.tMinPs()) + "–" + trim(d.tMaxPs()) + " ps" + (flagged ? ", MSD NOT diffusive" : "") + ")",
                "study-compat published-style (not physical)", "study-compat DiffusionAnalyzer stage (not physical)"};
    }

    public String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("# ").append(correct.species()).append(" diffusion: correct analysis and study-compat numbers\n\n");
        String[] h = header();
        b.append("| ").append(String.join(" | ", h)).append(" |\n|");
        for (int i = 0; i < h.length; i++) b.append("---|");
        b.append('\n');
        for (String[] r : rows()) b.append("| ").append(String.join(" | ", r)).append(" |\n");
        b.append('\n');
        for (String n : notes()) b.append("- ").append(n).append('\n');
        b.append("\n## MSD (correct analysis)\n\n![MSD](").append(correct.msdPlot()).append(")\n");
        if (compatPlot != null) b.append("\n## Study-compat stages C and D (not physical)\n\n![study-compat](").append(compatPlot).append(")\n");
        return b.toString();
    }

    public String html() {
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
                .append(esc(correct.species())).append(" diffusion report</title>\n<style>body{font-family:sans-serif;max-width:1500px;margin:2em auto}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #aaa;padding:4px 10px;text-align:right}"
                        + "td:first-child,th:first-child{text-align:left}th{background:#eee}img{max-width:100%}</style></head><body>\n");
        b.append("<h1>").append(esc(correct.species())).append(" diffusion: correct analysis and study-compat numbers</h1>\n<table>\n<tr>");
        for (String h : header()) b.append("<th>").append(esc(h)).append("</th>");
        b.append("</tr>\n");
        for (String[] r : rows()) {
            b.append("<tr>");
            for (String c : r) b.append("<td>").append(esc(c)).append("</td>");
            b.append("</tr>\n");
        }
        b.append("</table>\n<ul>\n");
        for (String n : notes()) b.append("<li>").append(esc(n)).append("</li>\n");
        b.append("</ul>\n<h2>MSD (correct analysis)</h2>\n<img src=\"").append(esc(correct.msdPlot())).append("\" alt=\"MSD\">\n");
        if (compatPlot != null)
            b.append("<h2>Study-compat stages C and D (not physical)</h2>\n<img src=\"").append(esc(compatPlot)).append("\" alt=\"study-compat\">\n");
        return b.append("</body></html>\n").toString();
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
