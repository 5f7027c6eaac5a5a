package org.mtpj.analysis.voltage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mtpj.analysis.lro.PyNumbers;
import org.mtpj.host.AtomicOutput;

/**
 * The voltage TSV ({@code case quantity value}, the layout of {@code voltage_synthetic.tsv}).
 * Rows: {@code V_avg_<x0>_<xN>} (whole range), {@code hull_<a>_<b>} (plateaus),
 * {@code Ef_x<x>} (formation energy, eV per V2O5), then every pair {@code V_avg_<x1>_<x2>} and
 * {@code E_above_hull_x<x>} (eV per V2O5). Compositions in shortest form (0, 0.125, 1).
 */
public final class VoltageReport {
    private VoltageReport() {}

    /** One output row. */
    public record Row(String quantity, double value) {}

    public static List<Row> rows(VoltageProfile p) {
        double[] x = p.x();
        int n = x.length - 1;
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("V_avg_" + s(x[0]) + "_" + s(x[n]), p.averageVoltage(0, n)));
        for (VoltageProfile.Plateau pl : p.plateaus())
            rows.add(new Row("hull_" + s(pl.x1()) + "_" + s(pl.x2()), pl.voltage()));
        for (int i = 0; i <= n; i++) rows.add(new Row("Ef_x" + s(x[i]), p.formationEnergy(i)));
        for (int i = 0; i <= n; i++)
            for (int j = i + 1; j <= n; j++)
                if (!(i == 0 && j == n)) rows.add(new Row("V_avg_" + s(x[i]) + "_" + s(x[j]), p.averageVoltage(i, j)));
        for (int i = 0; i <= n; i++) rows.add(new Row("E_above_hull_x" + s(x[i]), p.aboveHull(i)));
        return rows;
    }

    public static void write(Path out, String caseName, List<Row> rows) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        AtomicOutput.write(out, StandardCharsets.UTF_8, w -> {
            w.write("case\tquantity\tvalue\n");
            for (Row r : rows) w.write(caseName + "\t" + r.quantity() + "\t" + PyNumbers.repr(r.value()) + "\n");
        });
    }

    private static String s(double x) { return PyNumbers.shortest(x); }
}
