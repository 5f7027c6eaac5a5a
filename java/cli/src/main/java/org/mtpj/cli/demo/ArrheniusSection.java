package org.mtpj.cli.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Report phase 5: the activation energies of the analysis step ({@code mtpj arrhenius}), the
 * Arrhenius plot, and the E_a comparison of the verdict: per species the MTP against the oracle
 * (same MD protocol), agreeing within max(0.1 eV, 2 combined standard errors), and whether both
 * were measured to a standard error of at most 0.07 eV.
 */
final class ArrheniusSection {
    static final double K_B = 8.617333262e-5;
    /** Ea agrees when |ΔEa| ≤ max(this, 2 combined standard errors) (eV). */
    static final double EA_TOLERANCE_EV = 0.1;
    /** An Ea is measured well enough to tell when its standard error is at most this (eV). */
    static final double EA_SE_MAX_EV = 0.07;

    /** "pot/species" → {pot, species, Ea_eV, Ea_se_eV, D0_cm2s} as the report prints them. */
    private final Map<String, String[]> fits;

    private ArrheniusSection(Map<String, String[]> fits) {
        this.fits = fits;
    }

    /** Ea of analysis/arrhenius_POT_SPECIES/arrhenius.tsv; a missing fit is left out. */
    static ArrheniusSection read(Path demo) throws IOException {
        Map<String, String[]> m = new LinkedHashMap<>();
        for (String pot : MdSection.POTENTIALS) {
            for (String sp : DiffusionSection.SPECIES) {
                Path file = demo.resolve("analysis/arrhenius_" + pot + "_" + sp + "/arrhenius.tsv");
                if (!Files.exists(file)) continue;
                Map<String, String[]> rows = new LinkedHashMap<>();
                for (String l : Files.readAllLines(file)) rows.put(l.split("\t")[0], l.split("\t", -1));
                double ea = Double.parseDouble(rows.get("Ea")[1]), se = Double.parseDouble(rows.get("Ea")[2]), d0 = Double.parseDouble(rows.get("D0")[1]);
                m.put(pot + "/" + sp, new String[] {pot, sp, String.format(Locale.ROOT, "%.4f", ea), String.format(Locale.ROOT, "%.4f", se),
                        String.format(Locale.ROOT, "%.4g", d0)});
            }
        }
        return new ArrheniusSection(m);
    }

    /** ln D (cm²/s) against 1000/T with ±1 se, and each fitted line. */
    void plot(List<String> temps, DiffusionSection diffusion, Path base) throws IOException {
        List<DemoPlots.Points> pts = new ArrayList<>();
        List<double[]> lines = new ArrayList<>();
        for (String pot : MdSection.POTENTIALS) {
            for (String sp : List.of("O", "Si")) {
                double[] x = new double[temps.size()], y = new double[temps.size()], e = new double[temps.size()];
                for (int i = 0; i < temps.size(); i++) {
                    double[] d = diffusion.d(pot, temps.get(i), sp);
                    x[i] = 1000.0 / Double.parseDouble(temps.get(i));
                    y[i] = Math.log(d[0] * DiffusionSection.A2PS_TO_CM2S);
                    e[i] = d[1] / d[0];
                }
                pts.add(new DemoPlots.Points((pot.equals("mtp") ? "MTP " : "Vashishta ") + sp, x, y, e,
                        pot.equals("mtp") ? DemoPlots.MTP : DemoPlots.CLASSICAL, sp.equals("Si")));
                String[] w = fits.get(pot + "/" + sp);
                lines.add(w == null ? null : new double[] {Double.parseDouble(w[2]), Double.parseDouble(w[4])});
            }
        }
        DemoPlots.arrhenius(pts, lines, base);
    }

    /** summary.json "arrhenius": Ea and its standard error per potential and species. */
    void putJson(Map<String, Object> json) {
        Map<String, Object> arrJson = new LinkedHashMap<>();
        for (String[] w : fits.values()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("Ea_eV", Double.parseDouble(w[2]));
            one.put("Ea_se_eV", Double.parseDouble(w[3]));
            arrJson.put(w[0] + "_" + w[1], one);
        }
        json.put("arrhenius", arrJson);
    }

    /** summary.json "ea_comparison" per species. */
    Map<String, Object> comparisonJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        for (String sp : List.of("Si", "O")) {
            Comparison c = compare(sp);
            if (c == null) continue;
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("Ea_mtp_eV", c.em);
            e.put("Ea_oracle_eV", c.ec);
            e.put("diff_eV", c.diff());
            e.put("tolerance_eV", c.tolerance());
            e.put("agree", c.agree());
            e.put("se_ok", c.precise());
            json.put(sp, e);
        }
        return json;
    }

    /** The verdict's sentence on the activation energies, or "" without both fits of a species. */
    String verdict() {
        List<String> lines = new ArrayList<>();
        for (String sp : List.of("Si", "O")) {
            Comparison c = compare(sp);
            if (c == null) continue;
            lines.add(String.format(Locale.ROOT, "%s: E_a %.3f ± %.3f eV (MTP) vs %.3f ± %.3f eV (Vashishta), difference %+.3f eV, %s (tolerance %.3f eV)%s",
                    sp, c.em, c.sm, c.ec, c.sc, c.diff(), c.agree() ? "agree" : "**differ**", c.tolerance(),
                    c.precise() ? "" : "; **not measured precisely enough** (standard error above " + EA_SE_MAX_EV + " eV)"));
        }
        return lines.isEmpty() ? "" : "Activation energies: " + String.join("; ", lines) + ".\n\n";
    }

    /** Ea and standard error of the MTP (m) and the oracle (c). */
    private record Comparison(double em, double sm, double ec, double sc) {
        double diff() { return em - ec; }
        double tolerance() { return Math.max(EA_TOLERANCE_EV, 2 * Math.hypot(sm, sc)); }
        boolean agree() { return Math.abs(diff()) <= tolerance(); }
        boolean precise() { return sm <= EA_SE_MAX_EV && sc <= EA_SE_MAX_EV; }
    }

    private Comparison compare(String sp) {
        String[] m = fits.get("mtp/" + sp), c = fits.get("classical/" + sp);
        if (m == null || c == null) return null;
        return new Comparison(Double.parseDouble(m[2]), Double.parseDouble(m[3]), Double.parseDouble(c[2]), Double.parseDouble(c[3]));
    }

    /** The plot and the table of the fits (part of the diffusion section). */
    String markdown() {
        StringBuilder s = new StringBuilder("\n![Arrhenius](arrhenius.png)\n\n");
        if (!fits.isEmpty()) {
            s.append("`mtpj arrhenius` (ln D against 1/T):\n\n| potential | species | E_a (eV) | ± se (eV) | D0 (cm²/s) |\n|---|---|---|---|---|\n");
            for (String[] w : fits.values()) s.append("| ").append(w[0]).append(" | ").append(w[1]).append(" | ").append(w[2]).append(" | ")
                    .append(w[3]).append(" | ").append(w.length > 4 ? w[4] : "").append(" |\n");
            s.append('\n');
        }
        return s.toString();
    }
}
