package org.mtpj.analysis.lro;

/**
 * Nearly uniform directions on the unit sphere (Fibonacci lattice): y_k = 1 − 2k/(N−1),
 * ρ = sqrt(1 − y²), θ_k = k·π(3 − √5), n_k = (ρ cos θ, y, ρ sin θ), k = 0..N−1.
 */
public final class FibonacciSphere {
    private FibonacciSphere() {}

    public static double[][] points(int count) {
        if (count < 2) throw new IllegalArgumentException("a Fibonacci sphere needs at least 2 points, got " + count);
        double golden = Math.PI * (3 - Math.sqrt(5));
        double[][] p = new double[count][3];
        for (int k = 0; k < count; k++) {
            double y = 1 - (k / (double) (count - 1)) * 2;
            double rho = Math.sqrt(1 - y * y);
            double theta = golden * k;
            p[k][0] = Math.cos(theta) * rho;
            p[k][1] = y;
            p[k][2] = Math.sin(theta) * rho;
        }
        return p;
    }
}
