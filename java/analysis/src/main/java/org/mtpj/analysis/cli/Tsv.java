package org.mtpj.analysis.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.mtpj.analysis.lro.PyNumbers;
import org.mtpj.host.AtomicOutput;
import java.util.Locale;

/**
 * Number formatting for the machine-readable outputs: Python's repr of a float
 * ({@link PyNumbers#repr}, shortest round-trip digits), so the tables read like the study's
 * Python references; and writing them whole.
 */
final class Tsv {
    private Tsv() {}

    static String num(double v) { return PyNumbers.repr(v); }

    /** Like {@link #num} but integral values without ".0" (window bounds, temperatures). */
    static String compact(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return num(v);
    }

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
