package org.mtpj.lammps.bridge;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.mtpj.core.UserError;
import org.mtpj.core.io.InputFormatException;
import org.mtpj.host.MtpFiles;

/**
 * The Java end of the native pair style (native/pair_mtp_java.cpp). The C++ side calls
 * {@link #stubs(int)} once per process through JNI and from then on calls the returned FFM upcall
 * stubs directly: {@code create} (pair_style), {@code coeff} (pair_coeff), {@code compute} (each
 * force evaluation), {@code destroy}. Signatures are those of MtpjJavaApi in native/mtpj_step.h.
 *
 * <p>No exception ever leaves an upcall (the JVM would end the process): every entry catches
 * everything, writes a one-line message into the caller's buffer and returns the error code; the
 * C++ side turns it into a LAMMPS error. Set MTPJ_TRACE=1 to also print Java stack traces.
 */
public final class NativeEntry {
    private NativeEntry() {}

    private static final Map<Long, PairSession> SESSIONS = new ConcurrentHashMap<>();
    private static final AtomicLong NEXT = new AtomicLong(1);
    private static long[] stubs;
    /** Upcall counter (tests and benchmarks read it). */
    static final AtomicLong COMPUTE_CALLS = new AtomicLong();

    /** Called once per process by the native side (JNI); addresses of create, coeff, compute, destroy. */
    public static synchronized long[] stubs(int abiVersion) {
        if (abiVersion != StepLayout.ABI_VERSION && abiVersion != StepLayout.ABI_WITHOUT_CLOSE_CONTACTS
                && abiVersion != StepLayout.ABI_WITHOUT_COLLECTIVES)
            throw new IllegalStateException("native bridge ABI " + abiVersion + " but mtpj jar ABI "
                    + StepLayout.ABI_VERSION + ": rebuild with scripts/build-native");
        if (stubs == null) {
            // the JVM inside LAMMPS takes the user's locale from the environment: numbers stay C-style
            java.util.Locale.setDefault(java.util.Locale.ROOT);
            Linker linker = Linker.nativeLinker();
            var lookup = MethodHandles.lookup();
            try {
                MemorySegment create = linker.upcallStub(
                        lookup.findStatic(NativeEntry.class, "create",
                                MethodType.methodType(long.class, MemorySegment.class, int.class, MemorySegment.class, int.class)),
                        FunctionDescriptor.of(JAVA_LONG, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT), Arena.global());
                MemorySegment coeff = linker.upcallStub(
                        lookup.findStatic(NativeEntry.class, "coeff",
                                MethodType.methodType(int.class, long.class, int.class, MemorySegment.class,
                                        MemorySegment.class, MemorySegment.class, MemorySegment.class, int.class)),
                        FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, JAVA_INT),
                        Arena.global());
                MemorySegment compute = linker.upcallStub(
                        lookup.findStatic(NativeEntry.class, "compute",
                                MethodType.methodType(int.class, long.class, MemorySegment.class)),
                        FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS), Arena.global());
                MemorySegment destroy = linker.upcallStub(
                        lookup.findStatic(NativeEntry.class, "destroy", MethodType.methodType(void.class, long.class)),
                        FunctionDescriptor.ofVoid(JAVA_LONG), Arena.global());
                stubs = new long[] {create.address(), coeff.address(), compute.address(), destroy.address()};
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return stubs.clone();
    }

    /** Same entry points for Java-host mode (no JNI needed there). */
    public static long[] stubsForHost() { return stubs(StepLayout.ABI_VERSION); }

    static long create(MemorySegment args, int rank, MemorySegment buf, int buflen) {
        try {
            List<String> words = Arrays.asList(cString(args).split("\n"));
            PairSession s = open(words, Path.of("").toAbsolutePath(), rank);
            long id = NEXT.getAndIncrement();
            SESSIONS.put(id, s);
            StringBuilder info = new StringBuilder("mtp/java: ").append(s.model.describe())
                    .append("; ").append(s.settings.threads()).append(" Java thread(s) per MPI rank");
            if (s.settings.ini() != null) {
                for (String w : s.settings.ini().warnings) info.append("\nmtp/java: WARNING: ").append(w);
                if (s.settings.ini().select.enabled() && !s.hasHooks())
                    info.append("\nmtp/java: WARNING: select TRUE in ").append(s.settings.ini().file)
                            .append(": extrapolation grades are not computed by this mtpj version (no selection hook"
                                    + " installed); the MD runs with energies and forces only");
            }
            putString(buf, buflen, info.toString());
            return id;
        } catch (Throwable t) {
            putString(buf, buflen, message(t));
            return 0;
        }
    }

