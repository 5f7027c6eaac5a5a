package org.mtpj.host;

import org.mtpj.core.UserError;
import org.mtpj.core.io.InputFormatException;

/**
 * Thrown on the MPI ranks that did not say an error (see {@link Ranks#agree}): the command ends on
 * this rank with the failing rank's exit code and prints nothing, so an MPI job's error is one line.
 */
public final class OtherRankFailed extends UserError {
    public OtherRankFailed(int exitCode) {
        super("stopped: another MPI rank failed", exitCode);
    }

    /** The exit code a fault ends the command with (the cli's ExitCodes: 2 input, 3 memory, 70 a bug). */
    static int exitCodeOf(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof UserError u) return u.exitCode();
            if (c instanceof InputFormatException || c instanceof java.io.IOException || c instanceof java.io.UncheckedIOException) return 2;
        }
        return t instanceof OutOfMemoryError ? 3 : 70;
    }

    /** The one line of an input fault (what the cli prints after "mtpj: "), or null for any other fault. */
    static String inputMessage(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause())
            if (c instanceof UserError || c instanceof InputFormatException) return c.getMessage();
        return null;
    }

    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) return r;
        if (t instanceof Error e) throw e;
        return new IllegalStateException(t);
    }
}
