package org.mtpj.learn.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mtpj.learn.ExternalProcess;
import org.mtpj.learn.LearnConfig;
import org.mtpj.learn.Learner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mtpj learn}: the whole active-learning loop from one configuration file. */
@Command(name = "learn", mixinStandardHelpOptions = true,
        description = {"Active learning: train, MD with selection, label, repeat.",
                "",
                "Runs the active-learning loop to convergence from a TOML file (docs/learn.md",
                "lists every key). Each round: train the MTP (warm start); build its active set",
                "(neighbourhood MaxVol); run LAMMPS MD with extrapolation control at every",
                "temperature (./lmp-mtpj, pair_style mtp/java, select TRUE); keep what enlarges",
                "the active set (select-add); label it with the oracle (lammps: a pair style",
                "run by lmp; command: your program IN.cfg -> OUT.cfg); add it to the training",
                "set. Converged when one round's MD stays at or below the threshold at every",
                "temperature for its whole length.",
                "Everything is kept in the run folder: run the same command again after a stop",
                "or Ctrl-C to continue; no configuration is labelled twice.",
                "Units: Å, eV, K, ps. Exit: 0 converged; 1 stopped at a limit (max_rounds,",
                "wall time); 2 bad input or a failed stage (the message names round, stage and",
                "file); 130 interrupted."})
public final class LearnCommand implements Callable<Integer> {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE.toml", description = "The configuration (TOML).")
    Path config;

    @Option(names = "--example", description = "Print a commented example configuration and exit.")
    boolean example;

    @Override
    public Integer call() throws java.io.IOException {
        if (example) {
            try (var in = LearnConfig.class.getResourceAsStream("example-learn.toml")) {
                System.out.print(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
            return 0;
        }
        if (config == null) throw new org.mtpj.core.UserError("learn needs --config FILE.toml (mtpj learn --example prints one)");
        LearnConfig cfg = LearnConfig.read(config);
        Learner learner = new Learner(cfg, System.out);
        Thread onSignal = new Thread(() -> {
            ExternalProcess.stopRunning();
            System.err.println("\nmtpj learn: interrupted in " + learner.where() + "; finished stages are kept in "
                    + learner.runDir() + "; run the same command again to continue");
        });
        Runtime.getRuntime().addShutdownHook(onSignal);
        try {
            return learner.run();
        } finally {
            Runtime.getRuntime().removeShutdownHook(onSignal);
        }
    }
}
