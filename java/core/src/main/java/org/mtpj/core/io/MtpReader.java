package org.mtpj.core.io;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mtpj.core.model.MtpPotential;
import org.mtpj.core.model.MtpPotential.RadialBasisType;

/**
 * Reads {@code .mtp} potential files, format 1.1.0 (mtp-spec.md §1.2): the fixed key order, trained
 * and untrained files (missing coefficients take the defaults of §1.4 and the result has
 * {@code fitted = false}), CRLF or LF, integers where doubles are expected. The top-level and
 * basis-block {@code scaling} are multiplied into one factor.
 *
 * <p>More lenient than MLIP-2 about spacing ({@code key=value}, extra blanks) but not about order
 * or content: every problem is an {@link InputFormatException} naming file, line and what was
 * expected. Validates the table invariants MLIP-2 relies on (§1.2, §3.5).
 */
public final class MtpReader {
    /** Above this the file is garbage, not a potential (protects against huge allocations). */
    private static final long MAX_COEFFICIENTS = 10_000_000L;

    private final String file;
    private final List<String> words = new ArrayList<>();
    private final List<Integer> lines = new ArrayList<>();
    private int pos;
    private int lastLine = 1;

    private MtpReader(String text, String file) {
        this.file = file;
        tokenize(CfgReader.stripByteOrderMark(text));
    }

    /** Reads a potential file. */
    public static MtpPotential read(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            throw new InputFormatException(path.toString(), 0, "file not found");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
        return new MtpReader(text, path.toString()).parse();
    }

