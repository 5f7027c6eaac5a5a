package org.mtpj.train.cli;

import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import org.mtpj.host.ProgressOption;
import org.mtpj.train.fit.Trainer;

/** Training progress as bars of the {@code --progress} option: one per BFGS run (pre-training, main). */
final class TrainingProgressBars {
    private TrainingProgressBars() {}

    /** The bars, or null when --progress says none. */
    static Trainer.Progress of(ProgressOption option) {
        if (!option.enabled()) return null;
        return new Trainer.Progress() {
            private ProgressBar bar;

            @Override public void start(String label, int maxIterations) {
                bar = option.open(label, maxIterations, " it");
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
