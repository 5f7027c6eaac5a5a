package org.mtpj.host;

import java.nio.file.Path;
import org.mtpj.core.io.LammpsDumpWriter;

/** LAMMPS text dump files: the core's dump writer on a path (atomic output). */
public final class LammpsDumpFiles {
    private LammpsDumpFiles() {}

    /** Creates (replaces, at commit) a dump file; withForces adds fx fy fz columns. */
    public static LammpsDumpWriter create(Path path, boolean withForces) {
        return LammpsDumpWriter.to(AtomicOutput.create(path), withForces);
    }
}
