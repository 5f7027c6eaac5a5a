package org.mtpj.analysis.lro;

/**
 * The order over a sphere of directions: its min, max and mean, and the five colour-bar ticks of
 * the plotted quantity P = 1 − O ("Order"): linspace(1.01·min P, 0.99·max P, 5) rounded to two
 * decimals (numpy's rint(x·100)/100).
 */
public record SphereSummary(double[][] directions, double[] order, double min, double max, double mean, double[] ticks) {

    public static SphereSummary of(double[][] directions, double[] order) {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (double v : order) { min = Math.min(min, v); max = Math.max(max, v); }
        double mean = NumpySums.mean(order);
        return new SphereSummary(directions, order, min, max, mean, ticks(1 - max, 1 - min));
    }

    /** numpy.linspace(1.01·pMin, 0.99·pMax, 5) rounded to 2 decimals. */
    static double[] ticks(double pMin, double pMax) {
        double start = 1.01 * pMin, stop = 0.99 * pMax;
        double step = (stop - start) / 4;
        double[] t = new double[5];
        for (int i = 0; i < 5; i++) t[i] = i == 4 ? stop : start + i * step;
        for (int i = 0; i < 5; i++) t[i] = Math.rint(t[i] * 100) / 100;
        return t;
    }

    /** The ticks as written in the TSV: "0.89 0.91 0.93 0.95 0.97". */
    public String ticksText() {
        StringBuilder sb = new StringBuilder();
        for (double t : ticks) sb.append(sb.isEmpty() ? "" : " ").append(String.format(java.util.Locale.ROOT, "%.2f", t));
        return sb.toString();
    }
}
