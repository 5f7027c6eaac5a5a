package org.mtpj.core.math;

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

    /** Sum i rounded to the nearest double, ties to even (NaN after a non-finite term). */
    public double get(int i) {
        if (invalid[i]) return Double.NaN;
        long[] t = new long[LIMBS];
        System.arraycopy(limbs, i * LIMBS, t, 0, LIMBS);
        normalise(t);
        boolean negative = t[LIMBS - 1] < 0;
        if (negative) {
            for (int k = 0; k < LIMBS; k++) t[k] = -t[k];
            normalise(t);
        }
        int h = LIMBS - 1;
        while (h >= 0 && t[h] == 0) h--;
        if (h < 0) return 0;
        // the top 64 bits of the magnitude, left-aligned, and whether any bit below them is set
        long top = (t[h] << 32) | (h >= 1 ? t[h - 1] : 0);
        long next = h >= 2 ? t[h - 2] : 0;
        int lead = Long.numberOfLeadingZeros(top);
        long mant = lead == 0 ? top : (top << lead) | (next >>> (32 - lead));
        boolean sticky = (lead == 0 ? next : (next << (32 + lead))) != 0;
        for (int k = h - 3; k >= 0 && !sticky; k--) sticky = t[k] != 0;
        int exponent = LOW_EXPONENT + 32 * (h - 1) - lead;   // value = mant · 2^exponent (+ the sticky bits)
        // round the 64-bit mant to 53 bits, half to even
        long m = mant >>> 11, rest = mant & 0x7FF;
        if (rest > 0x400 || (rest == 0x400 && (sticky || (m & 1) != 0))) m++;
        double magnitude = Math.scalb((double) m, exponent + 11);
        return negative ? -magnitude : magnitude;
    }

    /** Carries so that every limb but the top one lies in [0, 2^32); the top one keeps the sign. */
    private static void normalise(long[] t) {
        for (int k = 0; k < t.length - 1; k++) {
            long carry = t[k] >> 32;
            t[k] -= carry << 32;
            t[k + 1] += carry;
        }
    }

    /** All sums, rounded. */
    public double[] get() {
        double[] out = new double[length];
        for (int i = 0; i < length; i++) out[i] = get(i);
        return out;
    }

}
