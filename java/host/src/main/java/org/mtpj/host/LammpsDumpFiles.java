package org.mtpj.host;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.mtpj.core.io.LammpsDumpReader;
import org.mtpj.core.io.LammpsDumpWriter;

/** LAMMPS text dump files: the core's dump reader and writer on a path (atomic output). */
public final class LammpsDumpFiles {
    private LammpsDumpFiles() {}

    /** Opens a dump file for streaming (gzip detected by content); warnings go to {@code warnings}. */
    public static LammpsDumpReader open(Path file, Consumer<String> warnings) {
        return LammpsDumpReader.of(InputFiles.openRaw(file), file.toString(), InputFiles.size(file), warnings);
    }

    /** Creates (replaces, at commit) a dump file; withForces adds fx fy fz columns. */
    public static LammpsDumpWriter create(Path path, boolean withForces) {
        return LammpsDumpWriter.to(AtomicOutput.create(path), withForces);
    }
}
