package org.mtpj.analysis.cli;

import java.util.ArrayList;
import java.util.List;

/** The picocli subcommands this module adds to {@code mtpj}; Main registers every one. */
public final class AnalysisCommands {
    private AnalysisCommands() {}

    public static List<Object> all() {
        List<Object> all = new ArrayList<>(DiffusionCommands.all());
        all.addAll(StructureCommands.all());
        return all;
    }
}
