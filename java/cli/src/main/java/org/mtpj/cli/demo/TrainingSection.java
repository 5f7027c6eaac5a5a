package org.mtpj.cli.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mtpj.core.UserError;
import org.mtpj.core.model.Configuration;
import org.mtpj.host.CfgFiles;

/**
 * Report phase 2: the learned MTP's errors (train/errors_*.txt from calc-errors) as errors.tsv,
 * and the force parity plot of the held-out set (train/efs_valid.cfg from calc-efs).
 */
final class TrainingSection {
    /** calc-errors key, name in errors.tsv and summary.json, unit. */
    private static final String[][] QUANTITIES = {
            {"Energy per atom/RMS absolute difference", "energy_rmse_per_atom", "eV/atom"},
            {"Energy per atom/Average absolute difference", "energy_mae_per_atom", "eV/atom"},
            {"Forces/RMS absolute difference", "force_rmse_component", "eV/Å"},
            {"Forces/Average absolute difference", "force_mae", "eV/Å"},
            {"Forces/RMS(ForceDiff) / RMS(Force)", "force_rms_relative", "1"},
            {"Stresses (in GPa)/RMS absolute difference", "stress_rmse", "GPa"}};

    private final Map<String, Double> train, valid;
    private final String errorsTsv;
    private final Map<String, Object> errorsJson;
    /** Held-out force components: reference and MTP, or null without efs_valid.cfg. */
    private final double[] reference, predicted;
    private final int validCount;
    private final double parityRmse;

    private TrainingSection(Map<String, Double> train, Map<String, Double> valid, String errorsTsv, Map<String, Object> errorsJson,
                            double[] reference, double[] predicted, int validCount, double parityRmse) {
        this.train = train;
        this.valid = valid;
        this.errorsTsv = errorsTsv;
        this.errorsJson = errorsJson;
        this.reference = reference;
        this.predicted = predicted;
        this.validCount = validCount;
        this.parityRmse = parityRmse;
    }

    static TrainingSection read(Path demo, List<Configuration> valid) throws IOException {
        Map<String, Double> ev = MlipErrorReportReader.read(demo.resolve("train/errors_valid.txt"));
        Map<String, Double> et = MlipErrorReportReader.read(demo.resolve("train/errors_train.txt"));
        StringBuilder errTsv = new StringBuilder("set\tquantity\tvalue\tunit\n");
        Map<String, Object> errJson = new LinkedHashMap<>();
        for (String set : List.of("train", "valid")) {
            Map<String, Double> e = set.equals("train") ? et : ev;
            Map<String, Object> one = new LinkedHashMap<>();
            for (String[] k : QUANTITIES) {
                Double v = e.get(k[0]);
                if (v == null) throw new UserError("demo report: '" + k[0] + "' missing in train/errors_" + set + ".txt");
                errTsv.append(set).append('\t').append(k[1]).append('\t').append(ReportFormat.g(v)).append('\t').append(k[2]).append('\n');
                one.put(k[1], v);
            }
            errJson.put(set, one);
        }
        // parity from the held-out configurations (reference vs calc-efs output)
        Path efs = demo.resolve("train/efs_valid.cfg");
        if (!Files.exists(efs)) return new TrainingSection(et, ev, errTsv.toString(), errJson, null, null, valid.size(), Double.NaN);
        List<Configuration> pred = CfgFiles.readAll(efs);
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
        return new TrainingSection(et, ev, errTsv.toString(), errJson, r, p, valid.size(), Math.sqrt(ss / n));
    }

    void writeFiles(Path out) throws IOException {
        Files.writeString(out.resolve("errors.tsv"), errorsTsv);
        if (reference != null)
            DemoPlots.parity(reference, predicted, String.format(Locale.ROOT, "Forces on %d held-out configurations: RMSE %.3f eV/Å", validCount, parityRmse),
                    out.resolve("parity_forces"));
    }

    void putJson(Map<String, Object> json) {
        json.put("errors", errorsJson);
        json.put("parity_force_rmse_component", parityRmse);
    }

    String markdown(Map<String, String> p) {
        StringBuilder s = new StringBuilder("## 2. MTP training and errors on held-out configurations\n\n");
        s.append(String.format(Locale.ROOT, "`mtpj new-potential` level %s, 2 species, R_cut %s Å (R_min %s Å), radial basis %s; `mtpj train` " +
                        "(%s BFGS iterations at most; weights energy %s, force %s, stress %s), then `mtpj calc-errors`.%n%n",
                p.get("level"), p.get("rcut"), p.get("min_dist"), p.get("rbsize"), p.get("max_iter"), p.get("w_energy"), p.get("w_force"), p.get("w_stress")));
        s.append("| quantity | training | held-out |\n|---|---|---|\n");
        row(s, "energy RMSE (meV/atom)", 1e3, "Energy per atom/RMS absolute difference");
        row(s, "force RMSE per component (eV/Å)", 1, "Forces/RMS absolute difference");
        row(s, "force RMS relative error", 1, "Forces/RMS(ForceDiff) / RMS(Force)");
        row(s, "stress RMSE (GPa)", 1, "Stresses (in GPa)/RMS absolute difference");
        s.append('\n');
        if (reference != null) s.append(String.format(Locale.ROOT, "![force parity](parity_forces.png)%n%nForce parity on the held-out set (RMSE %.3f eV/Å per component).%n%n", parityRmse));
        return s.toString();
    }

    private void row(StringBuilder s, String label, double scale, String key) {
        s.append("| ").append(label).append(" | ").append(String.format(Locale.ROOT, "%.4g", train.get(key) * scale)).append(" | ")
                .append(String.format(Locale.ROOT, "%.4g", valid.get(key) * scale)).append(" |\n");
    }
}
