package org.mtpj.cli.demo;

import static org.mtpj.cli.demo.ReportFormat.g;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mtpj.host.Json;
import org.mtpj.core.UserError;
import org.mtpj.lammps.log.ThermoLog;
import tools.jackson.databind.JsonNode;

/**
 * Report phase 4: D of both potentials from the analysis step ({@code mtpj diffusion --blocks}) as
 * diffusion.tsv with LAMMPS' single-origin MSD as a cross-check, the MTP-against-classical
 * comparison per (T, species) with the evidence for the verdict, and the MSD plots.
 */
final class DiffusionSection {
    static final double A2PS_TO_CM2S = 1e-4;
    /** |D_mtp − D_classical| / combined se at or below which the two agree. */
    static final double AGREE_Z = 2.0;
    /** Marks a D whose MSD is not diffusive over the fit window in the report's tables. */
    static final String NOT_DIFFUSIVE_MARK = " †";

    private final Path demo;
    private final List<String> temps;
    /** The species (LAMMPS type order) and the oracle's short name. */
    private final List<String> species;
    private final String oracle;
    /**
     * D of one run and species (Å²/ps): se = max(calibrated, blocks); the log-log slope of the MSD over the
     * fit window with its error, and whether the window is diffusive ('mtpj diffusion' column diffusive).
     */
    record RunD(double d, double se, double seCalibrated, double seBlocks, String blocks, double slope, double slopeSe, boolean diffusive) {}

    /** "pot/T/species" → its D. */
    private final Map<String, RunD> d = new LinkedHashMap<>();
    /** Runs whose MSD is not diffusive over the fit window ('mtpj diffusion' column diffusive = no). */
    private final List<String> nonDiffusive = new ArrayList<>();
    private final StringBuilder tsv = new StringBuilder("potential\tT_K\tspecies\tD_A2ps\tD_se_A2ps\tD_cm2s\tD_se_cm2s\tD_lammps_msd_A2ps\tD_se_calibrated_A2ps\tD_se_blocks_A2ps\tD_blocks_A2ps\tloglog_slope\tloglog_slope_se\tdiffusive\n");
    private final List<Map<String, Object>> dJson = new ArrayList<>();
    private final StringBuilder cmpRows = new StringBuilder();
    private final List<Map<String, Object>> cmpJson = new ArrayList<>();
    private int agree = 0, total = 0, notDiffusivePairs = 0;
    private double pDiff;
    private String evidence;

    private DiffusionSection(Path demo, DemoParameters params) {
        this.demo = demo;
        this.temps = params.mdTemperatures();
        this.species = params.species();
        this.oracle = params.oracleName();
    }

    /** Reads the analysis tables (and records the blocks' fit window as parameter fit_hi_block), then compares. */
    static DiffusionSection read(Path demo, DemoParameters params, MdSection md) throws IOException {
        DiffusionSection s = new DiffusionSection(demo, params);
        s.readTables(params);
        double fitLo = params.number("fit_lo"), fitHi = params.number("fit_hi"), dt = params.number("timestep_ps");
        for (String pot : MdSection.POTENTIALS) {
            for (String T : s.temps) {
                ThermoLog.Block b = md.production(pot, T);
                for (String sp : s.species) {
                    RunD v = s.d.get(pot + "/" + T + "/" + sp);
                    if (v == null) throw new UserError("demo report: no diffusion result for " + pot + " " + T + " " + sp);
                    double cross = lammpsD(b, "c_msd" + sp + "[4]", dt, fitLo, fitHi);
                    s.tsv.append(String.join("\t", pot, T, sp, g(v.d()), g(v.se()), g(v.d() * A2PS_TO_CM2S), g(v.se() * A2PS_TO_CM2S), g(cross),
                            g(v.seCalibrated()), g(v.seBlocks()), v.blocks(), g(v.slope()), g(v.slopeSe()), v.diffusive() ? "yes" : "no")).append('\n');
                    Map<String, Object> dj = new LinkedHashMap<>();
                    dj.put("potential", pot); dj.put("T_K", Double.parseDouble(T)); dj.put("species", sp);
                    dj.put("D_A2ps", v.d()); dj.put("D_se_A2ps", v.se()); dj.put("D_se_calibrated_A2ps", v.seCalibrated());
                    dj.put("D_se_blocks_A2ps", v.seBlocks()); dj.put("D_lammps_msd_A2ps", cross);
                    dj.put("loglog_slope", v.slope()); dj.put("loglog_slope_se", v.slopeSe()); dj.put("diffusive", v.diffusive());
                    s.dJson.add(dj);
                }
            }
        }
        s.compare(md);
        return s;
    }

