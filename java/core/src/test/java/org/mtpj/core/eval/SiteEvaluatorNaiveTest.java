package org.mtpj.core.eval;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mtpj.core.io.TestFiles;
import org.mtpj.core.model.MtpPotential.RadialBasisType;
import org.mtpj.core.model.MtpPotential;
import org.mtpj.testkit.Shared;

/**
 * The optimised kernel against a literal transcription of spec §3.2–3.6 (raw coordinate powers
 * x^p y^q z^s / r^ν, the product table slot by slot, the adjoint walked backwards), on random
 * neighbourhoods and on random product tables with unsorted basic moments, repeated monomials,
 * long runs and scattered inputs.
 */
class SiteEvaluatorNaiveTest {

    /** Spec §3 word for word: returns V and fills g. */
    static double naive(MtpPotential p, int a, int n, int[] types, double[] rij, double[] g) {
        int B = p.basicCount(), M = p.momentsCount, K = p.radialFuncsCount, R = p.radialBasisSize, C = p.speciesCount;
        double[] slot = new double[M];
        double[][] f = new double[n][K], df = new double[n][K];
        double[] r = new double[n];
        boolean rep = p.radialBasisType == RadialBasisType.RBChebyshev_repuls;
        double extra = 0;
        for (int k = 0; k < n; k++) {
            double x = rij[3 * k], y = rij[3 * k + 1], z = rij[3 * k + 2];
            r[k] = Math.sqrt(x * x + y * y + z * z);
            if (r[k] >= p.maxDist) continue;
            double rr = rep ? Math.max(r[k], p.minDist) : r[k];
            boolean clamped = rep && r[k] < p.minDist;
            double xi = (2 * rr - (p.minDist + p.maxDist)) / (p.maxDist - p.minDist), dxi = 2 / (p.maxDist - p.minDist);
            double s = p.scaling, d = rr - p.maxDist;
            double[] q = new double[R], dq = new double[R];
            q[0] = s * d * d;
            dq[0] = 2 * s * d;
            q[1] = s * xi * d * d;
            dq[1] = s * (dxi * d * d + 2 * xi * d);
            for (int m = 2; m < R; m++) {
                q[m] = 2 * xi * q[m - 1] - q[m - 2];
                dq[m] = 2 * (dxi * q[m - 1] + xi * dq[m - 1]) - dq[m - 2];
            }
            for (int mu = 0; mu < K; mu++)
                for (int m = 0; m < R; m++) {
                    double c = p.radialCoeffs[p.radialIndex(a, types[k], mu, m)];
                    f[k][mu] += c * q[m];
                    df[k][mu] += clamped ? 0 : c * dq[m];
                }
            if (rep && r[k] < p.minDist) extra += 1e4 * (Math.exp(-10 * (r[k] - 1)) - Math.exp(-10 * (p.minDist - 1)));
        }
        for (int qi = 0; qi < B; qi++) {
            int[] b = p.basicMoments[qi];
            int nu = b[1] + b[2] + b[3];
            for (int k = 0; k < n; k++) {
                if (r[k] >= p.maxDist) continue;
                slot[qi] += f[k][b[0]] * Math.pow(rij[3 * k], b[1]) * Math.pow(rij[3 * k + 1], b[2])
                        * Math.pow(rij[3 * k + 2], b[3]) / Math.pow(r[k], nu);
            }
        }
        for (int[] e : p.momentProducts) slot[e[3]] += e[2] * slot[e[0]] * slot[e[1]];
        double v = p.speciesCoeffs[a] + extra;
        for (int s = 0; s < p.scalarCount(); s++) v += p.momentCoeffs[s] * slot[p.scalarMoments[s]];
        double[] d = new double[M];
        for (int s = 0; s < p.scalarCount(); s++) d[p.scalarMoments[s]] += p.momentCoeffs[s];
        for (int t = p.momentProducts.length - 1; t >= 0; t--) {
            int[] e = p.momentProducts[t];
            d[e[1]] += d[e[3]] * e[2] * slot[e[0]];
            d[e[0]] += d[e[3]] * e[2] * slot[e[1]];
        }
        java.util.Arrays.fill(g, 0, 3 * n, 0.0);
        for (int k = 0; k < n; k++) {
            if (r[k] >= p.maxDist) continue;
            double x = rij[3 * k], y = rij[3 * k + 1], z = rij[3 * k + 2];
            for (int qi = 0; qi < B; qi++) {
                int[] b = p.basicMoments[qi];
                int nu = b[1] + b[2] + b[3];
                double fv = f[k][b[0]], fd = df[k][b[0]];
                double mono = Math.pow(x, b[1]) * Math.pow(y, b[2]) * Math.pow(z, b[3]);
                double radial = (fd * Math.pow(r[k], -nu) - nu * fv * Math.pow(r[k], -nu - 1)) * mono / r[k];
                double fr = fv * Math.pow(r[k], -nu);
                double gx = radial * x + fr * (b[1] == 0 ? 0 : b[1] * Math.pow(x, b[1] - 1) * Math.pow(y, b[2]) * Math.pow(z, b[3]));
                double gy = radial * y + fr * (b[2] == 0 ? 0 : b[2] * Math.pow(x, b[1]) * Math.pow(y, b[2] - 1) * Math.pow(z, b[3]));
                double gz = radial * z + fr * (b[3] == 0 ? 0 : b[3] * Math.pow(x, b[1]) * Math.pow(y, b[2]) * Math.pow(z, b[3] - 1));
                g[3 * k] += d[qi] * gx;
                g[3 * k + 1] += d[qi] * gy;
                g[3 * k + 2] += d[qi] * gz;
            }
            if (rep && r[k] < p.minDist) {
                double c = -1e5 * Math.exp(-10 * (r[k] - 1)) / r[k];
                g[3 * k] += c * x; g[3 * k + 1] += c * y; g[3 * k + 2] += c * z;
            }
        }
        return v;
    }

