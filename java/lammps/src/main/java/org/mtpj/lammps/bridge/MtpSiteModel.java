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
    public Kernel newKernel() { return new Kernel(new SiteEvaluator(pot)); }

    /** One thread's SiteEvaluator; after each site it holds that site's state (for hooks' {@link StepHook.SiteObserver}). */
    public static final class Kernel implements SiteKernel {
        private final SiteEvaluator ev;

        Kernel(SiteEvaluator ev) { this.ev = ev; }

        public SiteEvaluator evaluator() { return ev; }

        @Override
        public double siteEnergy(int central, int n, int[] species, double[] rij, double[] g, int off) {
            return ev.siteEnergy(central, n, species, off, rij, 3 * off, g, 3 * off);
        }
    }
}
