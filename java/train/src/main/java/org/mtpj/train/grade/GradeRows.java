package org.mtpj.train.grade;

import java.util.Arrays;
import org.mtpj.core.eval.NeighbourList;
import org.mtpj.core.eval.SiteEvaluator;
import org.mtpj.core.model.Configuration;
import org.mtpj.core.model.MtpPotential;
import org.mtpj.train.fit.Weighting;

/**
 * Builds the rows of one configuration (mtp-spec §6.1) from coefficient gradients ∂V_i/∂θ
 * computed by core's {@link SiteEvaluator}. Neighbourhood rows come first (atom order), then the
 * energy row. Per-thread: holds a site evaluator and scratch.
 */
public final class GradeRows {
    private final MtpPotential pot;
    private final RowWeights weights;
    private final SiteEvaluator site;
    private final int n;

    public GradeRows(MtpPotential pot, RowWeights weights) {
        this.pot = pot;
        this.weights = weights;
        this.site = new SiteEvaluator(pot);
        this.n = pot.coefficientCount();
    }

    public int rowLength() { return n; }

    /** Number of rows cfg contributes (0 for an empty configuration). */
    public int rowCount(Configuration cfg) {
        if (cfg.size == 0) return 0;
        return (weights.neighbourhoodRows() ? cfg.size : 0) + (weights.energyRow() ? 1 : 0);
    }

    /** The rows of cfg, row-major ({@link #rowCount} × n). */
    public double[] rows(Configuration cfg) {
        int count = rowCount(cfg);
        double[] out = new double[count * n];
        if (count == 0) return out;
        org.mtpj.train.fit.TrainingSet.checkSpecies(cfg, pot.speciesCount,
                "configuration" + (cfg.features.containsKey("note") ? " '" + cfg.features.get("note") + "'" : ""));
        NeighbourList nl = NeighbourList.build(cfg, pot.cutoff());
        int atoms = cfg.size;
        boolean nbh = weights.neighbourhoodRows();
        int eRow = nbh ? atoms : -1;
        double[] energyGrad = weights.energyRow() ? new double[n] : null;
        double[] tmp = new double[n];
        for (int i = 0; i < atoms; i++) {
            int off = nl.offsets[i], cnt = nl.count(i);
            if (nbh) {
                Arrays.fill(tmp, 0);
                site.addSiteEnergyGradient(cfg.types[i], cnt, nl.types, off, nl.rij, 3 * off, 1.0, tmp);
                System.arraycopy(tmp, 0, out, i * n, n);
                if (energyGrad != null) for (int k = 0; k < n; k++) energyGrad[k] += tmp[k];
            } else {
                site.addSiteEnergyGradient(cfg.types[i], cnt, nl.types, off, nl.rij, 3 * off, 1.0, energyGrad);
            }
        }
        if (energyGrad != null) {
            double scale = weights.weighting() == Weighting.MOLECULES ? weights.energy() : weights.energy() / atoms;
            int o = (nbh ? eRow : 0) * n;
            for (int k = 0; k < n; k++) out[o + k] = scale * energyGrad[k];
        }
        return out;
    }
}
