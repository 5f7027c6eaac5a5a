package org.mtpj.train.cli;

import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.mtpj.core.UserError;
import org.mtpj.train.fit.Trainer;
import picocli.CommandLine.Option;

/**
 * {@code --progress auto|on|off}: a progress bar on stderr for long work (training iterations,
 * the active-set build). auto shows it only when the console is a terminal, so logs and pipes
 * keep just the plain progress lines.
 */
public final class ProgressOption {
    @Option(names = "--progress", paramLabel = "auto|on|off",
            description = "Progress bar on stderr: auto (default: only on a terminal), on or off.")
    String mode = "auto";

    /** Whether a bar is to be shown. */
    public boolean enabled() {
        return switch (mode.toLowerCase(Locale.ROOT)) {
            case "on" -> true;
            case "off" -> false;
            case "auto" -> System.console() != null && System.console().isTerminal();
            default -> throw new UserError("--progress must be auto, on or off, got '" + mode + "'");
        };
    }

    /** A bar on stderr for max steps of unit {@code unit}, or null when disabled. */
    public ProgressBar open(String task, long max, String unit) {
        if (!enabled()) return null;
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(max).setUnit(unit, 1)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).continuousUpdate()
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
    }

    /** Training progress as bars (one per BFGS run: pre-training, main), or null when disabled. */
    public Trainer.Progress training() {
        if (!enabled()) return null;
        return new Trainer.Progress() {
            private ProgressBar bar;

            @Override public void start(String label, int maxIterations) {
                bar = open(label, maxIterations, " it");
            }

            @Override public void iteration(int iteration, double f) {
                if (bar == null) return;
                bar.stepTo(iteration + 1);
                bar.setExtraMessage(String.format(Locale.ROOT, "f=%.4g", f));
            }

            @Override public void end() {
                if (bar != null) bar.close();
                bar = null;
            }
        };
    }
}
