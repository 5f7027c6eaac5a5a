package org.mtpj.learn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * How the run folder is written: every file appears whole or not at all (written as
 * {@code NAME.tmp}, then renamed), so a killed {@code learn} leaves only complete files, and
 * the existence of a stage's output is the proof that the stage finished.
 */
final class RunFiles {
    private RunFiles() {}

    /** Writes target through writer (which gets the temporary path), then renames it into place. */
    static void atomically(Path target, Consumer<Path> writer) {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            Files.deleteIfExists(tmp);
            writer.accept(tmp);
            move(tmp, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // best effort: a stale .tmp is removed by the next run (removeStale)
            }
        }
    }

    static void writeString(Path target, String text) {
        atomically(target, tmp -> {
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Renames a finished file or folder into place (replacing what was there). */
    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes a folder tree (a stage's unfinished scratch folder). */
    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Removes what an interrupted run left unfinished: *.tmp files and folders below dir. */
    static void removeStale(Path dir) {
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList()) deleteTree(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot scan " + dir + ": " + e.getMessage(), e);
        }
    }
}
