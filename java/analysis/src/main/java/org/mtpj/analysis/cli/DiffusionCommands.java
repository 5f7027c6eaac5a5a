package org.mtpj.analysis.cli;

import java.util.List;

/** Trajectory commands: msd, diffusion, arrhenius, diffusion-report. */
public final class DiffusionCommands {
    private DiffusionCommands() {}

    public static List<Object> all() {
        return List.of(new MsdCommand(), new DiffusionCommand(), new ArrheniusCommand(), new DiffusionReportCommand());
    }
}
