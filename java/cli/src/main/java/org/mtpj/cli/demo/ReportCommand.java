package org.mtpj.cli.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.mtpj.core.UserError;
import org.mtpj.core.io.CfgReader;
import org.mtpj.core.model.Configuration;
import org.mtpj.lammps.log.ThermoLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Writes the demo's report folder from the step outputs under {@code --demo}: summary.md,
 * summary.json (the numbers the test checks), errors.tsv, md_runs.tsv, diffusion.tsv/json,
 * plots (PNG + SVG) and inputs.json (sha256 of every input, versions, seeds, parameters).
 * A hidden {@code mtpj} command: it reads the folder layout of {@code scripts/demo} only.
 */
@Command(name = "demo-report", hidden = true, mixinStandardHelpOptions = true,
        description = {"Write the demo report folder from the outputs of the demo steps.",
            "Units: D in Å²/ps and cm²/s (1 Å²/ps = 1e-4 cm²/s), forces eV/Å, energies eV, pressure GPa."})
public final class ReportCommand implements Callable<Integer> {
    @Option(names = "--demo", required = true, description = "demo output folder (holds oracle/, train/, md/, analysis/)")
    Path demo;

    @Option(names = "--out", required = true, description = "report folder to write")
    Path out;

    static final double A2PS_TO_CM2S = 1e-4;
    static final double K_B = 8.617333262e-5;
    /** |D_mtp − D_classical| / combined se at or below which the two agree. */
    static final double AGREE_Z = 2.0;

    private Map<String, String> params;
    /** False when a pair style log says the extrapolation grades were not computed. */
    private boolean selectionActive = true;
    /** Largest energy found in the MTP runs' safety walls (eV, at thermo steps). */
    private double maxWall = 0;
    /** Over all MTP runs: configurations written to preselected.cfg, and the largest grade at the printed steps. */
    private int totalSelected = 0;
    private double maxGradeAll = Double.NaN;

