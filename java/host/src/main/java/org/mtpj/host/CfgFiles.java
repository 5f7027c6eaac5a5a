package org.mtpj.host;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.mtpj.core.io.CfgReader;
import org.mtpj.core.io.CfgWriter;
import org.mtpj.core.model.Configuration;

/** {@code .cfg} files: the core's streaming reader and writer on a path (warnings on stderr, atomic output). */
public final class CfgFiles {
    private CfgFiles() {}

    /** Opens a file for streaming (ISO-8859-1, so any byte survives a read-write cycle). */
    public static CfgReader open(Path path) {
        return CfgReader.of(InputFiles.openReader(path, StandardCharsets.ISO_8859_1), path.toString(), Warnings.STDERR);
    }

    /** All configurations of a file (small files, tests). */
    public static List<Configuration> readAll(Path path) {
        try (CfgReader r = open(path)) {
            return r.rest();
        }
    }

    /** Creates (or, at {@link CfgWriter#commit()}, replaces) a file, lossless style. */
    public static CfgWriter create(Path path) { return create(path, CfgWriter.Style.LOSSLESS); }

    public static CfgWriter create(Path path, CfgWriter.Style style) {
        return CfgWriter.to(AtomicOutput.create(path), style);
    }

    /** Writes all configurations to a file. */
    public static void writeAll(Path path, List<Configuration> cfgs, CfgWriter.Style style) {
        try (CfgWriter w = create(path, style)) {
            for (Configuration c : cfgs) w.write(c);
            w.commit();
        }
    }
}
