package org.mtpj.analysis.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.mtpj.analysis.diffusion.BlockDiffusion;
import org.mtpj.analysis.diffusion.DiffusionResult;
import org.mtpj.common.Json;

/**
 * The D table in the layout of correct_600K_D.tsv, and the same as JSON. With block averaging
 * ({@code --blocks}) every row gains the per-block values, the standard error of their mean and
 * the combined error max(OLS, blocks).
 */
final class DiffusionOutputs {
    private DiffusionOutputs() {}

    static final String HEADER = "case\twindow_ps\tquantity\tvalue_cm2s\tstderr_cm2s";
    static final String BLOCK_COLUMNS = "\tblocks_cm2s\tstderr_blocks_cm2s\tstderr_combined_cm2s";

    /** One row of the table; {@code err} null: no OLS error (Haven, whose TSV cell stays empty). */
    private record Quantity(String name, ToDoubleFunction<DiffusionResult> value, ToDoubleFunction<DiffusionResult> err) {}

    private static final List<Quantity> QUANTITIES = List.of(
            new Quantity("D_tracer", DiffusionResult::dTracer, DiffusionResult::dTracerErr),
            new Quantity("D_sigma", DiffusionResult::dSigma, DiffusionResult::dSigmaErr),
            new Quantity("Haven", DiffusionResult::haven, null),
            new Quantity("D_x", DiffusionResult::dX, DiffusionResult::dXErr),
            new Quantity("D_y", DiffusionResult::dY, DiffusionResult::dYErr),
            new Quantity("D_z", DiffusionResult::dZ, DiffusionResult::dZErr));

    static String window(DiffusionResult d) {
        return Tsv.compact(d.tMinPs()) + "-" + Tsv.compact(d.tMaxPs());
    }

    /** @param blocks the block analysis of this window, or null */
    static List<String> rows(String caseName, DiffusionResult d, BlockDiffusion blocks) {
        String w = window(d);
        List<String> r = new ArrayList<>();
        for (Quantity q : QUANTITIES) {
            String row = caseName + "\t" + w + "\t" + q.name() + "\t" + Tsv.num(q.value().applyAsDouble(d)) + "\t"
                    + (q.err() == null ? "" : Tsv.num(q.err().applyAsDouble(d)));
            if (blocks != null) {
                double se = blocks.stdErr(q.value());
                StringBuilder list = new StringBuilder();
                for (double v : blocks.values(q.value())) list.append(list.isEmpty() ? "" : ",").append(Tsv.num(v));
                row += "\t" + list + "\t" + Tsv.num(se) + "\t" + Tsv.num(combined(q, d, se));
            }
            r.add(row);
        }
        return r;
    }

    /** The error to quote: the larger of the OLS error and the block error (OLS underestimates correlated MSD noise). */
    private static double combined(Quantity q, DiffusionResult d, double blockErr) {
        return q.err() == null ? blockErr : Math.max(q.err().applyAsDouble(d), blockErr);
    }

    /**
     * @param abc per result {D_a, se, D_b, se, D_c, se} appended as rows, or null
     * @param blocks per result its block analysis, or null
     */
    static void writeTsv(String caseName, List<DiffusionResult> results, List<double[]> abc, List<BlockDiffusion> blocks, Path file) {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER + (blocks != null ? BLOCK_COLUMNS : ""));
        String noBlocks = blocks != null ? "\t\t\t" : "";
        for (int i = 0; i < results.size(); i++) {
            DiffusionResult d = results.get(i);
            lines.addAll(rows(caseName, d, blocks == null ? null : blocks.get(i)));
            if (abc != null) {
                double[] a = abc.get(i);
                for (int k = 0; k < 3; k++)
                    lines.add(caseName + "\t" + window(d) + "\tD_" + "abc".charAt(k) + "\t" + Tsv.num(a[2 * k]) + "\t" + Tsv.num(a[2 * k + 1]) + noBlocks);
            }
        }
        Tsv.write(file, lines);
    }

    static String json(String caseName, String species, List<DiffusionResult> results, List<BlockDiffusion> blocks, int frames,
                       double spacingPs, int atoms) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("case", caseName);
        m.put("species", species);
        Map<String, Object> units = new LinkedHashMap<>();
        units.put("D", "cm^2/s");
        units.put("time", "ps");
        units.put("msd", "A^2");
        m.put("units", units);
        m.put("frames", frames);
        m.put("frame_spacing_ps", spacingPs);
        m.put("mobile_atoms", atoms);
        List<Map<String, Object>> windows = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            DiffusionResult d = results.get(i);
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("t_min_ps", d.tMinPs());
            w.put("t_max_ps", d.tMaxPs());
            w.put("points", d.points());
            w.put("min_independent_origins", d.minIndependentOrigins());
            w.put("D_tracer", d.dTracer());
            w.put("D_tracer_stderr", d.dTracerErr());
            w.put("D_sigma", d.dSigma());
            w.put("D_sigma_stderr", d.dSigmaErr());
            w.put("Haven", d.haven());
            w.put("Haven_stderr", d.havenErr());
            w.put("D_x", d.dX());
            w.put("D_x_stderr", d.dXErr());
            w.put("D_y", d.dY());
            w.put("D_y_stderr", d.dYErr());
            w.put("D_z", d.dZ());
            w.put("D_z_stderr", d.dZErr());
            if (blocks != null) w.put("blocks", blocksJson(d, blocks.get(i)));
            windows.add(w);
        }
        m.put("windows", windows);
        return Json.pretty(m);
    }

    private static Map<String, Object> blocksJson(DiffusionResult d, BlockDiffusion bd) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("count", bd.count());
        b.put("t_min_ps", bd.tMinPs());
        b.put("t_max_ps", bd.tMaxPs());
        for (Quantity q : QUANTITIES) {
            double se = bd.stdErr(q.value());
            b.put(q.name(), bd.values(q.value()));
            b.put(q.name() + "_mean", bd.mean(q.value()));
            b.put(q.name() + "_stderr", se);
            b.put(q.name() + "_stderr_combined", combined(q, d, se));
        }
        return b;
    }
}
