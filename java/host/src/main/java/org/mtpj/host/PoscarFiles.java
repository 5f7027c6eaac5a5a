package org.mtpj.host;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.mtpj.core.io.PoscarReader;
import org.mtpj.core.io.PoscarWriter;
import org.mtpj.core.io.TextLines;
import org.mtpj.core.io.XdatcarReader;
import org.mtpj.core.model.Structure;

/** VASP structure files (POSCAR, CONTCAR, XDATCAR; gzip read transparently): the core's readers and writer on a path. */
public final class PoscarFiles {
    private PoscarFiles() {}

    /** Reads one structure; the symbols line must be present or derivable from the comment. */
    public static Structure read(Path file) { return read(file, null); }

    /** Reads one structure; {@code symbolsIfMissing} (may be null) names the species of a VASP 4 file. */
    public static Structure read(Path file, List<String> symbolsIfMissing) {
        try (TextLines in = InputFiles.openLines(file)) {
            return PoscarReader.read(in, symbolsIfMissing);
        }
    }

    /** Writes s to file (atomically) in writer's style. */
    public static void write(PoscarWriter writer, Structure s, Path file) {
        AtomicOutput.write(file, StandardCharsets.UTF_8, w -> writer.write(s, w));
    }

    /** Streams the frames of an XDATCAR. */
    public static XdatcarReader openXdatcar(Path file, List<String> symbolsIfMissing, Consumer<String> warnings) {
        return new XdatcarReader(InputFiles.openLines(file), InputFiles.size(file), symbolsIfMissing, warnings);
    }
}
