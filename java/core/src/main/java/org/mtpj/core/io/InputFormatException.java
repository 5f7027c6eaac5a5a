package org.mtpj.core.io;

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

    public String file() { return file; }
    public long line() { return line; }
}
