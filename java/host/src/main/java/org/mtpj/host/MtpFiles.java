package org.mtpj.host;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.mtpj.core.io.MtpReader;
import org.mtpj.core.io.MtpWriter;
import org.mtpj.core.model.MtpPotential;

/** {@code .mtp} files: the core's reader and writer on a path (atomic output). */
public final class MtpFiles {
    private MtpFiles() {}

    /** Reads a potential file. */
    public static MtpPotential read(Path path) {
        try (InputStream in = InputFiles.openRaw(path)) {
            return MtpReader.read(in, path.toString());
        } catch (IOException e) { // from close
            throw InputFiles.cannotRead(path.toString(), 0, e);
        }
    }

    /** Writes pot to path in MLIP-2's layout. */
    public static void write(MtpPotential pot, Path path) { write(pot, path, MtpWriter.Precision.MLIP2); }

    /** Writes pot to path; warns when MLIP-2 could not read it (more than 10 species). */
    public static void write(MtpPotential pot, Path path, MtpWriter.Precision precision) {
        if (!MtpWriter.mlip2Readable(pot))
            Warnings.STDERR.accept(path + " has " + pot.speciesCount
                    + " species; MLIP-2 reads at most 10 (single-character a-b headers), mtpj reads it");
        AtomicOutput.writeString(path, MtpWriter.format(pot, precision), StandardCharsets.ISO_8859_1);
    }

    /** Writes the untrained layout of pot to path (see {@link MtpWriter#formatUntrained}). */
    public static void writeUntrained(MtpPotential pot, Path path) {
        AtomicOutput.writeString(path, MtpWriter.formatUntrained(pot), StandardCharsets.ISO_8859_1);
    }
}
