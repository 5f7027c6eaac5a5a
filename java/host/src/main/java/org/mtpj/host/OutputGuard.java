package org.mtpj.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mtpj.core.UserError;

/**
 * Refuses a command whose output would replace one of its inputs (or another of its outputs)
 * before anything is read or written. Existing files are compared as files
 * ({@link Files#isSameFile}: links, {@code ./a} and {@code a}, hard links); paths that do not
 * exist yet are compared as normalised absolute paths. Devices and pipes are never the same
 * file as an output ({@code /dev/stdin} and {@code /dev/stdout} may share a terminal).
 *
 * <pre>{@code
 * OutputGuard.of("calc-efs").input(pot).input(in).output(out).check();
 * }</pre>
 */
public final class OutputGuard {
    private final String command;
    private final List<Path> inputs = new ArrayList<>();
    private final List<Path> outputs = new ArrayList<>();

    private OutputGuard(String command) { this.command = command; }

    /** A check for the command of that name (named in the message). */
    public static OutputGuard of(String command) { return new OutputGuard(command); }

    /** An input file (null: option not given). */
    public OutputGuard input(Path p) {
        if (p != null) inputs.add(p);
        return this;
    }

    /** Several input files. */
    public OutputGuard inputs(List<Path> ps) {
        for (Path p : ps) input(p);
        return this;
    }

    /** An output file or folder (null: option not given). */
    public OutputGuard output(Path p) {
        if (p != null) outputs.add(p);
        return this;
    }

    /** An output folder (null: option not given) and the files the command writes into it. */
    public OutputGuard folder(Path dir, String... files) {
        if (dir == null) return this;
        outputs.add(dir);
        for (String f : files) outputs.add(dir.resolve(f));
        return this;
    }

    /** Throws a {@link UserError} (exit 2) naming the first clash. */
    public void check() {
        for (int o = 0; o < outputs.size(); o++) {
            Path out = outputs.get(o);
            for (Path in : inputs)
                if (same(out, in))
                    throw new UserError(command + ": output " + out + " is the same file as input " + in
                            + "; refusing to overwrite an input");
            for (int k = 0; k < o; k++)
                if (same(out, outputs.get(k)))
                    throw new UserError(command + ": outputs " + outputs.get(k) + " and " + out
                            + " are the same file; give each output its own name");
        }
    }

    /** Whether writing a would replace b. */
    static boolean same(Path a, Path b) {
        if (Files.exists(a) && Files.exists(b)) {
            if (!Files.isRegularFile(b) && !Files.isDirectory(b)) return false;
            try {
                return Files.isSameFile(a, b);
            } catch (IOException e) {
                // unreadable metadata: fall back to the names
            }
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
}
