package org.mtpj.analysis.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mtpj.analysis.diffusion.DiffusionResult;

/** The D table in the layout of correct_600K_D.tsv, and the same as JSON. */
final class DiffusionOutputs {
    private DiffusionOutputs() {}

    static final String HEADER = "case\twindow_ps\tquantity\tvalue_cm2s\tstderr_cm2s";

    static String window(DiffusionResult d) {
        return Tsv.compact(d.tMinPs()) + "-" + Tsv.compact(d.tMaxPs());
    }

    static List<String> rows(String caseName, DiffusionResult d) {
        String w = window(d);
        List<String> r = new ArrayList<>();
        r.add(caseName + "\t" + w + "\tD_tracer\t" + Tsv.num(d.dTracer()) + "\t" + Tsv.num(d.dTracerErr()));
        r.add(caseName + "\t" + w + "\tD_sigma\t" + Tsv.num(d.dSigma()) + "\t" + Tsv.num(d.dSigmaErr()));
        r.add(caseName + "\t" + w + "\tHaven\t" + Tsv.num(d.haven()) + "\t");
        r.add(caseName + "\t" + w + "\tD_x\t" + Tsv.num(d.dX()) + "\t" + Tsv.num(d.dXErr()));
        r.add(caseName + "\t" + w + "\tD_y\t" + Tsv.num(d.dY()) + "\t" + Tsv.num(d.dYErr()));
        r.add(caseName + "\t" + w + "\tD_z\t" + Tsv.num(d.dZ()) + "\t" + Tsv.num(d.dZErr()));
        return r;
    }

    /** @param abc per result {D_a, se, D_b, se, D_c, se} appended as rows, or null */
    static void writeTsv(String caseName, List<DiffusionResult> results, List<double[]> abc, Path file) {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        for (int i = 0; i < results.size(); i++) {
            DiffusionResult d = results.get(i);
            lines.addAll(rows(caseName, d));
            if (abc != null) {
                double[] a = abc.get(i);
                for (int k = 0; k < 3; k++)
                    lines.add(caseName + "\t" + window(d) + "\tD_" + "abc".charAt(k) + "\t" + Tsv.num(a[2 * k]) + "\t" + Tsv.num(a[2 * k + 1]));
            }
        }
        Tsv.write(file, lines);
    }

    static String json(String caseName, String species, List<DiffusionResult> results, int frames, double spacingPs, int atoms) {
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
                    .append(", \"D_z\": ").append(Tsv.json(d.dZ())).append(", \"D_z_stderr\": ").append(Tsv.json(d.dZErr())).append("}")
                    .append(i + 1 < results.size() ? ",\n" : "\n");
        }
        b.append("  ]\n}\n");
        return b.toString();
    }
}
