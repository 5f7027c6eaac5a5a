package org.mtpj.train.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.mtpj.core.eval.NeighbourList;
import org.mtpj.core.eval.SiteCoefficientGradients;
import org.mtpj.core.eval.SiteEvaluator;
import org.mtpj.core.math.ExactSum;
import org.mtpj.core.model.Configuration;
import org.mtpj.core.model.MtpPotential;
import org.mtpj.host.Ranks;

/**
 * The training loss of mtp-spec §7.1 and its analytic gradient with respect to every coefficient:
 *
 * <pre>L(θ) = (1/K) Σ_c [ w_E' (E_c − E_ref)² + Σ_i w_F,i |F_ci − F_ref|² + w_S' ‖W_c − W_ref‖²_F ] + radial penalty</pre>
 *
 * (w_E' = w_E/N etc. per {@link LossWeights}). The force and stress parts of the gradient are
 * one directional derivative per site (forward-over-reverse, {@link SiteCoefficientGradients#addGradient}):
 * Σ_i w ΔF_i·∂F_i/∂θ = ∂/∂θ Σ_ij g_ij·(w_i ΔF_i − w_j ΔF_j), and Σ ΔW:∂W/∂θ = −∂/∂θ Σ_ij g_ij·(ΔW r_ij).
 *
 * <p>Everything runs on core's kernel ({@link SiteEvaluator} pointed at θ and the scaling, one per
 * thread, plus its {@link SiteCoefficientGradients}), the one calc-efs and LAMMPS use, repulsion
 * term included: a first pass gives E, F, W; once the residuals are known, a second pass per site
 * repeats the forward and adjoint and adds the coefficient gradients.
 *
 * <p>Parallel over configurations, on threads and on MPI ranks (each rank its {@link TrainingSet#share});
 * the configurations' contributions are summed exactly ({@link ExactSum}), so results do not depend
 * on the thread count, the number of ranks or the order.
 */
public final class LossFunction implements Objective, AutoCloseable {
    /** Error statistics of the last evaluation (RMS as in MLIP-2's error report, §7.5). */
    public record Stats(double loss, double energyPerAtomRms, double forceRms, double stressRms) {}

    private final MtpPotential shape;
    private final TrainingSet set;
    private final LossWeights weights;
    private final ExecutorService pool;
    private final int threads;
    private final Ranks ranks;
    /** This rank's configurations [from, to). */
    private final int from, to;
    /** Per thread: core's site evaluator and its coefficient derivatives (coefficients set per call). */
    private final ThreadLocal<SiteCoefficientGradients> kernels;
    private double scaling;
    private double penaltyWeight = 1e-9;
    private volatile Stats last;

    public LossFunction(MtpPotential shape, TrainingSet set, LossWeights weights, int threads) {
        this(shape, set, weights, threads, Ranks.SINGLE);
    }

    public LossFunction(MtpPotential shape, TrainingSet set, LossWeights weights, int threads, Ranks ranks) {
        this.ranks = ranks;
        int[] share = set.share(ranks);
        this.from = share[0];
        this.to = share[1];
        this.shape = shape;
        this.set = set;
        this.weights = weights;
        this.threads = Math.max(1, threads);
        this.pool = this.threads > 1 ? Executors.newFixedThreadPool(this.threads, r -> {
            Thread t = new Thread(r, "mtpj-train");
            t.setDaemon(true);
            return t;
        }) : null;
        this.kernels = ThreadLocal.withInitial(() -> new SiteCoefficientGradients(new SiteEvaluator(shape)));
        this.scaling = shape.scaling;
    }

    public void setScaling(double s) { this.scaling = s; }
    public double scaling() { return scaling; }
    public LossFunction penaltyWeight(double w) { this.penaltyWeight = w; return this; }
    public Stats lastStats() { return last; }
    public int threads() { return threads; }

    private static final class Part {
        double loss, de2, df2, ds2;
        int nE, nF, nS;
        double[] grad;
    }

    @Override
    public double evaluate(double[] theta, double[] gradOut) {
        return evaluate(theta, gradOut, null);
    }

