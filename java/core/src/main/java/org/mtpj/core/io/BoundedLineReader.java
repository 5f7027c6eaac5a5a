package org.mtpj.core.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;

/**
 * Text lines with a length cap: a binary file, or {@code /dev/zero} given as input, becomes an
 * {@link InputFormatException} at its file and line instead of one endless line that ends in an
 * OutOfMemoryError. Line ends as {@link java.io.BufferedReader#readLine()}: {@code \n},
 * {@code \r\n} or a lone {@code \r}.
 */
public final class BoundedLineReader implements Closeable {
    /** No text line of any input mtpj reads comes near this. */
    public static final int DEFAULT_MAX_CHARS = 1 << 20;

    private final Reader in;
    private final String file;
    private final int maxChars;
    private final char[] buf = new char[1 << 16];
    private int pos, limit;
    private boolean skipLf, eof, lastCut;
    private long lineNo;

    public BoundedLineReader(Reader in, String file, int maxChars) {
        this.in = in;
        this.file = file;
        this.maxChars = maxChars;
    }

    public BoundedLineReader(Reader in, String file) { this(in, file, DEFAULT_MAX_CHARS); }

    /** The next line without its end, or null at the end of the input. */
    public String readLine() throws IOException {
        StringBuilder sb = null;
        while (true) {
            if (pos == limit) {
                if (eof || !fill()) {
                    if (sb == null) return null;
                    lineNo++;
                    lastCut = true;
                    return sb.toString();
                }
            }
            if (skipLf) {
                skipLf = false;
                if (buf[pos] == '\n') {
                    pos++;
                    continue;
                }
            }
            int s = pos;
            while (pos < limit && buf[pos] != '\n' && buf[pos] != '\r') pos++;
            int len = pos - s;
            if ((sb == null ? 0 : sb.length()) + len > maxChars)
                throw new InputFormatException(file, lineNo + 1, "line longer than " + maxChars
                        + " characters: not a text file of this kind (binary data?)");
            if (pos < limit) {
                skipLf = buf[pos] == '\r';
                pos++;
                lineNo++;
                return sb == null ? new String(buf, s, len) : sb.append(buf, s, len).toString();
            }
            if (sb == null) sb = new StringBuilder(Math.max(16, 2 * len));
            sb.append(buf, s, len);
        }
    }

    /** Number of the line returned last (0 before the first). */
    public long lineNo() { return lineNo; }

    /**
     * For text that starts at line {@code first} of its file (an MPI rank's share): line numbers,
     * also in this reader's own errors, are the file's. Call before the first line is read.
     */
    public void startAtLine(long first) { lineNo = first - 1; }

    /** {@link #readLine()} for parsers: a read error becomes one "cannot read" line at its file and line. */
    public String nextLine() {
        try {
            return readLine();
        } catch (IOException e) {
            throw InputFormatException.cannotRead(file, lineNo + 1, e);
        }
    }

    /** Whether the line returned last ended with the input instead of a line end (a cut file). */
    public boolean lastLineCut() { return lastCut; }

    private boolean fill() throws IOException {
        int n;
        do n = in.read(buf, 0, buf.length); while (n == 0);
        if (n < 0) {
            eof = true;
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    /** Closes the reader; a failure to close is unchecked (the readers built on this one need not declare it). */
    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
