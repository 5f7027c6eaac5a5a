package org.mtpj.analysis.voltage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mtpj.host.InputFiles;
import org.mtpj.core.io.TextLines;
import org.mtpj.core.io.InputFormatException;

/**
 * Energies of Mg_x V2O5 cells: Mg content x per V2O5 unit (strictly increasing) and the total
 * energy per V2O5 unit (eV). Read from a TSV with a header line and two columns {@code x},
 * {@code E_eV_per_V2O5} (tabs or spaces; '#' comments and blank lines ignored).
 */
public record EnergyTable(double[] x, double[] energy) {
    public EnergyTable {
        if (x.length != energy.length) throw new IllegalArgumentException("x and energy differ in length");
    }

    public int size() { return x.length; }

    /** Reads and checks the table: at least two rows, finite numbers, x strictly increasing. */
    public static EnergyTable read(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        try (TextLines in = InputFiles.openLines(file)) {
            for (String l; (l = in.nextOrNull()) != null; ) lines.add(l);
        }
        String name = file.toString();
        List<double[]> rows = new ArrayList<>();
        List<Integer> lineNos = new ArrayList<>();
        boolean headerSeen = false;
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).strip();
            if (t.isEmpty() || t.startsWith("#")) continue;
            String[] tok = t.split("[\\s,]+");
            if (!headerSeen && !looksNumeric(tok[0])) { headerSeen = true; continue; }
            headerSeen = true;
            if (tok.length < 2)
                throw new InputFormatException(name, i + 1, "expected two columns: x and energy per V2O5 unit (eV), got '" + t + "'");
            double xv = parse(tok[0], name, i + 1, "Mg content x");
            double ev = parse(tok[1], name, i + 1, "energy per V2O5 unit (eV)");
            rows.add(new double[] {xv, ev});
            lineNos.add(i + 1);
        }
        if (rows.size() < 2)
            throw new InputFormatException(name, Math.max(1, lines.size()), "expected at least two compositions (rows x, energy) by the end of the file, found " + rows.size());
        double[] x = new double[rows.size()], e = new double[rows.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = rows.get(i)[0];
            e[i] = rows.get(i)[1];
            if (x[i] < 0) throw new InputFormatException(name, lineNos.get(i), "Mg content x must be >= 0, got " + x[i]);
            if (i > 0 && x[i] == x[i - 1])
                throw new InputFormatException(name, lineNos.get(i), "composition x=" + x[i] + " appears twice (each x once)");
            if (i > 0 && x[i] < x[i - 1])
                throw new InputFormatException(name, lineNos.get(i), "compositions must be sorted by increasing x: " + x[i] + " after " + x[i - 1]);
        }
        return new EnergyTable(x, e);
    }

    private static boolean looksNumeric(String s) {
        try { Double.parseDouble(s); return true; } catch (NumberFormatException e) { return false; }
    }

    private static double parse(String s, String file, int line, String what) {
        try {
            double v = Double.parseDouble(s);
            if (!Double.isFinite(v)) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw new InputFormatException(file, line, "expected a finite number (" + what + "), got '" + s + "'");
        }
    }
}
