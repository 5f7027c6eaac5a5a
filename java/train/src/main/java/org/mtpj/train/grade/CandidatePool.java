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

    /** A copy of row i. */
    public double[] row(int i) { return Arrays.copyOfRange(rows, i * n, (i + 1) * n); }

    public int owner(int i) { return owner[i]; }

    /** The backing row-major data (first size()*n entries are valid). */
    double[] data() { return rows; }
}
