package org.mtpj.core.io;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Bad input: names the file, the 1-based line and what was expected. The command line prints
 * {@link #getMessage()} as one line and exits with code 2; the LAMMPS bridge turns it into a
 * LAMMPS error. Never shown as a stack trace.
 */
public class InputFormatException extends RuntimeException {
    private final String file;
    private final long line;

    public InputFormatException(String file, long line, String what) {
        super(file + ":" + (line > 0 ? line + ": " : " ") + what);
        this.file = file;
        this.line = line;
    }

    /**
     * An input that could not be read, with the reason in words: a directory, no permission, not
     * UTF-8 text, or the system's own reason (the bare IOException message is often just the path).
     */
    public static InputFormatException cannotRead(String file, long line, IOException e) {
        // the first three concern the whole file: no line
        if (e instanceof NoSuchFileException) return new InputFormatException(file, 0, "file not found");
        if (isDirectory(file)) return new InputFormatException(file, 0, "is a directory, expected a file");
        if (e instanceof AccessDeniedException) return new InputFormatException(file, 0, "permission denied, expected a readable file");
        if (e instanceof CharacterCodingException)
            return new InputFormatException(file, line, "expected UTF-8 text but found a byte that is not UTF-8 (saved in another encoding, or binary?)");
        return new InputFormatException(file, line, "cannot read (" + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()) + ")");
    }

    private static boolean isDirectory(String file) {
        try {
            return Files.isDirectory(Path.of(file));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    public String file() { return file; }
    public long line() { return line; }
}
