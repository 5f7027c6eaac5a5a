package org.mtpj.analysis.voltage;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.mtpj.core.UserError;

/** Energies per V2O5 unit of Mg_x V2O5 structures computed with an MTP (x = 2 N_Mg / N_V, E = E_cell · 2 / N_V). */
public final class StructureEnergies {
    private StructureEnergies() {}

    public static EnergyTable compute(List<Path> structures, Path pot, int threads, PrintWriter log) {
        // TODO(lro): needs PoscarReader (msd) and Evaluator (eval); wired in with relax.
        throw new UserError("computing energies from structures is not available yet; give an energy TSV");
    }

    public static double energyPerAtom(Path structure, Path pot, int threads) {
        throw new UserError("computing the Mg metal energy from a structure is not available yet; give a number (eV/atom)");
    }
}
