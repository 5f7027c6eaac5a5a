package org.mtpj.analysis.lro;

import org.mtpj.core.UserError;
import org.mtpj.core.io.PythonNumbers;

/** A lattice direction [h k l] (integers or decimals) as given by the user, e.g. "1,-1,0". */
public record Direction(double h, double k, double l, String label) {
    /** The directions reported by default: the axes, face and body diagonals. */
    public static final java.util.List<Direction> DEFAULTS = java.util.List.of(
            of(0, 0, 1), of(1, 0, 0), of(0, 1, 0), of(1, 1, 0), of(1, 0, 1), of(0, 1, 1), of(1, 1, 1));

    public static Direction of(int h, int k, int l) { return new Direction(h, k, l, h + " " + k + " " + l); }

    /** A column-name form: "001" for single-digit non-negative integers, else "1_-1_0". */
    public String key() {
        String[] t = label.split(" ");
        boolean compact = true;
        for (String c : t) compact &= c.matches("\\d");
        return compact ? String.join("", t) : String.join("_", t);
    }

    /** Parses "h,k,l" (commas or spaces); refuses non-numbers and zero length. */
    public static Direction parse(String text) {
        String[] t = text.strip().split("[,\\s]+");
        if (t.length != 3) throw new UserError("--hkl '" + text + "': expected three components h,k,l such as 0,0,1");
        double[] v = new double[3];
        StringBuilder label = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            try {
                v[i] = Double.parseDouble(t[i]);
            } catch (NumberFormatException e) {
                throw new UserError("--hkl '" + text + "': '" + t[i] + "' is not a number");
            }
            if (!Double.isFinite(v[i])) throw new UserError("--hkl '" + text + "': components must be finite");
            label.append(i == 0 ? "" : " ").append(PythonNumbers.compact(v[i]));
        }
        if (v[0] == 0 && v[1] == 0 && v[2] == 0)
            throw new UserError("--hkl '" + text + "': a direction of zero length has no order");
        return new Direction(v[0], v[1], v[2], label.toString());
    }
}
