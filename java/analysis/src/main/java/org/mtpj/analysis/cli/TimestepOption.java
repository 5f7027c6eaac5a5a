package org.mtpj.analysis.cli;

import org.mtpj.core.UserError;
import picocli.CommandLine.Option;

/**
 * The one MD time step option of every command that turns dump step numbers into times (a
 * picocli mixin): {@code --timestep-ps PS}, default 0.002 ps (the study's md.lmp). lro's old
 * spelling {@code --timestep} is a hidden alias for a release.
 */
public final class TimestepOption {
    static final double DEFAULT_PS = 0.002;

    @Option(names = "--timestep-ps", paramLabel = "PS",
            description = "MD time step in ps: a dump frame's time = step × time step (default 0.002 ps, the study's md.lmp).")
    Double ps;

    @Option(names = "--timestep", hidden = true, paramLabel = "PS", description = "Old spelling of --timestep-ps.")
    void oldSpelling(double value) { ps = value; }

    /** The time step in ps (the default when not given); positive. */
    double ps() {
        double v = ps == null ? DEFAULT_PS : ps;
        if (!(v > 0)) throw new UserError("--timestep-ps must be positive, got " + v);
        return v;
    }

    /** Whether the user gave one (the study-compat pipeline keeps its own value otherwise). */
    boolean given() { return ps != null; }
}
