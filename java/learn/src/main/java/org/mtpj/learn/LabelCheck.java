package org.mtpj.learn;

import org.mtpj.core.UserError;
import org.mtpj.core.model.Configuration;

/** What every oracle's answer must satisfy before it enters a training set. */
final class LabelCheck {
    private LabelCheck() {}

    /** The configuration without any energy, forces or stress (what MD wrote there is the MTP's, not a label). */
    static Configuration unlabelled(Configuration cfg) {
        Configuration c = cfg.copy();
        c.energy = Double.NaN;
        c.forces = null;
        c.plusStress = null;
        c.siteEnergies = null;
        c.features.remove("MV_grade");
        return c;
    }

    /** The labelled answer, checked against the question: same atoms, finite energy and forces. */
    static Configuration check(Configuration asked, Configuration got, String where) {
        if (got.size != asked.size)
            throw new UserError(where + ": the oracle returned " + got.size + " atoms for a configuration of " + asked.size);
        for (int i = 0; i < got.size; i++)
            if (got.types[i] != asked.types[i])
                throw new UserError(where + ": atom " + (i + 1) + " has species " + got.types[i] + ", expected " + asked.types[i]);
        if (!got.hasEnergy() || !Double.isFinite(got.energy)) throw new UserError(where + ": the oracle returned no energy");
        if (got.forces == null) throw new UserError(where + ": the oracle returned no forces");
        for (double f : got.forces) if (!Double.isFinite(f)) throw new UserError(where + ": the oracle returned a non-finite force");
        if (got.plusStress != null)
            for (double s : got.plusStress) if (!Double.isFinite(s)) throw new UserError(where + ": the oracle returned a non-finite stress");
        got.features.remove("MV_grade");
        return got;
    }
}
