package org.mtpj.train.cli;

import java.util.List;

/** Basis commands: new-potential. */
public final class BasisCommands {
    private BasisCommands() {}

    public static List<Object> all() {
        return List.of(new NewPotentialCommand());
    }
}
