package org.mtpj.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the tests find the outside references (../shared: MLIP-2 and LAMMPS outputs, the study's
 * data). They are read in place, never copied into the repository.
 *
 * <p>The folder is {@code $MTPJ_SHARED}, else {@code ../shared} beside the repository. When a file
 * is missing the test is skipped with a message naming it, or fails in CI ({@link Required}).
 */
public final class Shared {
    private Shared() {}

    /** The shared folder (it may not exist). */
    public static Path root() {
        String env = System.getenv("MTPJ_SHARED");
        if (env != null && !env.isBlank()) return Path.of(env);
        return repo().resolve("../shared").normalize();
    }

    /** The repository root: $MTPJ_REPO (set by the build), else found upwards from the working dir. */
    public static Path repo() {
        String env = System.getenv("MTPJ_REPO");
        if (env != null && !env.isBlank()) return Path.of(env).toAbsolutePath();
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("mtpj"))) p = p.getParent();
        return p != null ? p : Path.of("").toAbsolutePath();
    }

    /**
     * A file below the shared folder, e.g. {@code file("reference/mlip2/edge_cases.cfg")}; skips
     * (or, in CI, fails: {@link Required}) the calling test when it is absent.
     */
    public static Path file(String relative) {
        return Required.sharedFile(root().resolve(relative));
    }
}
