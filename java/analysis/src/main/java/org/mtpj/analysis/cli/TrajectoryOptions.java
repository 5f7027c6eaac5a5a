package org.mtpj.analysis.cli;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import me.tongfei.progressbar.ProgressBar;
import org.mtpj.analysis.msd.MsdCalculator;
import org.mtpj.analysis.msd.MsdResult;
import org.mtpj.analysis.traj.DriftCorrection;
import org.mtpj.analysis.traj.MobileTrajectory;
import org.mtpj.analysis.traj.SpeciesMap;
import org.mtpj.analysis.traj.TrajectoryFiles;
import org.mtpj.core.io.TrajectoryReader;
import org.mtpj.core.UserError;
import org.mtpj.host.ProgressOption;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Trajectory inputs and MSD options shared by {@code msd}, {@code diffusion} and {@code diffusion-report}. */
public final class TrajectoryOptions {
    static final long PROGRESS_THRESHOLD_BYTES = 100L << 20;

    @Parameters(arity = "1..*", paramLabel = "TRAJ",
            description = "LAMMPS text dumps (.gz allowed; several = consecutive pieces), an XDATCAR, POSCAR/CONTCAR files "
                    + "(ordered by the number in the name) or a folder of them.")
    List<Path> inputs;

    @Option(names = "--species", split = ",", defaultValue = "Mg", paramLabel = "EL",
            description = "Mobile species whose MSD is computed (default: ${DEFAULT-VALUE}); all others form the framework.")
    List<String> species;

    @Option(names = "--types", split = ",", paramLabel = "EL",
            description = "Species of LAMMPS types 1,2,3,... e.g. Mg,V,O (the study's map). Needed for dumps without an 'element' column.")
    List<String> types;

    @Mixin TimestepOption timestep;

    @Option(names = "--frame-ps", paramLabel = "PS",
            description = "Time between stored frames in ps; required for POSCAR series (no step numbers). Overrides --timestep-ps; "
                    + "without it an XDATCAR frame's time is its configuration number × --timestep-ps.")
    Double framePs;

    @Option(names = "--drift", defaultValue = "framework", paramLabel = "MODE",
            description = "Drift removal: 'framework' subtracts the motion of the unweighted mean position of all non-mobile atoms "
                    + "(default), 'framework-mass' uses the mass-weighted centre (dump 'mass' column, else standard atomic weights), "
                    + "'none' keeps positions as unwrapped.")
    String drift;

    @Option(names = "--every", paramLabel = "N",
            description = "Use every N-th frame for the MSD (default 1); unwrapping still uses all frames. "
                    + "With --compat study: keep every k-th file of the sorted list (stage B).")
    Integer everyOption;

    int every() { return everyOption == null ? 1 : everyOption; }

    @Option(names = "--abc", description = "Also report MSD and D along the lattice vectors a, b, c of the first frame "
            + "(for triclinic cells; extra columns MSD_a MSD_b MSD_c and rows D_a D_b D_c).")
    boolean abc;

    @Mixin ProgressOption progress;

    DriftCorrection driftMode() {
        return switch (drift.toLowerCase()) {
            case "framework" -> DriftCorrection.FRAMEWORK;
            case "framework-mass" -> DriftCorrection.FRAMEWORK_MASS;
            case "none" -> DriftCorrection.NONE;
            default -> throw new UserError("--drift must be 'framework', 'framework-mass' or 'none', got '" + drift + "'");
        };
    }

    /** Loaded trajectory plus its MSD. */
    /** {@code abc}: MSD along a, b, c ({@code [axis][lag]}), or null when --abc was not given. */
    record Loaded(MobileTrajectory trajectory, MsdResult msd, double frameSpacingPs, double[][] abc) {}

    Loaded load(Consumer<String> warnings) {
        double timestepPs = timestep.ps();
        if (framePs != null && framePs <= 0) throw new UserError("--frame-ps must be positive, got " + framePs);
        Set<String> mobile = new LinkedHashSet<>(species);
        boolean series = inputs.stream().anyMatch(p -> java.nio.file.Files.isDirectory(p) || TrajectoryFiles.isStructureFile(p));
        MobileTrajectory traj;
        try (TrajectoryReader reader = TrajectoryFiles.open(inputs, types, warnings)) {
            // after open: an empty folder is said as such, not as a series without times
            if (series && framePs == null)
                throw new UserError("POSCAR/CONTCAR series carry no time: give --frame-ps (ps between consecutive files)");
            ProgressBar bar = null;
            if (reader.totalBytes() > PROGRESS_THRESHOLD_BYTES) bar = progress.open("reading", reader.totalBytes(), " MB", 1 << 20);
            ProgressBar b = bar;
            try {
                traj = MobileTrajectory.load(reader, new SpeciesMap(types), mobile, driftMode(), every(), warnings,
                        b == null ? null : b::stepTo);
            } finally {
                if (b != null) {
                    b.stepTo(reader.totalBytes());
                    b.close();
                }
            }
        }
        String names = inputs.stream().map(Path::toString).collect(java.util.stream.Collectors.joining(", "));
        if (traj.frames() < 3) throw new UserError(names + ": " + traj.frames() + " complete frame(s); MSD needs at least 3");
        // kept frames are --every apart: step numbers already say so, --frame-ps is per stored frame
        double spacing;
        try {
            spacing = framePs != null ? framePs * every() : traj.frameSpacingPs(timestepPs, null);
        } catch (UserError e) {
            throw new UserError(names + ": " + e.getMessage(), e.exitCode());
        }
        MsdResult msd = MsdCalculator.compute(traj, spacing);
        double[][] along = abc ? MsdCalculator.alongLattice(traj.positions, traj.mobileAtoms(), traj.firstCell) : null;
        return new Loaded(traj, msd, spacing, along);
    }
}
