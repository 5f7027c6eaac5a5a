package org.mtpj.lammps.log;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mtpj.core.io.InputFormatException;

/**
 * Per-step potential energy and virial-only pressure tensor printed beside a dump, e.g. by
 * {@code fix print N "$(step) ${pe} ${vol} ${pxx} ..." title "# step pe vol pxx pyy pzz pxy pxz pyz"}
 * with the pressures of {@code compute pressure NULL virial}: the labels of a configuration whose
 * positions and forces the dump holds.
 *
 * <p>Format: the first line names the columns (a leading {@code #} and unit suffixes such as
 * {@code pe(eV)} are ignored; case does not matter), then one row of numbers per step. Columns:
 * {@code step} and {@code pe} (eV) are required; {@code vol} (Å³) and the six pressures
 * {@code pxx pyy pzz pxy pxz pyz} (bar, LAMMPS' order) are optional; others are ignored.
 */
public final class EnergyVirialTable {
    /** eV per bar·Å³ (1 bar = 1e5 Pa, 1 Å³ = 1e-30 m³, 1 eV = 1.602176634e-19 J). */
    public static final double EV_PER_BAR_A3 = 1 / org.mtpj.core.io.LammpsUnits.BAR_A3_PER_EV;

    /** One step: {@code volume} NaN and {@code pressureBar} null when the table has no such columns. */
    public record Row(long step, double energy, double volume, double[] pressureBar, int line) {
        /**
         * PlusStress (eV, the virial: positive under compression) in .cfg order xx yy zz yz xz xy:
         * P_virial·V. The kinetic part must not be in P (a virial-only pressure compute).
         */
        public double[] plusStress(double volumeA3) {
            if (pressureBar == null) return null;
            double f = volumeA3 * EV_PER_BAR_A3;
            double[] p = pressureBar;
            return new double[] {p[0] * f, p[1] * f, p[2] * f, p[5] * f, p[4] * f, p[3] * f};
        }
    }

    private static final List<String> PRESSURES = List.of("pxx", "pyy", "pzz", "pxy", "pxz", "pyz");

    public final Path file;
    private final Map<Long, Row> rows;

    private EnergyVirialTable(Path file, Map<Long, Row> rows) {
        this.file = file;
        this.rows = rows;
    }

    /** The row of a step, or null. */
    public Row at(long step) { return rows.get(step); }

    public int size() { return rows.size(); }

    public boolean hasPressures() { return rows.values().stream().anyMatch(r -> r.pressureBar() != null); }

    public static EnergyVirialTable read(Path file) {
        List<String> lines = ThermoLog.lines(file);
        String name = file.toString();
        int head = 0;
        while (head < lines.size() && lines.get(head).isBlank()) head++;
        if (head == lines.size()) throw new InputFormatException(name, 1, "empty; expected a header line naming the columns (step pe ...)");
        String[] cols = words(lines.get(head).strip().replaceFirst("^#\\s*", ""));
        Map<String, Integer> at = new HashMap<>();
        for (int c = 0; c < cols.length; c++) at.putIfAbsent(cols[c].replaceFirst("\\(.*\\)$", "").toLowerCase(Locale.ROOT), c);
        Integer cStep = at.get("step"), cPe = at.get("pe"), cVol = at.get("vol");
        if (cStep == null || cPe == null)
            throw new InputFormatException(name, head + 1, "the header must name the columns 'step' and 'pe' (eV), got: " + String.join(" ", cols));
        int[] cP = new int[6];
        int found = 0;
        for (int k = 0; k < 6; k++) {
            Integer c = at.get(PRESSURES.get(k));
            cP[k] = c == null ? -1 : c;
            if (c != null) found++;
        }
        if (found != 0 && found != 6)
            throw new InputFormatException(name, head + 1, "give all six pressures pxx pyy pzz pxy pxz pyz (bar) or none, got: " + String.join(" ", cols));
        Map<Long, Row> rows = new HashMap<>();
        for (int ln = head + 1; ln < lines.size(); ln++) {
            String t = lines.get(ln).strip();
            if (t.isEmpty() || t.startsWith("#")) continue;
            String[] w = words(t);
            if (w.length != cols.length)
                throw new InputFormatException(name, ln + 1, "expected " + cols.length + " numbers (" + String.join(" ", cols) + "), got " + w.length);
            long step = (long) number(name, ln, w[cStep]);
            double[] p = null;
            if (found == 6) {
                p = new double[6];
                for (int k = 0; k < 6; k++) p[k] = number(name, ln, w[cP[k]]);
            }
            Row r = new Row(step, number(name, ln, w[cPe]), cVol == null ? Double.NaN : number(name, ln, w[cVol]), p, ln + 1);
            if (rows.put(step, r) != null) throw new InputFormatException(name, ln + 1, "step " + step + " appears twice");
        }
        if (rows.isEmpty()) throw new InputFormatException(name, head + 1, "no rows after the header");
        return new EnergyVirialTable(file, rows);
    }

    private static String[] words(String s) {
        return s.isEmpty() ? new String[0] : s.split("\\s+");
    }

    private static double number(String file, int ln, String s) {
        try {
            double v = Double.parseDouble(s);
            if (!Double.isFinite(v)) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw new InputFormatException(file, ln + 1, "expected a finite number, got '" + s + "'");
        }
    }
}
