package org.mtpj.core.io.vasp;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** VASP's columns: the fast decimal path gives the JDK parser's double; merged columns split. */
class FortranNumbersTest {
    @Test
    void sameDoubleAsTheJdkParser() {
        Random r = new Random(7);
        double[] one = new double[1];
        for (int k = 0; k < 200_000; k++) {
            int decimals = 1 + r.nextInt(12);
            String text = String.format(Locale.ROOT, "%." + decimals + "f", (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(7)));
            assertEquals(1, FortranNumbers.parse(text, 0, one), text);
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(text)), Double.doubleToRawLongBits(one[0]), text);
        }
        for (String t : new String[] {"-0.00000", "1.5E-05", "-2.25e+03", "1.0D-02", "12345678901234567.5", "0.1234567890123456789"}) {
            assertEquals(1, FortranNumbers.parse(t, 0, one), t);
            assertEquals(Double.parseDouble(t.replace('D', 'E')), one[0], t);
        }
    }

    @Test
    void columnsThatTouchAreSplitAndJunkIsRefused() {
        double[] v = new double[6];
        assertEquals(4, FortranNumbers.parse("  Total  -1058.83424-1058.83424 1.5E-05-2.0".substring(9), 0, v));
        assertArrayEquals(new double[] {-1058.83424, -1058.83424, 1.5e-5, -2.0}, java.util.Arrays.copyOf(v, 4));
        assertEquals(-1, FortranNumbers.parse("1.0 ***** 2.0", 0, v));
        assertEquals(-1, FortranNumbers.parse("1 2 3 4 5 6 7", 0, v), "more numbers than asked for");
        assertEquals(-1, FortranNumbers.parse("1.0e", 0, v));
        assertEquals(-1, FortranNumbers.parse("NaN", 0, v));
        assertEquals(-1, FortranNumbers.parse("1.0e\u0663", 0, v), "only ASCII digits");
    }
}
