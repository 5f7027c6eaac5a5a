package org.mtpj.host;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Path;
import org.mtpj.core.io.OutputTarget;

/**
 * One output file that the ranks of an MPI job write together, each its part in rank order (the
 * parts of contiguous input shares give the file a single process writes, byte for byte). Rank 0
 * writes its part into the {@link AtomicOutput} directly, every other rank into memory;
 * {@link #commit()} is collective: the other ranks send their parts, rank 0 appends them in rank
 * order and commits the file. A single process gets the plain {@link AtomicOutput}.
 */
public final class RankOrderedOutput implements OutputTarget {
    private final Ranks ranks;
    private final AtomicOutput file;            // rank 0
    private final ByteArrayOutputStream part;   // the other ranks
    private final String name;
    private Writer writer;

    private RankOrderedOutput(Ranks ranks, AtomicOutput file, String name) {
        this.ranks = ranks;
        this.file = file;
        this.part = file == null ? new ByteArrayOutputStream(1 << 16) : null;
        this.name = name;
    }

    /** The output at path for these ranks (collective in {@link #commit()} only). */
    public static OutputTarget create(Path path, Ranks ranks) {
        if (ranks.size() == 1) return AtomicOutput.create(path);
        return new RankOrderedOutput(ranks, ranks.isRoot() ? AtomicOutput.create(path) : null, path.toString());
    }

    @Override public String name() { return name; }

    @Override public OutputStream stream() { return file != null ? file.stream() : part; }

    @Override
    public Writer writer(Charset cs) {
        if (file != null) return file.writer(cs);
        if (writer == null) writer = new OutputStreamWriter(part, cs);
        return writer;
    }

    /**
     * Collective: rank 0 appends every other rank's part, in rank order, and commits the file. A
     * failure to write on rank 0 is thrown only after every part was received, so no rank is left
     * waiting to send.
     */
    @Override
    public void commit() {
        transfer(true);
    }

    /** Collective, like {@link #commit()}, but rank 0 drops the parts and discards the file. */
    public void discard() {
        transfer(false);
    }

    private void transfer(boolean keep) {
        if (file == null) {
            try {
                if (writer != null) writer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a memory buffer: does not happen
            }
            ranks.sendBytes(0, part.toByteArray());
            part.reset();
            return;
        }
        IOException failure = null;
        try {
            // the writer buffers: its text goes before the other ranks' bytes
            file.writer(java.nio.charset.StandardCharsets.ISO_8859_1).flush();
        } catch (IOException e) {
            failure = e;
        }
        for (int r = 1; r < ranks.size(); r++) {
            byte[] p = ranks.receiveBytes(r);
            if (keep && failure == null) {
                try {
                    file.stream().write(p);
                } catch (IOException e) {
                    failure = e;
                }
            }
        }
        if (failure != null) {
            file.close();
            throw new UncheckedIOException("cannot write " + name + ": " + failure.getMessage(), failure);
        }
        if (keep) file.commit(); else file.close();
    }

    /**
     * Commits outputs in order (collective; null entries are skipped), the way a command ends: on
     * every rank, a failure on rank 0 (a full disk) discards the outputs after it but still takes
     * the other ranks' parts, and is said once with every rank stopping ({@link Ranks#agree}).
     */
    public static void commitAll(Ranks ranks, OutputTarget... outputs) {
        ranks.agree(() -> {
            RuntimeException failure = null;
            for (OutputTarget o : outputs) {
                if (o == null) continue;
                if (failure == null) {
                    try {
                        o.commit();
                    } catch (RuntimeException e) {
                        failure = e;
                    }
                } else if (o instanceof RankOrderedOutput r) {
                    r.discard();
                } else {
                    o.close();
                }
            }
            if (failure != null) throw failure;
            return null;
        });
    }

    @Override
    public void close() {
        if (file != null) file.close();
    }
}
