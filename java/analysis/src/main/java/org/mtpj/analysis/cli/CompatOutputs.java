package org.mtpj.analysis.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtpj.analysis.compat.StudyAnalyzer;
import org.mtpj.analysis.compat.StudyMsdTable;
import org.mtpj.analysis.compat.StudyPipeline;
import org.mtpj.analysis.compat.StudyRedifferencing;
import org.mtpj.host.Json;

/** compat_600K.tsv and compat_600K_table.tsv layouts, and the study's exported-table format. */
final class CompatOutputs {
    private CompatOutputs() {}

    static List<String> rows(String caseName, StudyPipeline.Outcome o) {
        String in = o.input() + " (" + describe(o) + ")";
        List<String> r = new ArrayList<>();
        if (o.stageC() != null) {
            StudyAnalyzer.Fit f = o.stageC().fit();
            add(r, caseName, "pmg_D", f.d(), in);
            add(r, caseName, "pmg_D_sigma", f.dStd(), in);
            add(r, caseName, "pmg_D_charge", f.dCharge(), in);
            add(r, caseName, "pmg_D_charge_sigma", f.dChargeStd(), in);
            add(r, caseName, "pmg_D_a", f.dA(), in);
            add(r, caseName, "pmg_D_b", f.dB(), in);
            add(r, caseName, "pmg_D_c", f.dC(), in);
            add(r, caseName, "pmg_Haven_ratio", f.haven(), in);
        }
        StudyRedifferencing.Result d = o.stageD();
        add(r, caseName, "pub_slope_tracer", d.slopeTracer(), in);
        add(r, caseName, "pub_D_tracer", d.dTracer(), in);
        add(r, caseName, "pub_slope_sigma", d.slopeSigma(), in);
        add(r, caseName, "pub_D_sigma", d.dSigma(), in);
        add(r, caseName, "pub_Haven", d.haven(), in);
        return r;
    }

    private static String describe(StudyPipeline.Outcome o) {
        if (o.stageC() == null) return "stage D only";
        return o.inputKind() + ", lexical order, every " + o.parameters().every() + "; " + o.stageC().frames() + " frames";
    }

    private static void add(List<String> r, String c, String q, double v, String in) {
        r.add(c + "\t" + q + "\t" + Tsv.num(v) + "\t" + in);
    }

    static void writeTsv(String caseName, StudyPipeline.Outcome o, Path file) {
        List<String> lines = new ArrayList<>();
        lines.add("case\tquantity\tvalue\tinput");
        lines.addAll(rows(caseName, o));
        Tsv.write(file, lines);
    }

    static void writeTable(StudyMsdTable t, Path file) {
        List<String> lines = new ArrayList<>();
        lines.add("lag\tdt_fs\tMSD_A2\tMSD_a\tMSD_b\tMSD_c\tMSCD_A2");
        for (int k = 0; k < t.rows(); k++)
            lines.add(k + "\t" + Tsv.num(t.dtFs()[k]) + "\t" + Tsv.num(t.msd()[k]) + "\t" + Tsv.num(t.msdA()[k]) + "\t"
                    + Tsv.num(t.msdB()[k]) + "\t" + Tsv.num(t.msdC()[k]) + "\t" + Tsv.num(t.mscd()[k]));
        Tsv.write(file, lines);
    }

    static String json(String caseName, StudyPipeline.Outcome o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("case", caseName);
        m.put("label", StudyPipeline.LABEL);
        m.put("input", o.input());
        m.put("input_kind", o.inputKind());
        Map<String, Object> units = new LinkedHashMap<>();
        units.put("D", "cm^2/s");
        units.put("slope", "A^2/ps");
        m.put("units", units);
        for (String row : rows(caseName, o)) {
            String[] t = row.split("\t");
            m.put(t[1], Json.decimal(t[2]));   // the TSV's number as printed there; nan is null
        }
        return Json.pretty(m);
    }
}
