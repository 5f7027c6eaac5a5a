package org.mtpj.analysis.cli;

import java.util.List;

/** Structure commands: lro, relax, voltage. */
public final class StructureCommands {
    private StructureCommands() {}

    public static List<Object> all() {
        return List.of(new LroCommand(), new RelaxCommand(), new VoltageCommand());
    }
}