    /** A random but valid potential: unsorted basic moments (some repeated monomials), random product DAG. */
    static MtpPotential randomTable(long seed, int C, RadialBasisType type) {
        Random rnd = new Random(seed);
        int K = 1 + rnd.nextInt(4), R = 2 + rnd.nextInt(8);
        List<int[]> basic = new ArrayList<>();
        int B = 5 + rnd.nextInt(30);
        for (int q = 0; q < B; q++) {
            int nu = rnd.nextInt(6), p = rnd.nextInt(nu + 1), qq = rnd.nextInt(nu - p + 1);
            basic.add(new int[] {q == 0 ? K - 1 : rnd.nextInt(K), p, qq, nu - p - qq});
        }
        int M = B + 5 + rnd.nextInt(40);
        List<int[]> times = new ArrayList<>();
        // products of at most 4 basic moments (degree tracked per slot) so values stay finite
        int[] degree = new int[M];
        for (int q = 0; q < B; q++) degree[q] = 1;
        for (int k = B; k < M; k++) {
            int entries = 1 + rnd.nextInt(6);
            for (int e = 0; e < entries; e++) {
                int i, j;
                do { i = rnd.nextInt(k); j = rnd.nextInt(k); } while (degree[i] + degree[j] > 4);
                times.add(new int[] {i, j, 1 + rnd.nextInt(3), k});
                degree[k] = Math.max(degree[k], degree[i] + degree[j]);
            }
        }
        int S = 1 + rnd.nextInt(M / 2);
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < M; i++) all.add(i);
        java.util.Collections.shuffle(all, rnd);
        int[] map = new int[S];
        for (int s = 0; s < S; s++) map[s] = all.get(s);
        double[] radial = new double[C * C * K * R];
        for (int i = 0; i < radial.length; i++) radial[i] = (rnd.nextDouble() - 0.5) * 0.6;
        double[] w = new double[C], v = new double[S];
        for (int i = 0; i < C; i++) w[i] = rnd.nextGaussian();
        for (int i = 0; i < S; i++) v[i] = rnd.nextGaussian() * 0.1;
        return new MtpPotential("random", 0.3 + rnd.nextDouble(), C, type, 1.0 + rnd.nextDouble(), 4.5 + rnd.nextDouble(),
                R, K, M, basic.toArray(new int[0][]), times.toArray(new int[0][]), map, radial, w, v, true, null);
    }

    static void compare(MtpPotential p, long seed, int trials) {
        Random rnd = new Random(seed);
        SiteEvaluator se = new SiteEvaluator(p);
        for (int t = 0; t < trials; t++) {
            int n = rnd.nextInt(200);
            int[] types = new int[n];
            double[] rij = new double[3 * n];
            for (int k = 0; k < n; k++) {
                types[k] = rnd.nextInt(p.speciesCount);
                double r = 0.8 + (p.maxDist + 0.5) * rnd.nextDouble();
                double[] u = {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
                if (k % 17 == 3) u[rnd.nextInt(3)] = 0; // exact zero components: 0^0 cases
                double un = Math.sqrt(u[0] * u[0] + u[1] * u[1] + u[2] * u[2]);
                for (int x = 0; x < 3; x++) rij[3 * k + x] = r * u[x] / un;
            }
            int a = rnd.nextInt(p.speciesCount);
            double[] g1 = new double[3 * n], g2 = new double[3 * n];
            double v1 = se.siteEnergy(a, n, types, rij, g1), v2 = naive(p, a, n, types, rij, g2);
            double gmax = 1;
            for (double x : g2) gmax = Math.max(gmax, Math.abs(x));
            assertEquals(v2, v1, 1e-11 * Math.max(1, Math.abs(v2)), "site energy, trial " + t + ", n " + n);
            for (int k = 0; k < 3 * n; k++) assertEquals(g2[k], g1[k], 1e-10 * gmax, "gradient " + k + ", trial " + t);
        }
    }

    @Test
    void randomTablesMatchTheLiteralFormulas() {
        for (long seed = 0; seed < 30; seed++)
            compare(randomTable(seed, 1 + (int) (seed % 3), seed % 4 == 3 ? RadialBasisType.RBChebyshev_repuls : RadialBasisType.RBChebyshev), seed, 5);
    }

    @Test
    void studyPotentialMatchesTheLiteralFormulas() {
        compare(TestFiles.readMtp(Shared.file("data/amorphous-MgV2O5/pot.mtp")), 7, 10);
    }
}
