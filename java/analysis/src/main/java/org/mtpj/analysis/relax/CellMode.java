package org.mtpj.analysis.relax;

import org.mtpj.core.UserError;

/** Which cell degrees of freedom a relaxation may change. */
public enum CellMode {
    /** Positions only. */
    FIXED,
    /** Positions and a uniform scaling of the cell (shape kept): zero pressure. */
    ISO,
    /** Positions and all nine cell components: zero stress. */
    FULL;

    public static CellMode parse(String s) {
        return switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "fixed" -> FIXED;
            case "iso" -> ISO;
            case "full" -> FULL;
            default -> throw new UserError("--cell must be fixed, iso or full, got '" + s + "'");
        };
    }
}
