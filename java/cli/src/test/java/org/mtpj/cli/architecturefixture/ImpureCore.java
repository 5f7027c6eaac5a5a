package org.mtpj.cli.architecturefixture;

import java.io.File;
import java.lang.foreign.Arena;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import org.mtpj.host.Warnings;
import picocli.CommandLine;

/** Breaks every rule a pure core keeps, so that ArchitectureTest can show its rule catches each. */
final class ImpureCore {
    private ImpureCore() {}

    static void everything() {
        Path p = Path.of("x");
        File f = new File(p.toString());
        try (Arena a = Arena.ofConfined()) {
            a.allocate(8);
        }
        new CommandLine(new Object());
        Executors.newSingleThreadExecutor().shutdown();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> { }));
        new Thread(() -> { }).start();
        System.out.println(f);
        System.err.println(f);
        Warnings.STDERR.accept("x");
    }
}
