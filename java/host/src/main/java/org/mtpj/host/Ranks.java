package org.mtpj.host;

/**
 * The processes a command runs on: one, or the ranks of an MPI job ({@code mpirun -np N ./mtpj …}).
 * Each rank owns a share of the work; integer sums combine their results exactly (see
 * core.math.ExactSum), so every rank ends with the same numbers and the result does not depend on N.
 */
public interface Ranks {
    int rank();

    int size();

    default boolean isRoot() { return rank() == 0; }

    /** Element-wise integer sum over all ranks, in place, the same on every rank. */
    void sumInPlace(long[] values);

    /** Sends bytes to rank {@code to} (blocking; {@link #receiveBytes} there takes them, in order). */
    void sendBytes(int to, byte[] data);

    /** The next bytes rank {@code from} sent to this rank. */
    byte[] receiveBytes(int from);

    /** Rank {@code root}'s values, in place on every rank (all pass arrays of the same length). */
    void broadcast(long[] values, int root);

    void broadcast(double[] values, int root);

    /** A single process. */
    Ranks SINGLE = new Ranks() {
        @Override public int rank() { return 0; }
        @Override public int size() { return 1; }
        @Override public void sumInPlace(long[] values) {}
        @Override public void sendBytes(int to, byte[] data) { throw new IllegalStateException("a single process has no rank " + to); }
        @Override public byte[] receiveBytes(int from) { throw new IllegalStateException("a single process has no rank " + from); }
        @Override public void broadcast(long[] values, int root) {}
        @Override public void broadcast(double[] values, int root) {}
    };

    /**
     * On rank 0, every rank's bytes in rank order (its own first); null on the other ranks.
     * Each rank sends when it gets here; rank 0 takes them one rank after the other.
     */
    default java.util.List<byte[]> gatherToRoot(byte[] mine) {
        if (!isRoot()) {
            sendBytes(0, mine);
            return null;
        }
        java.util.List<byte[]> all = new java.util.ArrayList<>(java.util.List.of(mine));
        for (int r = 1; r < size(); r++) all.add(receiveBytes(r));
        return all;
    }

    /** Rank 0: every rank's text in rank order; null on the other ranks. */
    default java.util.List<String> gatherText(String mine) {
        java.util.List<byte[]> all = gatherToRoot(mine.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return all == null ? null : all.stream().map(b -> new String(b, java.nio.charset.StandardCharsets.UTF_8)).toList();
    }

    /** Element-wise maximum over all ranks, in place, the same on every rank (Math.max: a NaN wins). */
    default void maxInPlace(double[] values) {
        if (size() == 1 || values.length == 0) return;
        // each rank's values in its own slot, the others zero: the integer sum gathers them exactly
        long[] slots = new long[size() * values.length];
        for (int k = 0; k < values.length; k++) slots[rank() * values.length + k] = Double.doubleToRawLongBits(values[k]);
        sumInPlace(slots);
        for (int k = 0; k < values.length; k++) {
            double m = Double.longBitsToDouble(slots[k]);
            for (int r = 1; r < size(); r++) m = Math.max(m, Double.longBitsToDouble(slots[r * values.length + k]));
            values[k] = m;
        }
    }

    /**
     * Runs this rank's part of a step and lets the ranks agree on the outcome, so that a fault on
     * one rank (a bad configuration in its share) stops every rank instead of leaving the others
     * waiting in the next collective. When some rank failed, every rank throws: rank 0 the fault of
     * the first failing rank, which is the one a single process would have met first since shares
     * are contiguous (an input error is sent to rank 0 and said there once); the other ranks
     * {@link OtherRankFailed}, which ends them silently with the same exit code.
     */
    default <T> T agree(java.util.function.Supplier<T> part) {
        if (size() == 1) return part.get();
        T result = null;
        Throwable failure = null;
        try {
            result = part.get();
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        long[] codes = new long[size()];
        if (failure != null) codes[rank()] = OtherRankFailed.exitCodeOf(failure);
        sumInPlace(codes);
        int first = 0;
        while (first < codes.length && codes[first] == 0) first++;
        if (first == codes.length) return result;
        int code = (int) codes[first];
        String message = failure == null ? null : OtherRankFailed.inputMessage(failure);
        if (first != 0) {
            // an input fault travels to rank 0; any other (a bug, memory) is said by its own rank
            if (rank() == first) sendBytes(0, message == null ? new byte[0] : message.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (isRoot()) {
                byte[] text = receiveBytes(first);
                if (text.length > 0) throw new org.mtpj.core.UserError(new String(text, java.nio.charset.StandardCharsets.UTF_8), code);
            }
            if (rank() == first && message == null) throw OtherRankFailed.rethrow(failure);
            throw new OtherRankFailed(code);
        }
        if (isRoot()) throw OtherRankFailed.rethrow(failure);
        throw new OtherRankFailed(code);
    }

    /**
     * The ranks of this process: MPI's world when Open MPI started it with more than one rank
     * (OMPI_COMM_WORLD_SIZE > 1), else {@link #SINGLE}. MPI is started on the first call.
     */
    static Ranks world() {
        if (launchedSize() == 1) return SINGLE;
        return MpiRanks.world();
    }

    /** How many ranks mpirun started (Open MPI's OMPI_COMM_WORLD_SIZE; 1 without mpirun), without starting MPI. */
    static int launchedSize() { return environmentNumber("OMPI_COMM_WORLD_SIZE", 1); }

    /** This process's rank as mpirun numbered it (OMPI_COMM_WORLD_RANK; 0 without mpirun), without starting MPI. */
    static int launchedRank() { return environmentNumber("OMPI_COMM_WORLD_RANK", 0); }

    private static int environmentNumber(String name, int otherwise) {
        String v = System.getenv(name);
        try {
            return v == null ? otherwise : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /**
     * The share [from, to) of {@code weights.length} items that rank r of {@code size} owns:
     * contiguous blocks of about equal total weight (atoms per configuration).
     */
    static int[] share(long[] weights, int r, int size) {
        long total = 0;
        for (long w : weights) total += w;
        int from = -1, to = weights.length;
        long acc = 0;
        for (int i = 0; i < weights.length; i++) {
            // item i goes to the rank in whose weight interval its midpoint lies
            int owner = total == 0 ? (int) ((long) i * size / Math.max(1, weights.length))
                    : (int) Math.min(size - 1, (2 * acc + weights[i]) * size / (2 * total));
            acc += weights[i];
            if (owner == r && from < 0) from = i;
            if (owner > r) { to = i; break; }
        }
        return from < 0 ? new int[] {to, to} : new int[] {from, to};
    }
}
