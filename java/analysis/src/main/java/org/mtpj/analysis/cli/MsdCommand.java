package org.mtpj.analysis.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mtpj.analysis.msd.MsdResult;
import org.mtpj.host.OutputGuard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mtpj msd}: multi-origin MSD per axis and MSCD of a species. */
@Command(name = "msd", mixinStandardHelpOptions = true,
        description = {
            "Mean squared displacement (MSD, MSCD) of a trajectory.",
            "",
            "Mean squared displacement of the mobile species with all time origins (FFT,",
            "equal to the direct double loop), per axis x/y/z, and the collective MSCD =",
            "|Σ displacements|²/N. Positions are unwrapped (unwrapped columns, else image",
            "flags, else minimum image between frames) and the framework drift removed.",
            "Writes DIR/msd.tsv (t_ps, MSD_A2, MSD_x, MSD_y, MSD_z, MSCD_A2: lag time in",
            "ps, MSDs in Å²) and DIR/msd.png (log-log and linear panels; msd_1.svg and",
            "msd_2.svg). For D use 'mtpj diffusion' with a fit window."})
public final class MsdCommand implements Callable<Integer> {
    @Mixin TrajectoryOptions traj;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder, created (default: beside the first TRAJ).")
    Path out;

    @Option(names = "--window", paramLabel = "TMIN:TMAX",
            description = "Only shades this lag window (ps) on the plot; fits are done by 'mtpj diffusion'.")
    String window;

    @Override
    public Integer call() {
        if (out == null) out = DefaultOut.beside(traj.inputs.get(0), null);
        OutputGuard.of("msd").inputs(traj.inputs).folder(out, "msd.tsv").check();
        TrajectoryOptions.Loaded l = traj.load(System.err::println);
        MsdResult m = l.msd();
        MsdOutputs.writeTsv(m, l.abc(), out.resolve("msd.tsv"));
        double[] w = window == null ? null : DiffusionCommand.parseWindow(window);
        MsdOutputs.plot(m, String.join(",", traj.species), w, out.resolve("msd"));
        System.out.printf("%s: %d frames, %d %s atoms of %d, frames %s ps apart, lags 0..%s ps%n", traj.inputs.get(0), m.frames(),
                m.mobileAtoms(), String.join(",", traj.species), l.trajectory().totalAtoms, Tsv.compact(l.frameSpacingPs()),
                Tsv.compact(m.timePs()[m.lags() - 1]));
        System.out.println("MSD(t) in Å² at a few lags:");
        System.out.println("   t (ps)     MSD (Å²)   MSD_x      MSD_y      MSD_z      MSCD (Å²)");
        int step = Math.max(1, m.lags() / 8);
        for (int k = 0; k < m.lags(); k += step) {
            System.out.printf("%9.3f  %10.5g %10.5g %10.5g %10.5g %10.5g%n", m.timePs()[k], m.msd()[k], m.msdX()[k], m.msdY()[k],
                    m.msdZ()[k], m.mscd()[k]);
        }
        System.out.println("wrote " + out.resolve("msd.tsv") + ", " + out.resolve("msd.png"));
        return 0;
    }
}
