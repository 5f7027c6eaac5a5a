package org.mtpj.train.cli;

import org.mtpj.train.fit.Weighting;
import org.mtpj.train.grade.RowWeights;
import picocli.CommandLine.Option;

/** Row weights and thresholds shared by calc-grade and select-add (MLIP-2 names and defaults). */
public final class SelectionOptions {
    @Option(names = {"--nbh-weight", "--site-en-weight"}, paramLabel = "W",
            description = "Neighbourhood rows (one per atom) when ≠ 0; only the switch matters (default ${DEFAULT-VALUE}).")
    double nbhWeight = 0;

    @Option(names = "--energy-weight", paramLabel = "W",
            description = "Weight of the energy row, divided by the atom count (default ${DEFAULT-VALUE}).")
    double energyWeight = 1;

    @Option(names = "--force-weight", paramLabel = "W", description = "Force rows (not supported yet; must be 0).")
    double forceWeight = 0;

    @Option(names = "--stress-weight", paramLabel = "W", description = "Stress rows (not supported yet; must be 0).")
    double stressWeight = 0;

    @Option(names = "--weighting", paramLabel = "KIND",
            description = "vibrations (default), structures or molecules: how energy rows are normalised.")
    String weighting = "vibrations";

    @Option(names = "--init-threshold", paramLabel = "EPS",
            description = "ε of the initial active set ε·I (default ${DEFAULT-VALUE}; mlip.ini's default is 1e-7).")
    double initThreshold = 1e-5;

    @Option(names = "--select-threshold", paramLabel = "G",
            description = "A selection pass starts only if some grade exceeds this (default ${DEFAULT-VALUE}).")
    double selectThreshold = 1.1;

    @Option(names = "--swap-threshold", paramLabel = "G",
            description = "Rows are swapped in while some grade exceeds this (default ${DEFAULT-VALUE}).")
    double swapThreshold = 1.0000001;

    RowWeights rowWeights() {
        return new RowWeights(nbhWeight, energyWeight, forceWeight, stressWeight, Weighting.parse(weighting));
    }
}
