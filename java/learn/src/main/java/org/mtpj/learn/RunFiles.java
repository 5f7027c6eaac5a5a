package org.mtpj.learn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.mtpj.host.AtomicOutput;

/**
 * Folder-level steps of the run folder. Files are written whole or not at all by the writers
 * themselves (AtomicOutput); a stage that makes a folder (MD) works in {@code NAME.tmp} and renames
 * it when done, so the existence of a stage's output is the proof that the stage finished.
 */
final class RunFiles {
    private RunFiles() {}

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
