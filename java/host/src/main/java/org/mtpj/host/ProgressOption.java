package org.mtpj.host;

import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.mtpj.core.UserError;
import picocli.CommandLine.Option;

/**
 * The one progress-bar option of every command that draws one (a picocli mixin, like
 * {@link ThreadsOption}): {@code --progress auto|on|off}, default auto = only when the console is a
 * terminal, so logs and pipes keep just the plain lines. {@code --no-progress} and {@code --quiet},
 * the spellings some commands had, are hidden aliases of {@code --progress off} for a release.
 */
public final class ProgressOption {
    @Option(names = "--progress", defaultValue = "auto", paramLabel = "auto|on|off",
            description = "Progress bar on stderr: auto (only on a terminal), on or off (default ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = {"--no-progress", "--quiet"}, hidden = true, description = "Old spellings of --progress off.")
    boolean off;

    /** Whether a bar is to be shown. */
    public boolean enabled() {
        if (off) return false;
        return switch (mode.toLowerCase(Locale.ROOT)) {
            case "on" -> true;
            case "off" -> false;
            case "auto" -> System.console() != null && System.console().isTerminal();
            default -> throw new UserError("--progress must be auto, on or off, got '" + mode + "'");
        };
    }

    /** A bar on stderr for max steps of unit {@code unit} (max < 0: unknown), or null when disabled. */
    public ProgressBar open(String task, long max, String unit) {
        return open(task, max, unit, 1);
    }

    /** As {@link #open(String, long, String)}, counting in units of {@code unitSize} (e.g. MB of 1 << 20 bytes). */
    public ProgressBar open(String task, long max, String unit, long unitSize) {
        if (!enabled()) return null;
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(max).setUnit(unit, unitSize)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).continuousUpdate()
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
    }
}
