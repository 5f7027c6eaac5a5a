package org.mtpj.lammps.cli;

import java.util.List;

/** The picocli subcommands this module adds to {@code mtpj}; Main registers every one. */
public final class LammpsCommands {
    private LammpsCommands() {}

    public static List<Object> all() {
        return List.of(new LammpsCommand(), new CompareLammpsLog(), new CheckLammpsCommand());
    }
}
