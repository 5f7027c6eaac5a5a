package org.mtpj.train.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.mtpj.core.eval.NeighbourList;
import org.mtpj.core.eval.SiteCoefficientGradients;
import org.mtpj.core.eval.SiteEvaluator;
import org.mtpj.core.math.ExactSum;
import org.mtpj.core.model.Configuration;
import org.mtpj.core.model.MtpPotential;
import org.mtpj.host.Ranks;

/**
 * The linear shortcut of mtp-spec §7.2: for fixed radial coefficients the model is linear in the
 * species and moment coefficients (w, v), so the loss is quadratic in them and their optimum is
 * one linear solve. Normal equations from energies (w_E'), forces (plain w_F) and stresses (w_S'),
 * a ridge of 1e-13·(1 + G_ii) on the diagonal, solved by Cholesky (pseudo-inverse if that fails;
 * the system is badly conditioned). Parallel over configurations (threads and MPI ranks), summed
 * exactly ({@link ExactSum}): the same system for any thread count and number of ranks.
 *
 * <p>The scalar basis and its Jacobian come from core's kernel ({@link SiteCoefficientGradients});
 * the repulsion term of RBChebyshev_repuls does not depend on θ, so it is a fixed part of the
 * model (subtracted from the targets, kept in the {@link Design}).
 */
public final class LinearFit implements AutoCloseable {
    private final MtpPotential shape;
    private final TrainingSet set;
    private final LossWeights weights;
    private final ExecutorService pool;
    private final Ranks ranks;
    /** This rank's configurations [from, to). */
    private final int from, to;
    private final ThreadLocal<SiteCoefficientGradients> kernels;
    private final int c, s, p;
    /** Number of radial factors (basic moments) in each scalar function. */
    private final int[] degree;

    public LinearFit(MtpPotential shape, TrainingSet set, LossWeights weights, int threads) {
        this(shape, set, weights, threads, Ranks.SINGLE);
    }

