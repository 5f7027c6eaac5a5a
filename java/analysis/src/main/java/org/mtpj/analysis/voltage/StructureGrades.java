package org.mtpj.analysis.voltage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mtpj.core.UserError;
import org.mtpj.core.model.Configuration;
import org.mtpj.core.model.MtpPotential;
import org.mtpj.host.CfgFiles;
import org.mtpj.host.MtpFiles;
import org.mtpj.train.grade.RowWeights;
import org.mtpj.train.grade.SelectionSession;

/**
 * MaxVol extrapolation grades (mtp-spec §6) of voltage structures against a training set: the
 * active set is selected once from TRAIN.cfg (as {@code mtpj calc-grade} does, default thresholds),
 * then each structure is graded. 1 = inside the training data, above ~2 = extrapolation, so an
 * energy (and the voltage built from it) with a large grade is not to be trusted.
 */
public final class StructureGrades {
    /** calc-grade's defaults: ε of the initial set, selection trigger and swap threshold. */
    static final double INIT_THRESHOLD = 1e-5, SELECT_THRESHOLD = 1.1, SWAP_THRESHOLD = 1.0000001;

    private final SelectionSession session;
    private final List<String> types;

    /** Selects the active set of {@code mode} ("nbh": one row per atom, "cfg": one energy row). */
    public StructureGrades(Path potFile, Path trainFile, String mode, List<String> types) {
        RowWeights w = switch (mode) {
            case "nbh" -> RowWeights.NEIGHBOURHOOD_MODE;
            case "cfg" -> RowWeights.CONFIGURATION_MODE;
            default -> throw new UserError("--grade-mode must be nbh or cfg, got '" + mode + "'");
        };
        MtpPotential pot = MtpFiles.read(potFile);
        List<Configuration> train = CfgFiles.readAll(trainFile);
        if (train.isEmpty()) throw new UserError(trainFile + " holds no configurations (--grade-train needs a training set)");
        for (Configuration c : train)
            for (int i = 0; i < c.size; i++)
                if (c.types[i] < 0 || c.types[i] >= pot.speciesCount)
                    throw new UserError(trainFile + ": atom type " + c.types[i] + " outside the potential's "
                            + pot.speciesCount + " species");
        session = new SelectionSession(pot, w, INIT_THRESHOLD);
        session.selectFrom(train, SELECT_THRESHOLD, SWAP_THRESHOLD, 0);
        this.types = types;
    }

    /** Grade above which a structure is an extrapolation of the potential (MLIP's usual selection threshold). */
    public static final double DEFAULT_THRESHOLD = 2.0;

    /** Largest grade of the structure (over its atoms in nbh mode). */
    public double grade(Path structure) {
        return grade(StructureEnergies.load(structure, types));
    }

    /** Largest grade of a configuration (types = the potential's species indices). */
    public double grade(Configuration c) {
        return session.grade(c).value();
    }

    /**
     * The WARNING line for a structure graded above {@code threshold}, or null: its energy (and
     * whatever is built on it) comes from outside the potential's training data.
     */
    public static String warning(String structure, double grade, double threshold, String consequence) {
        if (!(grade > threshold)) return null;
        return String.format(java.util.Locale.ROOT, "WARNING: %s has extrapolation grade %.3g > %.3g (outside the training data): %s",
                structure, grade, threshold, consequence);
    }

    /** Grades of several structures, in order. */
    public List<Double> grades(List<Path> structures) {
        List<Double> out = new ArrayList<>();
        for (Path f : structures) out.add(grade(f));
        return out;
    }

    public String mode() { return session.weights().mode(); }
}
