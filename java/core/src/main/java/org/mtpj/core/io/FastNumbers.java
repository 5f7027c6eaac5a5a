package org.mtpj.core.io;

import java.nio.charset.StandardCharsets;

/**
 * Number parsing straight from bytes. Decimal numbers with at most 15 significant digits and a
 * small power of ten are converted exactly (one correctly rounded IEEE division or
 * multiplication); everything else goes through {@link Double#parseDouble}, so the result always
 * equals {@code Double.parseDouble} of the same text.
 */
public final class FastNumbers {
    private FastNumbers() {}

    private static final double[] POW10 = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    /** Parses b[s..e); returns NaN when the text is not a finite number. */
    public static double parseDouble(byte[] b, int s, int e) {
        int i = s;
        if (i >= e) return Double.NaN;
        boolean neg = false;
        if (b[i] == '-') { neg = true; i++; }
        else if (b[i] == '+') i++;
        long m = 0;
        int digits = 0, exp10 = 0;
        boolean any = false;
        while (i < e && b[i] >= '0' && b[i] <= '9') {
            any = true;
            if (m != 0 || b[i] != '0') {
                if (digits < 18) { m = m * 10 + (b[i] - '0'); digits++; }
                else exp10++;
            }
            i++;
        }
        if (i < e && b[i] == '.') {
            i++;
            while (i < e && b[i] >= '0' && b[i] <= '9') {
                any = true;
                if (m != 0 || b[i] != '0') {
                    if (digits < 18) { m = m * 10 + (b[i] - '0'); digits++; exp10--; }
                } else {
                    exp10--;
                }
                i++;
            }
        }
        if (!any) return slow(b, s, e);
        if (i < e && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean eneg = false;
            if (i < e && (b[i] == '-' || b[i] == '+')) { eneg = b[i] == '-'; i++; }
            int ex = 0;
            boolean ed = false;
            while (i < e && b[i] >= '0' && b[i] <= '9') {
                ed = true;
                if (ex < 100000) ex = ex * 10 + (b[i] - '0');
                i++;
            }
            if (!ed) return Double.NaN;
            exp10 += eneg ? -ex : ex;
        }
        if (i != e) return slow(b, s, e);
        if (m == 0) return neg ? -0.0 : 0.0;
        if (digits <= 15 && exp10 >= -22 && exp10 <= 22) {
            double v = exp10 < 0 ? m / POW10[-exp10] : m * POW10[exp10];
            return neg ? -v : v;
        }
        return slow(b, s, e);
    }

    private static double slow(byte[] b, int s, int e) {
        String t = new String(b, s, e - s, StandardCharsets.ISO_8859_1);
        for (int k = 0; k < t.length(); k++) {
            char c = t.charAt(k);
            // Double.parseDouble accepts "NaN", "Infinity", hex and a 'd'/'f' suffix: none is a dump number
            if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) return Double.NaN;
        }
        try {
            double v = Double.parseDouble(t);
            return Double.isFinite(v) ? v : Double.NaN;
        } catch (NumberFormatException ex) {
            return Double.NaN;
        }
    }

    /** Parses a decimal integer in b[s..e); Long.MIN_VALUE when it is not one. */
    public static long parseLong(byte[] b, int s, int e) {
        int i = s;
        if (i >= e) return Long.MIN_VALUE;
        boolean neg = false;
        if (b[i] == '-') { neg = true; i++; }
        else if (b[i] == '+') i++;
        if (i >= e || e - i > 18) return Long.MIN_VALUE;
        long v = 0;
        for (; i < e; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) return Long.MIN_VALUE;
            v = v * 10 + d;
        }
        return neg ? -v : v;
    }
}
