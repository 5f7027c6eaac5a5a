package org.mtpj.analysis.lro;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.mtpj.host.AtomicOutput;

/**
 * The TSV files of {@code mtpj lro}, in the layouts of the references {@code lro.tsv}
 * ({@code input Z quantity value direction_hkl}) and {@code lro_sphere_300K.tsv}
 * ({@code i nx ny nz order}); numbers as Python writes them.
 */
public final class LroTables {
    private LroTables() {}

    public static final String HEADER = "input\tZ\tquantity\tvalue\tdirection_hkl\n";

    /** The rows of one result (no header). */
    public static String rows(LroResult r) {
        StringBuilder sb = new StringBuilder();
        String pre = r.input() + "\t" + r.z() + "\t";
        sb.append(pre).append("dims\t").append(r.dimsText()).append("\t\n");
        for (int i = 0; i < r.directions().size(); i++) {
            String hkl = r.directions().get(i).label();
            sb.append(pre).append("order\t").append(PyNumbers.repr(r.order()[i])).append('\t').append(hkl).append('\n');
            sb.append(pre).append("order_angstrom\t").append(PyNumbers.repr(r.orderAngstrom()[i])).append('\t').append(hkl).append('\n');
        }
        SphereSummary s = r.sphere();
        String q = "sphere" + s.order().length + "_";
        String suffix = r.angstromSphere() ? "_order_angstrom" : "_order";
        sb.append(pre).append(q).append("min").append(suffix).append('\t').append(PyNumbers.repr(s.min())).append("\t\n");
        sb.append(pre).append(q).append("max").append(suffix).append('\t').append(PyNumbers.repr(s.max())).append("\t\n");
        sb.append(pre).append(q).append("mean").append(suffix).append('\t').append(PyNumbers.repr(s.mean())).append("\t\n");
        sb.append(pre).append("colorbar_ticks\t").append(s.ticksText()).append("\t\n");
        return sb.toString();
    }

    public static void writeResult(Path file, List<LroResult> results) throws IOException {
        AtomicOutput.write(file, StandardCharsets.UTF_8, w -> {
            w.write(HEADER);
            for (LroResult r : results) w.write(rows(r));
        });
    }

    public static void writeSphere(Path file, SphereSummary s, boolean angstrom) throws IOException {
        AtomicOutput.write(file, StandardCharsets.UTF_8, w -> {
            w.write("i\tnx\tny\tnz\t" + (angstrom ? "order_angstrom" : "order") + "\n");
            double[][] d = s.directions();
            for (int k = 0; k < d.length; k++)
                w.write(k + "\t" + PyNumbers.repr(d[k][0]) + "\t" + PyNumbers.repr(d[k][1]) + "\t" + PyNumbers.repr(d[k][2])
                        + "\t" + PyNumbers.repr(s.order()[k]) + "\n");
        });
    }
}
