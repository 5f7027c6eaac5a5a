package org.mtpj.analysis.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.mtpj.analysis.diffusion.BlockDiffusion;
import org.mtpj.analysis.diffusion.DiffusionResult;

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
        StringBuilder b = new StringBuilder("{\n");
        b.append("  \"case\": ").append(Tsv.quote(caseName)).append(",\n");
        b.append("  \"species\": ").append(Tsv.quote(species)).append(",\n");
        b.append("  \"units\": {\"D\": \"cm^2/s\", \"time\": \"ps\", \"msd\": \"A^2\"},\n");
        b.append("  \"frames\": ").append(frames).append(", \"frame_spacing_ps\": ").append(Tsv.json(spacingPs))
                .append(", \"mobile_atoms\": ").append(atoms).append(",\n");
        b.append("  \"windows\": [\n");
        for (int i = 0; i < results.size(); i++) {
            DiffusionResult d = results.get(i);
            b.append("    {\"t_min_ps\": ").append(Tsv.json(d.tMinPs())).append(", \"t_max_ps\": ").append(Tsv.json(d.tMaxPs()))
                    .append(", \"points\": ").append(d.points())
                    .append(", \"min_independent_origins\": ").append(d.minIndependentOrigins()).append(",\n");
            b.append("     \"D_tracer\": ").append(Tsv.json(d.dTracer())).append(", \"D_tracer_stderr\": ").append(Tsv.json(d.dTracerErr())).append(",\n");
            b.append("     \"D_sigma\": ").append(Tsv.json(d.dSigma())).append(", \"D_sigma_stderr\": ").append(Tsv.json(d.dSigmaErr())).append(",\n");
            b.append("     \"Haven\": ").append(Tsv.json(d.haven())).append(", \"Haven_stderr\": ").append(Tsv.json(d.havenErr())).append(",\n");
            b.append("     \"D_x\": ").append(Tsv.json(d.dX())).append(", \"D_x_stderr\": ").append(Tsv.json(d.dXErr()))
                    .append(", \"D_y\": ").append(Tsv.json(d.dY())).append(", \"D_y_stderr\": ").append(Tsv.json(d.dYErr()))
                    .append(", \"D_z\": ").append(Tsv.json(d.dZ())).append(", \"D_z_stderr\": ").append(Tsv.json(d.dZErr()));
            if (blocks != null) b.append(",\n").append(blocksJson(d, blocks.get(i)));
            b.append("}").append(i + 1 < results.size() ? ",\n" : "\n");
        }
        b.append("  ]\n}\n");
        return b.toString();
    }

    private static String blocksJson(DiffusionResult d, BlockDiffusion bd) {
        StringBuilder b = new StringBuilder("     \"blocks\": {\"count\": ").append(bd.count())
                .append(", \"t_min_ps\": ").append(Tsv.json(bd.tMinPs())).append(", \"t_max_ps\": ").append(Tsv.json(bd.tMaxPs()));
        for (Quantity q : QUANTITIES) {
            double se = bd.stdErr(q.value());
            b.append(",\n       \"").append(q.name()).append("\": [");
            double[] v = bd.values(q.value());
            for (int k = 0; k < v.length; k++) b.append(k > 0 ? ", " : "").append(Tsv.json(v[k]));
            b.append("], \"").append(q.name()).append("_mean\": ").append(Tsv.json(bd.mean(q.value())))
                    .append(", \"").append(q.name()).append("_stderr\": ").append(Tsv.json(se))
                    .append(", \"").append(q.name()).append("_stderr_combined\": ").append(Tsv.json(combined(q, d, se)));
        }
        return b.append("}").toString();
    }
}
