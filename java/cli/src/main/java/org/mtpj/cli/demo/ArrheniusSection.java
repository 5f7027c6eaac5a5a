package org.mtpj.cli.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.mtpj.analysis.diffusion.Arrhenius;
import org.mtpj.analysis.plot.ArrheniusPlot;

/**
 * Report phase 5: the activation energies of the analysis step ({@code mtpj arrhenius}), the
 * Arrhenius plot, and the E_a comparison of the verdict: per species the MTP against the oracle
 * (same MD protocol), agreeing within max(0.1 eV, 2 combined standard errors), and whether both
 * were measured to a standard error of at most 0.07 eV.
 */
final class ArrheniusSection {
    /** Ea agrees when |ΔEa| ≤ max(this, 2 combined standard errors) (eV). */
    static final double EA_TOLERANCE_EV = 0.1;
    /** An Ea is measured well enough to tell when its standard error is at most this (eV). */
    static final double EA_SE_MAX_EV = 0.07;

    /** "pot/species" → {pot, species, Ea_eV, Ea_se_eV, D0_cm2s} as the report prints them. */
    private final Map<String, String[]> fits;
    /** "pot/species" → the temperatures (K) whose MSD was not diffusive over the fit window, e.g. "3500, 4000"; "" when all were. */
    private final Map<String, String> notDiffusive = new LinkedHashMap<>();
    /** The species (LAMMPS type order) and the oracle's short name. */
    private final List<String> species;
    private final String oracle;

    private ArrheniusSection(Map<String, String[]> fits, List<String> species, String oracle) {
        this.fits = fits;
        this.species = species;
        this.oracle = oracle;
    }

    /**
     * Ea of analysis/arrhenius_POT_SPECIES/arrhenius.tsv (a missing fit is left out) and, from the diffusion section, the
     * temperatures of each potential and species whose MSD was not diffusive over the fit window.
     */
    static ArrheniusSection read(Path demo, List<String> temps, DiffusionSection diffusion) throws IOException {
        Map<String, String[]> m = new LinkedHashMap<>();
        for (String pot : MdSection.POTENTIALS) {
            for (String sp : diffusion.species()) {
                Path file = demo.resolve("analysis/arrhenius_" + pot + "_" + sp + "/arrhenius.tsv");
                if (!Files.exists(file)) continue;
                Map<String, String[]> rows = new LinkedHashMap<>();
                for (String l : Files.readAllLines(file)) rows.put(l.split("\t")[0], l.split("\t", -1));
                double ea = Double.parseDouble(rows.get("Ea")[1]), se = Double.parseDouble(rows.get("Ea")[2]), d0 = Double.parseDouble(rows.get("D0")[1]);
                m.put(pot + "/" + sp, new String[] {pot, sp, String.format(Locale.ROOT, "%.4f", ea), String.format(Locale.ROOT, "%.4f", se),
                        String.format(Locale.ROOT, "%.4g", d0)});
            }
        }
        ArrheniusSection a = new ArrheniusSection(m, diffusion.species(), diffusion.oracle());
        for (String pot : MdSection.POTENTIALS)
            for (String sp : a.species)
                a.notDiffusive.put(pot + "/" + sp, String.join(", ", temps.stream().filter(t -> !diffusion.d(pot, t, sp).diffusive()).toList()));
        return a;
    }

