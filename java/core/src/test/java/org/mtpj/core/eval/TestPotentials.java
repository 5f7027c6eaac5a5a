package org.mtpj.core.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.mtpj.core.model.Configuration;
import org.mtpj.core.model.MtpPotential;

/** Small random potentials and configurations for self-checks that need no reference. */
final class TestPotentials {
    private TestPotentials() {}

    /**
     * A level-like potential: K = 2, basic moments of rank 0–3, scalar functions M00, M10,
     * M01·M01, M01·M11, M02:M02, (M02·M01)·M11 (through a vector intermediate), M13⋮M13,
     * M00·(M01·M01), M10². Random coefficients from seed.
     */
    static MtpPotential random(long seed, int species, MtpPotential.RadialBasisType type) {
        Random rnd = new Random(seed);
        List<int[]> basic = new ArrayList<>();
        basic.add(new int[] {0, 0, 0, 0});                       // 0
        basic.add(new int[] {1, 0, 0, 0});                       // 1
        addRank(basic, 0, 1);                                    // 2..4
        addRank(basic, 1, 1);                                    // 5..7
        addRank(basic, 0, 2);                                    // 8..13
        addRank(basic, 1, 3);                                    // 14..23
        List<int[]> times = new ArrayList<>();
        for (int a = 0; a < 3; a++) times.add(new int[] {2 + a, 2 + a, 1, 24});
        for (int a = 0; a < 3; a++) times.add(new int[] {2 + a, 5 + a, 1, 25});
        int[] mult2 = {1, 2, 2, 1, 2, 1};
        for (int c = 0; c < 6; c++) times.add(new int[] {8 + c, 8 + c, mult2[c], 26});
        // v_a = Σ_b M02_ab M01_b; rank-2 components xx xy xz yy yz zz at 8..13
        int[][] comp = {{8, 9, 10}, {9, 11, 12}, {10, 12, 13}};
        for (int a = 0; a < 3; a++)
            for (int b = 0; b < 3; b++) times.add(new int[] {comp[a][b], 2 + b, 1, 27 + a});
        for (int a = 0; a < 3; a++) times.add(new int[] {27 + a, 5 + a, 1, 30});
        int[] mult3 = {1, 3, 3, 3, 6, 3, 1, 3, 3, 1};
        for (int c = 0; c < 10; c++) times.add(new int[] {14 + c, 14 + c, mult3[c], 31});
        times.add(new int[] {0, 24, 1, 32});
        times.add(new int[] {1, 1, 1, 33});
        int[] scalars = {0, 1, 24, 25, 26, 30, 31, 32, 33};
        int K = 2, R = 6;
        double[] radial = new double[species * species * K * R];
        for (int i = 0; i < radial.length; i++) radial[i] = rnd.nextDouble() * 2 - 1;
        double[] w = new double[species];
        for (int i = 0; i < species; i++) w[i] = -3 - rnd.nextDouble();
        double[] v = new double[scalars.length];
        for (int i = 0; i < v.length; i++) v[i] = (rnd.nextDouble() * 2 - 1) * 0.5;
        return new MtpPotential("test", 0.05, species, type, 1.2, 5.0, R, K, 34,
                basic.toArray(new int[0][]), times.toArray(new int[0][]), scalars, radial, w, v, true, null);
    }

    /** All components (p, q, s) of rank nu in the spec's order: decreasing p, then q. */
    static void addRank(List<int[]> basic, int mu, int nu) {
        for (int p = nu; p >= 0; p--)
            for (int q = nu - p; q >= 0; q--) basic.add(new int[] {mu, p, q, nu - p - q});
    }

    /** A jittered lattice of n atoms in a (possibly triclinic) cell; minimum distance well above 0. */
    static Configuration randomCell(long seed, int species, double[][] lattice, int rows, int perAxis, double jitter) {
        Random rnd = new Random(seed);
        int n = perAxis * perAxis * perAxis;
        Configuration c = new Configuration(n);
        c.latticeRows = rows;
        for (int r = 0; r < 3; r++) c.lattice[r] = lattice[r].clone();
        int i = 0;
        for (int a = 0; a < perAxis; a++)
            for (int b = 0; b < perAxis; b++)
                for (int d = 0; d < perAxis; d++) {
                    double fa = (a + 0.5 + jitter * (rnd.nextDouble() - 0.5)) / perAxis;
                    double fb = (b + 0.5 + jitter * (rnd.nextDouble() - 0.5)) / perAxis;
                    double fc = (d + 0.5 + jitter * (rnd.nextDouble() - 0.5)) / perAxis;
                    for (int x = 0; x < 3; x++)
                        c.positions[3 * i + x] = fa * lattice[0][x] + fb * lattice[1][x] + fc * lattice[2][x];
                    c.types[i] = rnd.nextInt(species);
                    i++;
                }
        return c;
    }

    /** A 2-species triclinic 3-D periodic cell of 27 atoms, small enough that images of i are neighbours. */
    static Configuration triclinic(long seed) {
        double[][] lat = {{6.2, 0.3, -0.2}, {1.1, 5.9, 0.4}, {-0.7, 0.9, 6.5}};
        return randomCell(seed, 2, lat, 3, 3, 0.3);
    }
}
