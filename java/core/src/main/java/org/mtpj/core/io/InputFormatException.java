package org.mtpj.core.io;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;

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
     * A stream that could not be read, with the reason in words: not UTF-8 text, or the system's
     * own reason. Reasons that concern a file as a whole (not found, a directory, no permission)
     * are the host's ({@code org.mtpj.host.InputFiles.cannotRead}).
     */
    public static InputFormatException cannotRead(String file, long line, IOException e) {
        if (e instanceof CharacterCodingException)
            return new InputFormatException(file, line, "expected UTF-8 text but found a byte that is not UTF-8 (saved in another encoding, or binary?)");
        return new InputFormatException(file, line, "cannot read (" + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()) + ")");
    }

    public String file() { return file; }
    public long line() { return line; }
}
