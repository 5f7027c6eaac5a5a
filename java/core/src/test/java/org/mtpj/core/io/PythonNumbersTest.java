package org.mtpj.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Expected strings are CPython 3's repr() of the same doubles (written down once from python3). */
class PythonNumbersTest {
    @Test
    void reprIsPythons() {
        assertEquals("0.0", PythonNumbers.repr(0.0));
        assertEquals("-0.0", PythonNumbers.repr(-0.0));
        assertEquals("2.645000000000006", PythonNumbers.repr(2.645000000000006));
        assertEquals("-0.20000000000000284", PythonNumbers.repr(-0.20000000000000284));
        assertEquals("1e-05", PythonNumbers.repr(1e-5));
        assertEquals("0.0001", PythonNumbers.repr(1e-4));
        assertEquals("1.5e+16", PythonNumbers.repr(1.5e16));
        assertEquals("1e+22", PythonNumbers.repr(1e22));
        assertEquals("1234567.0", PythonNumbers.repr(1234567.0));
        assertEquals("123456789012.5", PythonNumbers.repr(123456789012.5));
        assertEquals("-3.4309270604771522e-06", PythonNumbers.repr(-3.4309270604771522e-06));
        assertEquals("0.3333333333333333", PythonNumbers.repr(1.0 / 3));
        assertEquals("0.30000000000000004", PythonNumbers.repr(3 * 0.1));   // a computed value keeps its bits
        assertEquals("nan", PythonNumbers.repr(Double.NaN));
    }

    @Test
    void compactDropsTheZeroFractionOfIntegers() {
        assertEquals("0", PythonNumbers.compact(0.0));
        assertEquals("0.125", PythonNumbers.compact(0.125));
        assertEquals("1", PythonNumbers.compact(1.0));
        assertEquals("600", PythonNumbers.compact(600.0));
        assertEquals("1e-05", PythonNumbers.compact(1e-5));
    }

    /** Python: 3*0.1 = 0.30000000000000004, 17*0.1 = 1.7000000000000002, 7*0.025 = 0.17500000000000002, 3000*0.0001 = 0.30000000000000004. */
    @Test
    void labelsLoseTheBinaryNoiseOfTheirProduct() {
        assertEquals("0.3", PythonNumbers.label(3 * 0.1));
        assertEquals("1.7", PythonNumbers.label(17 * 0.1));
        assertEquals("0.175", PythonNumbers.label(7 * 0.025));
        assertEquals("0.3", PythonNumbers.label(3000 * 0.0001));
        assertEquals("12.346", PythonNumbers.label(12346 * 0.001));
        assertEquals("50", PythonNumbers.label(25 * 2.0));
        assertEquals("0.3", PythonNumbers.repr(PythonNumbers.decimal(3 * 0.1)));
        assertEquals("2.0", PythonNumbers.repr(PythonNumbers.decimal(2.0)));
        assertEquals(0.0, PythonNumbers.decimal(0.0));
        // a label with a real 12th digit keeps it
        assertEquals("1234.56789012", PythonNumbers.label(1234.56789012));
    }
}