    @Override
    public Integer call() throws IOException {
        Files.createDirectories(out);
        params = readParams(demo.resolve("parameters.tsv"));
        Path minDist = demo.resolve("train/min_dist.txt");
        params.put("min_dist", Files.exists(minDist) ? Files.readString(minDist).strip() : "?");
        Path walls = demo.resolve("train/walls.txt");
        params.put("wall_list", Files.exists(walls) ? String.join(", ", Files.readAllLines(walls).stream()
                .map(l -> l.replaceFirst(" ", " r_c = ") + " Å").toList()) : "?");
        List<String> temps = List.of(param("md_temps").trim().split("\\s+"));
        StringBuilder md = new StringBuilder();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("variant", param("variant"));

        // ---- 1. oracle
        List<Configuration> train = CfgReader.readAll(demo.resolve("oracle/train.cfg"));
        List<Configuration> valid = CfgReader.readAll(demo.resolve("oracle/valid.cfg"));
        json.put("configurations_train", train.size());
        json.put("configurations_valid", valid.size());

        // ---- 2. training errors
        Map<String, Double> ev = MlipErrorReportReader.read(demo.resolve("train/errors_valid.txt"));
        Map<String, Double> et = MlipErrorReportReader.read(demo.resolve("train/errors_train.txt"));
        StringBuilder errTsv = new StringBuilder("set\tquantity\tvalue\tunit\n");
        String[][] q = {
                {"Energy per atom/RMS absolute difference", "energy_rmse_per_atom", "eV/atom"},
                {"Energy per atom/Average absolute difference", "energy_mae_per_atom", "eV/atom"},
                {"Forces/RMS absolute difference", "force_rmse_component", "eV/Å"},
                {"Forces/Average absolute difference", "force_mae", "eV/Å"},
                {"Forces/RMS(ForceDiff) / RMS(Force)", "force_rms_relative", "1"},
                {"Stresses (in GPa)/RMS absolute difference", "stress_rmse", "GPa"}};
        Map<String, Object> errJson = new LinkedHashMap<>();
        for (String set : List.of("train", "valid")) {
            Map<String, Double> e = set.equals("train") ? et : ev;
            Map<String, Object> one = new LinkedHashMap<>();
            for (String[] k : q) {
                Double v = e.get(k[0]);
                if (v == null) throw new UserError("demo report: '" + k[0] + "' missing in train/errors_" + set + ".txt");
                errTsv.append(set).append('\t').append(k[1]).append('\t').append(g(v)).append('\t').append(k[2]).append('\n');
                one.put(k[1], v);
            }
            errJson.put(set, one);
        }
        json.put("errors", errJson);
        Files.writeString(out.resolve("errors.tsv"), errTsv);

        // parity plot from the held-out configurations (reference vs calc-efs output)
        Path efs = demo.resolve("train/efs_valid.cfg");
        double parityRmse = Double.NaN;
        if (Files.exists(efs)) {
            List<Configuration> pred = CfgReader.readAll(efs);
            if (pred.size() != valid.size()) throw new UserError("demo report: " + efs + " has " + pred.size() + " configurations, valid.cfg " + valid.size());
            int n = 0;
            for (Configuration c : valid) n += 3 * c.size;
            double[] r = new double[n], p = new double[n];
            int k = 0;
            double ss = 0;
            for (int i = 0; i < valid.size(); i++) {
                double[] fr = valid.get(i).forces, fp = pred.get(i).forces;
                if (fp == null || fp.length != fr.length) throw new UserError("demo report: configuration " + (i + 1) + " of " + efs + " has no matching forces");
                for (int j = 0; j < fr.length; j++) { r[k] = fr[j]; p[k] = fp[j]; ss += (fr[j] - fp[j]) * (fr[j] - fp[j]); k++; }
            }
            parityRmse = Math.sqrt(ss / n);
            DemoPlots.parity(r, p, String.format(Locale.ROOT, "Forces on %d held-out configurations: RMSE %.3f eV/Å", valid.size(), parityRmse),
                    out.resolve("parity_forces"));
        }
        json.put("parity_force_rmse_component", parityRmse);

        // ---- 3. MD runs
        StringBuilder runs = new StringBuilder("potential\tT_target_K\tT_mean_K\tP_mean_GPa\tsteps\tloop_s\tus_per_atom_step\tmsd_end_Si_A2\tmsd_end_O_A2\twall_E_max_eV\tpreselected\tmax_grade\n");
        Map<String, ThermoLog.Block> prod = new TreeMap<>();
        List<Map<String, Object>> runJson = new ArrayList<>();
        int natoms = train.get(0).size;
        for (String pot : List.of("classical", "mtp")) {
            for (String T : temps) {
                Path dir = demo.resolve("md/" + pot + "_T" + T);
                List<ThermoLog.Block> blocks = ThermoLog.read(dir.resolve("log.lammps")).blocks;
                if (blocks.isEmpty()) throw new UserError("demo report: no finished run in " + dir.resolve("log.lammps"));
                ThermoLog.Block b = blocks.get(blocks.size() - 1);
                prod.put(pot + "_T" + T, b);
                double[] msdSi = b.values("c_msdSi[4]"), msdO = b.values("c_msdO[4]");
                int presel = 0;
                double maxGrade = Double.NaN;
                Path ps = dir.resolve("preselected.cfg");
                boolean selOff = pot.equals("mtp") && Files.readString(dir.resolve("log.lammps")).contains("extrapolation grades are not computed");
                if (selOff) selectionActive = false;
                if (pot.equals("mtp") && b.columns().contains("v_grade"))
                    for (double gr : b.values("v_grade")) maxGrade = Double.isNaN(maxGrade) ? gr : Math.max(maxGrade, gr);
                if (pot.equals("mtp") && Files.exists(ps)) {
                    for (String line : Files.readAllLines(ps)) {
                        if (line.strip().equals("BEGIN_CFG")) presel++;
                        if (line.contains("MV_grade")) {
                            double gr = Double.parseDouble(line.substring(line.indexOf("MV_grade") + 8).strip());
                            maxGrade = Double.isNaN(maxGrade) ? gr : Math.max(maxGrade, gr);
                        }
                    }
                }
                if (pot.equals("mtp")) {
                    totalSelected += presel;
                    if (!Double.isNaN(maxGrade)) maxGradeAll = Double.isNaN(maxGradeAll) ? maxGrade : Math.max(maxGradeAll, maxGrade);
                }
                double us = b.loopSeconds() / b.loopSteps() / natoms * 1e6;
                double wallMax = 0;
                if (b.columns().contains("v_ewall")) for (double w : b.values("v_ewall")) wallMax = Math.max(wallMax, w);
                if (pot.equals("mtp")) maxWall = Math.max(maxWall, wallMax);
                double pGpa = b.mean("Press") * 1e-4;
                runs.append(String.join("\t", pot, T, f1(b.mean("Temp")), f3(pGpa), Long.toString(b.loopSteps()), f1(b.loopSeconds()), f1(us),
                        f3(msdSi[msdSi.length - 1]), f3(msdO[msdO.length - 1]), pot.equals("mtp") ? g(wallMax) : "", pot.equals("mtp") ? (selOff ? "not computed" : Integer.toString(presel)) : "",
                        Double.isNaN(maxGrade) ? "" : g(maxGrade))).append('\n');
                Map<String, Object> rj = new LinkedHashMap<>();
                rj.put("potential", pot); rj.put("T_target_K", Double.parseDouble(T)); rj.put("T_mean_K", b.mean("Temp"));
                rj.put("P_mean_GPa", pGpa); rj.put("us_per_atom_step", us); rj.put("msd_end_O_A2", msdO[msdO.length - 1]);
                rj.put("msd_end_Si_A2", msdSi[msdSi.length - 1]);
                if (pot.equals("mtp")) { rj.put("preselected", presel); rj.put("max_grade", maxGrade); rj.put("wall_E_max_eV", wallMax); }
                runJson.add(rj);
            }
        }
        Files.writeString(out.resolve("md_runs.tsv"), runs);
        json.put("md_runs", runJson);
        json.put("selection_active", selectionActive);
        json.put("selected_configurations", totalSelected);
        json.put("max_grade", maxGradeAll);

        // ---- 4. diffusion: the analysis step's table, plus LAMMPS' single-origin MSD as a cross-check
        double fitLo = Double.parseDouble(param("fit_lo")), fitHi = Double.parseDouble(param("fit_hi"));
        double dt = Double.parseDouble(param("timestep_ps"));
        Map<String, double[]> dTab = readDiffusion(temps);
        StringBuilder dTsv = new StringBuilder("potential\tT_K\tspecies\tD_A2ps\tD_se_A2ps\tD_cm2s\tD_se_cm2s\tD_lammps_msd_A2ps\tD_se_ols_A2ps\tD_se_blocks_A2ps\tD_blocks_A2ps\n");
        List<Map<String, Object>> dJson = new ArrayList<>();
        for (String pot : List.of("classical", "mtp")) {
            for (String T : temps) {
                ThermoLog.Block b = prod.get(pot + "_T" + T);
                for (String sp : List.of("Si", "O")) {
                    double[] d = dTab.get(pot + "/" + T + "/" + sp);
                    if (d == null) throw new UserError("demo report: no diffusion result for " + pot + " " + T + " " + sp);
                    double cross = lammpsD(b, "c_msd" + sp + "[4]", dt, fitLo, fitHi);
                    dTsv.append(String.join("\t", pot, T, sp, g(d[0]), g(d[1]), g(d[0] * A2PS_TO_CM2S), g(d[1] * A2PS_TO_CM2S), g(cross),
                            g(d[2]), g(d[3]), blockLists.getOrDefault(pot + "/" + T + "/" + sp, ""))).append('\n');
                    Map<String, Object> dj = new LinkedHashMap<>();
                    dj.put("potential", pot); dj.put("T_K", Double.parseDouble(T)); dj.put("species", sp);
                    dj.put("D_A2ps", d[0]); dj.put("D_se_A2ps", d[1]); dj.put("D_lammps_msd_A2ps", cross);
                    dJson.add(dj);
                }
            }
        }
        Files.writeString(out.resolve("diffusion.tsv"), dTsv);
        json.put("diffusion", dJson);

        // agreement MTP vs classical per (T, species)
        StringBuilder cmp = new StringBuilder();
        int agree = 0, total = 0;
        List<Map<String, Object>> cmpJson = new ArrayList<>();
        for (String T : temps) {
            for (String sp : List.of("Si", "O")) {
                double[] c = dTab.get("classical/" + T + "/" + sp), m = dTab.get("mtp/" + T + "/" + sp);
                double z = Math.abs(m[0] - c[0]) / Math.hypot(m[1], c[1]);
                boolean ok = z <= AGREE_Z;
                total++;
                if (ok) agree++;
                cmp.append(String.format(Locale.ROOT, "| %s | %s | %.4f ± %.4f | %.4f ± %.4f | %.2f | %.1f | %s |%n", T, sp, c[0], c[1], m[0], m[1],
                        m[0] / c[0], z, ok ? "agree" : "**differ**"));
                Map<String, Object> cj = new LinkedHashMap<>();
                cj.put("T_K", Double.parseDouble(T)); cj.put("species", sp); cj.put("ratio_mtp_over_classical", m[0] / c[0]);
                cj.put("z", z); cj.put("agree", ok);
                cmpJson.add(cj);
            }
        }
        json.put("comparison", cmpJson);
        // evidence for the verdict: direction and size of the differences, and the pressure of both at the same volume
        double rMin = Double.MAX_VALUE, rMax = 0, pDiff = 0;
        for (Map<String, Object> cj : cmpJson) {
            double r = (Double) cj.get("ratio_mtp_over_classical");
            rMin = Math.min(rMin, r); rMax = Math.max(rMax, r);
        }
        for (String T : temps) pDiff += (prod.get("mtp_T" + T).mean("Press") - prod.get("classical_T" + T).mean("Press")) * 1e-4 / temps.size();
        String evidence = String.format(Locale.ROOT, "D(MTP)/D(Vashishta) ranges from %.2f to %.2f%s; at the same volume the MTP's mean pressure differs by %+.2f GPa " +
                "from Vashishta's%s.", rMin, rMax,
                rMin > 1 ? " (the MTP diffuses faster everywhere)" : rMax < 1 ? " (the MTP diffuses slower everywhere)" : "", pDiff,
                agree < total ? " (a different state point diffuses differently)" : "");
        json.put("pressure_difference_GPa", pDiff);
        json.put("agree_count", agree);
        json.put("compare_count", total);

        // ---- 5. plots of MSD (analysis tables if present, else LAMMPS' own MSD) and Arrhenius
        List<String> msdPlots = new ArrayList<>();
        for (String T : temps) {
            List<DemoPlots.Curve> curves = new ArrayList<>();
            String source = "mtpj msd, all time origins";
            for (String pot : List.of("classical", "mtp")) {
                Path tabSi = demo.resolve("analysis/" + pot + "_T" + T + "/Si/msd.tsv");
                Path tabO = demo.resolve("analysis/" + pot + "_T" + T + "/O/msd.tsv");
                java.awt.Color col = pot.equals("mtp") ? DemoPlots.MTP : DemoPlots.CLASSICAL;
                String label = pot.equals("mtp") ? "MTP" : "Vashishta";
                if (Files.exists(tabSi) && Files.exists(tabO)) {
                    double[][] mo = readColumns(tabO, 2), ms = readColumns(tabSi, 2);
                    curves.add(new DemoPlots.Curve(label + " O", mo[0], mo[1], col, false));
                    curves.add(new DemoPlots.Curve(label + " Si", ms[0], ms[1], col, true));
                } else {
                    source = "LAMMPS compute msd, single origin";
                    ThermoLog.Block b = prod.get(pot + "_T" + T);
                    double[] st = b.values("Step");
                    double[] t = new double[st.length];
                    for (int i = 0; i < st.length; i++) t[i] = (st[i] - st[0]) * dt;
                    curves.add(new DemoPlots.Curve(label + " O", t, b.values("c_msdO[4]"), col, false));
                    curves.add(new DemoPlots.Curve(label + " Si", t, b.values("c_msdSi[4]"), col, true));
                }
            }
            DemoPlots.msd(curves, "MSD at " + T + " K (" + source + ")", out.resolve("msd_T" + T));
            msdPlots.add("msd_T" + T + ".png");
        }
        List<DemoPlots.Points> pts = new ArrayList<>();
        for (String pot : List.of("classical", "mtp")) {
            for (String sp : List.of("O", "Si")) {
                double[] x = new double[temps.size()], y = new double[temps.size()], e = new double[temps.size()];
                for (int i = 0; i < temps.size(); i++) {
                    double[] d = dTab.get(pot + "/" + temps.get(i) + "/" + sp);
                    x[i] = 1000.0 / Double.parseDouble(temps.get(i));
                    y[i] = Math.log(d[0] * A2PS_TO_CM2S);
                    e[i] = d[1] / d[0];
                }
                pts.add(new DemoPlots.Points((pot.equals("mtp") ? "MTP " : "Vashishta ") + sp, x, y, e,
                        pot.equals("mtp") ? DemoPlots.MTP : DemoPlots.CLASSICAL, sp.equals("Si")));
            }
        }
        Map<String, String[]> arr = readArrhenius();
        List<double[]> fits = new ArrayList<>();
        for (String pot : List.of("classical", "mtp")) {
            for (String sp : List.of("O", "Si")) {
                String[] w = arr.get(pot + "/" + sp);
                fits.add(w == null ? null : new double[] {Double.parseDouble(w[2]), Double.parseDouble(w[4])});
            }
        }
        DemoPlots.arrhenius(pts, fits, out.resolve("arrhenius"));
        Map<String, Object> arrJson = new LinkedHashMap<>();
        for (String[] w : arr.values()) arrJson.put(w[0] + "_" + w[1], Map.of("Ea_eV", Double.parseDouble(w[2]), "Ea_se_eV", Double.parseDouble(w[3])));
        json.put("arrhenius", arrJson);

        // ---- 6. active learning and the activation-energy verdict
        ActiveLearningSection al = ActiveLearningSection.read(demo);
        String alText = "";
        if (al != null) {
            al.putJson(json);
            al.plot(temps, out.resolve("al_grades"));
            alText = al.markdown(temps);
        }
        StringBuilder eaText = new StringBuilder();
        json.put("ea_comparison", ActiveLearningSection.eaComparison(arr, eaText));

        // ---- 7. inputs record and summary
        writeInputs();
        writeJson(out.resolve("summary.json"), json);
        String summary = SummaryText.markdown(params, train.size(), valid.size(), ev, et, parityRmse,
                runs.toString(), cmp.toString(), evidence + " " + eaText.toString().strip(), agree, total, arr, msdPlots, Files.exists(efs), selectionActive, maxWall, totalSelected, maxGradeAll, readTimings());
        summary = summary.replace("## 3. Molecular dynamics", alText + "## 3. Molecular dynamics");
        Files.writeString(out.resolve("summary.md"), summary);
        System.out.println("report written to " + out.resolve("summary.md"));
        return 0;
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
        return org.mtpj.analysis.diffusion.LinearFit.of(xs.stream().mapToDouble(Double::doubleValue).toArray(), ys.stream().mapToDouble(Double::doubleValue).toArray()).slope() / 6.0;
    }

