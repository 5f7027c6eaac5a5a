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

    /** Scans the bytes of a .cfg file (read as ISO-8859-1, as CfgReader reads it); in is not closed. */
    public static CfgIndex scan(InputStream in, String fileNameForMessages) {
        long[] offsets = new long[64], lines = new long[64], atoms = new long[64];
        int n = 0;
        byte[] buf = new byte[1 << 16];
        byte[] line = new byte[64];          // the start of the current line: keywords and counts are short
        int lineLen = 0;
        long pos = 0, lineStart = 0, lineNo = 1;
        boolean sizeNext = false;            // the last non-blank line was "Size": this one holds the count
        try {
            for (int got; (got = in.read(buf)) > 0; ) {
                for (int k = 0; k < got; k++, pos++) {
                    byte b = buf[k];
                    if (b != '\n') {
                        if (lineLen < line.length) line[lineLen] = b;
                        lineLen++;
                        continue;
                    }
                    int len = Math.min(lineLen, line.length);
                    String word = firstWord(line, len);
                    if (word != null) {
                        if (sizeNext && n > 0 && atoms[n - 1] == 0) atoms[n - 1] = count(word);
                        sizeNext = word.equals("Size") && lineLen <= line.length && firstWordOnly(line, len);
                        if (word.equals("BEGIN_CFG")) {
                            if (n == offsets.length) {
                                offsets = Arrays.copyOf(offsets, 2 * n);
                                lines = Arrays.copyOf(lines, 2 * n);
                                atoms = Arrays.copyOf(atoms, 2 * n);
                            }
                            offsets[n] = lineStart;
                            lines[n] = lineNo;
                            atoms[n] = 0;
                            n++;
                        }
                    }
                    lineLen = 0;
                    lineStart = pos + 1;
                    lineNo++;
                }
            }
        } catch (IOException e) {
            throw InputFormatException.cannotRead(fileNameForMessages, lineNo, e);
        }
        return new CfgIndex(Arrays.copyOf(offsets, n), Arrays.copyOf(lines, n), Arrays.copyOf(atoms, n), pos);
    }

    private static boolean blank(byte b) { return b == ' ' || b == '\t' || b == '\r' || b == '\f' || b == 0x0B; }

    private static String firstWord(byte[] line, int len) {
        int s = 0;
        while (s < len && blank(line[s])) s++;
        if (s == len) return null;
        int e = s;
        while (e < len && !blank(line[e])) e++;
        return new String(line, s, e - s, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static boolean firstWordOnly(byte[] line, int len) {
        int s = 0;
        while (s < len && blank(line[s])) s++;
        while (s < len && !blank(line[s])) s++;
        while (s < len && blank(line[s])) s++;
        return s == len;
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

    public long[] offsets() { return offsets.clone(); }

    public long[] lines() { return lines.clone(); }
}
