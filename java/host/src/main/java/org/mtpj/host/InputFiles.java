package org.mtpj.host;

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
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.AccessDeniedException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import org.mtpj.core.io.InputFormatException;
import org.mtpj.core.io.TextLines;

/**
 * Opens input files for the core's stream readers (gzip detected by its magic bytes, not the
 * name) and says in words why a file cannot be read.
 */
public final class InputFiles {
    private InputFiles() {}

    /**
     * An input that could not be read, with the reason in words: not found, a directory, no
     * permission, then the stream reasons of {@link InputFormatException#cannotRead} (the bare
     * IOException message is often just the path).
     */
    public static InputFormatException cannotRead(String file, long line, IOException e) {
        // these concern the whole file: no line
        if (e instanceof NoSuchFileException) return new InputFormatException(file, 0, "file not found");
        if (isDirectory(file)) return new InputFormatException(file, 0, "is a directory, expected a file");
        if (e instanceof AccessDeniedException) return new InputFormatException(file, 0, "permission denied, expected a readable file");
        return InputFormatException.cannotRead(file, line, e);
    }

    private static boolean isDirectory(String file) {
        try {
            return Files.isDirectory(Path.of(file));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /** The file's size (for progress), or -1 when it cannot be known. */
    public static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    /** The raw bytes of a file (buffered), refusing a directory up front. */
    public static InputStream openRaw(Path file) {
        try {
            if (Files.isDirectory(file)) throw new InputFormatException(file.toString(), 0, "is a directory, expected a file");
            return new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        } catch (IOException e) {
            throw cannotRead(file.toString(), 0, e);
        }
    }

    /** The text of a file in charset cs (buffered). */
    public static Reader openReader(Path file, Charset cs) {
        return new BufferedReader(new InputStreamReader(openRaw(file), cs), 1 << 16);
    }

    /** A byte stream of the (decompressed) content. */
    public static InputStream openStream(Path file) {
        try {
            InputStream raw = openRaw(file);
            raw.mark(2);
            int b0 = raw.read(), b1 = raw.read();
            raw.reset();
            if (b0 == 0x1f && b1 == 0x8b) return new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16);
            return raw;
        } catch (IOException e) {
            throw cannotRead(file.toString(), 0, e);
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
