package org.mtpj.host;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import org.mtpj.core.UserError;

/**
 * MPI_COMM_WORLD of Open MPI (Debian's libmpi.so.40), reached through the FFM API: MPI_Init on first
 * use, MPI_Finalize when the JVM exits. Open MPI's handles are addresses of its global objects
 * (ompi_mpi_comm_world, ompi_mpi_long, ompi_mpi_op_sum), which is what its mpi.h macros expand to.
 */
final class MpiRanks implements Ranks {
    private static MpiRanks world;

    private final Arena arena = Arena.global();
    private final MethodHandle allreduce, send, receive, bcast;
    private final MemorySegment comm, longType, doubleType, byteType, sumOp;
    private final int rank, size;

    static synchronized MpiRanks world() {
        if (world == null) world = new MpiRanks();
        return world;
    }

    private MpiRanks() {
        SymbolLookup mpi;
        try {
            mpi = SymbolLookup.libraryLookup(System.getenv().getOrDefault("MTPJ_LIBMPI", "libmpi.so.40"), arena);
        } catch (IllegalArgumentException e) {
            throw new UserError("started by mpirun, but Open MPI's libmpi.so.40 cannot be loaded (apt-get install libopenmpi3;"
                    + " or set MTPJ_LIBMPI): " + e.getMessage());
        }
        Linker linker = Linker.nativeLinker();
        MethodHandle init = linker.downcallHandle(find(mpi, "MPI_Init"), FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        MethodHandle commRank = linker.downcallHandle(find(mpi, "MPI_Comm_rank"), FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        MethodHandle commSize = linker.downcallHandle(find(mpi, "MPI_Comm_size"), FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        MethodHandle finalizeMpi = linker.downcallHandle(find(mpi, "MPI_Finalize"), FunctionDescriptor.of(JAVA_INT));
        allreduce = linker.downcallHandle(find(mpi, "MPI_Allreduce"),
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
        send = linker.downcallHandle(find(mpi, "MPI_Send"),
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS));
        receive = linker.downcallHandle(find(mpi, "MPI_Recv"),
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
        bcast = linker.downcallHandle(find(mpi, "MPI_Bcast"),
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS));
        comm = find(mpi, "ompi_mpi_comm_world");
        longType = find(mpi, "ompi_mpi_long");
        doubleType = find(mpi, "ompi_mpi_double");
        byteType = find(mpi, "ompi_mpi_byte");
        sumOp = find(mpi, "ompi_mpi_op_sum");
        call("MPI_Init", () -> (int) init.invokeExact(MemorySegment.NULL, MemorySegment.NULL));
        MemorySegment out = arena.allocate(JAVA_INT);
        call("MPI_Comm_rank", () -> (int) commRank.invokeExact(comm, out));
        rank = out.get(JAVA_INT, 0);
        call("MPI_Comm_size", () -> (int) commSize.invokeExact(comm, out));
        size = out.get(JAVA_INT, 0);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                int ignored = (int) finalizeMpi.invokeExact();
            } catch (Throwable t) {
                // the process ends anyway; mpirun reports a rank that died without MPI_Finalize
            }
        }, "mtpj-mpi-finalize"));
    }

    private static MemorySegment find(SymbolLookup mpi, String name) {
        return mpi.find(name).orElseThrow(() -> new UserError("libmpi has no symbol " + name + " (mtpj needs Open MPI 4 or newer)"));
    }

    private static void check(int rc, String what) {
        if (rc != 0) throw new IllegalStateException(what + " returned " + rc);
    }

    /** One MPI function's call, as a downcall handle's invokeExact (which declares Throwable). */
    @FunctionalInterface
    private interface Call { int run() throws Throwable; }

    /** Calls what, turning a return code other than MPI_SUCCESS or a failed downcall into one exception. */
    private static void call(String what, Call c) {
        int rc;
        try {
            rc = c.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(what + " failed", t);
        }
        check(rc, what);
    }

    @Override public int rank() { return rank; }

    @Override public int size() { return size; }

    @Override
    public void sumInPlace(long[] values) {
        if (values.length == 0) return;
        try (Arena scratch = Arena.ofConfined()) {
            MemorySegment in = scratch.allocate(JAVA_LONG, values.length), out = scratch.allocate(JAVA_LONG, values.length);
            MemorySegment.copy(values, 0, in, JAVA_LONG, 0, values.length);
            call("MPI_Allreduce", () -> (int) allreduce.invokeExact(in, out, values.length, longType, sumOp, comm));
            MemorySegment.copy(out, JAVA_LONG, 0, values, 0, values.length);
        }
    }

    /** One tag for every point-to-point message: each pair of ranks exchanges them in program order. */
    private static final int TAG = 17;

    @Override
    public void sendBytes(int to, byte[] data) {
        try (Arena scratch = Arena.ofConfined()) {
            MemorySegment length = scratch.allocate(JAVA_LONG);
            length.set(JAVA_LONG, 0, data.length);
            call("MPI_Send", () -> (int) send.invokeExact(length, 1, longType, to, TAG, comm));
            if (data.length == 0) return;
            MemorySegment buf = scratch.allocate(data.length);
            MemorySegment.copy(data, 0, buf, JAVA_BYTE, 0, data.length);
            call("MPI_Send", () -> (int) send.invokeExact(buf, data.length, byteType, to, TAG, comm));
        }
    }

    @Override
    public byte[] receiveBytes(int from) {
        try (Arena scratch = Arena.ofConfined()) {
            MemorySegment length = scratch.allocate(JAVA_LONG);
            call("MPI_Recv", () -> (int) receive.invokeExact(length, 1, longType, from, TAG, comm, MemorySegment.NULL));
            int n = Math.toIntExact(length.get(JAVA_LONG, 0));
            byte[] data = new byte[n];
            if (n == 0) return data;
            MemorySegment buf = scratch.allocate(n);
            call("MPI_Recv", () -> (int) receive.invokeExact(buf, n, byteType, from, TAG, comm, MemorySegment.NULL));
            MemorySegment.copy(buf, JAVA_BYTE, 0, data, 0, n);
            return data;
        }
    }

    @Override
    public void broadcast(long[] values, int root) { broadcast(values, values.length, JAVA_LONG, longType, root); }

    @Override
    public void broadcast(double[] values, int root) { broadcast(values, values.length, JAVA_DOUBLE, doubleType, root); }

    /** MPI_Bcast of a Java array of n elements of the given layout (MPI datatype type) from root. */
    private void broadcast(Object array, int n, ValueLayout layout, MemorySegment type, int root) {
        if (n == 0) return;
        try (Arena scratch = Arena.ofConfined()) {
            MemorySegment buf = scratch.allocate(layout, n);
            MemorySegment.copy(array, 0, buf, layout, 0, n);
            call("MPI_Bcast", () -> (int) bcast.invokeExact(buf, n, type, root, comm));
            MemorySegment.copy(buf, layout, 0, array, 0, n);
        }
    }
}
