package org.mtpj.core.io;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Fixed-point formatting that rounds the exact binary value (as C printf and Python's '%.6f' do),
 * keeping the minus sign of values that round to zero ("-0.000000"). Java's {@code %.6f} rounds a
 * shortest decimal string instead and can differ in the last digit.
 */
public final class DecimalFormatting {
    private DecimalFormatting() {}

    public static String fixed(double x, int decimals) {
        if (!Double.isFinite(x)) return Double.toString(x);
        String s = new BigDecimal(x).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
        if (s.charAt(0) != '-' && (x < 0 || (x == 0 && 1 / x < 0))) s = "-" + s;
        return s;
    }
}
