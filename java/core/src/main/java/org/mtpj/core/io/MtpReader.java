package org.mtpj.core.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.Arrays;
import org.mtpj.core.model.MtpPotential;
import org.mtpj.core.model.MtpPotential.RadialBasisType;

/**
 * Reads {@code .mtp} potential files, format 1.1.0 (mtp-spec.md §1.2): the fixed key order, trained
 * and untrained files (missing coefficients take the defaults of §1.4 and the result has
 * {@code fitted = false}), CRLF or LF, integers where doubles are expected. The top-level and
 * basis-block {@code scaling} are multiplied into one factor.
 *
 * <p>More lenient than MLIP-2 about spacing ({@code key=value}, extra blanks) and {@code #} comment
 * lines (newer MTP tools write a {@code # DATE: ...} header) but not about order
 * or content: every problem is an {@link InputFormatException} naming file, line and what was
 * expected. Validates the table invariants MLIP-2 relies on (§1.2, §3.5).
 *
 * <p>One pass over the text with no object per word ({@link MtpTokens}); error messages are
 * built only when thrown. A level-28 untrained file (2.56 MB, 120,208 products on one line) reads
 * in about 20 ms warm, the study potential in well under 1 ms
 * ({@code CfgIoBench.readMtpLevel28Untrained}, {@code readMtp}).
 */
public final class MtpReader {
    /** Above this the file is garbage, not a potential (protects against huge allocations). */
    private static final long MAX_COEFFICIENTS = 10_000_000L;
    /** Far above the longest line of any level (level 28's product table: 2.4 MB on one line). */
    static final int MAX_LINE = 1 << 26;
    /** Far above any potential (a level-28 untrained file is 2.6 MB). */
    static final int MAX_BYTES = 1 << 28;

    private final String file;
    private final MtpTokens in;

    private MtpReader(char[] text, String file) {
        this.file = file;
        this.in = new MtpTokens(text, byteOrderMarkLength(text));
    }

    /** A UTF-8 byte-order mark (read as ISO-8859-1 or as U+FEFF) is not content. */
    private static int byteOrderMarkLength(char[] t) {
        if (t.length >= 3 && t[0] == '\u00EF' && t[1] == '\u00BB' && t[2] == '\u00BF') return 3;
        if (t.length >= 1 && t[0] == '\uFEFF') return 1;
        return 0;
    }

    /** Reads a potential from the bytes of a file (ISO-8859-1); fileNameForMessages names it in errors. */
    public static MtpPotential read(InputStream in, String fileNameForMessages) {
        byte[] bytes;
        try {
            bytes = readBounded(in, fileNameForMessages);
        } catch (IOException e) {
            throw InputFormatException.cannotRead(fileNameForMessages, 0, e);
        }
        char[] text = new char[bytes.length]; // ISO-8859-1: one char per byte
        for (int i = 0; i < bytes.length; i++) text[i] = (char) (bytes[i] & 0xFF);
        return new MtpReader(text, fileNameForMessages).parse();
    }

