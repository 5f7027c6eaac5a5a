package org.mtpj.analysis.lro;

import java.math.BigDecimal;

/**
 * Numbers written the way Python's {@code repr(float)} writes them (shortest round-trip digits,
 * scientific only below 1e-4 or from 1e16), so our TSV files read like the references and diff
 * cleanly against them. Also the "shortest form" of a composition (0, 0.125, 1).
 */
public final class PyNumbers {
    private PyNumbers() {}

    /** Python repr of a double: 0.1 → "0.1", 1.0 → "1.0", 1e-5 → "1e-05", NaN → "nan". */
    public static String repr(double v) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (v == 0) return (1 / v < 0) ? "-0.0" : "0.0";
        double a = Math.abs(v);
        // Both languages write the same plain shortest digits in this range (the common case, fast).
        if (a >= 1e-3 && a < 1e7) return Double.toString(v);
        // Double.toString gives the shortest round-trip digits (JDK 19+); re-layout them.
        BigDecimal d = new BigDecimal(Double.toString(Math.abs(v))).stripTrailingZeros();
        String digits = d.unscaledValue().toString();
        int exp10 = digits.length() - 1 - d.scale(); // value = 0.d1d2.. × 10^(exp10+1)
        String sign = v < 0 ? "-" : "";
        if (exp10 < -4 || exp10 >= 16) {
            String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String e = (exp10 < 0 ? "-" : "+") + (Math.abs(exp10) < 10 ? "0" : "") + Math.abs(exp10);
            return sign + mant + "e" + e;
        }
        String plain = d.toPlainString();
        if (!plain.contains(".")) plain += ".0";
        return sign + plain;
    }

    /** A composition in shortest form: 0.0 → "0", 0.125 → "0.125", 1.0 → "1". */
    public static String shortest(double x) {
        if (x == 0) return "0";
        return new BigDecimal(Double.toString(x)).stripTrailingZeros().toPlainString();
    }
}
