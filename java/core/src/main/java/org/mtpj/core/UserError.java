package org.mtpj.core;

/** A problem the user can fix (bad option, missing species, unsorted input): the CLI prints the message as one line and exits with {@link #exitCode()} (2 by default); the LAMMPS bridge makes it a LAMMPS error. */
public class UserError extends RuntimeException {
    private final int exitCode;

    public UserError(String message) { this(message, 2); }

    public UserError(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() { return exitCode; }
}
