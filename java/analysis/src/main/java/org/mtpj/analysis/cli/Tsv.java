package org.mtpj.analysis.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.mtpj.host.AtomicOutput;

/**
 * Writing the machine-readable tables whole (numbers in them: {@link org.mtpj.core.io.PythonNumbers}).
 */
final class Tsv {
    private Tsv() {}

    static void write(Path file, List<String> lines) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            AtomicOutput.write(file, StandardCharsets.UTF_8, w -> {
                for (String l : lines) w.append(l).append('\n');
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static void writeString(Path file, String text) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            AtomicOutput.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
