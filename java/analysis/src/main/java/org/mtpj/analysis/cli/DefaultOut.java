package org.mtpj.analysis.cli;

import java.nio.file.Path;

/**
 * Where an analysis command writes when {@code --out} is not given: beside its (first) input, as
 * arrhenius has always done, so no command needs --out.
 */
final class DefaultOut {
    private DefaultOut() {}

    /** The folder holding {@code firstInput} (a file or a folder), or {@code sub} inside it when sub is not null. */
    static Path beside(Path firstInput, String sub) {
        Path parent = firstInput.toAbsolutePath().normalize().getParent();
        if (parent == null) parent = firstInput.toAbsolutePath().getRoot();
        return sub == null ? parent : parent.resolve(sub);
    }
}