    public LinearFit(MtpPotential shape, TrainingSet set, LossWeights weights, int threads, Ranks ranks) {
        this.ranks = ranks;
        int[] share = set.share(ranks);
        this.from = share[0];
        this.to = share[1];
        this.shape = shape;
        this.set = set;
        this.weights = weights;
        this.pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "mtpj-linear");
            t.setDaemon(true);
            return t;
        }) : null;
        this.kernels = ThreadLocal.withInitial(() -> new SiteCoefficientGradients(new SiteEvaluator(shape)));
        this.c = shape.speciesCount;
        this.s = shape.scalarCount();
        this.p = c + s;
        int[] deg = new int[shape.momentsCount];
        for (int q = 0; q < shape.basicCount(); q++) deg[q] = 1;
        for (int[] t : shape.momentProducts) deg[t[3]] = deg[t[0]] + deg[t[1]];
        this.degree = new int[s];
        for (int i = 0; i < s; i++) degree[i] = deg[shape.scalarMoments[i]];
    }

    /**
     * Gram–Schmidt over the radial functions μ on their C·C·R coefficient vectors, each then divided
     * by sqrt(Σ(c² + 1e-10)) (what MLIP-2 does before a linear solve). Changes theta in place.
     */
    public static void orthonormaliseRadial(MtpPotential shape, double[] theta) {
        int c2 = shape.speciesCount * shape.speciesCount, k = shape.radialFuncsCount, r = shape.radialBasisSize;
        int len = c2 * r;
        double[][] v = new double[k][len];
        for (int m = 0; m < k; m++)
            for (int q = 0; q < c2; q++)
                for (int n = 0; n < r; n++) v[m][q * r + n] = theta[(q * k + m) * r + n];
        for (int m = 0; m < k; m++) {
            for (int m2 = 0; m2 < m; m2++) {
                double d = 0;
                for (int i = 0; i < len; i++) d += v[m][i] * v[m2][i];
                for (int i = 0; i < len; i++) v[m][i] -= d * v[m2][i];
            }
            double norm = 0;
            for (int i = 0; i < len; i++) norm += v[m][i] * v[m][i] + 1e-10;
            norm = Math.sqrt(norm);
            for (int i = 0; i < len; i++) v[m][i] /= norm;
        }
        for (int m = 0; m < k; m++)
            for (int q = 0; q < c2; q++)
                for (int n = 0; n < r; n++) theta[(q * k + m) * r + n] = v[m][q * r + n];
    }

    /** Normal matrix and right-hand side of one configuration. */
    private record Normal(double[] g, double[] b, Design design) {}

    /**
     * The linear model of one configuration: E = E₀ + a·x, F = F₀ + X·v (3N×S, null without force
     * data), W = W₀ + Y·v (9×S row-major 3×3 per function, null without stress data), x = (w, v).
     * E₀, F₀, W₀ are the θ-free repulsion (0 and null without it).
     */
    public record Design(double[] a, double[] forces, double[] stress, double fixedEnergy, double[] fixedForces, double[] fixedStress) {}

    private Design[] designs;

    /** Designs of the last {@link #assemble} (index = configuration), or null. */
    public Design[] designs() { return designs; }

    /** The summed normal equations G x = b (p = C + S unknowns) at one scaling. */
    public record System(double[] g, double[] b, double scaling) {}

    /** Builds the normal equations for the radial part of theta and the given scaling. */
    public System assemble(double[] theta, double scaling) {
        List<TrainingSet.Item> items = set.items();
        Normal[] parts = new Normal[to - from];
        try {
            if (pool == null) for (int i = from; i < to; i++) parts[i - from] = one(items.get(i), theta, scaling);
            else {
                List<Future<Normal>> fs = new ArrayList<>();
                for (TrainingSet.Item it : items.subList(from, to)) fs.add(pool.submit(() -> one(it, theta, scaling)));
                for (int i = 0; i < parts.length; i++) parts[i] = fs.get(i).get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        }
        designs = new Design[items.size()];   // this rank's configurations only (the loss uses no others)
        for (int i = 0; i < parts.length; i++) designs[from + i] = parts[i].design;
        ExactSum sum = new ExactSum(p * p + p);
        for (Normal n : parts) {
            for (int i = 0; i < p * p; i++) sum.add(i, n.g[i]);
            for (int i = 0; i < p; i++) sum.add(p * p + i, n.b[i]);
        }
        if (ranks.size() > 1) {
            long[] state = sum.state();
            ranks.sumInPlace(state);
            sum.setState(state);
        }
        double[] total = sum.get();
        double[] g = Arrays.copyOf(total, p * p), b = Arrays.copyOfRange(total, p * p, p * p + p);
        return new System(g, b, scaling);
    }

    /**
     * Solves the system as if it had been built at scaling {@code newScaling}: a scalar function
     * that multiplies d radial factors scales as (s'/s)^d, so G and b transform by a diagonal
     * matrix and nothing has to be re-evaluated (the scaling search relies on this).
     */
    public double[] solve(System sys, double newScaling) {
        double lambda = newScaling / sys.scaling();
        double[] dscale = new double[p];
        for (int i = 0; i < p; i++) dscale[i] = i < c ? 1 : Math.pow(lambda, degree[i - c]);
        double[] g = new double[p * p], b = new double[p];
        for (int i = 0; i < p; i++) {
            b[i] = sys.b()[i] * dscale[i];
            for (int j = 0; j < p; j++) g[i * p + j] = sys.g()[i * p + j] * dscale[i] * dscale[j];
        }
        for (int i = 0; i < p; i++) g[i * p + i] += 1e-13 * (1 + g[i * p + i]);
        DMatrixRMaj bm = DMatrixRMaj.wrap(p, 1, b), x = new DMatrixRMaj(p, 1);
        LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(p);
        boolean ok = chol.setA(DMatrixRMaj.wrap(p, p, g.clone()));
        if (ok) {
            chol.solve(bm, x);
            for (double v : x.data) if (!Double.isFinite(v)) { ok = false; break; }
        }
        if (!ok) {
            LinearSolverDense<DMatrixRMaj> pinv = LinearSolverFactory_DDRM.pseudoInverse(true);
            pinv.setA(DMatrixRMaj.wrap(p, p, g.clone()));
            pinv.solve(bm, x);
        }
        return x.data.clone();
    }

    /**
     * (2G)⁻¹ of the system at {@code newScaling} (with the solve's ridge): the exact inverse Hessian
     * of the loss with respect to (w, v), used to start BFGS on the right scale for them.
     */
    public double[] inverseHessian(System sys, double newScaling) {
        double lambda = newScaling / sys.scaling();
        double[] g = new double[p * p];
        for (int i = 0; i < p; i++) {
            double di = i < c ? 1 : Math.pow(lambda, degree[i - c]);
            for (int j = 0; j < p; j++) {
                double dj = j < c ? 1 : Math.pow(lambda, degree[j - c]);
                g[i * p + j] = 2 * sys.g()[i * p + j] * di * dj;
            }
        }
        for (int i = 0; i < p; i++) g[i * p + i] += 2e-13 * (1 + g[i * p + i] / 2);
        DMatrixRMaj inv = new DMatrixRMaj(p, p);
        boolean ok = CommonOps_DDRM.invert(DMatrixRMaj.wrap(p, p, g.clone()), inv);
        if (ok) for (double v : inv.data) if (!Double.isFinite(v)) { ok = false; break; }
        if (!ok) CommonOps_DDRM.pinv(DMatrixRMaj.wrap(p, p, g.clone()), inv);
        // symmetrise (rounding)
        for (int i = 0; i < p; i++)
            for (int j = i + 1; j < p; j++) {
                double v = 0.5 * (inv.data[i * p + j] + inv.data[j * p + i]);
                inv.data[i * p + j] = v;
                inv.data[j * p + i] = v;
            }
        return inv.data;
    }

    /**
     * Solves for (w, v) with the radial part of theta and the given scaling; writes them into
     * theta and returns the solution x = (w, v).
     */
    public double[] solve(double[] theta, double scaling) {
        double[] x = solve(assemble(theta, scaling), scaling);
        java.lang.System.arraycopy(x, 0, theta, shape.radialCoeffs.length, p);
        return x;
    }

    /** ‖x‖₂ / median(|x|): the scaling search's measure of how badly the linear part is conditioned (§7.4). */
    public static double conditionMeasure(double[] x) {
        double norm = 0;
        double[] a = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            norm += x[i] * x[i];
            a[i] = Math.abs(x[i]);
        }
        Arrays.sort(a);
        int m = a.length;
        double median = m % 2 == 1 ? a[m / 2] : 0.5 * (a[m / 2 - 1] + a[m / 2]);
        return Math.sqrt(norm) / median;
    }

    private Normal one(TrainingSet.Item item, double[] theta, double scaling) {
        SiteCoefficientGradients k = kernels.get();
        SiteEvaluator ev = k.evaluator();
        ev.setCoefficients(theta, scaling);
        boolean repulsive = shape.radialBasisType == MtpPotential.RadialBasisType.RBChebyshev_repuls;
        Configuration cfg = item.cfg();
        NeighbourList nl = item.nl();
        int n = cfg.size;
        boolean useE = weights.energy() != 0 && cfg.hasEnergy();
        boolean useF = weights.force() != 0 && cfg.forces != null;
        boolean useS = weights.stress() != 0 && cfg.plusStress != null;
        double[] a = new double[p];
        double[] xf = useF ? new double[3 * n * s] : null;
        double[] ys = new double[9 * s];
        double[] bs = new double[s];
        double[] jac = new double[3 * Math.max(1, nl.maxCount()) * s];
        double e0 = 0;
        double[] f0 = repulsive ? new double[3 * n] : null, w0 = repulsive ? new double[9] : null;
        double[] gRep = repulsive ? new double[3 * Math.max(1, nl.maxCount())] : null;
        for (int i = 0; i < n; i++) {
            int off = nl.offsets[i], cnt = nl.count(i);
            ev.siteEnergyOnly(cfg.types[i], cnt, nl.types, off, nl.rij, 3 * off);
            k.scalarValues(bs);
            a[cfg.types[i]] += 1;
            for (int t = 0; t < s; t++) a[c + t] += bs[t];
            if (repulsive) e0 += fixedPart(k, i, off, cnt, nl, gRep, f0, w0);
            if (!useF && !useS) continue;
            k.scalarJacobian(jac);
            for (int e = 0; e < cnt; e++) {
                int j = nl.neighbours[off + e];
                int ro = 3 * (off + e);
                for (int ax = 0; ax < 3; ax++) {
                    int jo = (3 * e + ax) * s;
                    if (useF) {
                        int fi = (3 * i + ax) * s, fj = (3 * j + ax) * s;
                        for (int t = 0; t < s; t++) {
                            double v = jac[jo + t];
                            xf[fi + t] += v;
                            xf[fj + t] -= v;
                        }
                    }
                    if (useS) {
                        for (int bx = 0; bx < 3; bx++) {
                            double r = nl.rij[ro + bx];
                            int so = (3 * ax + bx) * s;
                            for (int t = 0; t < s; t++) ys[so + t] -= jac[jo + t] * r;
                        }
                    }
                }
            }
        }
        double invK = 1.0 / set.size();
        double[] g = new double[p * p], b = new double[p];
        // targets less the fixed part of the model
        double[] fTarget = useF && repulsive ? new double[3 * n] : cfg.forces;
        if (useF && repulsive) for (int r = 0; r < 3 * n; r++) fTarget[r] = cfg.forces[r] - f0[r];
        double[] sTarget = useS ? LossFunction.fullStress(cfg.plusStress) : null;
        if (useS && repulsive) for (int r = 0; r < 9; r++) sTarget[r] -= w0[r];
        if (useE) {
            double f = weights.energyFactor(n) * invK;
            for (int i = 0; i < p; i++) {
                b[i] += f * a[i] * (cfg.energy - e0);
                for (int j = 0; j < p; j++) g[i * p + j] += f * a[i] * a[j];
            }
        }
        if (useF) {
            double f = weights.plainForceFactor(n) * invK;
            DMatrixRMaj xm = DMatrixRMaj.wrap(3 * n, s, xf);
            DMatrixRMaj xtx = new DMatrixRMaj(s, s);
            CommonOps_DDRM.multTransA(xm, xm, xtx);
            DMatrixRMaj xtf = new DMatrixRMaj(s, 1);
            CommonOps_DDRM.multTransA(xm, DMatrixRMaj.wrap(3 * n, 1, fTarget), xtf);
            for (int i = 0; i < s; i++) {
                b[c + i] += f * xtf.data[i];
                for (int j = 0; j < s; j++) g[(c + i) * p + c + j] += f * xtx.data[i * s + j];
            }
        }
        if (useS) {
            double f = weights.stressFactor(n) * invK;
            double[] ref = sTarget;
            for (int r = 0; r < 9; r++) {
                int ro = r * s;
                for (int i = 0; i < s; i++) {
                    double yi = ys[ro + i];
                    if (yi == 0) continue;
                    b[c + i] += f * yi * ref[r];
                    for (int j = 0; j < s; j++) g[(c + i) * p + c + j] += f * yi * ys[ro + j];
                }
            }
        }
        return new Normal(g, b, new Design(a, xf, useS ? ys : null, e0, f0, w0));
    }

    /** Adds site i's repulsion to the fixed forces and stress; returns its energy. */
    private static double fixedPart(SiteCoefficientGradients k, int i, int off, int cnt, NeighbourList nl,
                                    double[] g, double[] f0, double[] w0) {
        double e = k.repulsion(g);
        for (int en = 0; en < cnt; en++) {
            double gx = g[3 * en], gy = g[3 * en + 1], gz = g[3 * en + 2];
            if (gx == 0 && gy == 0 && gz == 0) continue;
            int j = nl.neighbours[off + en], ro = 3 * (off + en);
            f0[3 * i] += gx; f0[3 * i + 1] += gy; f0[3 * i + 2] += gz;
            f0[3 * j] -= gx; f0[3 * j + 1] -= gy; f0[3 * j + 2] -= gz;
            double rx = nl.rij[ro], ry = nl.rij[ro + 1], rz = nl.rij[ro + 2];
            w0[0] -= gx * rx; w0[1] -= gx * ry; w0[2] -= gx * rz;
            w0[3] -= gy * rx; w0[4] -= gy * ry; w0[5] -= gy * rz;
            w0[6] -= gz * rx; w0[7] -= gz * ry; w0[8] -= gz * rz;
        }
        return e;
    }

    @Override
    public void close() {
        if (pool != null) pool.shutdownNow();
    }
}
