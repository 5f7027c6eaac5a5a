package org.mtpj.testkit;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The one way a test says "I need this program, file or setting": when it is there the test
 * gets it; when it is missing the test is skipped with a message saying how to get it, or FAILS
 * when the run is strict. Strict: {@code CI=true}, or the kind's switch set to 1
 * ({@code MTPJ_REQUIRE_NATIVE} for programs and files of the machine, {@code MTPJ_REQUIRE_SHARED}
 * for ../shared, {@code MTPJ_REQUIRE_SLOW} for the slow tests). .ci/run sets them all: CI never
 * passes by skipping.
 */
public final class Required {
    private Required() {}

    /** A program on the PATH, e.g. {@code tool("mpirun")}. */
    public static Path tool(String name) {
        String path = System.getenv("PATH");
        if (path != null)
            for (String dir : path.split(File.pathSeparator)) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) return p;
            }
        return missing("MTPJ_REQUIRE_NATIVE", "program '" + name + "' not on the PATH (./setup installs it)");
    }

    /** A file of the machine or of the build, e.g. the native launcher; howToGet says where it comes from. */
    public static Path file(Path p, String howToGet) {
        return Files.exists(p) ? p : missing("MTPJ_REQUIRE_NATIVE", p + " not found (" + howToGet + ")");
    }

    /** An executable file of the machine or the build; howToGet says where it comes from. */
    public static Path executable(Path p, String howToGet) {
        return Files.isExecutable(p) ? p : missing("MTPJ_REQUIRE_NATIVE", p + " not built or not executable (" + howToGet + ")");
    }

    /** A potential file of Debian's lammps-data, e.g. "Si.sw". */
    public static Path lammpsPotential(String name) {
        return file(Path.of("/usr/share/lammps/potentials", name), "Debian package lammps-data");
    }

    /**
     * An executable named by an environment variable (e.g. MTPJ_PLUGIN_LMP, a PLUGIN-enabled lmp
     * that run-tests builds); howToGet says how to set it.
     */
    public static Path executableFromEnv(String variable, String howToGet) {
        String v = System.getenv(variable);
        if (v == null || v.isBlank()) return missing("MTPJ_REQUIRE_NATIVE", variable + " is not set (" + howToGet + ")");
        return executable(Path.of(v), howToGet);
    }

    /** A file below ../shared (see {@link Shared}). */
    static Path sharedFile(Path p) {
        return Files.exists(p) ? p : missing("MTPJ_REQUIRE_SHARED", "reference not found: " + p + " (set MTPJ_SHARED to the shared folder)");
    }

    /** A slow test: runs under MTPJ_SLOW_TESTS=1 (run-tests without --fast, so CI). */
    public static void slowTests() {
        if (!"1".equals(System.getenv("MTPJ_SLOW_TESTS")))
            missing("MTPJ_REQUIRE_SLOW", "slow test: set MTPJ_SLOW_TESTS=1 (./run-tests without --fast does)");
    }

    /** Whether a missing requirement of this kind is a failure: CI set (true, 1, ...) or the switch set to 1. */
    public static boolean strict(String switchVariable) {
        String ci = System.getenv("CI");
        boolean inCi = ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false") && !ci.equals("0");
        return inCi || "1".equals(System.getenv(switchVariable));
    }

    private static Path missing(String switchVariable, String msg) {
        if (strict(switchVariable))
            Assertions.fail(msg + "; a failure, not a skip, because CI=true or " + switchVariable + "=1");
        Assumptions.abort("skipped: " + msg);
        return null;
    }
}
