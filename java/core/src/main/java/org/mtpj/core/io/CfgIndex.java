package org.mtpj.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Where the configurations of a text {@code .cfg} start: the byte offset and line number of each
 * {@code BEGIN_CFG} line and the atom count of its {@code Size} (0 when unreadable). A light scan,
 * much faster than parsing, so that MPI ranks can share a file by atoms and each read only its own
 * byte range; it checks nothing: {@link CfgReader} on the ranges reports every fault with file:line.
 */
public final class CfgIndex {
    private final long[] offsets, lines, atoms;
    private final long length;

    private CfgIndex(long[] offsets, long[] lines, long[] atoms, long length) {
        this.offsets = offsets;
        this.lines = lines;
        this.atoms = atoms;
        this.length = length;
    }

    /** An index from its arrays (what rank 0 sent); all three have one entry per configuration. */
    public static CfgIndex of(long[] offsets, long[] lines, long[] atoms, long length) {
        if (offsets.length != lines.length || lines.length != atoms.length) throw new IllegalArgumentException("arrays of different lengths");
        return new CfgIndex(offsets, lines, atoms, length);
    }

    /**
     * Scans the bytes of a .cfg file (read as ISO-8859-1, as CfgReader reads it); in is not closed.
     * Lines end as the reader's do (LF, CRLF or a lone CR; the last may have no end), and a UTF-8
     * byte-order mark before line 1 is not content.
     */
    public static CfgIndex scan(InputStream in, String fileNameForMessages) {
        Scan scan = new Scan();
        byte[] buf = new byte[1 << 16];
        long pos = 0;
        boolean afterCr = false;
        try {
            for (int got; (got = in.read(buf)) > 0; ) {
                for (int k = 0; k < got; k++, pos++) {
                    byte b = buf[k];
                    if (b == '\n' && afterCr) {          // the LF of a CRLF: that line has ended
                        afterCr = false;
                        scan.lineStart = pos + 1;
                    } else if (b == '\n' || b == '\r') {
                        afterCr = b == '\r';
                        scan.endLine(pos + 1);
                    } else {
                        afterCr = false;
                        scan.add(b);
                    }
                }
            }
        } catch (IOException e) {
            throw InputFormatException.cannotRead(fileNameForMessages, scan.lineNo, e);
        }
        if (scan.lineLen > 0) scan.endLine(pos);
        return scan.index(pos);
    }

    /** The scan's state: the start of the current line and what was found so far. */
    private static final class Scan {
        long[] offsets = new long[64], lines = new long[64], atoms = new long[64];
        int n;
        final byte[] line = new byte[64];    // the start of the current line: keywords and counts are short
        int lineLen;
        long lineStart, lineNo = 1;
        boolean sizeNext;                    // the last non-blank line was "Size": this one holds the count

        void add(byte b) {
            if (lineLen < line.length) line[lineLen] = b;
            lineLen++;
        }

        /** The current line ended; the next starts at byte next. */
        void endLine(long next) {
            int len = Math.min(lineLen, line.length);
            int from = lineNo == 1 && len >= 3 && line[0] == (byte) 0xEF && line[1] == (byte) 0xBB && line[2] == (byte) 0xBF ? 3 : 0;
            String[] words = firstWords(line, from, len);
            if (words[0] != null) {
                if (sizeNext && n > 0 && atoms[n - 1] == 0) atoms[n - 1] = count(words[0]);
                sizeNext = false;
                if (words[0].equals("Size") && lineLen <= line.length) {
                    if (words[1] == null) sizeNext = true;                            // MLIP-2's layout: the count on the next line
                    else if (n > 0 && atoms[n - 1] == 0) atoms[n - 1] = count(words[1]);
                }
                if (words[0].equals("BEGIN_CFG")) {
                    if (n == offsets.length) {
                        offsets = Arrays.copyOf(offsets, 2 * n);
                        lines = Arrays.copyOf(lines, 2 * n);
                        atoms = Arrays.copyOf(atoms, 2 * n);
                    }
                    offsets[n] = lineStart + from;
                    lines[n] = lineNo;
                    atoms[n] = 0;
                    n++;
                }
            }
            lineLen = 0;
            lineStart = next;
            lineNo++;
        }

        CfgIndex index(long length) {
            return new CfgIndex(Arrays.copyOf(offsets, n), Arrays.copyOf(lines, n), Arrays.copyOf(atoms, n), length);
        }
    }

    private static boolean blank(byte b) { return b == ' ' || b == '\t' || b == '\r' || b == '\f' || b == 0x0B; }

    /** The first two words of line[from, len) (null where there is none). */
    private static String[] firstWords(byte[] line, int from, int len) {
        String[] words = new String[2];
        int s = from;
        for (int w = 0; w < 2; w++) {
            while (s < len && blank(line[s])) s++;
            if (s == len) break;
            int e = s;
            while (e < len && !blank(line[e])) e++;
            words[w] = new String(line, s, e - s, java.nio.charset.StandardCharsets.ISO_8859_1);
            s = e;
        }
        return words;
    }

    private static long count(String word) {
        try {
            return Math.max(0, Long.parseLong(word));
        } catch (NumberFormatException e) {
            return 0; // the reader says what is wrong
        }
    }

    /** Number of configurations (BEGIN_CFG lines). */
    public int size() { return offsets.length; }

    /** Bytes in the file. */
    public long length() { return length; }

    public long offset(int i) { return offsets[i]; }

    public long line(int i) { return lines[i]; }

    /** Atoms per configuration: the weights of {@code Ranks.share}. */
    public long[] atoms() { return atoms.clone(); }

    /** The Size of configuration i as the scan read it. */
    public long atoms(int i) { return atoms[i]; }

    public long[] offsets() { return offsets.clone(); }

    public long[] lines() { return lines.clone(); }
}
