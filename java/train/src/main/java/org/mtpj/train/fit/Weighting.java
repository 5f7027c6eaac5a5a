package org.mtpj.train.fit;

import org.mtpj.core.UserError;

/** How configurations of different sizes are weighted (MLIP-2 {@code --weighting}, mtp-spec §6.1, §7.1). */
public enum Weighting {
    /** Energies per atom (default): energy and stress terms divided by N. */
    VIBRATIONS,
    /** Energy and stress terms ÷N², force terms ÷N. */
    STRUCTURES,
    /** No per-atom normalisation. */
    MOLECULES;

    /** Parses the MLIP-2 spelling ({@code vibrations}, {@code structures}, {@code molecules}). */
    public static Weighting parse(String s) {
        for (Weighting w : values()) if (w.name().equalsIgnoreCase(s)) return w;
        throw new UserError("--weighting must be vibrations, structures or molecules, got '" + s + "'");
    }

    public String mlipName() { return name().toLowerCase(java.util.Locale.ROOT); }
}
