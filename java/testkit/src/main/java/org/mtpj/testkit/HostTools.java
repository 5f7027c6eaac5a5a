package org.mtpj.testkit;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Programs and data files of the machine a test needs (Debian's lmp, lammps-data potentials):
 * missing ones skip the test with a message, or fail it under MTPJ_REQUIRE_NATIVE=1 (CI).
 */
public final class HostTools {
    private HostTools() {}

    /** The absolute path of program on the PATH. */
    public static Path program(String name) {
        String path = System.getenv("PATH");
        if (path != null)
            for (String dir : path.split(File.pathSeparator)) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) return p;
            }
        return missing("program '" + name + "' not on the PATH (./setup installs it)");
    }

    /** A potential file of Debian's lammps-data, e.g. "Si.sw". */
    public static Path lammpsPotential(String name) {
        Path p = Path.of("/usr/share/lammps/potentials", name);
        return Files.isRegularFile(p) ? p : missing(p + " not found (Debian package lammps-data)");
    }

    private static Path missing(String msg) {
        if ("1".equals(System.getenv("MTPJ_REQUIRE_NATIVE")))
            Assertions.fail(msg + "; MTPJ_REQUIRE_NATIVE=1 makes this a failure");
        Assumptions.abort("skipped: " + msg);
        return null;
    }
}
