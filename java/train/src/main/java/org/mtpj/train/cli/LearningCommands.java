package org.mtpj.train.cli;

import java.util.List;

/** Learning commands: train, calc-grade, select-add. */
public final class LearningCommands {
    private LearningCommands() {}

    public static List<Object> all() {
        return List.of(new TrainCommand(), new CalcGradeCommand(), new SelectAddCommand());
    }
}
