package org.mtpj.analysis.msd;

/** In-place iterative radix-2 complex FFT (length a power of two), with exact-per-index twiddles. */
final class Fft {
    private final int n;
    private final double[] cos, sin;
    private final int[] bitrev;

    Fft(int n) {
        if (Integer.bitCount(n) != 1) throw new IllegalArgumentException("FFT length must be a power of two: " + n);
        this.n = n;
        cos = new double[n / 2];
        sin = new double[n / 2];
        for (int k = 0; k < n / 2; k++) {
            double a = -2 * Math.PI * k / n;
            cos[k] = Math.cos(a);
            sin[k] = Math.sin(a);
        }
        bitrev = new int[n];
        int bits = Integer.numberOfTrailingZeros(n);
        for (int i = 0; i < n; i++) bitrev[i] = bits == 0 ? 0 : Integer.reverse(i) >>> (32 - bits);
    }

    int length() { return n; }

    /** Forward transform (sign −1) when {@code inverse} is false; unnormalised inverse (sign +1) otherwise. */
    void transform(double[] re, double[] im, boolean inverse) {
        for (int i = 0; i < n; i++) {
            int j = bitrev[i];
            if (j > i) {
                double t = re[i]; re[i] = re[j]; re[j] = t;
                t = im[i]; im[i] = im[j]; im[j] = t;
            }
        }
        double sign = inverse ? -1 : 1;
        for (int len = 2; len <= n; len <<= 1) {
            int half = len >> 1, stride = n / len;
            for (int s = 0; s < n; s += len) {
                for (int k = 0; k < half; k++) {
                    double wr = cos[k * stride], wi = sign * sin[k * stride];
                    int a = s + k, b = a + half;
                    double xr = re[b] * wr - im[b] * wi;
                    double xi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                }
            }
        }
    }
}
