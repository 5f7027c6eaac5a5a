package org.mtpj.core.io;

import java.io.BufferedReader;
import java.io.IOException;

/**
 * Line-by-line reading with the 1-based line number and file name kept for error messages.
 * Rejects binary data (NUL or other control bytes, or a line longer than
 * {@link BoundedLineReader#DEFAULT_MAX_CHARS}) with a clear {@link InputFormatException}.
 */
public final class TextLines implements AutoCloseable {
    private final BoundedLineReader in;
    private final String file;
    private long lineNo;
    private String pushedBack;

    public TextLines(BufferedReader in, String file) {
        this.in = new BoundedLineReader(in, file);
        this.file = file;
    }

    public String file() { return file; }

    /** The number of the line returned last (1-based; 0 before the first). */
    public long lineNo() { return lineNo; }

    /** The next line, or null at end of file. */
    public String nextOrNull() {
        if (pushedBack != null) {
            String s = pushedBack;
            pushedBack = null;
            lineNo++;
            return s;
        }
        String s;
        try {
            s = in.readLine();
        } catch (java.io.EOFException e) {
            // a gzip stream cut short: the file ends early, like a cut text file
            throw new TruncatedInputException(file, lineNo + 1, "the compressed data ends early (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw InputFormatException.cannotRead(file, lineNo + 1, e);
        }
        if (s == null) return null;
        lineNo++;
        checkText(s);
        return s;
    }

    /** The next line; end of file is an error saying what was expected. */
    public String next(String expected) {
        String s = nextOrNull();
        if (s == null) throw new TruncatedInputException(file, lineNo + 1, "unexpected end of file, expected " + expected);
        return s;
    }

    /**
     * Whether the file ends inside the current frame: {@code e} is an end of file where more was
     * expected, or it was raised on a last line cut without its line end.
     */
    public boolean endsInside(InputFormatException e) {
        return e instanceof TruncatedInputException || in.lastLineCut() && e.line() == lineNo;
    }

    /** Makes the line just read be returned again by the next call. */
    public void pushBack(String line) {
        pushedBack = line;
        lineNo--;
    }

    public InputFormatException error(String what) {
        return new InputFormatException(file, lineNo, what);
    }

    private void checkText(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\r' && c != '\f') throw new InputFormatException(file, lineNo, "binary data, expected a text file");
            // what InputFiles' decoder puts for a byte that is not UTF-8
            if (c == 0xFFFD) throw new InputFormatException(file, lineNo, "expected UTF-8 text but found a byte that is not UTF-8 (saved in another encoding, or binary?)");
        }
    }

    /** Whitespace-separated tokens of a line (empty array for a blank line). */
    public static String[] tokens(String line) {
        String t = line.strip();
        return t.isEmpty() ? new String[0] : t.split("\\s+");
    }

    /** Parses a double, naming the line and what it is on failure. */
    public double parseDouble(String token, String what) {
        try {
            double v = Double.parseDouble(token.replace('D', 'E').replace('d', 'e'));
            if (Double.isNaN(v) || Double.isInfinite(v)) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw error("expected " + what + " (a number), found '" + abbreviate(token) + "'");
        }
    }

    public int parseInt(String token, String what) {
        try {
            return Integer.parseInt(token);
        } catch (NumberFormatException e) {
            throw error("expected " + what + " (an integer), found '" + abbreviate(token) + "'");
        }
    }

    public long parseLong(String token, String what) {
        try {
            return Long.parseLong(token);
        } catch (NumberFormatException e) {
            throw error("expected " + what + " (an integer), found '" + abbreviate(token) + "'");
        }
    }

    /** Whether a word reads as a number (Java's syntax: 1, -2.5, 1e-3, NaN, Infinity). */
    public static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    public static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    @Override
    public void close() { in.close(); }
}
