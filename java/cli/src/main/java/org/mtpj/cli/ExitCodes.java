package org.mtpj.cli;

/**
 * Every exit code of {@code mtpj}, in one place: {@link Main} returns them, {@link #HELP} is the
 * footer of {@code mtpj --help}, and README's table says the same. Modules below cli use the
 * same numbers (UserError's default 2, learn's 1 and 130, a LAMMPS error's 1).
 */
public final class ExitCodes {
    private ExitCodes() {}

    public static final int OK = 0;
    /** A check the command makes failed: compare beyond tolerance, learn stopped at a limit, a LAMMPS error. */
    public static final int CHECK_FAILED = 1;
    /** Bad input or usage: one line naming file:line and what was expected. */
    public static final int BAD_INPUT = 2;
    /** Out of memory: one line with the advice to raise the heap (MTPJ_JAVA_OPTS=-Xmx..). */
    public static final int OUT_OF_MEMORY = 3;
    /** A bug (not the user's fault): one line with where; MTPJ_TRACE=1 prints the trace. */
    public static final int INTERNAL_ERROR = 70;
    /** Interrupted (Ctrl-C / SIGINT while a command waits for a child process). */
    public static final int INTERRUPTED = 130;

    /** The footer of {@code mtpj --help} (a constant: annotations need one). */
    public static final String HELP = "Exit codes: 0 done; 1 a check failed (compare beyond tolerance, learn stopped at a limit, a LAMMPS error);"
            + " 2 bad input or usage (one line: file:line: what was expected); 3 out of memory (raise MTPJ_JAVA_OPTS=-Xmx..);"
            + " 70 internal error (a bug: MTPJ_TRACE=1 for the trace); 130 interrupted.";
}
