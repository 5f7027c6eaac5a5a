package org.mtpj.train.grade;

import org.mtpj.core.UserError;
import org.mtpj.train.fit.Weighting;

/**
 * Which rows a configuration contributes to the active set (mtp-spec §6.1): neighbourhood rows
 * (one per atom, when {@code siteEnergy ≠ 0}; only the switch matters) and/or an energy row
 * (weight {@code energy}, divided by N except for {@code molecules} weighting). Force and stress
 * rows (force or stress weight ≠ 0) are not supported yet and are refused with a clear message.
 */
public record RowWeights(double siteEnergy, double energy, double force, double stress, Weighting weighting) {
    /** calc-grade / select-add defaults: one energy row per configuration ("configuration mode"). */
    public static final RowWeights CONFIGURATION_MODE = new RowWeights(0, 1, 0, 0, Weighting.VIBRATIONS);
    /** The MD workflow: one row per atom ({@code --nbh-weight=1 --energy-weight=0}). */
    public static final RowWeights NEIGHBOURHOOD_MODE = new RowWeights(1, 0, 0, 0, Weighting.VIBRATIONS);

    public RowWeights {
        if (weighting == null) weighting = Weighting.VIBRATIONS;
        for (double w : new double[] {siteEnergy, energy, force, stress})
            if (!Double.isFinite(w)) throw new UserError("row weights must be finite numbers");
        if (force != 0 || stress != 0)
            throw new UserError("force and stress rows (--force-weight/--stress-weight ≠ 0) are not supported by mtpj's "
                    + "selection yet; use --energy-weight and/or --nbh-weight");
        if (siteEnergy == 0 && energy == 0)
            throw new UserError("no rows: set --nbh-weight and/or --energy-weight to a nonzero value");
    }

    public boolean neighbourhoodRows() { return siteEnergy != 0; }
    public boolean energyRow() { return energy != 0; }

    /** Short name: "nbh" for neighbourhood rows only, "cfg" for energy rows only, else "nbh+cfg". */
    public String mode() {
        return neighbourhoodRows() && energyRow() ? "nbh+cfg" : neighbourhoodRows() ? "nbh" : "cfg";
    }
}
