package org.mtpj.lammps.bridge;

import org.mtpj.core.eval.SiteEvaluator;
import org.mtpj.core.model.MtpPotential;

/** A Moment Tensor Potential as the pair style's site model: core's SiteEvaluator per thread. */
public final class MtpSiteModel implements SiteModel {
    private final MtpPotential pot;
    private final String source;

    public MtpSiteModel(MtpPotential pot, String source) {
        this.pot = pot;
        this.source = source;
    }

    public MtpPotential potential() { return pot; }

    @Override public int speciesCount() { return pot.speciesCount; }
    @Override public String[] speciesNames() { return pot.speciesNames; }
    @Override public double cutoff() { return pot.maxDist; }
    @Override public double minDist() { return pot.minDist; }

    @Override
    public String describe() {
        return "MTP " + (pot.name == null || pot.name.isEmpty() ? "" : "'" + pot.name + "' ") + "from " + source
                + ": " + pot.speciesCount + " species, cutoff " + pot.maxDist + " A, " + pot.scalarCount()
                + " basis functions, " + pot.coefficientCount() + " coefficients" + (pot.fitted ? "" : " (UNTRAINED)");
    }

    @Override
    public SiteKernel newKernel() {
        SiteEvaluator ev = new SiteEvaluator(pot);
        return (central, n, species, rij, g, off) -> ev.siteEnergy(central, n, species, off, rij, 3 * off, g, 3 * off);
    }
}
