package org.mtpj.analysis.msd;

/**
 * Multi-origin mean squared displacement of one coordinate series x(0..T−1):
 * MSD(k) = 1/(T−k) Σ_{t=0}^{T−1−k} (x(t+k) − x(t))², k = 0..T−1 (analysis-spec §2).
 * {@link #fft} uses S2 by zero-padded FFT and S1 by the running-sum recursion (O(T log T));
 * {@link #direct} is the double loop it must equal. Reuse one instance per series length.
 */
public final class MsdSeries {
    private final int length;
    private final Fft fft;
    private final double[] re, im;

    public MsdSeries(int length) {
        if (length < 1) throw new IllegalArgumentException("empty series");
        this.length = length;
        int n = Integer.highestOneBit(Math.max(1, 2 * length - 1));
        if (n < 2 * length) n <<= 1;
        this.fft = new Fft(n);
        this.re = new double[n];
        this.im = new double[n];
    }

    /** Adds MSD(k) of {@code x} (read as x[off + t*stride]) into {@code acc[k]}. */
    public void addFft(double[] x, int off, int stride, double[] acc) {
        int T = length, n = fft.length();
        // a constant shift leaves MSD unchanged; centring on x(0) keeps the FFT rounding small
        double x0 = x[off];
        java.util.Arrays.fill(re, 0);
        java.util.Arrays.fill(im, 0);
        for (int t = 0; t < T; t++) re[t] = x[off + t * stride] - x0;
        double q = 0;
        for (int t = 0; t < T; t++) q += 2 * re[t] * re[t];
        double[] d = new double[T];
        for (int t = 0; t < T; t++) d[t] = re[t] * re[t];
        fft.transform(re, im, false);
        for (int i = 0; i < n; i++) {
            re[i] = re[i] * re[i] + im[i] * im[i];
            im[i] = 0;
        }
        fft.transform(re, im, true);
        for (int k = 0; k < T; k++) {
            if (k > 0) q -= d[k - 1] + d[T - k];
            if (k == 0) continue; // MSD(0) = 0 by definition; the FFT would leave rounding noise
            double s2 = re[k] / n;
            acc[k] += (q - 2 * s2) / (T - k);
        }
    }

    /** MSD of a contiguous series by FFT. */
    public static double[] fft(double[] x) {
        double[] acc = new double[x.length];
        new MsdSeries(x.length).addFft(x, 0, 1, acc);
        return acc;
    }

    /** MSD of a contiguous series by the direct double loop (O(T²); the definition). */
    public static double[] direct(double[] x) {
        int T = x.length;
        double[] r = new double[T];
        for (int k = 0; k < T; k++) {
            double s = 0;
            for (int t = 0; t + k < T; t++) {
                double d = x[t + k] - x[t];
                s += d * d;
            }
            r[k] = s / (T - k);
        }
        return r;
    }
}
