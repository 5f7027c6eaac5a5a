package org.mtpj.train.cli;

import java.util.ArrayList;
import java.util.List;

/** The picocli subcommands this module adds to {@code mtpj}; Main registers every one. */
public final class TrainCommands {
    private TrainCommands() {}

    public static List<Object> all() {
        List<Object> all = new ArrayList<>(BasisCommands.all());
        all.addAll(LearningCommands.all());
        return all;
    }
}
