package org.mtpj.analysis.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.mtpj.analysis.diffusion.BlockDiffusion;
import org.mtpj.analysis.diffusion.CalibratedFit;
import org.mtpj.analysis.diffusion.DiffusionResult;
import org.mtpj.analysis.diffusion.DiffusiveRegime;
import org.mtpj.analysis.diffusion.RandomWalkErrors;

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
        return lagTime(d.tMinPs()) + "-" + lagTime(d.tMaxPs());
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
        StringBuilder b = new StringBuilder("{\n");
        b.append("  \"case\": ").append(Tsv.quote(caseName)).append(",\n");
        b.append("  \"species\": ").append(Tsv.quote(species)).append(",\n");
        b.append("  \"units\": {\"D\": \"cm^2/s\", \"time\": \"ps\", \"msd\": \"A^2\"},\n");
        b.append("  \"stderr\": \"calibrated: random-walk covariance of the multi-origin MSD; *_stderr_ols: ordinary least squares (too small)\",\n");
        b.append("  \"frames\": ").append(frames).append(", \"frame_spacing_ps\": ").append(Tsv.json(spacingPs))
                .append(", \"mobile_atoms\": ").append(atoms).append(",\n");
        b.append("  \"windows\": [\n");
        for (int i = 0; i < results.size(); i++) {
            CalibratedFit f = results.get(i);
            DiffusionResult d = f.ols();
            DiffusiveRegime r = f.errors().regime();
            b.append("    {\"t_min_ps\": ").append(Tsv.json(d.tMinPs())).append(", \"t_max_ps\": ").append(Tsv.json(d.tMaxPs()))
                    .append(", \"points\": ").append(d.points())
                    .append(", \"min_independent_origins\": ").append(d.minIndependentOrigins()).append(",\n");
            b.append("     \"loglog_slope\": ").append(Tsv.json(r.slope())).append(", \"loglog_slope_stderr\": ").append(Tsv.json(r.slopeStdErr()))
                    .append(", \"diffusive\": ").append(r.diffusive());
            for (Quantity q : QUANTITIES) {
                b.append(",\n     \"").append(q.name()).append("\": ").append(Tsv.json(q.value().applyAsDouble(d)))
                        .append(", \"").append(q.name()).append("_stderr\": ").append(Tsv.json(q.calibrated().applyAsDouble(f.errors())));
                if (q.err() != null) b.append(", \"").append(q.name()).append("_stderr_ols\": ").append(Tsv.json(q.err().applyAsDouble(d)));
            }
            if (blocks != null) b.append(",\n").append(blocksJson(f, blocks.get(i)));
            b.append("}").append(i + 1 < results.size() ? ",\n" : "\n");
        }
        b.append("  ]\n}\n");
        return b.toString();
    }

    private static String blocksJson(CalibratedFit f, BlockDiffusion bd) {
        StringBuilder b = new StringBuilder("     \"blocks\": {\"count\": ").append(bd.count())
                .append(", \"t_min_ps\": ").append(Tsv.json(bd.tMinPs())).append(", \"t_max_ps\": ").append(Tsv.json(bd.tMaxPs()));
        for (Quantity q : QUANTITIES) {
            double se = bd.stdErr(q.value());
            b.append(",\n       \"").append(q.name()).append("\": [");
            double[] v = bd.values(q.value());
            for (int k = 0; k < v.length; k++) b.append(k > 0 ? ", " : "").append(Tsv.json(v[k]));
            b.append("], \"").append(q.name()).append("_mean\": ").append(Tsv.json(bd.mean(q.value())))
                    .append(", \"").append(q.name()).append("_stderr\": ").append(Tsv.json(se))
                    .append(", \"").append(q.name()).append("_stderr_combined\": ")
                    .append(Tsv.json(Math.max(q.calibrated().applyAsDouble(f.errors()), se)));
        }
        return b.append("}").toString();
    }
}
