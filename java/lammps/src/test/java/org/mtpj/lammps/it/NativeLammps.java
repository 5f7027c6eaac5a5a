package org.mtpj.lammps.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.mtpj.testkit.Required;
import org.mtpj.testkit.Shared;

/**
 * A real LAMMPS with the native bridge built against it: Debian bookworm's packaged 29 Sep 2021
 * ({@code build/native}) and stable 4 Feb 2025 built from Debian trixie's source by
 * {@code scripts/setup-lammps --modern} ({@code build/lammps-modern}, bridge in
 * {@code build/native-modern}). Each integration test runs on each ({@code @ParameterizedTest} over the constants),
 * since mtpj's shim compiles different code for them (neighbour requests, thrown errors). Each runs
 * the root {@code lmp-mtpj} wrapper, {@code mpirun}, that LAMMPS's plain {@code lmp} and the plugin.
 * The pair style's JVM gets this test JVM's class path (MTPJ_CLASSPATH), so it runs the classes
 * under test. A missing build is skipped with a message, or fails when the run is strict (CI,
 * MTPJ_REQUIRE_NATIVE=1; see {@link Required}).
 */
enum NativeLammps {
    /** Debian's lammps/liblammps-dev packages; MTPJ_NATIVE_BUILD overrides build/native. */
    DEBIAN_29SEP2021("29Sep2021 (Debian bookworm packages)", "MTPJ_NATIVE_BUILD", "build/native", "run scripts/setup-lammps"),
    /** From source; MTPJ_NATIVE_MODERN_BUILD overrides build/native-modern. */
    SOURCE_4FEB2025("4Feb2025 (Debian trixie source, build/lammps-modern)", "MTPJ_NATIVE_MODERN_BUILD", "build/native-modern",
            "run scripts/setup-lammps --modern (~13 min CPU once)");

    private final String label, dirVariable, defaultDir, howToBuild;

    NativeLammps(String label, String dirVariable, String defaultDir, String howToBuild) {
        this.label = label;
        this.dirVariable = dirVariable;
        this.defaultDir = defaultDir;
        this.howToBuild = howToBuild;
    }

    @Override
    public String toString() { return label; }

    record Result(int exitCode, String stdout, String stderr, Path dir) {
        String all() { return stdout + "\n" + stderr; }
        Path file(String name) { return dir.resolve(name); }
    }

    static Path repo() { return Shared.repo(); }

    /** The bridge built against this LAMMPS: lmp-mtpj, mtpjplugin.so, plugin-load-check. */
    Path nativeDir() {
        String env = System.getenv(dirVariable);
        return env != null && !env.isBlank() ? Path.of(env) : repo().resolve(defaultDir);
    }

    /** Skips (or fails in CI: {@link Required}) when the native bridge for this LAMMPS is not built. */
    void requireNative() {
        Required.executable(nativeDir().resolve("lmp-mtpj"), howToBuild);
    }

    /**
     * This LAMMPS's plain lmp: Debian's on the PATH, or the modern one installed beside its bridge
     * (build/lammps-modern/bin/lmp next to build/native-modern).
     */
    Path plainLmp() {
        return this == DEBIAN_29SEP2021 ? Required.tool("lmp")
                : Required.executable(nativeDir().resolveSibling("lammps-modern").resolve("bin/lmp"), howToBuild);
    }

    /**
     * An lmp of this LAMMPS version with the PLUGIN package: for Debian's (which has none) the one
     * ./run-tests builds from the same source (MTPJ_PLUGIN_LMP); the modern build has it.
     */
    Path pluginLmp() {
        return this == DEBIAN_29SEP2021 ? Required.executableFromEnv("MTPJ_PLUGIN_LMP",
                "a PLUGIN-enabled lmp of the same LAMMPS version; ./run-tests builds it with scripts/setup-lammps --plugin-lammps")
                : plainLmp();
    }

    /** Skips (or fails in CI) without mpirun. */
    static void requireMpirun() {
        Required.tool("mpirun");
    }

    /** ./lmp-mtpj ARGS in dir. */
    Result lmpMtpj(Path dir, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(repo().resolve("lmp-mtpj").toString());
        cmd.addAll(Arrays.asList(args));
        return run(dir, cmd, 600);
    }

    /** mpirun -np N ./lmp-mtpj ARGS in dir. */
    Result mpirun(Path dir, int np, String... args) {
        List<String> cmd = new ArrayList<>(List.of("mpirun", "--allow-run-as-root", "--oversubscribe", "-np", String.valueOf(np)));
        cmd.add(repo().resolve("lmp-mtpj").toString());
        cmd.addAll(Arrays.asList(args));
        return run(dir, cmd, 600);
    }

    /** This LAMMPS's plain lmp. */
    Result lmp(Path dir, String... args) {
        List<String> cmd = new ArrayList<>(List.of(plainLmp().toString()));
        cmd.addAll(Arrays.asList(args));
        return run(dir, cmd, 600);
    }

    /** mtpj lammps (Java-host mode) in a child JVM with this JVM's class path. */
    Result javaHost(Path dir, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "org.mtpj.lammps.cli.LammpsCommand"));
        cmd.addAll(Arrays.asList(args));
        return run(dir, cmd, 600);
    }

    /** Any command in dir, with the environment that points ./lmp-mtpj at this LAMMPS's bridge. */
    Result run(Path dir, List<String> cmd, int timeoutSeconds) {
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
            Map<String, String> env = pb.environment();
            env.put("MTPJ_CLASSPATH", System.getProperty("java.class.path"));
            env.put("MTPJ_JAVA_HOME", System.getProperty("java.home"));
            env.put("MTPJ_NATIVE_BUILD", nativeDir().toString());  // ./lmp-mtpj and Java-host mode
            env.remove("MTPJ_JVM_OPTS");
            Path out = Files.createTempFile(dir, "stdout", ".txt"), err = Files.createTempFile(dir, "stderr", ".txt");
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                fail("timed out after " + timeoutSeconds + " s (hang?): " + String.join(" ", cmd));
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.ISO_8859_1),
                    Files.readString(err, StandardCharsets.ISO_8859_1), dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void assertOk(Result r) {
        assertEquals(0, r.exitCode(), () -> "exit code " + r.exitCode() + "\n--- stdout (tail)\n" + tail(r.stdout())
                + "\n--- stderr\n" + tail(r.stderr()));
    }

    static String tail(String s) {
        String[] l = s.split("\n");
        return String.join("\n", Arrays.copyOfRange(l, Math.max(0, l.length - 25), l.length));
    }

    /** Copies a file into dir (shared references are read-only; the copy is writable). */
    static Path copy(Path src, Path dir, String name) throws IOException {
        Path dst = dir.resolve(name);
        Files.copy(src, dst, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        dst.toFile().setWritable(true);
        return dst;
    }

    /** Edits a text file in place: each pair {regex, replacement}. */
    static void edit(Path file, String... pairs) throws IOException {
        String s = Files.readString(file);
        for (int k = 0; k < pairs.length; k += 2) {
            String before = s;
            s = s.replaceAll(pairs[k], pairs[k + 1]);
            if (s.equals(before)) fail("edit of " + file + ": pattern '" + pairs[k] + "' not found");
        }
        Files.writeString(file, s);
    }
}