    private String param(String key) {
        String v = params.get(key);
        if (v == null) throw new UserError("demo report: parameter '" + key + "' missing in " + demo.resolve("parameters.tsv"));
        return v;
    }

    static Map<String, String> readParams(Path file) throws IOException {
        if (!Files.exists(file)) throw new UserError("demo report: " + file + " not found (written by scripts/demo)");
        Map<String, String> p = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            int tab = line.indexOf('\t');
            if (tab > 0) p.put(line.substring(0, tab), line.substring(tab + 1));
        }
        return p;
    }

    /** "pot/T/species" → comma-separated D of the blocks (Å²/ps), from the analysis step's diffusion tables. */
    private final Map<String, String> blockLists = new LinkedHashMap<>();

    /**
     * The D_tracer row of analysis/POT_TT/SPECIES/diffusion.tsv ('mtpj diffusion --blocks') of every run →
     * "pot/T/species" → {D, se, se_ols, se_blocks} in Å²/ps, se = max(OLS, blocks). Also records the
     * blocks' fit window (parameter fit_hi_block) from the first run's diffusion.json.
     */
    Map<String, double[]> readDiffusion(List<String> temps) throws IOException {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (String pot : List.of("classical", "mtp")) {
            for (String T : temps) {
                for (String sp : List.of("Si", "O")) {
                    Path dir = demo.resolve("analysis/" + pot + "_T" + T + "/" + sp);
                    Path file = dir.resolve("diffusion.tsv");
                    if (!Files.exists(file)) throw new UserError("demo report: " + file + " not found (written by the analysis step)");
                    List<String> lines = Files.readAllLines(file);
                    List<String> cols = List.of(lines.get(0).split("\t"));
                    int cv = cols.indexOf("value_cm2s"), co = cols.indexOf("stderr_cm2s"), cl = cols.indexOf("blocks_cm2s"),
                            cb = cols.indexOf("stderr_blocks_cm2s"), cc = cols.indexOf("stderr_combined_cm2s");
                    if (cc < 0) throw new UserError("demo report: " + file + " has no block columns (run 'mtpj diffusion' with --blocks)");
                    String[] w = lines.stream().skip(1).map(l -> l.split("\t", -1)).filter(r -> r[2].equals("D_tracer")).findFirst()
                            .orElseThrow(() -> new UserError("demo report: no D_tracer row in " + file));
                    double c = 1 / A2PS_TO_CM2S;
                    m.put(pot + "/" + T + "/" + sp, new double[] {Double.parseDouble(w[cv]) * c, Double.parseDouble(w[cc]) * c,
                            Double.parseDouble(w[co]) * c, Double.parseDouble(w[cb]) * c});
                    List<String> list = new ArrayList<>();
                    for (String v : w[cl].split(",")) list.add(String.format(Locale.ROOT, "%.4g", Double.parseDouble(v) * c));
                    blockLists.put(pot + "/" + T + "/" + sp, String.join(",", list));
                    if (!params.containsKey("fit_hi_block")) {
                        java.util.regex.Matcher bw = java.util.regex.Pattern.compile("\"blocks\": \\{[^}]*?\"t_max_ps\": ([^,}\\s]+)")
                                .matcher(Files.readString(dir.resolve("diffusion.json")));
                        // a lag time (k × spacing): shown to 6 significant digits, without trailing zeros
                        params.put("fit_hi_block", bw.find()
                                ? new java.math.BigDecimal(String.format(Locale.ROOT, "%.6g", Double.parseDouble(bw.group(1)))).stripTrailingZeros().toPlainString()
                                : "?");
                    }
                }
            }
        }
        return m;
    }

    /** Ea of analysis/arrhenius_POT_SPECIES/arrhenius.tsv ('mtpj arrhenius') → "pot/species" → {pot, species, Ea_eV, Ea_se_eV, D0_cm2s}. */
    Map<String, String[]> readArrhenius() throws IOException {
        Map<String, String[]> m = new LinkedHashMap<>();
        for (String pot : List.of("classical", "mtp")) {
            for (String sp : List.of("Si", "O")) {
                Path file = demo.resolve("analysis/arrhenius_" + pot + "_" + sp + "/arrhenius.tsv");
                if (!Files.exists(file)) continue;
                Map<String, String[]> rows = new LinkedHashMap<>();
                for (String l : Files.readAllLines(file)) rows.put(l.split("\t")[0], l.split("\t", -1));
                double ea = Double.parseDouble(rows.get("Ea")[1]), se = Double.parseDouble(rows.get("Ea")[2]), d0 = Double.parseDouble(rows.get("D0")[1]);
                m.put(pot + "/" + sp, new String[] {pot, sp, String.format(Locale.ROOT, "%.4f", ea), String.format(Locale.ROOT, "%.4f", se),
                        String.format(Locale.ROOT, "%.4g", d0)});
            }
        }
        return m;
    }

    /** Numeric columns of a TSV with one header line (first ncol columns). */
    static double[][] readColumns(Path file, int ncol) throws IOException {
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

    private String readTimings() throws IOException {
        Path t = demo.resolve("timings.tsv");
        return Files.exists(t) ? Files.readString(t) : "";
    }

    /** inputs.json: sha256 of every input and product, the parameters (seeds included) and versions. */
    private void writeInputs() throws IOException {
        Map<String, Object> in = new LinkedHashMap<>();
        Map<String, Object> files = new LinkedHashMap<>();
        Path repo = Path.of(param("repo"));
        for (String f : List.of("demo/lammps/in.oracle", "demo/lammps/in.md", "demo/lammps/pair.vashishta", "demo/lammps/pair.mtp",
                "scripts/demo", "build/mtpj.jar")) addFile(files, f, repo.resolve(f));
        addFile(files, "potential " + param("potfile"), Path.of(param("potfile")));
        for (String f : List.of("oracle/train.cfg", "oracle/valid.cfg", "oracle/log.lammps", "train/untrained.mtp", "train/pot.mtp",
                "train/pair_min_dist.txt", "train/walls.txt", "grade/state.als", "md/mtp_T" + param("md_temps").trim().split("\\s+")[0] + "/mlip.ini")) addFile(files, f, demo.resolve(f));
        in.put("files_sha256", files);
        in.put("parameters", params);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("java", System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version"));
        v.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        in.put("versions", v);
        writeJson(out.resolve("inputs.json"), in);
    }

    private static void addFile(Map<String, Object> files, String label, Path p) throws IOException {
        if (!Files.isRegularFile(p)) { files.put(label, "missing"); return; }
        try (InputStream s = Files.newInputStream(p)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = s.read(buf)) > 0) md.update(buf, 0, n);
            files.put(label, HexFormat.of().formatHex(md.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- tiny JSON writer (maps, lists, numbers, strings, booleans)
    static void writeJson(Path file, Object value) throws IOException {
        StringBuilder sb = new StringBuilder();
        json(sb, value, "");
        Files.writeString(file, sb.append('\n'));
    }

    private static void json(StringBuilder sb, Object v, String ind) {
        if (v instanceof Map<?, ?> m) {
            sb.append("{");
            String sep = "\n";
            for (Map.Entry<?, ?> e : m.entrySet()) {
                sb.append(sep).append(ind).append("  ");
                str(sb, e.getKey().toString());
                sb.append(": ");
                json(sb, e.getValue(), ind + "  ");
                sep = ",\n";
            }
            sb.append(m.isEmpty() ? "}" : "\n" + ind + "}");
        } else if (v instanceof List<?> l) {
            sb.append("[");
            String sep = "\n";
            for (Object o : l) { sb.append(sep).append(ind).append("  "); json(sb, o, ind + "  "); sep = ",\n"; }
            sb.append(l.isEmpty() ? "]" : "\n" + ind + "]");
        } else if (v instanceof Double d) {
            sb.append(d.isNaN() || d.isInfinite() ? "null" : g(d));
        } else if (v instanceof Number || v instanceof Boolean) {
            sb.append(v);
        } else if (v == null) {
            sb.append("null");
        } else {
            str(sb, v.toString());
        }
    }

    private static void str(StringBuilder sb, String s) {
        sb.append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> { if (c < 0x20) sb.append(String.format("\\u%04x", (int) c)); else sb.append(c); }
            }
        }
        sb.append('"');
    }

    static String g(double v) { return Double.isNaN(v) ? "nan" : String.format(Locale.ROOT, "%.6g", v); }
    static String f1(double v) { return String.format(Locale.ROOT, "%.1f", v); }
    static String f3(double v) { return String.format(Locale.ROOT, "%.3f", v); }
}
