package org.mtpj.lammps.select;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.mtpj.core.UserError;
import org.mtpj.core.io.CfgWriter;
import org.mtpj.core.model.Configuration;

/**
 * Appends configurations to a {@code .cfg} file that may already hold some (MLIP-2 never
 * truncates its preselected file, mtp-spec §5.2): separated by one empty line, flushed after each
 * one so that a run stopped by the break threshold leaves a complete file.
 */
final class CfgAppender implements AutoCloseable {
    private final Path path;
    private Writer out;
    private boolean needsSeparator;
    private int written;

    CfgAppender(Path path) { this.path = path; }

    Path path() { return path; }
    int written() { return written; }

    void append(Configuration c, boolean extras) {
        try {
            if (out == null) {
                needsSeparator = Files.isRegularFile(path) && Files.size(path) > 0;
                out = Files.newBufferedWriter(path, StandardCharsets.ISO_8859_1, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            }
            StringBuilder text = new StringBuilder();
            if (needsSeparator) text.append('\n');
            java.io.StringWriter sw = new java.io.StringWriter();
            try (CfgWriter w = CfgWriter.of(sw, CfgWriter.Style.LOSSLESS).writeExtras(extras)) {
                w.write(c);
            }
            text.append(sw);
            if (text.charAt(text.length() - 1) != '\n') text.append('\n');
            out.append(text);
            out.flush();
            needsSeparator = true;
            written++;
        } catch (IOException e) {
            throw new UserError("cannot write " + path + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        if (out == null) return;
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
