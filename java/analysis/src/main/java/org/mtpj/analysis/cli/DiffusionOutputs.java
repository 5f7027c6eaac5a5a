package org.mtpj.analysis.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.mtpj.analysis.diffusion.BlockDiffusion;
import org.mtpj.analysis.diffusion.CalibratedFit;
import org.mtpj.analysis.diffusion.DiffusionResult;
import org.mtpj.analysis.diffusion.DiffusiveRegime;
import org.mtpj.analysis.diffusion.RandomWalkErrors;
import org.mtpj.host.Json;

/**
 * The D table in the layout of correct_600K_D.tsv (its five columns first, the OLS error as there),
 * then the calibrated standard error and the diffusive-regime check of the window, and the same as
 * JSON. With block averaging ({@code --blocks}) every row gains the per-block values, the standard
 * error of their mean and the combined error max(calibrated, blocks).
 */
final class DiffusionOutputs {
    private DiffusionOutputs() {}

    static final String HEADER = "case\twindow_ps\tquantity\tvalue_cm2s\tstderr_cm2s\tstderr_calibrated_cm2s\tloglog_slope\tloglog_slope_stderr\tdiffusive";
    static final String BLOCK_COLUMNS = "\tblocks_cm2s\tstderr_blocks_cm2s\tstderr_combined_cm2s";

    /** One row of the table; {@code err} null: no OLS error (Haven, whose OLS cell stays empty as in the reference). */
    private record Quantity(String name, ToDoubleFunction<DiffusionResult> value, ToDoubleFunction<DiffusionResult> err,
                            ToDoubleFunction<RandomWalkErrors> calibrated) {}

    private static final List<Quantity> QUANTITIES = List.of(
            new Quantity("D_tracer", DiffusionResult::dTracer, DiffusionResult::dTracerErr, RandomWalkErrors::dTracerErr),
            new Quantity("D_sigma", DiffusionResult::dSigma, DiffusionResult::dSigmaErr, RandomWalkErrors::dSigmaErr),
            new Quantity("Haven", DiffusionResult::haven, null, RandomWalkErrors::havenErr),
            new Quantity("D_x", DiffusionResult::dX, DiffusionResult::dXErr, RandomWalkErrors::dXErr),
            new Quantity("D_y", DiffusionResult::dY, DiffusionResult::dYErr, RandomWalkErrors::dYErr),
            new Quantity("D_z", DiffusionResult::dZ, DiffusionResult::dZErr, RandomWalkErrors::dZErr));

    static String window(DiffusionResult d) {
        return lagTime(d.tMinPs()) + ":" + lagTime(d.tMaxPs());
    }

    /** A lag time k × spacing (ps) without the binary noise of the product (3 × 0.1 → 0.3). */
    static String lagTime(double ps) {
        return Tsv.compact(Double.parseDouble(String.format(java.util.Locale.ROOT, "%.12g", ps)));
    }

    private static String regimeCells(CalibratedFit f) {
        DiffusiveRegime r = f.errors().regime();
        return Tsv.num(r.slope()) + "\t" + Tsv.num(r.slopeStdErr()) + "\t" + (r.diffusive() ? "yes" : "no");
    }

    /** @param blocks the block analysis of this window, or null */
    static List<String> rows(String caseName, CalibratedFit f, BlockDiffusion blocks) {
        DiffusionResult d = f.ols();
        String w = window(d);
        List<String> r = new ArrayList<>();
        for (Quantity q : QUANTITIES) {
            double cal = q.calibrated().applyAsDouble(f.errors());
            String row = caseName + "\t" + w + "\t" + q.name() + "\t" + Tsv.num(q.value().applyAsDouble(d)) + "\t"
                    + (q.err() == null ? "" : Tsv.num(q.err().applyAsDouble(d))) + "\t" + Tsv.num(cal) + "\t" + regimeCells(f);
            if (blocks != null) {
                double se = blocks.stdErr(q.value());
                StringBuilder list = new StringBuilder();
                for (double v : blocks.values(q.value())) list.append(list.isEmpty() ? "" : ",").append(Tsv.num(v));
                row += "\t" + list + "\t" + Tsv.num(se) + "\t" + Tsv.num(Math.max(cal, se));
            }
            r.add(row);
        }
        return r;
    }

