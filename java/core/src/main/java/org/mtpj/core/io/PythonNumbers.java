package org.mtpj.core.io;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Numbers written the way Python writes them, for the tables whose references come from Python
 * (the analysis TSVs): {@link #repr} is Python's {@code repr(float)} (shortest round-trip digits,
 * scientific only below 1e-4 or from 1e16), so a computed value keeps every bit and our files diff
 * cleanly against the references. {@link #compact} drops the ".0" of integral values (windows,
 * temperatures, compositions), and {@link #decimal} removes the binary noise of a label computed
 * as a product of decimals (3 × 0.1 ps is 0.30000000000000004 in binary, it means 0.3).
 *
 * <p>The other number texts live beside it: {@link CNumbers} (C's printf, for MLIP-2's files) and
 * {@link FastNumbers} (parsing from bytes).
 */
public final class PythonNumbers {
    private PythonNumbers() {}

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

    /** Like {@link #repr} but integral values without ".0": 0.0 → "0", 0.125 → "0.125", 600.0 → "600". */
    public static String compact(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return repr(v);
    }

    /** Significant digits of a label: a product of two decimals of up to 6 digits each is exact in 12. */
    private static final MathContext LABEL_DIGITS = new MathContext(12, RoundingMode.HALF_EVEN);

    /**
     * The decimal a computed label means (a lag k × spacing, a time step × timestep): v rounded to
     * 12 significant digits, so 3 × 0.1 = 0.30000000000000004 gives 0.3. For labels only; a
     * computed quantity keeps its bits ({@link #repr}).
     */
    public static double decimal(double v) {
        if (!Double.isFinite(v) || v == 0) return v;
        return new BigDecimal(v).round(LABEL_DIGITS).doubleValue();
    }

    /** A label in a name or a message (window bound, lag time, temperature): {@link #compact} of its {@link #decimal}. */
    public static String label(double v) { return compact(decimal(v)); }
}
