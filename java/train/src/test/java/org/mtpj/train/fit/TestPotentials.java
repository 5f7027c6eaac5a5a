package org.mtpj.train.fit;

import java.util.Random;
import org.mtpj.core.model.MtpPotential;

/** Small synthetic potentials for unit tests (2 species, 2 radial functions, rank ≤ 2). */
public final class TestPotentials {
    private TestPotentials() {}

    /** Slots: 0 = M(0,0); 1..3 = M(1,1); 4..9 = M(0,2); 10 = M1·M1; 11 = M2:M2; 12 = M0·slot10; 13 = M0·M0. */
    public static MtpPotential small(long seed) {
        int[][] basic = {
                {0, 0, 0, 0},
                {1, 1, 0, 0}, {1, 0, 1, 0}, {1, 0, 0, 1},
                {0, 2, 0, 0}, {0, 1, 1, 0}, {0, 1, 0, 1}, {0, 0, 2, 0}, {0, 0, 1, 1}, {0, 0, 0, 2}};
        int[][] times = {
                {1, 1, 1, 10}, {2, 2, 1, 10}, {3, 3, 1, 10},
                {4, 4, 1, 11}, {5, 5, 2, 11}, {6, 6, 2, 11}, {7, 7, 1, 11}, {8, 8, 2, 11}, {9, 9, 1, 11},
                {0, 10, 1, 12}, {0, 0, 1, 13}};
        int[] mapping = {0, 10, 11, 12, 13};
        int c = 2, k = 2, r = 4;
        Random rnd = new Random(seed);
        double[] radial = new double[c * c * k * r];
        for (int i = 0; i < radial.length; i++) radial[i] = rnd.nextGaussian() * 0.5;
        double[] species = {-1.5 + rnd.nextGaussian() * 0.1, -2.5};
        double[] moments = new double[mapping.length];
        for (int i = 0; i < moments.length; i++) moments[i] = rnd.nextGaussian();
        return new MtpPotential("test", 0.7, c, MtpPotential.RadialBasisType.RBChebyshev, 1.2, 4.5, r, k, 14,
                basic, times, mapping, radial, species, moments, true, null);
    }

    /** {@link #small} with the repulsive radial basis RBChebyshev_repuls (Rmin = 1.2 Å). */
    public static MtpPotential smallRepulsive(long seed) {
        MtpPotential p = small(seed);
        return new MtpPotential(p.name, p.scaling, p.speciesCount, MtpPotential.RadialBasisType.RBChebyshev_repuls, p.minDist,
                p.maxDist, p.radialBasisSize, p.radialFuncsCount, p.momentsCount, p.basicMoments, p.momentProducts,
                p.scalarMoments, p.radialCoeffs, p.speciesCoeffs, p.momentCoeffs, true, null);
    }

    /** n random neighbour vectors with 1.0 < r < 4.3 and random types in [0, 2). */
    public static double[] neighbours(Random rnd, int n, int[] typesOut) {
        double[] rij = new double[3 * n];
        for (int j = 0; j < n; j++) {
            double len = 1.0 + 3.3 * rnd.nextDouble();
            double x = rnd.nextGaussian(), y = rnd.nextGaussian(), z = rnd.nextGaussian();
            double norm = Math.sqrt(x * x + y * y + z * z);
            rij[3 * j] = x / norm * len; rij[3 * j + 1] = y / norm * len; rij[3 * j + 2] = z / norm * len;
            typesOut[j] = rnd.nextInt(2);
        }
        return rij;
    }
}
