package org.mtpj.learn;

import java.nio.file.Path;
import org.mtpj.core.model.Configuration;

/**
 * The reference that labels configurations (energy, forces, PlusStress): the ab initio code of
 * active learning. Implementations: {@link LammpsOracle}, {@link CommandOracle}, {@link Cp2kOracle},
 * {@link VaspOracle}. A configuration it cannot label (unconverged SCF, time limit) is
 * {@link LabelSkipped}; a broken set-up is a {@link org.mtpj.core.UserError}.
 */
public interface Oracle {
    /**
     * Labels one configuration. {@code work} is an empty folder of this configuration for the
     * oracle's files (kept for inspection). Returns a configuration of the same atoms, in the
     * same order, with energy and forces (and PlusStress for a periodic cell when the oracle gives it).
     */
    Configuration label(Configuration cfg, Path work);

    /** One line for the report: what labels the data. */
    String describe();
}