    /**
     * The D_tracer row of analysis/POT_TT/SPECIES/diffusion.tsv ('mtpj diffusion --blocks') of every
     * run, and the blocks' fit window (parameter fit_hi_block) from the first run's diffusion.json.
     */
    private void readTables(DemoParameters params) throws IOException {
        for (String pot : MdSection.POTENTIALS) {
            for (String T : temps) {
                for (String sp : species) {
                    Path dir = demo.resolve("analysis/" + pot + "_T" + T + "/" + sp);
                    Path file = dir.resolve("diffusion.tsv");
                    if (!Files.exists(file)) throw new UserError("demo report: " + file + " not found (written by the analysis step)");
                    List<String> lines = Files.readAllLines(file);
                    List<String> cols = List.of(lines.get(0).split("\t"));
                    int cv = cols.indexOf("value_cm2s"), co = cols.indexOf("stderr_calibrated_cm2s"), cl = cols.indexOf("blocks_cm2s"),
                            cb = cols.indexOf("stderr_blocks_cm2s"), cc = cols.indexOf("stderr_combined_cm2s");
                    if (cc < 0 || co < 0)
                        throw new UserError("demo report: " + file + " has no calibrated and block errors (run this build's 'mtpj diffusion' with --blocks)");
                    String[] w = lines.stream().skip(1).map(l -> l.split("\t", -1)).filter(r -> r[2].equals("D_tracer")).findFirst()
                            .orElseThrow(() -> new UserError("demo report: no D_tracer row in " + file));
                    double c = 1 / A2PS_TO_CM2S;
                    int cf = cols.indexOf("diffusive"), cs = cols.indexOf("loglog_slope"), ce = cols.indexOf("loglog_slope_stderr");
                    if (cf < 0 || cs < 0 || ce < 0)
                        throw new UserError("demo report: " + file + " has no diffusive check (run this build's 'mtpj diffusion')");
                    List<String> list = new ArrayList<>();
                    for (String v : w[cl].split(",")) list.add(String.format(Locale.ROOT, "%.4g", Double.parseDouble(v) * c));
                    RunD r = new RunD(Double.parseDouble(w[cv]) * c, Double.parseDouble(w[cc]) * c, Double.parseDouble(w[co]) * c,
                            Double.parseDouble(w[cb]) * c, String.join(",", list), Double.parseDouble(w[cs]), Double.parseDouble(w[ce]), !w[cf].equals("no"));
                    d.put(pot + "/" + T + "/" + sp, r);
                    if (!r.diffusive())
                        nonDiffusive.add(String.format(Locale.ROOT, "%s %s K %s (log-log slope %.2f ± %.2f)", pot, T, sp, r.slope(), r.slopeSe()));
                    if (!params.has("fit_hi_block")) {
                        JsonNode hi = Json.read(Files.readString(dir.resolve("diffusion.json")))
                                .path("windows").path(0).path("blocks").path("t_max_ps");
                        // a lag time (k × spacing): shown to 6 significant digits, without trailing zeros
                        params.put("fit_hi_block", hi.isNumber()
                                ? new java.math.BigDecimal(String.format(Locale.ROOT, "%.6g", hi.asDouble())).stripTrailingZeros().toPlainString()
                                : "?");
                    }
                }
            }
        }
    }