    /**
     * The plot: ln D (cm²/s) against 1000/T with ±1σ, non-diffusive points as crosses, each weighted fit ({@link Arrhenius}, as 'mtpj arrhenius' on the same
     * D and errors) with its 68 % confidence band.
     */
    void plot(List<String> temps, DiffusionSection diffusion, Path base) {
        List<ArrheniusPlot.Series> sets = new ArrayList<>();
        for (String pot : MdSection.POTENTIALS) {
            for (String sp : species) {
                int n = temps.size();
                double[] t = new double[n], d = new double[n], se = new double[n];
                boolean[] diffusive = new boolean[n];
                for (int i = 0; i < n; i++) {
                    DiffusionSection.RunD r = diffusion.d(pot, temps.get(i), sp);
                    t[i] = Double.parseDouble(temps.get(i));
                    d[i] = r.d() * DiffusionSection.A2PS_TO_CM2S;
                    se[i] = r.se() * DiffusionSection.A2PS_TO_CM2S;
                    diffusive[i] = r.diffusive();
                }
                if (!fits.containsKey(pot + "/" + sp)) continue;
                boolean mtp = pot.equals("mtp");
                // the first species as filled diamonds, the others as open circles
                boolean first = sp.equals(species.get(0));
                sets.add(new ArrheniusPlot.Series((mtp ? "MTP " : oracle + " ") + sp, mtp ? DemoPlots.MTP : DemoPlots.CLASSICAL,
                        first ? SeriesMarkers.DIAMOND : SeriesMarkers.CIRCLE, first, t, d, se, diffusive,
                        Arrhenius.fit(t, d, se, t[n - 1])));
            }
        }
        if (!sets.isEmpty()) ArrheniusPlot.write("Arrhenius plot: MTP vs classical (" + oracle + ")", sets, Double.NaN, base);
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
        for (String sp : species) {
            Comparison c = compare(sp);
            if (c == null) continue;
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("Ea_mtp_eV", c.em);
            e.put("Ea_oracle_eV", c.ec);
            e.put("diff_eV", c.diff());
            e.put("tolerance_eV", c.tolerance());
            e.put("agree", c.agree());
            e.put("se_ok", c.precise());
            e.put("diffusive", notDiffusive.getOrDefault("mtp/" + sp, "").isEmpty() && notDiffusive.getOrDefault("classical/" + sp, "").isEmpty());
            json.put(sp, e);
        }
        return json;
    }

    /** The verdict's sentence on the activation energies, or "" without both fits of a species. */
    String verdict() {
        List<String> lines = new ArrayList<>();
        for (String sp : species) {
            Comparison c = compare(sp);
            if (c == null) continue;
            String bad = notDiffusiveText(sp);
            lines.add(String.format(Locale.ROOT, "%s: E_a %.3f ± %.3f eV (MTP) vs %.3f ± %.3f eV (%s), difference %+.3f eV, %s (tolerance %.3f eV)%s%s",
                    sp, c.em, c.sm, c.ec, c.sc, oracle, c.diff(), c.agree() ? "agree" : "**differ**", c.tolerance(),
                    c.precise() ? "" : "; **not measured precisely enough** (standard error above " + EA_SE_MAX_EV + " eV)",
                    bad.isEmpty() ? "" : "; **not activation energies of diffusion**: the MSD is not diffusive over the fit window at " + bad));
        }
        return lines.isEmpty() ? "" : "Activation energies: " + String.join("; ", lines) + ".\n\n";
    }

    /** "MTP 3500 K, Vashishta 3500, 4000 K" (the oracle's name) for a species, or "" when every fitted D of both potentials is diffusive. */
    private String notDiffusiveText(String sp) {
        List<String> parts = new ArrayList<>();
        for (String pot : MdSection.POTENTIALS) {
            String bad = notDiffusive.getOrDefault(pot + "/" + sp, "");
            if (!bad.isEmpty()) parts.add((pot.equals("mtp") ? "MTP " : oracle + " ") + bad + " K");
        }
        return String.join(", ", parts);
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
            s.append("`mtpj arrhenius` (ln D against 1/T, weighted by each D's uncertainty; the plot's dotted lines are each fit's 68 % "
                    + "confidence band):\n\n| potential | species | E_a (eV) | ± se (eV) | D0 (cm²/s) | MSD not diffusive at |\n|---|---|---|---|---|---|\n");
            for (Map.Entry<String, String[]> e : fits.entrySet()) {
                String[] w = e.getValue();
                String bad = notDiffusive.getOrDefault(e.getKey(), "");
                s.append("| ").append(w[0]).append(" | ").append(w[1]).append(" | ").append(w[2]).append(bad.isEmpty() ? "" : DiffusionSection.NOT_DIFFUSIVE_MARK)
                        .append(" | ").append(w[3]).append(" | ").append(w[4]).append(" | ").append(bad.isEmpty() ? "–" : bad + " K").append(" |\n");
            }
            s.append('\n');
        }
        return s.toString();
    }
}
