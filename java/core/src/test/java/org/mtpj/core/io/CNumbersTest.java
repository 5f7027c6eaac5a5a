package org.mtpj.core.io;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** Expected strings are C printf output (glibc), checked once against 200k random doubles. */
class CNumbersTest {
    @Test
    void sciIsExactLikeC() {
        assertEquals("5.4000000000000004e-01", CNumbers.sci(0.54, 16)); // Java's %.16e says ...000e-01
        assertEquals("1.0000000000000001e-01", CNumbers.sci(0.1, 16));
        assertEquals("3.3333333333333331e-01", CNumbers.sci(1.0 / 3, 16));
        assertEquals("6.6666666666666668e-301", CNumbers.sci(2.0 / 3 * 1e-300, 16));
        assertEquals("4.9406564584124654e-324", CNumbers.sci(Double.MIN_VALUE, 16));
        assertEquals("4.940656458412465e-324", CNumbers.sci(Double.MIN_VALUE, 15));
        assertEquals("1.797693134862316e+308", CNumbers.sci(Double.MAX_VALUE, 15));
        assertEquals("9.9999999999999992e+22", CNumbers.sci(1e23, 16));
        assertEquals("7.000000000000000e+00", CNumbers.sci(7, 15));
        assertEquals("0.0000000000000000e+00", CNumbers.sci(0, 16));
        assertEquals("-0.0000000000000000e+00", CNumbers.sci(-0.0, 16));
        assertEquals("-6.741377815801988e+00", CNumbers.sci(-6.741377815801988, 15));
    }

    @Test
    void generalIsCppDefaultStream() {
        assertEquals("0.333333", CNumbers.general(1.0 / 3, 6));
        assertEquals("6.66667e-301", CNumbers.general(2.0 / 3 * 1e-300, 6));
        assertEquals("123457", CNumbers.general(123456.789, 6));
        assertEquals("1e+23", CNumbers.general(1e23, 6));
        assertEquals("0", CNumbers.general(0, 6));
        assertEquals("2.117", CNumbers.general(2.117, 6));
        assertEquals("0.0001", CNumbers.general(1e-4, 6));
        assertEquals("1e-05", CNumbers.general(1e-5, 6));
        assertEquals("1e+06", CNumbers.general(999999.7, 6));
        assertEquals("inf", CNumbers.general(Double.POSITIVE_INFINITY, 6));
        assertEquals("nan", CNumbers.general(Double.NaN, 6));
    }

    @Test
    void fixedRoundsTheExactValue() {
        assertEquals("     0.540000", CNumbers.fixed(0.54, 13, 6));
        assertEquals("123456.789000", CNumbers.fixed(123456.789, 13, 6));
        assertEquals("   -1.00000", CNumbers.fixed(-0.999999, 11, 5));
        assertEquals("        7", CNumbers.integer(7, 9));
    }

    @Test
    void strictDecimals() {
        for (String ok : new String[] {"1", "2.", ".5", "-6.74E+00", "+1e-3", "007"}) assertTrue(CNumbers.isDecimal(ok), ok);
        for (String bad : new String[] {"", "NaN", "Infinity", "1d", "1f", "0x1p3", "1e", "-", ".", "1..2", "1e+", "--1"})
            assertFalse(CNumbers.isDecimal(bad), bad);
    }
}
