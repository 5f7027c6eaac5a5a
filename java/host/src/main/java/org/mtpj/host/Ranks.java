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

    /** A single process. */
    Ranks SINGLE = new Ranks() {
        @Override public int rank() { return 0; }
        @Override public int size() { return 1; }
        @Override public void sumInPlace(long[] values) {}
    };

    /**
     * The ranks of this process: MPI's world when Open MPI started it with more than one rank
     * (OMPI_COMM_WORLD_SIZE > 1), else {@link #SINGLE}. MPI is started on the first call.
     */
    static Ranks world() {
        String n = System.getenv("OMPI_COMM_WORLD_SIZE");
        if (n == null || n.equals("1")) return SINGLE;
        return MpiRanks.world();
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