    /**
     * @param abc per result {D_a, se OLS, se calibrated, D_b, ..., D_c, ...} appended as rows, or null
     * @param blocks per result its block analysis, or null
     */
    static void writeTsv(String caseName, List<CalibratedFit> results, List<double[]> abc, List<BlockDiffusion> blocks, Path file) {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER + (blocks != null ? BLOCK_COLUMNS : ""));
        String noBlocks = blocks != null ? "\t\t\t" : "";
        for (int i = 0; i < results.size(); i++) {
            CalibratedFit f = results.get(i);
            lines.addAll(rows(caseName, f, blocks == null ? null : blocks.get(i)));
            if (abc != null) {
                double[] a = abc.get(i);
                for (int k = 0; k < 3; k++)
                    lines.add(caseName + "\t" + window(f.ols()) + "\tD_" + "abc".charAt(k) + "\t" + Tsv.num(a[3 * k]) + "\t" + Tsv.num(a[3 * k + 1])
                            + "\t" + Tsv.num(a[3 * k + 2]) + "\t" + regimeCells(f) + noBlocks);
            }
        }
        Tsv.write(file, lines);
    }

    static String json(String caseName, String species, List<CalibratedFit> results, List<BlockDiffusion> blocks, int frames,
                       double spacingPs, int atoms) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("case", caseName);
        m.put("species", species);
        Map<String, Object> units = new LinkedHashMap<>();
        units.put("D", "cm^2/s");
        units.put("time", "ps");
        units.put("msd", "A^2");
        m.put("units", units);
        m.put("stderr", "calibrated: random-walk covariance of the multi-origin MSD; *_stderr_ols: ordinary least squares (too small)");
        m.put("frames", frames);
        m.put("frame_spacing_ps", spacingPs);
        m.put("mobile_atoms", atoms);
        List<Map<String, Object>> windows = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            CalibratedFit f = results.get(i);
            DiffusionResult d = f.ols();
            DiffusiveRegime r = f.errors().regime();
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("t_min_ps", d.tMinPs());
            w.put("t_max_ps", d.tMaxPs());
            w.put("points", d.points());
            w.put("min_independent_origins", d.minIndependentOrigins());
            w.put("loglog_slope", r.slope());
            w.put("loglog_slope_stderr", r.slopeStdErr());
            // the parts of the diffusive check: each half of the window, and the lags after it up to half the run
            w.put("loglog_slope_first_half", r.startSlope());
            w.put("loglog_slope_second_half", r.endSlope());
            w.put("loglog_slope_later", r.laterSlope());
            w.put("diffusive", r.diffusive());
            for (Quantity q : QUANTITIES) {
                w.put(q.name(), q.value().applyAsDouble(d));
                w.put(q.name() + "_stderr", q.calibrated().applyAsDouble(f.errors()));
                if (q.err() != null) w.put(q.name() + "_stderr_ols", q.err().applyAsDouble(d));
            }
            if (blocks != null) w.put("blocks", blocksJson(f, blocks.get(i)));
            windows.add(w);
        }
        m.put("windows", windows);
        return Json.pretty(m);
    }

    private static Map<String, Object> blocksJson(CalibratedFit f, BlockDiffusion bd) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("count", bd.count());
        b.put("t_min_ps", bd.tMinPs());
        b.put("t_max_ps", bd.tMaxPs());
        for (Quantity q : QUANTITIES) {
            double se = bd.stdErr(q.value());
            b.put(q.name(), bd.values(q.value()));
            b.put(q.name() + "_mean", bd.mean(q.value()));
            b.put(q.name() + "_stderr", se);
            b.put(q.name() + "_stderr_combined", Math.max(q.calibrated().applyAsDouble(f.errors()), se));
        }
        return b;
    }
}
