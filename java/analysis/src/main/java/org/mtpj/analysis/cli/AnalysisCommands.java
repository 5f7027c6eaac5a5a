package org.mtpj.analysis.cli;

import java.util.List;

/** The picocli subcommands this module adds to {@code mtpj}; Main registers every one. */
public final class AnalysisCommands {
    private AnalysisCommands() {}

    public static List<Object> all() {
        return List.of();
    }
}
