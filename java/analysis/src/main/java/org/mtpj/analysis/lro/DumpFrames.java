package org.mtpj.analysis.lro;

import java.nio.file.Path;
import java.util.List;
import org.mtpj.core.UserError;

/** LAMMPS dump frames as LRO inputs. */
final class DumpFrames {
    private DumpFrames() {}

    static List<TrackedAtoms.Source> sources(Path dump, String name, Integer frame, List<String> types) {
        // TODO(lro): wire in the analysis dump reader once it is committed.
        throw new UserError("LAMMPS dumps are not supported by mtpj lro yet: " + dump);
    }

    static TrackedAtoms load(TrackedAtoms.Source src, int z, String symbol) {
        throw new UserError("LAMMPS dumps are not supported by mtpj lro yet: " + src.file());
    }
}
