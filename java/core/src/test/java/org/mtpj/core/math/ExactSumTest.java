package org.mtpj.core.math;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExactSumTest {
    /** Terms over many decades with cancellation: the naive sum loses digits, the exact one is BigDecimal's rounding. */
    @Test
    void everySumIsTheCorrectlyRoundedExactSum() {
        Random rnd = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + rnd.nextInt(300);
            ExactSum acc = new ExactSum(1);
            BigDecimal exact = BigDecimal.ZERO;
            for (int t = 0; t < n; t++) {
                double x = (rnd.nextDouble() - 0.5) * Math.pow(10, rnd.nextInt(40) - 20);
                if (t % 7 == 3) x = -x * 1e16;   // large terms that cancel
                acc.add(0, x);
                exact = exact.add(new BigDecimal(x));
            }
            double want = exact.round(new MathContext(60, RoundingMode.HALF_EVEN)).doubleValue();
            assertEquals(want, acc.get(0), 0.0, "trial " + trial);
        }
    }

    /** 1e16 + 1 − 1e16 in any order is 1; the naive left-to-right sum gives 0 or 2. */
    @Test
    void cancellationKeepsTheSmallTerm() {
        ExactSum acc = new ExactSum(1);
        acc.add(0, 1e16); acc.add(0, 1); acc.add(0, -1e16);
        assertEquals(1.0, acc.get(0), 0.0);
        assertEquals(0.0, (1e16 + 1) - 1e16, 0.0, "the naive sum this replaces");
    }

    /** Any order, any split into partial accumulators merged or exchanged as state: the same bits. */
    @Test
    void orderSplitAndStateExchangeDoNotChangeTheBits() {
        Random rnd = new Random(11);
        List<double[]> terms = new ArrayList<>();
        for (int t = 0; t < 500; t++) {
            double[] v = new double[5];
            for (int k = 0; k < 5; k++) v[k] = rnd.nextGaussian() * Math.pow(2, rnd.nextInt(120) - 60);
            terms.add(v);
        }
        ExactSum serial = new ExactSum(5);
        for (double[] v : terms) serial.addAll(v);
        double[] want = serial.get();
        for (int parts : new int[] {2, 3, 7}) {
            Collections.shuffle(terms, rnd);
            ExactSum total = new ExactSum(5);
            long[] summed = new long[total.state().length];
            for (int p = 0; p < parts; p++) {
                ExactSum part = new ExactSum(5);
                for (int t = p; t < terms.size(); t += parts) part.addAll(terms.get(t));
                long[] s = part.state();
                for (int k = 0; k < s.length; k++) summed[k] += s[k];   // what an MPI integer sum does
            }
            total.setState(summed);
            assertArrayEquals(want, total.get(), 0.0, parts + " parts");
        }
    }

    @Test
    void nonFiniteTermsGiveNaNAndTheWholeRangeIsExact() {
        ExactSum acc = new ExactSum(4);
        acc.add(0, Double.NaN);
        acc.add(1, Double.NEGATIVE_INFINITY); acc.add(1, 1);
        acc.add(2, Double.MAX_VALUE); acc.add(2, -Double.MAX_VALUE); acc.add(2, Double.MIN_VALUE); acc.add(2, Double.MIN_VALUE);
        acc.add(3, 3e-300); acc.add(3, -1e-300);
        assertTrue(Double.isNaN(acc.get(0)));
        assertTrue(Double.isNaN(acc.get(1)));
        assertEquals(2 * Double.MIN_VALUE, acc.get(2), 0.0);
        assertEquals(new BigDecimal(3e-300).subtract(new BigDecimal(1e-300)).doubleValue(), acc.get(3), 0.0);
    }
}
