package org.mtpj.core.eval;

import org.mtpj.core.UserError;
import org.mtpj.core.model.Configuration;
import org.mtpj.core.model.MtpPotential;

/**
 * Energy, forces, PlusStress, site energies and per-atom virials of whole configurations
 * (mtp-spec.md §3), in parallel over atoms on the threads of a {@link Blocks.Runner} that the
 * host passes in (the core starts no thread; {@link Blocks#SERIAL} for one thread).
 *
 * <p>Determinism: each block of atoms is evaluated with its thread's own {@link SiteEvaluator}
 * and g_ij is stored per neighbour entry; forces are then gathered per atom (own entries minus the
 * entries pointing at it, in list order) and energies/virials summed in atom order. So the
 * results are bit-for-bit the same for any runner and thread count.
 *
 * <p>One evaluation at a time per instance (calls are synchronised).
 */
public final class Evaluator {
    private final MtpPotential pot;
    private final Blocks.Runner runner;
    private final SiteEvaluator[] site;
    private NeighbourList nl;
    private double[] g = new double[0];

    /** An evaluator of pot on runner's threads (one {@link SiteEvaluator} per thread). */
    public Evaluator(MtpPotential pot, Blocks.Runner runner) {
        if (runner.threads() < 1) throw new UserError("thread count must be at least 1, got " + runner.threads());
        this.pot = pot;
        this.runner = runner;
        MomentTables tables = new MomentTables(pot);
        site = new SiteEvaluator[runner.threads()];
        for (int t = 0; t < site.length; t++) site[t] = new SiteEvaluator(tables);
    }

    public MtpPotential potential() { return pot; }

    public int threads() { return site.length; }

    /** Evaluates cfg (not modified). */
    public synchronized EvaluationResult evaluate(Configuration cfg) {
        int n = cfg.size;
        double[] forces = new double[3 * n], site = new double[n], vir = new double[6 * n];
        double[] stress = new double[6];
        double e = run(cfg, forces, site, vir, stress);
        return new EvaluationResult(e, forces, stress, site, vir);
    }

    /** Evaluates cfg and stores energy, forces, PlusStress and site energies in it. */
    public synchronized void evaluateInto(Configuration cfg) {
        int n = cfg.size;
        double[] forces = new double[3 * n], site = new double[n], vir = new double[6 * n];
        double[] stress = new double[6];
        cfg.energy = run(cfg, forces, site, vir, stress);
        cfg.forces = forces;
        cfg.siteEnergies = site;
        cfg.plusStress = stress;
    }

    private double run(Configuration cfg, double[] forces, double[] siteEn, double[] vir, double[] stress) {
        int n = cfg.size;
        for (int i = 0; i < n; i++)
            if (cfg.types[i] < 0 || cfg.types[i] >= pot.speciesCount)
                throw new UserError("atom " + cfg.ids[i] + " has species " + cfg.types[i]
                        + " but the potential has species 0.." + (pot.speciesCount - 1));
        if (nl == null) nl = NeighbourList.build(cfg, pot.cutoff(), runner);
        else nl.rebuild(cfg, runner);
        if (g.length < 3 * nl.entryCount()) g = new double[3 * nl.entryCount() + 3 * nl.entryCount() / 4];
        final NeighbourList list = nl;
        final double[] gg = g;
        runner.run(n, (t, from, to) -> {
            SiteEvaluator se = site[t];
            for (int i = from; i < to; i++) {
                int o = list.offsets[i], cnt = list.offsets[i + 1] - o;
                siteEn[i] = se.siteEnergy(cfg.types[i], cnt, list.types, o, list.rij, 3 * o, gg, 3 * o);
                double xx = 0, yy = 0, zz = 0, xy = 0, xz = 0, yz = 0;
                for (int e = 3 * o; e < 3 * (o + cnt); e += 3) {
                    double gx = gg[e], gy = gg[e + 1], gz = gg[e + 2];
                    double rx = list.rij[e], ry = list.rij[e + 1], rz = list.rij[e + 2];
                    xx -= gx * rx; yy -= gy * ry; zz -= gz * rz;
                    xy -= 0.5 * (gx * ry + gy * rx);
                    xz -= 0.5 * (gx * rz + gz * rx);
                    yz -= 0.5 * (gy * rz + gz * ry);
                }
                int v = 6 * i;
                vir[v] = xx; vir[v + 1] = yy; vir[v + 2] = zz; vir[v + 3] = xy; vir[v + 4] = xz; vir[v + 5] = yz;
            }
        });
        runner.run(n, (t, from, to) -> {
            for (int i = from; i < to; i++) {
                double fx = 0, fy = 0, fz = 0;
                for (int e = list.offsets[i]; e < list.offsets[i + 1]; e++) {
                    fx += gg[3 * e]; fy += gg[3 * e + 1]; fz += gg[3 * e + 2];
                }
                for (int p = list.reverseOffsets[i]; p < list.reverseOffsets[i + 1]; p++) {
                    int e = list.reverseEntries[p];
                    fx -= gg[3 * e]; fy -= gg[3 * e + 1]; fz -= gg[3 * e + 2];
                }
                forces[3 * i] = fx; forces[3 * i + 1] = fy; forces[3 * i + 2] = fz;
            }
        });
        double energy = 0;
        for (int i = 0; i < n; i++) energy += siteEn[i];
        // PlusStress (xx yy zz yz xz xy) from per-atom virials (xx yy zz xy xz yz), atom order
        for (int i = 0; i < n; i++) {
            stress[0] += vir[6 * i]; stress[1] += vir[6 * i + 1]; stress[2] += vir[6 * i + 2];
            stress[3] += vir[6 * i + 5]; stress[4] += vir[6 * i + 4]; stress[5] += vir[6 * i + 3];
        }
        return energy;
    }
}
