package org.mtpj.cli.core;

import java.util.List;

/** The subcommands on the MTP core: calc-efs, calc-errors, compare, convert, info, mindist, bench, serve. */
public final class CoreCommands {
    private CoreCommands() {}

    public static List<Object> all() {
        return List.of(new CalcEfsCommand(), new CalcErrorsCommand(), new CompareCommand(), new InfoCommand(), new MinDistCommand(),
                new BenchCommand(), new ConvertCommand(), new org.mtpj.cli.serve.ServeCommand());
    }
}
