package org.mtpj.lammps.host;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.mtpj.core.UserError;
import org.mtpj.lammps.bridge.NativeEntry;

/**
 * LAMMPS inside this JVM: Debian's {@code liblammps.so.0} through FFM ({@code lammps_open_no_mpi},
 * {@code lammps_file}, ...), with pair style mtp/java registered by the helper library
 * {@code libmtpj_lammps.so} and evaluated in this same JVM (no second JVM, no JNI).
 *
 * <p>Serial only. Debian's LAMMPS has no C++ exceptions: a LAMMPS error ends this process
 * (exit code 1), exactly as it ends {@code lmp}.
 */
public final class LammpsHost implements AutoCloseable {
    private final Arena arena = Arena.ofShared();
    private final MethodHandle file, command, close, version, natoms;
    private final MemorySegment handle;

    /** Opens LAMMPS with lmp-style arguments (without -in) and registers mtp/java and mlip. */
    public LammpsHost(List<String> lmpArgs, Path helperLibrary) {
        Linker linker = Linker.nativeLinker();
        SymbolLookup lmp;
        try {
            lmp = SymbolLookup.libraryLookup("liblammps.so.0", arena);
        } catch (IllegalArgumentException e) {
            throw new UserError("cannot load liblammps.so.0 (install Debian's liblammps-dev / lammps, or run scripts/setup-lammps)");
        }
        if (!Files.isRegularFile(helperLibrary))
            throw new UserError(helperLibrary + " not found: build the native part with scripts/setup-lammps");
        SymbolLookup helper = SymbolLookup.libraryLookup(helperLibrary, arena);
        MethodHandle open = linker.downcallHandle(lmp.findOrThrow("lammps_open_no_mpi"),
                FunctionDescriptor.of(ADDRESS, JAVA_INT, ADDRESS, ADDRESS));
        file = linker.downcallHandle(lmp.findOrThrow("lammps_file"), FunctionDescriptor.ofVoid(ADDRESS, ADDRESS));
        command = linker.downcallHandle(lmp.findOrThrow("lammps_command"), FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
        close = linker.downcallHandle(lmp.findOrThrow("lammps_close"), FunctionDescriptor.ofVoid(ADDRESS));
        version = linker.downcallHandle(lmp.findOrThrow("lammps_version"), FunctionDescriptor.of(JAVA_INT, ADDRESS));
        natoms = linker.downcallHandle(lmp.findOrThrow("lammps_get_natoms"),
                FunctionDescriptor.of(java.lang.foreign.ValueLayout.JAVA_DOUBLE, ADDRESS));
        MethodHandle register = linker.downcallHandle(helper.findOrThrow("mtpj_host_register"),
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT));
        try {
            MemorySegment argv = arena.allocate(ADDRESS, lmpArgs.size() + 2);
            argv.setAtIndex(ADDRESS, 0, arena.allocateFrom("mtpj-lammps"));
            for (int k = 0; k < lmpArgs.size(); k++) argv.setAtIndex(ADDRESS, k + 1, arena.allocateFrom(lmpArgs.get(k)));
            argv.setAtIndex(ADDRESS, lmpArgs.size() + 1, MemorySegment.NULL);
            handle = (MemorySegment) open.invokeExact(lmpArgs.size() + 1, argv, MemorySegment.NULL);
            if (handle.address() == 0) throw new UserError("lammps_open_no_mpi failed");
            long[] stubs = NativeEntry.stubsForHost();
            MemorySegment table = arena.allocateFrom(JAVA_LONG, stubs);
            int rc = (int) register.invokeExact(handle, table, stubs.length);
            if (rc != 0) throw new IllegalStateException("mtpj_host_register returned " + rc);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Runs an input file (LAMMPS's own 'include' semantics). */
    public void file(Path input) {
        try {
            file.invokeExact(handle, arena.allocateFrom(input.toString()));
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Runs one input command. */
    public void command(String cmd) {
        try {
            MemorySegment ignored = (MemorySegment) command.invokeExact(handle, arena.allocateFrom(cmd));
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public int version() {
        try {
            return (int) version.invokeExact(handle);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public double atomCount() {
        try {
            return (double) natoms.invokeExact(handle);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) return r;
        if (t instanceof Error e) throw e;
        return new IllegalStateException(t);
    }

    @Override
    public void close() {
        try {
            close.invokeExact(handle);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** build/native/libmtpj_lammps.so beside the jar this class came from, or $MTPJ_NATIVE_BUILD. */
    public static Path defaultHelper() {
        String env = System.getenv("MTPJ_NATIVE_BUILD");
        if (env != null && !env.isBlank()) return Path.of(env, "libmtpj_lammps.so");
        try {
            Path loc = Path.of(LammpsHost.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = loc; p != null; p = p.getParent()) {
                Path cand = p.resolve("build/native/libmtpj_lammps.so");
                if (Files.isRegularFile(cand)) return cand;
                if (p.getFileName() != null && p.getFileName().toString().equals("build")
                        && Files.isRegularFile(p.resolve("native/libmtpj_lammps.so")))
                    return p.resolve("native/libmtpj_lammps.so");
            }
        } catch (Exception ignored) {
            // fall through
        }
        return Path.of("build/native/libmtpj_lammps.so").toAbsolutePath();
    }
}
