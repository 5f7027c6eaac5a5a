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
 * Runs the real LAMMPS with the native bridge: the root {@code lmp-mtpj} wrapper (Debian's LAMMPS
 * + pair_style mtp/java), {@code mpirun}, Java-host mode in a child JVM, the plugin check. The
 * pair style's JVM gets this test JVM's class path (MTPJ_CLASSPATH), so it runs the classes under
 * test. Skips when the native part is not built (scripts/setup-lammps), or fails when the run is
 * strict (CI, MTPJ_REQUIRE_NATIVE=1; see {@link Required}).
 */
final class NativeLammps {
    private NativeLammps() {}

    record Result(int exitCode, String stdout, String stderr, Path dir) {
        String all() { return stdout + "\n" + stderr; }
        Path file(String name) { return dir.resolve(name); }
    }

    static Path repo() { return Shared.repo(); }

    static Path nativeDir() {
        String env = System.getenv("MTPJ_NATIVE_BUILD");
        return env != null && !env.isBlank() ? Path.of(env) : repo().resolve("build/native");
    }

    /** Skips (or fails in CI: {@link Required}) when the native bridge is not built. */
    static void requireNative() {
        Required.executable(nativeDir().resolve("lmp-mtpj"), "run scripts/setup-lammps");
    }

    /** Skips (or fails in CI) without mpirun. */
    static void requireMpirun() {
        Required.tool("mpirun");
    }

    /** ./lmp-mtpj ARGS in dir. */
    static Result lmpMtpj(Path dir, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(repo().resolve("lmp-mtpj").toString());
        cmd.addAll(Arrays.asList(args));
        return run(dir, cmd, 600);
    }

    /** mpirun -np N ./lmp-mtpj ARGS in dir. */
    static Result mpirun(Path dir, int np, String... args) {
        List<String> cmd = new ArrayList<>(List.of("mpirun", "--allow-run-as-root", "--oversubscribe", "-np", String.valueOf(np)));
        cmd.add(repo().resolve("lmp-mtpj").toString());
        cmd.addAll(Arrays.asList(args));
        return run(dir, cmd, 600);
    }

    /** Debian's plain lmp. */
    static Result lmp(Path dir, String... args) {
        List<String> cmd = new ArrayList<>(List.of("lmp"));
        cmd.addAll(Arrays.asList(args));
        return run(dir, cmd, 600);
    }

    /** mtpj lammps (Java-host mode) in a child JVM with this JVM's class path. */
    static Result javaHost(Path dir, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "org.mtpj.lammps.cli.LammpsCommand"));
        cmd.addAll(Arrays.asList(args));
        return run(dir, cmd, 600);
    }

    static Result run(Path dir, List<String> cmd, int timeoutSeconds) {
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
            Map<String, String> env = pb.environment();
            env.put("MTPJ_CLASSPATH", System.getProperty("java.class.path"));
            env.put("MTPJ_JAVA_HOME", System.getProperty("java.home"));
            env.put("MTPJ_NATIVE_BUILD", nativeDir().toString());
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