    /** The session for pair_style words (also used by tests without LAMMPS). */
    static PairSession open(List<String> words, Path cwd, int rank) {
        PairSettings settings = PairSettings.parse(words, cwd);
        SiteModel model = settings.isSoft()
                ? new SoftSiteModel(settings.softPrefactor(), settings.softCutoff())
                : new MtpSiteModel(MtpFiles.read(settings.potentialFile()), cwd.relativize(settings.potentialFile()).toString());
        return new PairSession(settings, model, rank);
    }

    static int coeff(long handle, int ntypes, MemorySegment names, MemorySegment speciesOut,
                     MemorySegment cutoffOut, MemorySegment buf, int buflen) {
        try {
            PairSession s = session(handle);
            String n = cString(names);
            List<String> list = n.isEmpty() ? List.of() : Arrays.asList(n.split("\n"));
            int[] map = s.mapTypes(ntypes, list);
            MemorySegment out = speciesOut.reinterpret(4L * (ntypes + 1));
            for (int t = 0; t <= ntypes; t++) out.setAtIndex(JAVA_INT, t, map[t]);
            cutoffOut.reinterpret(8).set(JAVA_DOUBLE, 0, s.cutoff());
            StringBuilder info = new StringBuilder("mtp/java: atom types -> species:");
            String[] sn = s.model.speciesNames();
            for (int t = 1; t <= ntypes; t++) {
                info.append(' ').append(t).append("->");
                if (map[t] < 0) info.append("NULL");
                else info.append(map[t]).append(sn != null && map[t] < sn.length && sn[map[t]] != null ? "(" + sn[map[t]] + ")" : "");
            }
            putString(buf, buflen, info.toString());
            return 0;
        } catch (Throwable t) {
            putString(buf, buflen, message(t));
            return 1;
        }
    }

    static int compute(long handle, MemorySegment step) {
        MemorySegment s = step.reinterpret(StepLayout.LAYOUT.byteSize());
        try {
            COMPUTE_CALLS.incrementAndGet();
            session(handle).compute(s);
            return 0;
        } catch (Throwable t) {
            try {
                MemorySegment buf = s.get(ADDRESS, StepLayout.ERRBUF);
                putString(buf, s.get(JAVA_INT, StepLayout.ERRLEN), message(t));
            } catch (Throwable ignored) {
                // nothing more we can do; the C++ side still sees the error code
            }
            return 1;
        }
    }

    static void destroy(long handle) {
        try {
            PairSession s = SESSIONS.remove(handle);
            if (s != null) s.close();
        } catch (Throwable ignored) {
            // never let anything escape an upcall
        }
    }

    private static PairSession session(long handle) {
        PairSession s = SESSIONS.get(handle);
        if (s == null) throw new IllegalStateException("unknown pair style handle " + handle);
        return s;
    }

    /** One line for the user: our own errors as they are, anything else as an internal error. */
    static String message(Throwable t) {
        if ("1".equals(System.getenv("MTPJ_TRACE"))) t.printStackTrace();
        Throwable c = t;
        while (c.getCause() != null && !(c instanceof UserError) && !(c instanceof InputFormatException)) c = c.getCause();
        if (c instanceof UserError || c instanceof InputFormatException) return c.getMessage();
        if (c instanceof java.io.UncheckedIOException || c instanceof java.io.IOException) return "I/O error: " + c.getMessage();
        if (c instanceof OutOfMemoryError) return "Java out of memory (raise it with MTPJ_JVM_OPTS=-Xmx...)";
        StackTraceElement[] st = c.getStackTrace();
        return "internal error in mtpj: " + c + (st.length > 0 ? " at " + st[0] : "")
                + " (set MTPJ_TRACE=1 for the Java stack trace)";
    }

    private static String cString(MemorySegment p) {
        if (p.address() == 0) return "";
        return p.reinterpret(Integer.MAX_VALUE).getString(0, StandardCharsets.UTF_8);
    }

    private static void putString(MemorySegment buf, int len, String text) {
        if (buf.address() == 0 || len <= 0) return;
        byte[] b = text.replace('\0', ' ').getBytes(StandardCharsets.UTF_8);
        int n = Math.min(b.length, len - 1);
        MemorySegment out = buf.reinterpret(len);
        MemorySegment.copy(b, 0, out, java.lang.foreign.ValueLayout.JAVA_BYTE, 0, n);
        out.set(java.lang.foreign.ValueLayout.JAVA_BYTE, n, (byte) 0);
    }
}
