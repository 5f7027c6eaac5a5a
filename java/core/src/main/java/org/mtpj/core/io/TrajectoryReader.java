package org.mtpj.core.io;

/**
 * Streams frames one at a time (constant memory in the trajectory length). Implementations:
 * {@link LammpsDumpReader}, {@link XdatcarReader}, {@link PoscarSeriesReader}, {@link ExtxyzReader}.
 */
public interface TrajectoryReader extends AutoCloseable {
    /** The next frame, or null after the last complete frame. */
    Frame next();

    /** Bytes consumed so far (for progress bars; compressed bytes for .gz). */
    long bytesRead();

    /** Total bytes to read, or -1 when unknown. */
    long totalBytes();

    @Override
    void close();
}