    /**
     * Like {@link #evaluate(double[], double[])}, but energies, forces and stresses come from the
     * linear designs of {@link LinearFit#assemble} built for the same radial coefficients and
     * scaling (exact: the model is linear in species and moment coefficients), which saves one
     * pass over all sites.
     */
    public double evaluate(double[] theta, double[] gradOut, LinearFit.Design[] designs) {
        List<TrainingSet.Item> items = set.items();
        Part[] parts = new Part[to - from];
        boolean wantGrad = gradOut != null;
        if (pool == null) {
            for (int c = from; c < to; c++) parts[c - from] = one(items.get(c), theta, wantGrad, designs == null ? null : designs[c]);
        } else {
            List<Future<Part>> fs = new ArrayList<>();
            for (int c = from; c < to; c++) {
                TrainingSet.Item it = items.get(c);
                LinearFit.Design d = designs == null ? null : designs[c];
                fs.add(pool.submit(() -> one(it, theta, wantGrad, d)));
            }
            try {
                for (int c = 0; c < parts.length; c++) parts[c] = fs.get(c).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("training interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) throw re;
                throw new IllegalStateException(e.getCause());
            }
        }
        // [loss, de2, df2, ds2, nE, nF, nS, gradient...] over every rank's configurations
        int nTheta = wantGrad ? gradOut.length : 0;
        ExactSum sum = new ExactSum(7 + nTheta);
        for (Part p : parts) {
            sum.add(0, p.loss); sum.add(1, p.de2); sum.add(2, p.df2); sum.add(3, p.ds2);
            sum.add(4, p.nE); sum.add(5, p.nF); sum.add(6, p.nS);
            for (int k = 0; k < nTheta; k++) sum.add(7 + k, p.grad[k]);
        }
        if (ranks.size() > 1) {
            long[] state = sum.state();
            ranks.sumInPlace(state);
            sum.setState(state);
        }
        double[] total = sum.get();
        double invK = 1.0 / Math.max(1, items.size());
        double loss = total[0], de2 = total[1], df2 = total[2], ds2 = total[3];
        long nE = (long) total[4], nF = (long) total[5], nS = (long) total[6];
        if (wantGrad) System.arraycopy(total, 7, gradOut, 0, nTheta);
        loss *= invK;
        if (wantGrad) for (int k = 0; k < gradOut.length; k++) gradOut[k] *= invK;
        loss += RadialPenalty.add(shape, theta, penaltyWeight, gradOut);
        last = new Stats(loss, nE > 0 ? Math.sqrt(de2 / nE) : Double.NaN, nF > 0 ? Math.sqrt(df2 / (3.0 * nF)) : Double.NaN,
                nS > 0 ? Math.sqrt(ds2 / (9.0 * nS)) : Double.NaN);
        return loss;
    }

    private Part one(TrainingSet.Item item, double[] theta, boolean wantGrad, LinearFit.Design design) {
        SiteCoefficientGradients k = kernels.get();
        SiteEvaluator ev = k.evaluator();
        ev.setCoefficients(theta, scaling);
        Configuration cfg = item.cfg();
        NeighbourList nl = item.nl();
        int n = cfg.size;
        int nTheta = theta.length;
        double[] forces = new double[3 * n];
        double[] w = new double[9];
        double energy = 0;
        boolean useE = weights.energy() != 0 && cfg.hasEnergy();
        boolean useF = weights.force() != 0 && cfg.forces != null;
        boolean useS = weights.stress() != 0 && cfg.plusStress != null;
        double[] g = new double[3 * Math.max(1, nl.maxCount())];
        if (design != null) {
            int nr = shape.radialCoeffs.length, c = shape.speciesCount, sc = shape.scalarCount();
            energy = design.fixedEnergy();
            for (int i = 0; i < c + sc; i++) energy += design.a()[i] * theta[nr + i];
            if (useF) {
                double[] x = design.forces(), f0 = design.fixedForces();
                for (int r = 0; r < 3 * n; r++) {
                    double v = f0 == null ? 0 : f0[r];
                    for (int t = 0, o = r * sc; t < sc; t++) v += x[o + t] * theta[nr + c + t];
                    forces[r] = v;
                }
            }
            if (useS) {
                double[] y = design.stress(), w0 = design.fixedStress();
                for (int r = 0; r < 9; r++) {
                    double v = w0 == null ? 0 : w0[r];
                    for (int t = 0, o = r * sc; t < sc; t++) v += y[o + t] * theta[nr + c + t];
                    w[r] = v;
                }
            }
        } else {
            for (int i = 0; i < n; i++) {
                int off = nl.offsets[i], cnt = nl.count(i);
                energy += ev.siteEnergy(cfg.types[i], cnt, nl.types, off, nl.rij, 3 * off, g, 0);
                for (int e = 0; e < cnt; e++) {
                    int j = nl.neighbours[off + e];
                    double gx = g[3 * e], gy = g[3 * e + 1], gz = g[3 * e + 2];
                    forces[3 * i] += gx; forces[3 * i + 1] += gy; forces[3 * i + 2] += gz;
                    forces[3 * j] -= gx; forces[3 * j + 1] -= gy; forces[3 * j + 2] -= gz;
                    int ro = 3 * (off + e);
                    double rx = nl.rij[ro], ry = nl.rij[ro + 1], rz = nl.rij[ro + 2];
                    w[0] -= gx * rx; w[1] -= gx * ry; w[2] -= gx * rz;
                    w[3] -= gy * rx; w[4] -= gy * ry; w[5] -= gy * rz;
                    w[6] -= gz * rx; w[7] -= gz * ry; w[8] -= gz * rz;
                }
            }
        }
        double energyCoef = 0;       // 2 w_E' (E − E_ref), applied to ∂E/∂θ in the gradient pass
        Part p = new Part();
        if (wantGrad) p.grad = new double[nTheta];
        if (useE) {
            double d = energy - cfg.energy;
            double f = weights.energyFactor(n);
            p.loss += f * d * d;
            p.de2 = (d / n) * (d / n);
            p.nE = 1;
            energyCoef = 2 * f * d;
        }
        double[] fw = null;          // 2 w_F,i ΔF_i
        if (useF) {
            fw = new double[3 * n];
            for (int i = 0; i < n; i++) {
                double dx = forces[3 * i] - cfg.forces[3 * i], dy = forces[3 * i + 1] - cfg.forces[3 * i + 1],
                        dz = forces[3 * i + 2] - cfg.forces[3 * i + 2];
                double fr2 = cfg.forces[3 * i] * cfg.forces[3 * i] + cfg.forces[3 * i + 1] * cfg.forces[3 * i + 1]
                        + cfg.forces[3 * i + 2] * cfg.forces[3 * i + 2];
                double f = weights.forceFactor(n, fr2);
                double d2 = dx * dx + dy * dy + dz * dz;
                p.loss += f * d2;
                p.df2 += d2;
                fw[3 * i] = 2 * f * dx; fw[3 * i + 1] = 2 * f * dy; fw[3 * i + 2] = 2 * f * dz;
            }
            p.nF = n;
        }
        double[] sw = null;          // −2 w_S' ΔW (3×3)
        if (useS) {
            double[] ref = fullStress(cfg.plusStress);
            double f = weights.stressFactor(n);
            double d2 = 0;
            sw = new double[9];
            for (int a = 0; a < 9; a++) {
                double d = w[a] - ref[a];
                d2 += d * d;
                sw[a] = -2 * f * d;
            }
            p.loss += f * d2;
            p.ds2 = d2;
            p.nS = 1;
        }
        if (wantGrad && (fw != null || sw != null || energyCoef != 0)) {
            double[] delta = new double[g.length];
            boolean tangent = fw != null || sw != null;
            for (int i = 0; i < n; i++) {
                int off = nl.offsets[i], cnt = nl.count(i);
                if (!tangent) {
                    ev.addSiteEnergyGradient(cfg.types[i], cnt, nl.types, off, nl.rij, 3 * off, energyCoef, p.grad);
                    continue;
                }
                for (int e = 0; e < cnt; e++) {
                    int j = nl.neighbours[off + e];
                    double dx = 0, dy = 0, dz = 0;
                    if (fw != null) {
                        dx = fw[3 * i] - fw[3 * j]; dy = fw[3 * i + 1] - fw[3 * j + 1]; dz = fw[3 * i + 2] - fw[3 * j + 2];
                    }
                    if (sw != null) {
                        int ro = 3 * (off + e);
                        double rx = nl.rij[ro], ry = nl.rij[ro + 1], rz = nl.rij[ro + 2];
                        dx += sw[0] * rx + sw[1] * ry + sw[2] * rz;
                        dy += sw[3] * rx + sw[4] * ry + sw[5] * rz;
                        dz += sw[6] * rx + sw[7] * ry + sw[8] * rz;
                    }
                    delta[3 * e] = dx; delta[3 * e + 1] = dy; delta[3 * e + 2] = dz;
                }
                ev.evaluateSite(cfg.types[i], cnt, nl.types, off, nl.rij, 3 * off);
                k.addGradient(energyCoef, delta, 0, p.grad);
            }
        }
        return p;
    }

    /**
     * E, PlusStress (xx yy zz yz xz xy) and forces of configuration {@code index} as computed by
     * this loss: {@code [E, W(6), F(3N)]}. For tests and reports.
     */
    public double[] forcesEnergyStress(double[] theta, int index) {
        TrainingSet.Item it = set.items().get(index);
        SiteEvaluator ev = kernels.get().evaluator();
        ev.setCoefficients(theta, scaling);
        Configuration cfg = it.cfg();
        NeighbourList nl = it.nl();
        int n = cfg.size;
        double[] out = new double[7 + 3 * n];
        double[] g = new double[3 * Math.max(1, nl.maxCount())];
        double[] w = new double[9];
        for (int i = 0; i < n; i++) {
            int off = nl.offsets[i], cnt = nl.count(i);
            out[0] += ev.siteEnergy(cfg.types[i], cnt, nl.types, off, nl.rij, 3 * off, g, 0);
            for (int e = 0; e < cnt; e++) {
                int j = nl.neighbours[off + e];
                for (int a = 0; a < 3; a++) {
                    out[7 + 3 * i + a] += g[3 * e + a];
                    out[7 + 3 * j + a] -= g[3 * e + a];
                    for (int b = 0; b < 3; b++) w[3 * a + b] -= g[3 * e + a] * nl.rij[3 * (off + e) + b];
                }
            }
        }
        out[1] = w[0]; out[2] = w[4]; out[3] = w[8]; out[4] = w[5]; out[5] = w[2]; out[6] = w[1];
        return out;
    }

    /** PlusStress xx yy zz yz xz xy → row-major 3×3. */
    static double[] fullStress(double[] s) {
        return new double[] {s[0], s[5], s[4], s[5], s[1], s[3], s[4], s[3], s[2]};
    }

    @Override
    public void close() {
        if (pool != null) pool.shutdownNow();
    }
}
