package org.mtpj.core.math;

import java.math.BigInteger;

/**
 * Sums of many arrays of doubles that do not depend on the order of the terms: each term is added
 * exactly, as an integer multiple of 2^{@value #LOW_EXPONENT}, into 32-bit limbs held in longs (so
 * about 2^30 terms fit before a limb could overflow), and the total is rounded to a double once, at
 * the end. Two accumulators merge by adding limbs, which is exact too; so a training loss summed
 * over configurations gives the same bits for any thread count and any number of MPI ranks (the
 * limbs are what ranks exchange, with an integer sum).
 *
 * <p>Every finite double is held exactly (2^-1074 is the smallest subnormal), so the result is the
 * exact sum rounded to nearest, ties to even; a NaN or infinite term makes the total NaN. Cost:
 * {@value #LIMBS} longs per sum, a few integer additions per term.
 */
public final class ExactSum {
    static final int LOW_EXPONENT = -1074;
    private static final int HIGH_EXPONENT = 1024;
    /** Limbs per element: the window plus room for a mantissa that starts in the last limb. */
    static final int LIMBS = (HIGH_EXPONENT - LOW_EXPONENT) / 32 + 3;
    private static final long MASK = 0xFFFF_FFFFL;

    private final int length;
    private final long[] limbs;
    private final boolean[] invalid;

    /** An accumulator of {@code length} independent sums, all zero. */
    public ExactSum(int length) {
        this.length = length;
        this.limbs = new long[length * LIMBS];
        this.invalid = new boolean[length];
    }

    public int length() { return length; }

    /** Adds x to sum i. */
    public void add(int i, double x) {
        if (x == 0) return;
        long bits = Double.doubleToRawLongBits(x);
        int biased = (int) ((bits >>> 52) & 0x7FF);
        if (biased == 0x7FF) { invalid[i] = true; return; }
        long m = bits & 0x000F_FFFF_FFFF_FFFFL;
        int e; // x = ±m · 2^e
        if (biased == 0) e = -1074;
        else { m |= 1L << 52; e = biased - 1075; }
        int shift = e - LOW_EXPONENT;
        int limb = shift >>> 5, off = shift & 31;
        long lo = (m & MASK) << off, hi = (m >>> 32) << off; // < 2^63 and < 2^53
        int base = i * LIMBS + limb;
        if (bits < 0) {
            limbs[base] -= lo & MASK;
            limbs[base + 1] -= (lo >>> 32) + (hi & MASK);
            limbs[base + 2] -= hi >>> 32;
        } else {
            limbs[base] += lo & MASK;
            limbs[base + 1] += (lo >>> 32) + (hi & MASK);
            limbs[base + 2] += hi >>> 32;
        }
    }

    /** Adds x[k] to sum k for every k. */
    public void addAll(double[] x) {
        for (int k = 0; k < x.length; k++) add(k, x[k]);
    }

    /** Adds another accumulator of the same length, sum by sum (exact). */
    public void merge(ExactSum other) {
        if (other.length != length) throw new IllegalArgumentException("lengths " + other.length + " and " + length);
        for (int k = 0; k < limbs.length; k++) limbs[k] += other.limbs[k];
        for (int k = 0; k < length; k++) invalid[k] |= other.invalid[k];
    }

    /**
     * The state as longs (limbs, then one flag per sum), for an integer sum over MPI ranks;
     * {@link #setState} takes the summed array back.
     */
    public long[] state() {
        long[] s = java.util.Arrays.copyOf(limbs, limbs.length + length);
        for (int k = 0; k < length; k++) s[limbs.length + k] = invalid[k] ? 1 : 0;
        return s;
    }

    public void setState(long[] s) {
        if (s.length != limbs.length + length) throw new IllegalArgumentException("state of " + s.length + " longs");
        System.arraycopy(s, 0, limbs, 0, limbs.length);
        for (int k = 0; k < length; k++) invalid[k] = s[limbs.length + k] != 0;
    }

    /** Sum i rounded to the nearest double (NaN after a non-finite or out-of-window term). */
    public double get(int i) {
        if (invalid[i]) return Double.NaN;
        int base = i * LIMBS, top = LIMBS - 1, low = 0;
        while (top >= 0 && limbs[base + top] == 0) top--;
        if (top < 0) return 0;
        while (limbs[base + low] == 0) low++;
        BigInteger total = BigInteger.ZERO;
        for (int k = top; k >= low; k--) total = total.shiftLeft(32).add(BigInteger.valueOf(limbs[base + k]));
        if (total.signum() == 0) return 0;
        int scale = LOW_EXPONENT + 32 * low;
        // round to 53 significant bits here (half to even), then scale: exact unless subnormal
        int excess = total.abs().bitLength() - 53;
        if (excess <= 0) return Math.scalb(total.doubleValue(), scale);
        return Math.scalb(roundToEven(total, excess).doubleValue(), scale + excess);
    }

    /** All sums, rounded. */
    public double[] get() {
        double[] out = new double[length];
        for (int i = 0; i < length; i++) out[i] = get(i);
        return out;
    }

    /** total / 2^excess rounded to the nearest integer, ties to even. */
    private static BigInteger roundToEven(BigInteger total, int excess) {
        BigInteger a = total.abs();
        BigInteger q = a.shiftRight(excess);
        BigInteger rem = a.subtract(q.shiftLeft(excess));
        int cmp = rem.shiftLeft(1).compareTo(BigInteger.ONE.shiftLeft(excess));
        if (cmp > 0 || (cmp == 0 && q.testBit(0))) q = q.add(BigInteger.ONE);
        return total.signum() < 0 ? q.negate() : q;
    }
}
