package org.mtpj.train.cli;

import java.util.List;

/** The picocli subcommands this module adds to {@code mtpj}; Main registers every one. */
public final class TrainCommands {
    private TrainCommands() {}

    public static List<Object> all() {
        return List.of();
    }
}
