package org.mtpj.core.io;

import java.io.IOException;
import java.io.InputStream;

/**
 * Allocation-free line reader over bytes: after {@link #next()} the line is
 * {@code buf()[start()..end())} (no '\n', no trailing '\r'). Used by the dump reader's hot loop.
 */
final class ByteLines {
    private static final int MAX_LINE = 1 << 24;
    private final InputStream in;
    private final String file;
    private byte[] buf = new byte[1 << 20];
    private int pos, limit;
    private int start, end;
    private long lineNo;
    private boolean eof;
    private boolean lastHadNewline = true;

    ByteLines(InputStream in, String file) {
        this.in = in;
        this.file = file;
    }

    byte[] buf() { return buf; }
    int start() { return start; }
    int end() { return end; }
    long lineNo() { return lineNo; }
    String file() { return file; }
    /** Whether the line returned last ended with '\n' (false only for a cut last line). */
    boolean lastHadNewline() { return lastHadNewline; }

    /** Advances to the next line; false at end of file. */
    boolean next() {
        while (true) {
            for (int i = pos; i < limit; i++) {
                if (buf[i] == '\n') {
                    setLine(pos, i);
                    pos = i + 1;
                    lastHadNewline = true;
                    return true;
                }
            }
            if (eof) {
                if (pos < limit) {
                    setLine(pos, limit);
                    pos = limit;
                    lastHadNewline = false;
                    return true;
                }
                return false;
            }
            fill();
        }
    }

    private void setLine(int s, int e) {
        if (e > s && buf[e - 1] == '\r') e--;
        start = s;
        end = e;
        lineNo++;
    }

    private void fill() {
        int rest = limit - pos;
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, rest);
            pos = 0;
            limit = rest;
        }
        if (limit == buf.length) {
            if (buf.length >= MAX_LINE)
                throw new InputFormatException(file, lineNo + 1, "line longer than " + MAX_LINE + " bytes: not a text dump");
            byte[] nb = new byte[buf.length * 2];
            System.arraycopy(buf, 0, nb, 0, limit);
            buf = nb;
        }
        try {
            int r = in.read(buf, limit, buf.length - limit);
            if (r < 0) eof = true;
            else limit += r;
        } catch (java.io.EOFException e) {
            // a gzip stream cut short: the file ends early, like a cut text file
            throw new TruncatedInputException(file, lineNo + 1, "the compressed data ends early (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw InputFormatException.cannotRead(file, lineNo + 1, e);
        }
    }

    /** The current line as a String (for header lines and messages). */
    String string() {
        return new String(buf, start, end - start, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** Whether the current line holds bytes that never occur in a text dump. */
    boolean looksBinary() {
        for (int i = start; i < end; i++) {
            int b = buf[i] & 0xff;
            if (b < 0x20 && b != '\t' && b != '\f' || b == 0x7f) return true;
        }
        return false;
    }
}