    /** Agreement MTP vs classical per (T, species), and the evidence: direction and size of the differences, and the pressure of both at the same volume. */
    private void compare(MdSection md) {
        for (String T : temps) {
            for (String sp : species) {
                RunD c = d("classical", T, sp), m = d("mtp", T, sp);
                double z = Math.abs(m.d() - c.d()) / Math.hypot(m.se(), c.se());
                boolean ok = z <= AGREE_Z, diffusive = c.diffusive() && m.diffusive();
                total++;
                if (ok) agree++;
                if (!diffusive) notDiffusivePairs++;
                cmpRows.append(String.format(Locale.ROOT, "| %s | %s | %.4f ± %.4f%s | %.4f ± %.4f%s | %.2f | %.1f | %s |%n", T, sp, c.d(), c.se(),
                        c.diffusive() ? "" : NOT_DIFFUSIVE_MARK, m.d(), m.se(), m.diffusive() ? "" : NOT_DIFFUSIVE_MARK, m.d() / c.d(), z,
                        (ok ? "agree" : "**differ**") + (diffusive ? "" : " (not diffusive)")));
                Map<String, Object> cj = new LinkedHashMap<>();
                cj.put("T_K", Double.parseDouble(T)); cj.put("species", sp); cj.put("ratio_mtp_over_classical", m.d() / c.d());
                cj.put("z", z); cj.put("agree", ok); cj.put("diffusive", diffusive);
                cmpJson.add(cj);
            }
        }
        double rMin = Double.MAX_VALUE, rMax = 0;
        for (Map<String, Object> cj : cmpJson) {
            double r = (Double) cj.get("ratio_mtp_over_classical");
            rMin = Math.min(rMin, r); rMax = Math.max(rMax, r);
        }
        pDiff = md.pressureDifferenceGPa(temps);
        evidence = String.format(Locale.ROOT, "D(MTP)/D(%s) ranges from %.2f to %.2f%s; at the same volume the MTP's mean pressure differs by %+.2f GPa " +
                "from %s's%s.", oracle, rMin, rMax,
                rMin > 1 ? " (the MTP diffuses faster everywhere)" : rMax < 1 ? " (the MTP diffuses slower everywhere)" : "", pDiff, oracle,
                agree < total ? " (a different state point diffuses differently)" : "");
    }

    /** The species, in LAMMPS type order. */
    List<String> species() { return species; }

    /** The oracle's short name. */
    String oracle() { return oracle; }

    /** D of one run and species. */
    RunD d(String pot, String T, String sp) { return d.get(pot + "/" + T + "/" + sp); }

    int agreeCount() { return agree; }

    int compareCount() { return total; }

    /** (T, species) pairs where the MSD of either potential is not diffusive over the fit window. */
    int notDiffusiveCount() { return notDiffusivePairs; }

    String evidence() { return evidence; }

    /** diffusion.tsv and one MSD plot per temperature (the analysis tables if present, else LAMMPS' own MSD). */
    void writeFiles(Path out, MdSection md, double dt, double fitLo, double fitHi) throws IOException {
        Files.writeString(out.resolve("diffusion.tsv"), tsv);
        for (String T : temps) {
            List<DemoPlots.Curve> curves = new ArrayList<>();
            String source = "mtpj msd, all time origins";
            for (String pot : MdSection.POTENTIALS) {
                java.awt.Color col = pot.equals("mtp") ? DemoPlots.MTP : DemoPlots.CLASSICAL;
                String label = pot.equals("mtp") ? "MTP" : oracle;
                // the first species dashed, the others solid
                for (String sp : species) {
                    Path tab = demo.resolve("analysis/" + pot + "_T" + T + "/" + sp + "/msd.tsv");
                    boolean dashed = sp.equals(species.get(0)) && species.size() > 1;
                    if (Files.exists(tab)) {
                        double[][] m = readColumns(tab, 2);
                        curves.add(new DemoPlots.Curve(label + " " + sp + regime(pot, T, sp), m[0], m[1], col, dashed));
                    } else {
                        source = "LAMMPS compute msd, single origin";
                        ThermoLog.Block b = md.production(pot, T);
                        double[] st = b.values("Step");
                        double[] t = new double[st.length];
                        for (int i = 0; i < st.length; i++) t[i] = (st[i] - st[0]) * dt;
                        curves.add(new DemoPlots.Curve(label + " " + sp, t, b.values("c_msd" + sp + "[4]"), col, dashed));
                    }
                }
            }
            DemoPlots.msd(curves, "MSD at " + T + " K (" + source + ")", fitLo, fitHi, out.resolve("msd_T" + T));
        }
    }