    /**
     * The whole file, refusing one longer than {@link #MAX_LINE} bytes without a line end or
     * larger than {@link #MAX_BYTES} (binary junk, /dev/zero) before it exhausts the heap.
     */
    static byte[] readBounded(InputStream in, String file) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream(1 << 16);
        byte[] buf = new byte[1 << 16];
        long line = 1, lineStart = 0, total = 0;
        for (int n; (n = in.read(buf)) >= 0; ) {
            for (int i = 0; i < n; i++) {
                if (buf[i] == '\n') {
                    line++;
                    lineStart = total + i + 1;
                }
            }
            total += n;
            if (total - lineStart > MAX_LINE)
                throw new InputFormatException(file, line, "line longer than " + MAX_LINE + " bytes: not a potential file (binary data?)");
            if (total > MAX_BYTES)
                throw new InputFormatException(file, line, "file larger than " + MAX_BYTES + " bytes: not a potential file");
            all.write(buf, 0, n);
        }
        return all.toByteArray();
    }

    /** Reads a potential from text; fileNameForMessages names it in errors. */
    public static MtpPotential read(Reader in, String fileNameForMessages) {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[8192];
        try {
            for (int n; (n = in.read(buf)) > 0; ) {
                sb.append(buf, 0, n);
                if (sb.length() > MAX_BYTES)
                    throw new InputFormatException(fileNameForMessages, 0, "longer than " + MAX_BYTES + " characters: not a potential");
            }
        } catch (IOException e) {
            throw InputFormatException.cannotRead(fileNameForMessages, 0, e);
        }
        char[] text = new char[sb.length()];
        sb.getChars(0, text.length, text, 0);
        return new MtpReader(text, fileNameForMessages).parse();
    }

    /** Reads a potential from a string (tests, embedded potentials). */
    public static MtpPotential parse(String text, String fileNameForMessages) {
        return new MtpReader(text.toCharArray(), fileNameForMessages).parse();
    }

    // ---------------------------------------------------------------------------------- tokens
    // Hot loops try a fast path first and fall back to the general methods, which build the
    // message only when they throw: the same errors, without a String per word.

    private InputFormatException error(String expected) {
        return new InputFormatException(file, in.line(), "expected " + expected + " but found " + in.found());
    }

    private InputFormatException errorAt(int line, String what) {
        return new InputFormatException(file, line, what);
    }

    private void expect(String word, String what) {
        if (!in.is(word)) throw error(what);
        in.advance();
    }

    /** Consumes the punctuation word p or throws "expected what". */
    private void expect(char p, String what) {
        if (!in.is(p)) throw error(what);
        in.advance();
    }

    /** Consumes p if it is the current word. */
    private boolean skip(char p) {
        if (!in.is(p)) return false;
        in.advance();
        return true;
    }

    /** "key =" */
    private void expectKey(String key) {
        if (in.is("shift"))
            throw errorAt(in.line(), "expected " + key + " but found 'shift' (format 1.1.0 has no shift key)");
        expect(key, "'" + key + " = ...'");
        expect('=', "'=' after " + key);
    }

    private boolean optionalKey(String key) {
        if (!in.is(key)) return false;
        in.advance();
        expect('=', "'=' after " + key);
        return true;
    }

    /** The current word as a finite decimal number, consumed; NaN (nothing consumed) otherwise. */
    private double numberOrNaN() {
        double v = in.decimalOrNaN();
        if (!Double.isNaN(v)) in.advance();
        return v;
    }

    private double number(String what) {
        double v = numberOrNaN();
        if (!Double.isNaN(v)) return v;
        String w = in.word();
        if (w == null || !CNumbers.isDecimal(w)) throw error(what + " (a number)");
        throw error(what + " (a finite number)");
    }

    private int integer(String what, int min) {
        int fast = in.smallNonNegative();
        if (fast >= min) { in.advance(); return fast; }
        String w = in.word();
        if (w == null || !CNumbers.isInteger(w)) throw error(what + " (an integer)");
        long v;
        try {
            v = Long.parseLong(w.startsWith("+") ? w.substring(1) : w);
        } catch (NumberFormatException e) {
            throw error(what + " (an integer)");
        }
        if (v < min || v > Integer.MAX_VALUE) throw error(what + " (an integer >= " + min + ")");
        in.advance();
        return (int) v;
    }

    /** {@code { x, y, ... }} of doubles (may be empty). */
    private double[] doubleList(String what) {
        expect('{', "'{' starting " + what);
        if (skip('}')) return new double[0];
        double[] out = new double[16];
        int n = 0;
        while (true) {
            if (n == out.length) out = Arrays.copyOf(out, 2 * n);
            double v = numberOrNaN();
            out[n++] = Double.isNaN(v) ? number("a number in " + what) : v;
            if (skip('}')) break;
            if (!skip(',')) throw error("',' or '}' in " + what);
        }
        return Arrays.copyOf(out, n);
    }

    /** {@code { i, j, ... }} of non-negative integers (may be empty). */
    private int[] intList(String what) {
        expect('{', "'{' starting " + what);
        if (skip('}')) return new int[0];
        int[] out = new int[16];
        int n = 0;
        while (true) {
            if (n == out.length) out = Arrays.copyOf(out, 2 * n);
            int v = in.smallNonNegative();
            if (v >= 0) in.advance();
            else v = integer("an index in " + what, 0);
            out[n++] = v;
            if (skip('}')) break;
            if (!skip(',')) throw error("',' or '}' in " + what);
        }
        return Arrays.copyOf(out, n);
    }

    /** {@code {{a, b, c, d}, ...}} (may be {@code {}}); the line of row q goes to rowLines[0][q]. */
    private int[][] quadList(String what, int[][] rowLines) {
        expect('{', "'{' starting " + what);
        if (skip('}')) { rowLines[0] = new int[0]; return new int[0][]; }
        int[][] rows = new int[64][];
        int[] lines = new int[64];
        int n = 0;
        while (true) {
            if (n == rows.length) {
                rows = Arrays.copyOf(rows, 2 * n);
                lines = Arrays.copyOf(lines, 2 * n);
            }
            lines[n] = in.line();
            if (!skip('{')) throw error("'{' starting entry " + (n + 1) + " of " + what);
            int[] q = new int[4];
            for (int k = 0; k < 4; k++) {
                if (k > 0 && !skip(',')) throw error("',' between the 4 integers of entry " + (n + 1) + " of " + what);
                int v = in.smallNonNegative();
                if (v >= 0) in.advance();
                else v = integer("integer " + (k + 1) + " of 4 in entry " + (n + 1) + " of " + what, 0);
                q[k] = v;
            }
            if (!skip('}')) throw error("'}' closing entry " + (n + 1) + " of " + what + " (4 integers each)");
            rows[n++] = q;
            if (skip('}')) break;
            if (!skip(',')) throw error("',' or '}' after entry " + n + " of " + what);
        }
        rowLines[0] = Arrays.copyOf(lines, n);
        return Arrays.copyOf(rows, n);
    }

    // ----------------------------------------------------------------------------------- parse

    private MtpPotential parse() {
        if (in.atEnd()) throw errorAt(1, "expected 'MTP' on line 1 but the file is empty");
        if (!in.is("MTP")) {
            if (in.startsWith("MTP"))
                throw error("exactly 'MTP' on line 1 (an .mtp potential file)");
            throw error("'MTP' on line 1 (an .mtp potential file)");
        }
        in.advance();
        expect("version", "'version = 1.1.0' on line 2");
        expect('=', "'=' after version");
        if (!in.is("1.1.0")) throw error("version 1.1.0 (the only .mtp format mtpj reads)");
        in.advance();

        String name = "";
        if (in.is("potential_name")) {
            int keyLine = in.line();
            in.advance();
            expect('=', "'=' after potential_name");
            // MLIP-2 writes an empty name as "potential_name = "; do not take the next key as name.
            if (!in.atEnd() && in.line() == keyLine) {
                name = in.word();
                in.advance();
            }
        }
        double scaling = 1.0;
        if (optionalKey("scaling")) scaling = number("the scaling factor");
        expectKey("species_count");
        int speciesLine = in.line();
        int c = integer("species_count", 1);
        if (in.is("potential_tag")) {
            int keyLine = in.line();
            in.advance();
            while (!in.atEnd() && in.line() == keyLine) in.advance(); // the rest of that line is ignored
        }
        expectKey("radial_basis_type");
        RadialBasisType type = radialBasisType();
        if (optionalKey("scaling")) scaling *= number("the basis scaling factor");
        if (!(scaling > 0)) throw errorAt(in.previousLine(), "expected a positive scaling but found " + scaling);
        expectKey("min_dist");
        int minLine = in.line();
        double rmin = number("min_dist (Å)");
        expectKey("max_dist");
        double rcut = number("max_dist (Å)");
        if (!(rmin < rcut)) throw errorAt(minLine, "expected min_dist < max_dist but found min_dist = " + rmin + ", max_dist = " + rcut);
        if (!(rmin >= 0)) throw errorAt(minLine, "expected min_dist >= 0 but found " + rmin);
        expectKey("radial_basis_size");
        int r = integer("radial_basis_size", 2);
        expectKey("radial_funcs_count");
        int kLine = in.line();
        int k = integer("radial_funcs_count", 1);
        long radialCount = (long) c * c * k * r;
        if (radialCount > MAX_COEFFICIENTS)
            throw errorAt(speciesLine, "expected a plausible size but species_count^2 * radial_funcs_count * radial_basis_size = " + radialCount);

        double[] radial = null;
        if (in.is("radial_coeffs")) {
            in.advance();
            radial = new double[(int) radialCount];
            for (int a = 0; a < c; a++) {
                for (int b = 0; b < c; b++) {
                    String header = a + "-" + b;
                    if (!in.is(header))
                        throw error("the radial coefficient block header '" + header + "' (blocks a-b, b fastest)");
                    in.advance();
                    for (int mu = 0; mu < k; mu++) {
                        int listLine = in.line();
                        double[] row = doubleList("radial coefficients " + header + " function " + mu);
                        if (row.length != r)
                            throw errorAt(listLine, "expected " + r + " radial coefficients (radial_basis_size) in block "
                                    + header + " function " + mu + " but found " + row.length);
                        System.arraycopy(row, 0, radial, ((a * c + b) * k + mu) * r, r);
                    }
                }
            }
        }

        expectKey("alpha_moments_count");
        int mLine = in.line();
        int m = integer("alpha_moments_count", 1);
        expectKey("alpha_index_basic_count");
        int bLine = in.line();
        int bCount = integer("alpha_index_basic_count", 1);
        expectKey("alpha_index_basic");
        int basicLine = in.line();
        int[][] basicRowLines = new int[1][];
        int[][] basic = quadList("alpha_index_basic", basicRowLines);
        int[] basicRows = basicRowLines[0];
        if (basic.length != bCount)
            throw errorAt(basicLine, "expected " + bCount + " entries in alpha_index_basic (alpha_index_basic_count) but found " + basic.length);
        expectKey("alpha_index_times_count");
        int t = integer("alpha_index_times_count", 0);
        expectKey("alpha_index_times");
        int timesLine = in.line();
        int[][] timesRowLines = new int[1][];
        int[][] times = quadList("alpha_index_times", timesRowLines);
        int[] timesRows = timesRowLines[0];
        if (times.length != t)
            throw errorAt(timesLine, "expected " + t + " entries in alpha_index_times (alpha_index_times_count) but found " + times.length);
        expectKey("alpha_scalar_moments");
        int s = integer("alpha_scalar_moments", 1);
        expectKey("alpha_moment_mapping");
        int mapLine = in.line();
        int[] mapping = intList("alpha_moment_mapping");
        if (mapping.length != s)
            throw errorAt(mapLine, "expected " + s + " entries in alpha_moment_mapping (alpha_scalar_moments) but found " + mapping.length);

        double[] species = null, moments = null;
        int speciesCoeffLine = in.line();
        if (optionalKey("species_coeffs")) {
            species = doubleList("species_coeffs");
            if (species.length != c)
                throw errorAt(speciesCoeffLine, "expected " + c + " species_coeffs (species_count) but found " + species.length);
            int momentLine = in.line();
            if (!in.is("moment_coeffs"))
                throw error("'moment_coeffs = {...}' after species_coeffs (both or none)");
            expectKey("moment_coeffs");
            moments = doubleList("moment_coeffs");
            if (moments.length != s)
                throw errorAt(momentLine, "expected " + s + " moment_coeffs (alpha_scalar_moments) but found " + moments.length);
        } else if (in.is("moment_coeffs")) {
            throw error("'species_coeffs = {...}' before moment_coeffs (both or none)");
        }
        if (!in.atEnd()) throw error("end of file");

        // ----- table invariants
        if (bCount > m) throw errorAt(bLine, "expected alpha_index_basic_count <= alpha_moments_count = " + m + " but found " + bCount);
        int maxMu = -1;
        for (int q = 0; q < basic.length; q++) {
            int mu = basic[q][0];
            if (mu >= k)
                throw errorAt(basicRows[q], "expected radial function index < radial_funcs_count = " + k
                        + " in alpha_index_basic entry " + (q + 1) + " but found " + mu);
            maxMu = Math.max(maxMu, mu);
        }
        if (maxMu != k - 1)
            throw errorAt(kLine, "wrong number of radial functions: expected the largest index in alpha_index_basic (" + maxMu
                    + ") to equal radial_funcs_count - 1 but radial_funcs_count = " + k);
        for (int q = 0; q < times.length; q++) {
            int[] e = times[q];
            for (int idx = 0; idx < 4; idx++)
                if (idx != 2 && e[idx] >= m)
                    throw errorAt(timesRows[q], "expected slot indices < alpha_moments_count = " + m
                            + " in alpha_index_times entry " + (q + 1) + " but found " + e[idx]);
            if (e[3] < bCount)
                throw errorAt(timesRows[q], "expected the output slot of alpha_index_times entry " + (q + 1)
                        + " to be >= alpha_index_basic_count = " + bCount + " but found " + e[3]);
        }
        // slots are filled from 0 up (basic, then products): more slots than that is a wrong count
        int used = bCount;
        for (int[] e : times) used = Math.max(used, e[3] + 1);
        if (m != used)
            throw errorAt(mLine, "expected alpha_moments_count = " + used + " (alpha_index_basic and alpha_index_times fill slots 0.."
                    + (used - 1) + ") but found " + m);
        // a slot must be complete before it is used as an input (evaluation walks the table once)
        int[] lastWrite = new int[m];
        Arrays.fill(lastWrite, -1);
        for (int q = 0; q < times.length; q++) lastWrite[times[q][3]] = q;
        for (int q = 0; q < times.length; q++) {
            int[] e = times[q];
            for (int idx = 0; idx < 2; idx++)
                if (lastWrite[e[idx]] >= q)
                    throw errorAt(timesRows[q], "expected alpha_index_times entry " + (q + 1) + " to use only completed slots but slot "
                            + e[idx] + " is still written by entry " + (lastWrite[e[idx]] + 1));
        }
        for (int slot : mapping)
            if (slot >= m)
                throw errorAt(mapLine, "expected alpha_moment_mapping entries < alpha_moments_count = " + m + " but found " + slot);
        int[] sorted = mapping.clone();
        Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++)
            if (sorted[i] == sorted[i - 1])
                throw errorAt(mapLine, "expected distinct slots in alpha_moment_mapping but slot " + sorted[i]
                        + " is listed twice (MLIP-2 would give inconsistent energy and forces)");

        boolean fitted = radial != null && species != null;
        if (radial == null) radial = defaultRadial(c, k, r);
        if (species == null) {
            species = new double[c];
            Arrays.fill(species, 1e-3);
            moments = new double[s];
            Arrays.fill(moments, 1e-3);
        }
        return new MtpPotential(name, scaling, c, type, rmin, rcut, r, k, m, basic, times, mapping,
                radial, species, moments, fitted, null);
    }

    private RadialBasisType radialBasisType() {
        String w = in.word();
        if ("RBChebyshev".equals(w)) { in.advance(); return RadialBasisType.RBChebyshev; }
        if ("RBChebyshev_repuls".equals(w)) { in.advance(); return RadialBasisType.RBChebyshev_repuls; }
        if ("RBShapeev".equals(w) || "RBTaylor".equals(w))
            throw errorAt(in.line(), "radial_basis_type " + w + " is not supported by mtpj (expected RBChebyshev or RBChebyshev_repuls)");
        throw error("radial_basis_type RBChebyshev or RBChebyshev_repuls");
    }

    /** Defaults of an untrained file (spec §1.4): 1e-6 everywhere, 1e-3 at n = min(mu, R-1). */
    static double[] defaultRadial(int c, int k, int r) {
        double[] radial = new double[c * c * k * r];
        Arrays.fill(radial, 1e-6);
        for (int ab = 0; ab < c * c; ab++)
            for (int mu = 0; mu < k; mu++) radial[(ab * k + mu) * r + Math.min(mu, r - 1)] = 1e-3;
        return radial;
    }
}
