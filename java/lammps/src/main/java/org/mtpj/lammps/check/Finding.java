package org.mtpj.lammps.check;

/** One thing {@code check-lammps} found: where (file:line), how serious, what and what to do. */
public record Finding(Severity severity, String where, String text) {
    public enum Severity {
        /** LAMMPS (or mtpj's pair style) would stop with an error. */
        STOP,
        /** The run would go, but perhaps not as meant. */
        WARN,
        /** What will happen, for the record (mapping, cost, files written). */
        INFO
    }

    static Finding stop(String where, String text) { return new Finding(Severity.STOP, where, text); }

    static Finding warn(String where, String text) { return new Finding(Severity.WARN, where, text); }

    static Finding info(String where, String text) { return new Finding(Severity.INFO, where, text); }

    @Override
    public String toString() { return String.format("%-4s  %s%s", severity, where == null ? "" : where + ": ", text); }
}