    /** The legend's note on the diffusive check of one run's fit window. */
    private String regime(String pot, String T, String sp) {
        RunD r = d(pot, T, sp);
        return r.diffusive() ? "" : String.format(Locale.ROOT, " (NOT diffusive in the window: log-log slope %.2f)", r.slope());
    }

    void putJson(Map<String, Object> json) {
        json.put("diffusion", dJson);
        json.put("comparison", cmpJson);
        json.put("pressure_difference_GPa", pDiff);
        json.put("agree_count", agree);
        json.put("compare_count", total);
        json.put("not_diffusive_count", notDiffusivePairs);
    }

    String markdown(Map<String, String> p) {
        StringBuilder s = new StringBuilder("## 4. Diffusion\n\n");
        s.append(String.format(Locale.ROOT, "`mtpj msd` (all time origins, centre-of-mass drift removed) and `mtpj diffusion` (straight-line fit of MSD " +
                "over %s–%s ps, D = slope/6). The uncertainty is the larger of the fit's calibrated standard error (the straight-line fit's error " +
                "when the MSD points are as correlated as a random walk's, which share time origins; the plain least-squares error is often 10–30 " +
                "times too small) and the standard error of the mean of D over %s consecutive blocks of the run (each fitted over %s–%s ps). D in Å²/ps (1 Å²/ps = 1e-4 cm²/s); `z` = |ΔD| / combined " +
                "uncertainty; agree means z ≤ %.0f. All numbers in `diffusion.tsv`.%n%n",
                p.get("fit_lo"), p.get("fit_hi"), p.get("nblocks"), p.get("fit_lo"), p.get("fit_hi_block"), AGREE_Z));
        s.append("| T (K) | species | D " + oracle + " | D MTP | MTP/" + oracle + " | z | |\n|---|---|---|---|---|---|---|\n").append(cmpRows).append('\n');
        s.append(nonDiffusive.isEmpty() ? "Every run is diffusive over the fit window (log-log slope of the MSD consistent with 1 over the window, "
                        + "its halves and the later lags).\n\n"
                : NOT_DIFFUSIVE_MARK.strip() + " **Not diffusive over the fit window** (log-log slope of the MSD not 1 over the window, one of its "
                  + "halves or the later lags: the atoms are still leaving their cages there, so that D is no diffusion coefficient but the "
                  + "mobility on this time scale, comparable only between runs fitted alike; a longer run is needed): "
                  + String.join("; ", nonDiffusive) + ".\n\n");
        for (String T : temps) s.append("![msd_T").append(T).append(".png](msd_T").append(T).append(".png)\n");
        return s.toString();
    }

    /** D from a straight-line fit of LAMMPS' single-origin MSD over the same window (Å²/ps). */
    static double lammpsD(ThermoLog.Block b, String col, double dt, double lo, double hi) {
        double[] st = b.values("Step"), m = b.values(col);
        List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
        for (int i = 0; i < st.length; i++) {
            double t = (st[i] - st[0]) * dt;
            if (t >= lo - 1e-9 && t <= hi + 1e-9) { xs.add(t); ys.add(m[i]); }
        }
        if (xs.size() < 3) return Double.NaN;
        return org.mtpj.analysis.diffusion.StraightLineFit.of(xs.stream().mapToDouble(Double::doubleValue).toArray(), ys.stream().mapToDouble(Double::doubleValue).toArray()).slope() / 6.0;
    }

    /** Numeric columns of a TSV with one header line (first ncol columns). */
    private static double[][] readColumns(Path file, int ncol) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<double[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] w = lines.get(i).strip().split("\\s+");
            if (w.length < ncol || w[0].startsWith("#")) continue;
            double[] r = new double[ncol];
            for (int c = 0; c < ncol; c++) r[c] = Double.parseDouble(w[c]);
            rows.add(r);
        }
        double[][] cols = new double[ncol][rows.size()];
        for (int i = 0; i < rows.size(); i++) for (int c = 0; c < ncol; c++) cols[c][i] = rows.get(i)[c];
        return cols;
    }
}