    /** Reads a potential from text; fileNameForMessages names it in errors. */
    public static MtpPotential read(Reader in, String fileNameForMessages) {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[8192];
        try {
            for (int n; (n = in.read(buf)) > 0; ) sb.append(buf, 0, n);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + fileNameForMessages + ": " + e.getMessage(), e);
        }
        return new MtpReader(sb.toString(), fileNameForMessages).parse();
    }

    /** Reads a potential from a string (tests, embedded potentials). */
    public static MtpPotential parse(String text, String fileNameForMessages) {
        return new MtpReader(text, fileNameForMessages).parse();
    }

    // ---------------------------------------------------------------------------------- tokens

    /** Words split at blanks; '{', '}', ',' and '=' are words of their own. */
    private void tokenize(String text) {
        int line = 1, n = text.length(), i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n') { line++; i++; continue; }
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == 0x0B) { i++; continue; }
            if (c == '{' || c == '}' || c == ',' || c == '=') {
                words.add(String.valueOf(c));
                lines.add(line);
                i++;
                continue;
            }
            int start = i;
            while (i < n) {
                c = text.charAt(i);
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == 0x0B
                        || c == '{' || c == '}' || c == ',' || c == '=') break;
                i++;
            }
            words.add(text.substring(start, i));
            lines.add(line);
        }
        lastLine = line;
    }

    private boolean atEnd() { return pos >= words.size(); }

    private String peek() { return atEnd() ? null : words.get(pos); }

    private int line() { return atEnd() ? lastLine : lines.get(pos); }

    private int lineOf(int index) { return index < lines.size() ? lines.get(index) : lastLine; }

    private String found() {
        if (atEnd()) return "end of file";
        String w = words.get(pos);
        if (w.length() > 40) w = w.substring(0, 40) + "...";
        return "'" + printable(w) + "'";
    }

    private static String printable(String w) {
        StringBuilder sb = new StringBuilder();
        for (char c : w.toCharArray()) sb.append(c >= ' ' && c < 0x7F ? String.valueOf(c) : String.format("\\x%02X", (int) c & 0xFF));
        return sb.toString();
    }

    private InputFormatException error(String expected) {
        return new InputFormatException(file, line(), "expected " + expected + " but found " + found());
    }

    private InputFormatException errorAt(int line, String what) {
        return new InputFormatException(file, line, what);
    }

    private void expect(String word, String what) {
        if (!word.equals(peek())) throw error(what);
        pos++;
    }

    /** "key =" */
    private void expectKey(String key) {
        if ("shift".equals(peek()))
            throw errorAt(line(), "expected " + key + " but found 'shift' (format 1.1.0 has no shift key)");
        expect(key, "'" + key + " = ...'");
        expect("=", "'=' after " + key);
    }

    private boolean optionalKey(String key) {
        if (!key.equals(peek())) return false;
        pos++;
        expect("=", "'=' after " + key);
        return true;
    }

    private double number(String what) {
        String w = peek();
        if (w == null || !CNumbers.isDecimal(w)) throw error(what + " (a number)");
        double v = Double.parseDouble(w);
        if (!Double.isFinite(v)) throw error(what + " (a finite number)");
        pos++;
        return v;
    }

    private int integer(String what, int min) {
        String w = peek();
        if (w == null || !CNumbers.isInteger(w)) throw error(what + " (an integer)");
        long v;
        try {
            v = Long.parseLong(w.startsWith("+") ? w.substring(1) : w);
        } catch (NumberFormatException e) {
            throw error(what + " (an integer)");
        }
        if (v < min || v > Integer.MAX_VALUE) throw error(what + " (an integer >= " + min + ")");
        pos++;
        return (int) v;
    }

    /** {@code { x, y, ... }} of doubles (may be empty). */
    private double[] doubleList(String what) {
        expect("{", "'{' starting " + what);
        double[] out = new double[16];
        int n = 0;
        if ("}".equals(peek())) { pos++; return new double[0]; }
        while (true) {
            if (n == out.length) out = Arrays.copyOf(out, 2 * n);
            out[n++] = number("a number in " + what);
            if ("}".equals(peek())) { pos++; break; }
            expect(",", "',' or '}' in " + what);
        }
        return Arrays.copyOf(out, n);
    }

    /** {@code { i, j, ... }} of non-negative integers (may be empty). */
    private int[] intList(String what) {
        expect("{", "'{' starting " + what);
        int[] out = new int[16];
        int n = 0;
        if ("}".equals(peek())) { pos++; return new int[0]; }
        while (true) {
            if (n == out.length) out = Arrays.copyOf(out, 2 * n);
            out[n++] = integer("an index in " + what, 0);
            if ("}".equals(peek())) { pos++; break; }
            expect(",", "',' or '}' in " + what);
        }
        return Arrays.copyOf(out, n);
    }

    /** {@code {{a, b, c, d}, ...}} (may be {@code {}}); line numbers of rows in rowLines. */
    private int[][] quadList(String what, List<Integer> rowLines) {
        expect("{", "'{' starting " + what);
        List<int[]> rows = new ArrayList<>();
        if ("}".equals(peek())) { pos++; return new int[0][]; }
        while (true) {
            rowLines.add(line());
            expect("{", "'{' starting entry " + (rows.size() + 1) + " of " + what);
            int[] q = new int[4];
            for (int k = 0; k < 4; k++) {
                if (k > 0) expect(",", "',' between the 4 integers of entry " + (rows.size() + 1) + " of " + what);
                q[k] = integer("integer " + (k + 1) + " of 4 in entry " + (rows.size() + 1) + " of " + what, 0);
            }
            expect("}", "'}' closing entry " + (rows.size() + 1) + " of " + what + " (4 integers each)");
            rows.add(q);
            if ("}".equals(peek())) { pos++; break; }
            expect(",", "',' or '}' after entry " + rows.size() + " of " + what);
        }
        return rows.toArray(new int[0][]);
    }

    // ----------------------------------------------------------------------------------- parse

    private MtpPotential parse() {
        if (words.isEmpty()) throw errorAt(1, "expected 'MTP' on line 1 but the file is empty");
        if (!"MTP".equals(peek()) || line() != 1) {
            if (!words.isEmpty() && words.get(0).startsWith("MTP") && line() == 1)
                throw error("exactly 'MTP' on line 1 (an .mtp potential file)");
            throw error("'MTP' on line 1 (an .mtp potential file)");
        }
        pos++;
        expect("version", "'version = 1.1.0' on line 2");
        expect("=", "'=' after version");
        if (!"1.1.0".equals(peek())) throw error("version 1.1.0 (the only .mtp format mtpj reads)");
        pos++;

        String name = "";
        if ("potential_name".equals(peek())) {
            int keyLine = line();
            pos++;
            expect("=", "'=' after potential_name");
            // MLIP-2 writes an empty name as "potential_name = "; do not take the next key as name.
            if (!atEnd() && line() == keyLine) name = words.get(pos++);
        }
        double scaling = 1.0;
        if (optionalKey("scaling")) scaling = number("the scaling factor");
        expectKey("species_count");
        int speciesLine = line();
        int c = integer("species_count", 1);
        if ("potential_tag".equals(peek())) {
            int keyLine = line();
            pos++;
            while (!atEnd() && line() == keyLine) pos++; // the rest of that line is ignored
        }
        expectKey("radial_basis_type");
        RadialBasisType type = radialBasisType();
        if (optionalKey("scaling")) scaling *= number("the basis scaling factor");
        if (!(scaling > 0)) throw errorAt(lineOf(pos - 1), "expected a positive scaling but found " + scaling);
        expectKey("min_dist");
        int minLine = line();
        double rmin = number("min_dist (Å)");
        expectKey("max_dist");
        double rcut = number("max_dist (Å)");
        if (!(rmin < rcut)) throw errorAt(minLine, "expected min_dist < max_dist but found min_dist = " + rmin + ", max_dist = " + rcut);
        if (!(rmin >= 0)) throw errorAt(minLine, "expected min_dist >= 0 but found " + rmin);
        expectKey("radial_basis_size");
        int r = integer("radial_basis_size", 2);
        expectKey("radial_funcs_count");
        int kLine = line();
        int k = integer("radial_funcs_count", 1);
        long radialCount = (long) c * c * k * r;
        if (radialCount > MAX_COEFFICIENTS)
            throw errorAt(speciesLine, "expected a plausible size but species_count^2 * radial_funcs_count * radial_basis_size = " + radialCount);

        double[] radial = null;
        if ("radial_coeffs".equals(peek())) {
            pos++;
            radial = new double[(int) radialCount];
            for (int a = 0; a < c; a++) {
                for (int b = 0; b < c; b++) {
                    String header = a + "-" + b;
                    if (!header.equals(peek()))
                        throw error("the radial coefficient block header '" + header + "' (blocks a-b, b fastest)");
                    pos++;
                    for (int mu = 0; mu < k; mu++) {
                        int listLine = line();
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
        int mLine = line();
        int m = integer("alpha_moments_count", 1);
        expectKey("alpha_index_basic_count");
        int bLine = line();
        int bCount = integer("alpha_index_basic_count", 1);
        expectKey("alpha_index_basic");
        int basicLine = line();
        List<Integer> basicRows = new ArrayList<>();
        int[][] basic = quadList("alpha_index_basic", basicRows);
        if (basic.length != bCount)
            throw errorAt(basicLine, "expected " + bCount + " entries in alpha_index_basic (alpha_index_basic_count) but found " + basic.length);
        expectKey("alpha_index_times_count");
        int t = integer("alpha_index_times_count", 0);
        expectKey("alpha_index_times");
        int timesLine = line();
        List<Integer> timesRows = new ArrayList<>();
        int[][] times = quadList("alpha_index_times", timesRows);
        if (times.length != t)
            throw errorAt(timesLine, "expected " + t + " entries in alpha_index_times (alpha_index_times_count) but found " + times.length);
        expectKey("alpha_scalar_moments");
        int s = integer("alpha_scalar_moments", 1);
        expectKey("alpha_moment_mapping");
        int mapLine = line();
        int[] mapping = intList("alpha_moment_mapping");
        if (mapping.length != s)
            throw errorAt(mapLine, "expected " + s + " entries in alpha_moment_mapping (alpha_scalar_moments) but found " + mapping.length);

        double[] species = null, moments = null;
        int speciesCoeffLine = line();
        if (optionalKey("species_coeffs")) {
            species = doubleList("species_coeffs");
            if (species.length != c)
                throw errorAt(speciesCoeffLine, "expected " + c + " species_coeffs (species_count) but found " + species.length);
            int momentLine = line();
            if (!"moment_coeffs".equals(peek()))
                throw error("'moment_coeffs = {...}' after species_coeffs (both or none)");
            expectKey("moment_coeffs");
            moments = doubleList("moment_coeffs");
            if (moments.length != s)
                throw errorAt(momentLine, "expected " + s + " moment_coeffs (alpha_scalar_moments) but found " + moments.length);
        } else if ("moment_coeffs".equals(peek())) {
            throw error("'species_coeffs = {...}' before moment_coeffs (both or none)");
        }
        if (!atEnd()) throw error("end of file");

        // ----- table invariants
        if (bCount > m) throw errorAt(bLine, "expected alpha_index_basic_count <= alpha_moments_count = " + m + " but found " + bCount);
        int maxMu = -1;
        for (int q = 0; q < basic.length; q++) {
            int mu = basic[q][0];
            if (mu >= k)
                throw errorAt(basicRows.get(q), "expected radial function index < radial_funcs_count = " + k
                        + " in alpha_index_basic entry " + (q + 1) + " but found " + mu);
            maxMu = Math.max(maxMu, mu);
        }
        if (maxMu != k - 1)
            throw errorAt(kLine, "wrong number of radial functions: expected the largest index in alpha_index_basic (" + maxMu
                    + ") to equal radial_funcs_count - 1 but radial_funcs_count = " + k);
        for (int q = 0; q < times.length; q++) {
            int[] e = times[q];
            for (int idx : new int[] {0, 1, 3})
                if (e[idx] >= m)
                    throw errorAt(timesRows.get(q), "expected slot indices < alpha_moments_count = " + m
                            + " in alpha_index_times entry " + (q + 1) + " but found " + e[idx]);
            if (e[3] < bCount)
                throw errorAt(timesRows.get(q), "expected the output slot of alpha_index_times entry " + (q + 1)
                        + " to be >= alpha_index_basic_count = " + bCount + " but found " + e[3]);
        }
        // a slot must be complete before it is used as an input (evaluation walks the table once)
        int[] lastWrite = new int[m];
        Arrays.fill(lastWrite, -1);
        for (int q = 0; q < times.length; q++) lastWrite[times[q][3]] = q;
        for (int q = 0; q < times.length; q++) {
            int[] e = times[q];
            for (int idx = 0; idx < 2; idx++)
                if (lastWrite[e[idx]] >= q)
                    throw errorAt(timesRows.get(q), "expected alpha_index_times entry " + (q + 1) + " to use only completed slots but slot "
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
        String w = peek();
        if ("RBChebyshev".equals(w)) { pos++; return RadialBasisType.RBChebyshev; }
        if ("RBChebyshev_repuls".equals(w)) { pos++; return RadialBasisType.RBChebyshev_repuls; }
        if ("RBShapeev".equals(w) || "RBTaylor".equals(w))
            throw errorAt(line(), "radial_basis_type " + w + " is not supported by mtpj (expected RBChebyshev or RBChebyshev_repuls)");
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
