package org.mtpj.core.io;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;

/**
 * The words of an {@code .mtp} file, one at a time, straight from the text: words are split at
 * blanks and newlines, and {@code '{'}, {@code '}'}, {@code ','} and {@code '='} are words of their
 * own. Each word knows its line. {@code #} starts a comment to the end of the line.
 *
 * <p>Why a cursor and not a word list: a level-28 file has ~10^6 words on one line; scanning them
 * in place (no String, no boxed line number per word) keeps reading at disk speed. Strings are
 * made only for the few words that are kept (names) and for error messages.
 */
final class MtpTokens {
    private final char[] text;
    private final java.nio.CharBuffer chars; // text, for CNumbers
    private int scan;            // where the next word's search starts
    private int line = 1;        // line at scan
    private int start = -1, end; // the current word; start < 0 at end of file
    private int wordLine = 1, previousLine = 1;

    MtpTokens(char[] text, int from) {
        this.text = text;
        this.chars = java.nio.CharBuffer.wrap(text);
        this.scan = from;
        advance();
        previousLine = wordLine;
    }

    private static boolean blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == 0x0B; }

    private static boolean punctuation(char c) { return c == '{' || c == '}' || c == ',' || c == '='; }

    /** Moves to the next word. */
    void advance() {
        previousLine = wordLine;
        char[] t = text;
        int i = scan, n = t.length;
        while (i < n) {
            char c = t[i];
            if (c == '\n') line++;
            else if (c == '#') { while (i + 1 < n && t[i + 1] != '\n') i++; } // newer MTP tools write '# DATE: ...' headers
            else if (!blank(c)) break;
            i++;
        }
        wordLine = line;
        if (i == n) { start = -1; end = n; scan = n; return; }
        start = i;
        if (punctuation(t[i])) {
            i++;
        } else {
            while (i < n) {
                char c = t[i];
                if (c == '\n' || blank(c) || punctuation(c)) break;
                i++;
            }
        }
        end = i;
        scan = i;
    }

    boolean atEnd() { return start < 0; }

    /** Line of the current word (the last line at end of file). */
    int line() { return wordLine; }

    /** Line of the word before the current one. */
    int previousLine() { return previousLine; }

    /** Whether the current word is exactly this punctuation character. */
    boolean is(char punct) { return start >= 0 && end - start == 1 && text[start] == punct; }

    /** Whether the current word is exactly w. */
    boolean is(String w) {
        if (start < 0 || end - start != w.length()) return false;
        for (int i = 0; i < w.length(); i++) if (text[start + i] != w.charAt(i)) return false;
        return true;
    }

    /** Whether the current word begins with prefix. */
    boolean startsWith(String prefix) {
        if (start < 0 || end - start < prefix.length()) return false;
        for (int i = 0; i < prefix.length(); i++) if (text[start + i] != prefix.charAt(i)) return false;
        return true;
    }

    /** The current word (null at end of file). */
    String word() { return start < 0 ? null : new String(text, start, end - start); }

    /**
     * The current word as a finite plain decimal number (CNumbers.isDecimal), NaN when it is none:
     * parsed in place, no String per number (the .mtp coefficients).
     */
    double decimalOrNaN() {
        if (start < 0 || CNumbers.decimalEnd(chars, start, end) != end) return Double.NaN;
        double v = JavaDoubleParser.parseDouble(text, start, end - start); // = Double.parseDouble, correctly rounded
        return Double.isFinite(v) ? v : Double.NaN;
    }

    /**
     * The current word as a non-negative int when it is 1 to 9 plain digits, else -1 (then the
     * caller's general path decides, with its own message).
     */
    int smallNonNegative() {
        int len = end - start;
        if (start < 0 || len > 9) return -1;
        int v = 0;
        for (int i = start; i < end; i++) {
            int d = text[i] - '0';
            if (d < 0 || d > 9) return -1;
            v = 10 * v + d;
        }
        return v;
    }

    /** The current word for an error message: quoted, cut at 40 characters, control bytes as \xNN. */
    String found() {
        if (start < 0) return "end of file";
        String w = word();
        if (w.length() > 40) w = w.substring(0, 40) + "...";
        StringBuilder sb = new StringBuilder("'");
        for (char c : w.toCharArray())
            sb.append(c >= ' ' && c < 0x7F ? String.valueOf(c) : String.format("\\x%02X", (int) c & 0xFF));
        return sb.append('\'').toString();
    }
}
