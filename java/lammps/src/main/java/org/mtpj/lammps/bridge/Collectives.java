package org.mtpj.lammps.bridge;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * MPI collectives over LAMMPS's world communicator, through the shim's two C callbacks
 * (MtpjStep.allreduce / gather, bridge ABI 4). For hooks that need the whole configuration
 * (selection mode). Every rank must make the same calls in the same order. One per session; the
 * native scratch grows as needed.
 */
final class Collectives implements AutoCloseable {
    private static final FunctionDescriptor ALLREDUCE = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, JAVA_INT);
    private static final FunctionDescriptor GATHER = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, ADDRESS);

    private final Arena arena = Arena.ofShared();
    private long allreduceAddr, gatherAddr;
    private MethodHandle allreduce, gather;
    private MemorySegment comm = MemorySegment.NULL;
    private int nprocs = 1;
    private MemorySegment sendBuf = MemorySegment.NULL, recvBuf = MemorySegment.NULL;

    /** Updates the callbacks from this step's struct (they do not change within a process). */
    void bind(int nprocs, MemorySegment comm, MemorySegment allreduceFn, MemorySegment gatherFn) {
        this.nprocs = Math.max(1, nprocs);
        this.comm = comm;
        Linker linker = Linker.nativeLinker();
        if (allreduceFn.address() != allreduceAddr) {
            allreduceAddr = allreduceFn.address();
            allreduce = allreduceAddr == 0 ? null : linker.downcallHandle(allreduceFn, ALLREDUCE);
        }
        if (gatherFn.address() != gatherAddr) {
            gatherAddr = gatherFn.address();
            gather = gatherAddr == 0 ? null : linker.downcallHandle(gatherFn, GATHER);
        }
    }

    int ranks() { return nprocs; }

    boolean available() { return allreduce != null && gather != null; }

    /** In place over all ranks: op 0 = sum, 1 = max. */
    void allreduce(double[] a, boolean max) {
        if (nprocs == 1) return;
        need();
        MemorySegment buf = send(a.length);
        MemorySegment.copy(a, 0, buf, JAVA_DOUBLE, 0, a.length);
        int rc;
        try {
            rc = (int) allreduce.invokeExact(comm, buf, a.length, max ? 1 : 0);
        } catch (Throwable t) {
            throw new IllegalStateException("MPI_Allreduce through the shim failed", t);
        }
        if (rc != 0) throw new IllegalStateException("MPI_Allreduce failed");
        MemorySegment.copy(buf, JAVA_DOUBLE, 0, a, 0, a.length);
    }

    /** Rank 0 gets every rank's n values concatenated in rank order (total values); others get null. */
    double[] gatherToRoot(double[] local, int n, int total, int rank) {
        if (nprocs == 1) return java.util.Arrays.copyOf(local, n);
        need();
        MemorySegment s = send(n);
        MemorySegment.copy(local, 0, s, JAVA_DOUBLE, 0, n);
        MemorySegment r = rank == 0 ? recv(total) : MemorySegment.NULL;
        int rc;
        try {
            rc = (int) gather.invokeExact(comm, s, n, r);
        } catch (Throwable t) {
            throw new IllegalStateException("MPI_Gatherv through the shim failed", t);
        }
        if (rc != 0) throw new IllegalStateException("MPI_Gatherv failed");
        if (rank != 0) return null;
        double[] out = new double[total];
        MemorySegment.copy(r, JAVA_DOUBLE, 0, out, 0, total);
        return out;
    }

    private void need() {
        if (!available())
            throw new org.mtpj.core.UserError("this native bridge has no MPI collectives (built before ABI 4): rebuild with scripts/build-native");
    }

    private MemorySegment send(int n) {
        if (sendBuf.byteSize() < 8L * Math.max(n, 1)) sendBuf = arena.allocate(8L * Math.max(n, 1) * 5 / 4 + 8, 8);
        return sendBuf;
    }

    private MemorySegment recv(int n) {
        if (recvBuf.byteSize() < 8L * Math.max(n, 1)) recvBuf = arena.allocate(8L * Math.max(n, 1) * 5 / 4 + 8, 8);
        return recvBuf;
    }

    @Override
    public void close() { arena.close(); }
}
