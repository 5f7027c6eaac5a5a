package org.mtpj.lammps.select;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import org.mtpj.core.UserError;
import org.mtpj.core.io.CfgWriter;
import org.mtpj.core.model.Configuration;
import org.mtpj.lammps.config.MlipIni;

/**
 * Appends configurations to a {@code .cfg} file that may already hold some (MLIP-2 never
 * truncates its preselected file, mtp-spec §5.2): separated by one empty line, flushed after each
 * one so that a run stopped by the break threshold leaves a complete file. With a
 * {@link MlipIni.SaveCap} it stops appending for good at the cap: after N configurations of this
 * run, or before an append that would make the file larger than the size cap.
 */
final class CfgAppender implements AutoCloseable {
    private final Path path;
    private final MlipIni.SaveCap cap;
    private Writer out;
    private boolean opened, needsSeparator;
    private int written;
    private long bytes;
    private String capReached;

    CfgAppender(Path path) { this(path, MlipIni.SaveCap.NONE); }

    CfgAppender(Path path, MlipIni.SaveCap cap) {
        this.path = path;
        this.cap = cap;
    }

    Path path() { return path; }
    int written() { return written; }

    /** Why appends stopped (which cap, where the file stands), or null while they go on. */
    String capReached() { return capReached; }

    /** Appends c; false when the cap was reached before (then and for every later call). */
    boolean append(Configuration c, boolean extras) {
        if (capReached != null) return false;
        try {
            if (!opened) {
                bytes = Files.isRegularFile(path) ? Files.size(path) : 0;
                needsSeparator = bytes > 0;
                opened = true;
            }
            StringBuilder text = new StringBuilder();
            if (needsSeparator) text.append('\n');
            java.io.StringWriter sw = new java.io.StringWriter();
            try (CfgWriter w = CfgWriter.of(sw, CfgWriter.Style.LOSSLESS).writeExtras(extras)) {
                w.write(c);
            }
            text.append(sw);
            if (text.charAt(text.length() - 1) != '\n') text.append('\n');
            // ISO-8859-1: one byte per char
            if (cap.maxBytes() > 0 && bytes + text.length() > cap.maxBytes()) {
                capReached = String.format(Locale.ROOT, "select:save-selected-max-mb (%d bytes) reached: %s is %d bytes and the next"
                        + " configuration (%d bytes) would pass it; %d appended by this run", cap.maxBytes(), path, bytes,
                        text.length(), written);
                return false;
            }
            if (out == null)   // opened only to write: a cap reached at once leaves no file behind
                out = Files.newBufferedWriter(path, StandardCharsets.ISO_8859_1, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            out.append(text);
            out.flush();
            bytes += text.length();
            needsSeparator = true;
            written++;
            if (cap.maxConfigurations() > 0 && written >= cap.maxConfigurations())
                capReached = "select:save-selected-max " + cap.maxConfigurations() + " reached: " + written
                        + " configurations appended to " + path + " by this run";
            return true;
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
