package org.mtpj.host;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.mtpj.core.io.CfgIndex;
import org.mtpj.core.io.CfgReader;

/**
 * One MPI rank's share of a {@code .cfg} file: rank 0 indexes the file ({@link CfgIndex}, a light
 * scan), the ranks receive the index by broadcast, and each reads only the bytes of its own
 * configurations [from, to): contiguous, about equal atoms per rank ({@link Ranks#share}, the rule
 * training uses). Its reader names the file's own lines, so a bad configuration is reported as a
 * single process would report it. A single process reads the whole file, without an index.
 */
public final class CfgShare {
    private final Path path;
    private final CfgIndex index;   // null for a single process
    private final int from, to;
    private final boolean root;

    private CfgShare(Path path, CfgIndex index, int from, int to, boolean root) {
        this.path = path;
        this.index = index;
        this.from = from;
        this.to = to;
        this.root = root;
    }

    /** This rank's share of path (collective: every rank calls it). */
    public static CfgShare of(Path path, Ranks ranks) {
        if (ranks.size() == 1) return new CfgShare(path, null, 0, Integer.MAX_VALUE, true);
        CfgIndex scanned = ranks.agree(() -> {
            if (!ranks.isRoot()) return null;
            try (InputStream in = InputFiles.openRaw(path)) {
                return CfgIndex.scan(in, path.toString());
            } catch (IOException e) {
                throw InputFiles.cannotRead(path.toString(), 0, e);
            }
        });
        long[] head = scanned == null ? new long[2] : new long[] {scanned.size(), scanned.length()};
        ranks.broadcast(head, 0);
        int n = Math.toIntExact(head[0]);
        long[] offsets = scanned == null ? new long[n] : scanned.offsets();
        long[] lines = scanned == null ? new long[n] : scanned.lines();
        long[] atoms = scanned == null ? new long[n] : scanned.atoms();
        ranks.broadcast(offsets, 0);
        ranks.broadcast(lines, 0);
        ranks.broadcast(atoms, 0);
        CfgIndex index = CfgIndex.of(offsets, lines, atoms, head[1]);
        int[] own = Ranks.share(atoms, ranks.rank(), ranks.size());
        return new CfgShare(path, index, own[0], own[1], ranks.isRoot());
    }

    /** The first configuration of this rank (0-based, in file order). */
    public int from() { return from; }

    /** One past the last configuration of this rank (Integer.MAX_VALUE for a single process: to the end). */
    public int to() { return to; }

    /** The index all ranks share (null for a single process). */
    public CfgIndex index() { return index; }

    /**
     * A reader of this rank's configurations. In a file where the scan found none, rank 0 reads the
     * whole file, so that its reader says what is wrong: that the file has no configuration (an
     * error: {@link CfgReader#nonEmpty()}), or that it holds configurations the scan could not see.
     */
    public CfgReader open() {
        if (index == null) return CfgFiles.open(path).nonEmpty();
        if (index.size() == 0) return root ? CfgFiles.open(path).nonEmpty().checkedAgainst(index, 0) : empty(0);
        return open(from, to);
    }

    /**
     * A reader of configurations [a, b) of the file (any rank may read any range), lines named as in
     * the file; it checks that it reads what the index says is there ({@link CfgReader#checkedAgainst}).
     */
    public CfgReader open(int a, int b) {
        if (index == null) throw new IllegalStateException("a single process reads the whole file");
        if (a >= b) return empty(a);
        // the first share starts at byte 0 and the last runs to the end, so text before the first
        // BEGIN_CFG or after the last configuration is read (and refused) as a single process would
        long start = a == 0 ? 0 : index.offset(a), end = b >= index.size() ? index.length() : index.offset(b);
        InputStream raw = InputFiles.openRaw(path);
        try {
            raw.skipNBytes(start);
        } catch (IOException e) {
            try {
                raw.close();
            } catch (IOException ignored) {
                // the read error is the one to report
            }
            throw InputFiles.cannotRead(path.toString(), a == 0 ? 1 : index.line(a), e);
        }
        BufferedReader text = new BufferedReader(new InputStreamReader(new Limited(raw, end - start), StandardCharsets.ISO_8859_1), 1 << 16);
        return CfgReader.of(text, path.toString(), Warnings.STDERR).startingAt(a == 0 ? 1 : index.line(a), a).checkedAgainst(index, b);
    }

    /** No configuration, after the first {@code before} of the file (a share with nothing in it). */
    private CfgReader empty(int before) {
        return CfgReader.of(new StringReader(""), path.toString(), Warnings.STDERR).startingAt(1, before).checkedAgainst(index, before);
    }

    /** The first {@code left} bytes of a stream. */
    private static final class Limited extends FilterInputStream {
        private long left;

        Limited(InputStream in, long left) {
            super(in);
            this.left = left;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) return -1;
            int b = super.read();
            if (b >= 0) left--;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) return -1;
            int got = super.read(b, off, (int) Math.min(len, left));
            if (got > 0) left -= got;
            return got;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(Math.min(n, left));
            left -= s;
            return s;
        }
    }
}
