package org.mtpj.learn.cli;

import java.util.List;

/** The picocli subcommands this module adds to {@code mtpj}; Main registers every one. */
public final class LearnCommands {
    private LearnCommands() {}

    public static List<Object> all() { return List.of(new LearnCommand()); }
}
