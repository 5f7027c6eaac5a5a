package org.mtpj.core.io.vasp;

/**
 * Numbers in VASP's fixed-width Fortran columns. A column that fills its width runs into its left
 * neighbour ({@code -1058.83424-1058.83424}), so a minus sign right after a digit or a point also
 * starts a new number; a minus after an exponent letter does not.
 */
final class FortranNumbers {
    private FortranNumbers() {}

    /**
     * Parses up to out.length numbers of line from index from on; returns how many it found, or -1
     * when a field is not a number (or there are more than out.length).
     */
    static int parse(String line, int from, double[] out) {
        int n = 0, i = from, len = line.length();
        while (true) {
            while (i < len && line.charAt(i) <= ' ') i++;
            if (i >= len) return n;
            int s = i;
            i++;
            while (i < len) {
                char c = line.charAt(i);
                if (c <= ' ') break;
                if (c == '-' ) {
                    char p = line.charAt(i - 1);
                    if ((p >= '0' && p <= '9') || p == '.') break;
                }
                i++;
            }
            if (n == out.length) return -1;
            double v = parseDecimal(line, s, i);
            if (Double.isNaN(v)) return -1;
            out[n++] = v;
        }
    }

    private static final double[] POW10 = new double[23];
    static {
        double p = 1;
        for (int k = 0; k < POW10.length; k++) { POW10[k] = p; p *= 10; }
    }

    /** A plain decimal number (sign, digits, point, exponent with E, e, D or d), else NaN. */
    static double parseDecimal(String line, int s, int e) {
        int i = s;
        boolean negative = false;
        if (i < e && (line.charAt(i) == '-' || line.charAt(i) == '+')) negative = line.charAt(i++) == '-';
        int digits = 0, decimals = 0;
        long mantissa = 0;
        for (char c; i < e && (c = line.charAt(i)) >= '0' && c <= '9'; i++, digits++) mantissa = 10 * mantissa + (c - '0');
        if (i < e && line.charAt(i) == '.') {
            i++;
            for (char c; i < e && (c = line.charAt(i)) >= '0' && c <= '9'; i++, digits++, decimals++) mantissa = 10 * mantissa + (c - '0');
        }
        if (digits == 0) return Double.NaN;
        if (i == e && digits <= 15) {
            // fixed point with at most 15 digits: an exact integer over an exact power of ten, one correctly
            // rounded division, so the same double as Double.parseDouble (the usual fast path), without its cost
            double v = mantissa / POW10[decimals];
            return negative ? -v : v;
        }
        boolean fortranD = false;
        if (i < e) {
            char c = line.charAt(i);
            if (c != 'E' && c != 'e' && c != 'D' && c != 'd') return Double.NaN;
            fortranD = c == 'D' || c == 'd';
            i++;
            if (i < e && (line.charAt(i) == '-' || line.charAt(i) == '+')) i++;
            int ed = 0;
            while (i < e && line.charAt(i) >= '0' && line.charAt(i) <= '9') { i++; ed++; }
            if (ed == 0 || i != e) return Double.NaN;
        }
        String t = line.substring(s, e);
        return Double.parseDouble(fortranD ? t.replace('D', 'E').replace('d', 'e') : t);
    }
}
