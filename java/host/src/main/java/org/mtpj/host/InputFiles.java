package org.mtpj.analysis.io;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.mtpj.core.io.InputFormatException;

/** Opens input files, decompressing gzip (detected by its magic bytes, not the name). */
public final class InputFiles {
    private InputFiles() {}

    /** A byte stream of the (decompressed) content. */
    public static InputStream openStream(Path file) {
        try {
            InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            raw.mark(2);
            int b0 = raw.read(), b1 = raw.read();
            raw.reset();
            if (b0 == 0x1f && b1 == 0x8b) return new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16);
            return raw;
        } catch (IOException e) {
            throw InputFormatException.cannotRead(file.toString(), 0, e);
        }
    }

    /** Lines of the (decompressed) file; malformed UTF-8 becomes U+FFFD and is rejected as binary. */
    public static TextLines openLines(Path file) {
        var dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new TextLines(new BufferedReader(new InputStreamReader(openStream(file), dec), 1 << 16), file.toString());
    }
}
