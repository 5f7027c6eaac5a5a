package org.mtpj.train.grade;

import java.util.Arrays;

/**
 * Candidate rows for one MaxVol selection pass (mtp-spec §6.3): m rows of length n, row-major,
 * each tagged with the id of the configuration it came from. Rows swapped out of the active set
 * come back here, so a pool is changed by selection.
 */
public final class CandidatePool {
    private final int n;
    double[] rows;
    int[] owner;
    private int m;

    public CandidatePool(int n) {
        this.n = n;
        this.rows = new double[Math.max(n, 16 * n)];
        this.owner = new int[16];
    }

    public int rowLength() { return n; }

    public int size() { return m; }

    /** Appends a row (copied) owned by configuration {@code configId}. */
    public void add(double[] row, int configId) {
        add(row, 0, configId);
    }

    /** Appends row {@code row[offset..offset+n)} owned by {@code configId}. */
    public void add(double[] row, int offset, int configId) {
        if (m == owner.length) {
            owner = Arrays.copyOf(owner, 2 * m);
            rows = Arrays.copyOf(rows, 2 * m * n);
        }
        System.arraycopy(row, offset, rows, m * n, n);
        owner[m++] = configId;
    }

    /**
     * The pools of all MPI ranks appended in rank order, on every rank (collective): each rank
     * broadcasts its rows and owners in turn.
     */
    static CandidatePool allGather(CandidatePool mine, org.mtpj.host.Ranks ranks) {
        long[] counts = new long[ranks.size()];
        counts[ranks.rank()] = mine.m;
        ranks.sumInPlace(counts);
        long total = 0;
        for (long c : counts) total += c;
        CandidatePool all = new CandidatePool(mine.n);
        all.rows = new double[Math.toIntExact(Math.max(mine.n, total * mine.n))];
        all.owner = new int[(int) Math.max(1, total)];
        for (int r = 0; r < ranks.size(); r++) {
            int m = (int) counts[r];
            if (m == 0) continue;
            boolean me = r == ranks.rank();
            double[] rows = me ? Arrays.copyOf(mine.rows, m * mine.n) : new double[m * mine.n];
            long[] owners = new long[m];
            if (me) for (int i = 0; i < m; i++) owners[i] = mine.owner[i];
            ranks.broadcast(rows, r);
            ranks.broadcast(owners, r);
            for (int i = 0; i < m; i++) all.add(rows, i * mine.n, (int) owners[i]);
        }
        return all;
    }

    /** A copy of row i. */
    public double[] row(int i) { return Arrays.copyOfRange(rows, i * n, (i + 1) * n); }

    public int owner(int i) { return owner[i]; }

    /** The backing row-major data (first size()*n entries are valid). */
    double[] data() { return rows; }
}
