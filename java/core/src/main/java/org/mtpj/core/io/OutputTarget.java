package org.mtpj.core.io;

import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.Charset;

/**
 * Where a streaming writer's bytes go, and whether they count: the core writers write to it and
 * call {@link #commit()} when everything is written; {@link #close()} without a commit discards
 * it. The host's {@code AtomicOutput} is the file implementation (temporary file renamed at
 * commit); the core itself never names a file.
 */
public interface OutputTarget extends AutoCloseable {
    /** Names the output in messages. */
    String name();

    /** The bytes (buffered; not closed by the caller). */
    OutputStream stream();

    /** A buffered writer over {@link #stream()} in charset cs (the same one on every call). */
    Writer writer(Charset cs);

    /** Everything is written: the output becomes visible as a whole. */
    void commit();

    /** Without a commit, discards what was written. */
    @Override void close();
}
