package org.mtpj.core.io;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Number text exactly as C's printf writes it ({@code %.Ne}, {@code %W.Nf}, {@code %g}) and strict
 * decimal parsing.
 *
 * <p>Why not {@link String#format}: Java's {@code %e}/{@code %f} round the <em>shortest</em>
 * decimal representation of a double, not its exact binary value, and pad with zeros beyond it
 * ({@code String.format("%.16e", 0.54)} gives {@code 5.4000000000000000e-01}, C gives
 * {@code 5.4000000000000004e-01}). MLIP-2 files are written by C, so byte-identical output needs
 * the exact value, which {@link BigDecimal#BigDecimal(double)} provides.
 */
public final class CNumbers {
    private CNumbers() {}

    private static final MathContext[] CONTEXTS = new MathContext[40];
    static {
        for (int i = 1; i < CONTEXTS.length; i++) CONTEXTS[i] = new MathContext(i, RoundingMode.HALF_EVEN);
    }

    /** C's {@code %.<digitsAfterPoint>e}, e.g. sci(7.0, 15) = "7.000000000000000e+00". */
    public static String sci(double v, int digitsAfterPoint) {
        StringBuilder sb = new StringBuilder(digitsAfterPoint + 8);
        appendSci(sb, v, digitsAfterPoint);
        return sb.toString();
    }

    /** Appends C's {@code %.<digitsAfterPoint>e} of v to sb. */
    public static void appendSci(StringBuilder sb, double v, int digitsAfterPoint) {
        if (!Double.isFinite(v)) { appendNonFinite(sb, v); return; }
        int sig = digitsAfterPoint + 1;
        if (v == 0) {
            if (Double.doubleToRawLongBits(v) < 0) sb.append('-');
            sb.append('0');
            if (digitsAfterPoint > 0) { sb.append('.'); sb.repeat('0', digitsAfterPoint); }
            sb.append("e+00");
            return;
        }
        if (appendFast(sb, v, digitsAfterPoint)) return;
        String digits;
        int exp10;
        {
            BigDecimal bd = new BigDecimal(Math.abs(v)).round(CONTEXTS[Math.min(sig, CONTEXTS.length - 1)]);
            String u = bd.unscaledValue().toString();
            // value = u * 10^-scale; normalise to sig digits
            exp10 = u.length() - 1 - bd.scale();
            if (u.length() < sig) u = u + "0".repeat(sig - u.length());
            else if (u.length() > sig) u = u.substring(0, sig); // trailing zeros only
            digits = u;
        }
        appendScientific(sb, v < 0, digits, digitsAfterPoint, exp10);
    }

    /** Writes d.ddd…e±XX from the sig = digitsAfterPoint + 1 leading characters of digits. */
    private static void appendScientific(StringBuilder sb, boolean negative, String digits, int digitsAfterPoint, int exp10) {
        if (negative) sb.append('-');
        sb.append(digits.charAt(0));
        if (digitsAfterPoint > 0) sb.append('.').append(digits, 1, digitsAfterPoint + 1);
        sb.append('e').append(exp10 < 0 ? '-' : '+');
        int ae = Math.abs(exp10);
        if (ae < 10) sb.append('0');
        sb.append(ae);
    }

    private static final double[] POW10 = new double[23];
    private static final long[] LPOW10 = new long[19];
    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) { POW10[i] = p; p *= 10; }
        long q = 1;
        for (int i = 0; i < LPOW10.length; i++) { LPOW10[i] = q; q *= 10; }
    }

    private static boolean appendFast(StringBuilder sb, double value, int digitsAfterPoint) {
        int sig = digitsAfterPoint + 1;
        if (sig > 17) return false;
        double v = Math.abs(value);
        int e = (int) Math.floor(Math.log10(v));
        for (int attempt = 0; attempt < 3; attempt++) {
            int k = sig - 1 - e;
            if (k < 0 || k > 22) return false;
            double p = POW10[k];
            double hi = v * p;
            double lo = Math.fma(v, p, -hi);
            double lowBound = LPOW10[sig - 1], highBound = LPOW10[sig];
            if (hi < lowBound) { e--; continue; }
            if (hi >= highBound) { e++; continue; }
            double hf = Math.floor(hi);
            long n;
            if (hf == hi) {
                if (Math.abs(lo - Math.rint(lo)) == 0.5) return false; // tie: parity of the total decides
                n = (long) hi + (long) Math.rint(lo);
            } else {
                double f = hi - hf;
                if (f > 0.5) n = (long) hf + 1;
                else if (f < 0.5) n = (long) hf;
                else if (lo > 0) n = (long) hf + 1;
                else if (lo < 0) n = (long) hf;
                else return false; // exact tie
            }
            if (n < (long) lowBound) { e--; continue; }
            if (n >= LPOW10[sig]) { n /= 10; e++; } // rounded up to 10^sig: 1000...0
            appendScientific(sb, value < 0, Long.toString(n), digitsAfterPoint, e);
            return true;
        }
        return false;
    }

    /** C's {@code %<width>.<decimals>f}: fixed point, right-aligned in width (0 = no padding). */
    public static String fixed(double v, int width, int decimals) {
        String s;
        if (!Double.isFinite(v)) {
            StringBuilder sb = new StringBuilder();
            appendNonFinite(sb, v);
            s = sb.toString();
        } else {
            BigDecimal bd = new BigDecimal(v).setScale(decimals, RoundingMode.HALF_EVEN);
            s = bd.toPlainString();
            if (bd.signum() == 0 && (Double.doubleToRawLongBits(v) < 0) && !s.startsWith("-")) s = "-" + s;
        }
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    /** C's {@code %<width>d}. */
    public static String integer(long v, int width) {
        String s = Long.toString(v);
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    /**
     * C's {@code %.<precision>g} (C++ default stream output is precision 6): scientific when the
     * exponent is < -4 or >= precision, trailing zeros removed.
     */
    public static String general(double v, int precision) {
        if (!Double.isFinite(v)) {
            StringBuilder sb = new StringBuilder();
            appendNonFinite(sb, v);
            return sb.toString();
        }
        int p = precision == 0 ? 1 : precision;
        if (v == 0) return Double.doubleToRawLongBits(v) < 0 ? "-0" : "0";
        BigDecimal bd = new BigDecimal(v).round(CONTEXTS[p]);
        String u = bd.unscaledValue().abs().toString();
        int x = u.length() - 1 - bd.scale(); // decimal exponent after rounding
        String out;
        if (x < -4 || x >= p) {
            String s = sci(v, p - 1);
            int ePos = s.indexOf('e');
            out = stripZeros(s.substring(0, ePos)) + s.substring(ePos);
        } else {
            out = stripZeros(new BigDecimal(v).setScale(p - 1 - x, RoundingMode.HALF_EVEN).toPlainString());
        }
        return out;
    }

    private static String stripZeros(String s) {
        if (s.indexOf('.') < 0) return s;
        int end = s.length();
        while (s.charAt(end - 1) == '0') end--;
        if (s.charAt(end - 1) == '.') end--;
        return s.substring(0, end);
    }

    private static void appendNonFinite(StringBuilder sb, double v) {
        if (Double.isNaN(v)) sb.append("nan");
        else sb.append(v < 0 ? "-inf" : "inf");
    }

    /**
     * Whether s is a plain decimal number as C's strtod reads it from MLIP-2 files: optional sign,
     * digits with an optional point, optional exponent. Rejects NaN, Infinity, hex and Java's
     * d/f suffixes, which {@link Double#parseDouble} would accept.
     */
    public static boolean isDecimal(CharSequence s) { return isDecimal(s, 0, s.length()); }

    /** {@link #isDecimal(CharSequence)} of s[from, to), without a String for it. */
    public static boolean isDecimal(CharSequence s, int from, int to) { return decimalEnd(s, from, to) == to; }

    /**
     * Where the plain decimal number (as {@link #isDecimal}) that starts at s[from] ends, at most
     * at to; -1 when none starts there. A parser's hot loop finds a word's end and checks its
     * form in this one pass.
     */
    public static int decimalEnd(CharSequence s, int from, int to) {
        int n = to, i = from;
        if (n == i) return -1;
        char c = s.charAt(i);
        if (c == '+' || c == '-') i++;
        int digits = 0;
        while (i < n && isDigit(s.charAt(i))) { i++; digits++; }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) { i++; digits++; }
        }
        if (digits == 0) return -1;
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
            int ed = 0;
            while (i < n && isDigit(s.charAt(i))) { i++; ed++; }
            if (ed == 0) return -1;
        }
        return i;
    }

    /** Whether s is an optionally signed decimal integer. */
    public static boolean isInteger(CharSequence s) { return isInteger(s, 0, s.length()); }

    /** {@link #isInteger(CharSequence)} of s[from, to). */
    public static boolean isInteger(CharSequence s, int from, int to) { return integerEnd(s, from, to) == to; }

    /** Where the optionally signed integer that starts at s[from] ends, at most at to; -1 when none does. */
    public static int integerEnd(CharSequence s, int from, int to) {
        int n = to, i = from;
        if (n == i) return -1;
        if (s.charAt(i) == '+' || s.charAt(i) == '-') i++;
        int start = i;
        while (i < n && isDigit(s.charAt(i))) i++;
        return i == start ? -1 : i;
    }

    private static boolean isDigit(char c) { return c >= '0' && c <= '9'; }
}
