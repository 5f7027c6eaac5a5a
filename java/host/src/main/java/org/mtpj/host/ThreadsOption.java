package org.mtpj.host;

import picocli.CommandLine.Option;

/**
 * The one {@code --threads} option of every command (a picocli mixin: {@code @Mixin ThreadsOption
 * threads;}). One default everywhere: 0 = all cores. Results never depend on it.
 */
public final class ThreadsOption {
    @Option(names = "--threads", defaultValue = "0", paramLabel = "N",
            description = "Worker threads (0 = all cores; default ${DEFAULT-VALUE}). Results do not depend on it.")
    int threads;

    /** "1 thread", "4 threads": how messages say a thread count. */
    public static String count(int n) { return n + (n == 1 ? " thread" : " threads"); }

    /** The number of workers asked for (0 resolved to the number of cores). */
    public int workers() { return WorkerPool.workersFor(threads); }
}
