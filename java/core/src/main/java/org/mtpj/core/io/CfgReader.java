package org.mtpj.core.io;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.mtpj.core.model.Configuration;

/**
 * Streams configurations out of a text {@code .cfg} file (mtp-spec.md §2), one at a time, so a
 * file of any size can be processed in constant memory:
 *
 * <pre>{@code
 * try (CfgReader in = CfgReader.of(reader, "name.cfg", warnings)) {
 *     for (Configuration c; (c = in.next()) != null; ) ...
 * }
 * }</pre>
 *
 * <p>Reads what MLIP-2 reads (fields in any order, {@code Size} before {@code AtomData:}, every
 * AtomData column in any order, {@code Supercell} with 0-3 rows, {@code PlusStress:} with any
 * subset and order of components, {@code Virial:}/{@code Stress:} with MLIP-2's conversions,
 * features incl. multi-line values and escaped keys, the old {@code Features:} form) plus
 * MLIP-3 additions, which are kept ({@link Configuration#extraColumns},
 * {@link Configuration#extraFields}) with a warning. Bad input throws
 * {@link InputFormatException} naming file:line and what was expected.
 *
 * <p>Files are read as ISO-8859-1 so that any byte survives a read-write cycle unchanged. A line
 * longer than {@link BoundedLineReader#DEFAULT_MAX_CHARS} is an error (binary junk, /dev/zero).
 * Not thread-safe.
 */
public final class CfgReader implements AutoCloseable, Iterable<Configuration> {
    private static final int MAX_ATOMS = 200_000_000;

    private final BoundedLineReader in;
    private final String file;
    private Consumer<String> warningSink;
    private final Set<String> warned = new HashSet<>();

    // lexer state: current line, position in it, its 1-based number
    private String cur;
    private int p;
    private long lineNo;
    // a share of an indexed file (startingAt, checkedAgainst): configurations read must be the index's
    private CfgIndex index;
    private int shareEnd;
    private long wordLine;
    private boolean eof;
    private long beginLine;
    private int count;
    private boolean nonEmpty;

    private CfgReader(Reader reader, String file, Consumer<String> warnings) {
        this.in = new BoundedLineReader(reader, file);
        this.file = file;
        this.warningSink = warnings;
    }

    /**
     * Reads from any reader (a file is read as ISO-8859-1); fileNameForMessages names it in errors,
     * warnings (one line each, without a prefix) go to the sink.
     */
    public static CfgReader of(Reader reader, String fileNameForMessages, Consumer<String> warnings) {
        return new CfgReader(reader, fileNameForMessages, warnings);
    }

    /** The configurations not yet read, in file order. */
    public List<Configuration> rest() {
        List<Configuration> out = new ArrayList<>();
        for (Configuration c; (c = next()) != null; ) out.add(c);
        return out;
    }

    /**
     * Makes a file without any configuration an error (for commands whose answer would be an
     * empty report that looks like success).
     */
    public CfgReader nonEmpty() {
        this.nonEmpty = true;
        return this;
    }

    /** All configurations of a text (tests, embedded configurations). */
    public static List<Configuration> parse(String text, String fileNameForMessages, Consumer<String> warnings) {
        try (CfgReader r = of(new StringReader(text), fileNameForMessages, warnings)) {
            List<Configuration> out = new ArrayList<>();
            for (Configuration c; (c = r.next()) != null; ) out.add(c);
            return out;
        }
    }

    /**
     * For a reader given the text from the BEGIN_CFG at {@code line} on (one MPI rank's share of a
     * file, {@link CfgIndex}): messages name the file's own line numbers and count configurations
     * from {@code configurationsBefore}, as a reader of the whole file would.
     */
    public CfgReader startingAt(long line, int configurationsBefore) {
        in.startAtLine(line);
        this.lineNo = line - 1;
        this.count = configurationsBefore;
        return this;
    }

    /**
     * Checks that this text holds configurations [count, end) of the index, with its Size each:
     * the index decides which MPI rank owns what, so a file whose layout the light scan reads
     * otherwise than this reader (a BEGIN_CFG inside a line, say) is an error, not a silent overlap.
     */
    public CfgReader checkedAgainst(CfgIndex index, int end) {
        this.index = index;
        this.shareEnd = end;
        return this;
    }

    /** Where warnings go from now on; each distinct warning is given once. */
    public CfgReader onWarning(Consumer<String> sink) {
        this.warningSink = sink;
        return this;
    }

    /** The file name used in messages. */
    public String fileName() { return file; }

    /** "FILE:LINE: configuration K" of the configuration last returned, to prefix messages about it. */
    public String where() {
        return file + ":" + lastConfigurationLine() + ": configuration " + count();
    }

    /** Line of the BEGIN_CFG of the configuration last returned by {@link #next()}. */
    public long lastConfigurationLine() { return beginLine; }

    /** How many configurations {@link #next()} has returned. */
    public int count() { return count; }

    @Override
    public void close() { in.close(); }

    /** Iterates the remaining configurations (single use, like the reader itself). */
    @Override
    public Iterator<Configuration> iterator() {
        return new Iterator<>() {
            Configuration ahead;

            @Override
            public boolean hasNext() {
                if (ahead == null) ahead = CfgReader.this.next();
                return ahead != null;
            }

            @Override
            public Configuration next() {
                if (!hasNext()) throw new NoSuchElementException();
                Configuration c = ahead;
                ahead = null;
                return c;
            }
        };
    }

    /** The remaining configurations as a sequential stream (closing it closes the reader). */
    public Stream<Configuration> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(),
                Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(this::close);
    }

    // ----------------------------------------------------------------------------------- lexer

    private boolean nextLine() {
        cur = in.nextLine();
        p = 0;
        if (cur == null) { eof = true; return false; }
        lineNo = in.lineNo();
        if (lineNo == 1) cur = stripByteOrderMark(cur);
        return true;
    }

    /** A UTF-8 byte-order mark (as read through ISO-8859-1 or as U+FEFF) is not content. */
    static String stripByteOrderMark(String line) {
        if (line.startsWith("\u00EF\u00BB\u00BF")) return line.substring(3);
        if (line.startsWith("\uFEFF")) return line.substring(1);
        return line;
    }

    private static boolean blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == 0x0B; }

    /** Moves to the next non-blank character; false at end of file. */
    private boolean skipBlank() {
        while (true) {
            if (eof) return false;
            if (cur == null) { if (!nextLine()) return false; continue; }
            while (p < cur.length() && blank(cur.charAt(p))) p++;
            if (p < cur.length()) return true;
            cur = null;
        }
    }

    private int wordEnd() {
        int e = p;
        while (e < cur.length() && !blank(cur.charAt(e))) e++;
        return e;
    }

    /** The next word, or null at end of file; its line is in {@link #wordLine}. */
    private String word() {
        if (!skipBlank()) { wordLine = lineNo; return null; }
        int e = wordEnd();
        String w = cur.substring(p, e);
        p = e;
        wordLine = lineNo;
        return w;
    }

    /** The next word without consuming it (may move to following lines over blanks). */
    private String peekWord() {
        if (!skipBlank()) return null;
        return cur.substring(p, wordEnd());
    }

    /** The rest of the current line after the last word (maybe empty); moves to the next line. */
    private String restOfLine() {
        String r = cur == null ? "" : cur.substring(Math.min(p, cur.length()));
        cur = null;
        return r;
    }

    private static String shown(String w) {
        if (w == null) return "end of file";
        StringBuilder sb = new StringBuilder("'");
        int n = Math.min(w.length(), 40);
        for (int i = 0; i < n; i++) {
            char c = w.charAt(i);
            sb.append(c >= ' ' && c < 0x7F ? String.valueOf(c) : String.format("\\x%02X", (int) c & 0xFF));
        }
        if (w.length() > n) sb.append("...");
        return sb.append("'").toString();
    }

    private InputFormatException error(long line, String what) {
        return new InputFormatException(file, line, what);
    }

    private InputFormatException expected(String what, String found) {
        return error(wordLine, "expected " + what + " but found " + shown(found));
    }

    private double number(String what) {
        String w = word();
        if (w == null || !CNumbers.isDecimal(w)) throw expected(what, w);
        double v = Double.parseDouble(w);
        if (!Double.isFinite(v)) throw expected(what + " (a finite number)", w);
        return v;
    }

    private long integer(String what) {
        String w = word();
        if (w == null || !CNumbers.isInteger(w) || w.length() > 18) throw expected(what + " (an integer)", w);
        return Long.parseLong(w.charAt(0) == '+' ? w.substring(1) : w);
    }

    private void warn(String key, String msg) {
        if (warned.add(key)) warningSink.accept(file + ":" + wordLine + ": " + msg);
    }

    // ----------------------------------------------------------------------------------- parse

    /** The next configuration, or null at the end of the file. */
    public Configuration next() {
        String w = word();
        if (w == null) {
            if (nonEmpty && count == 0)
                throw new InputFormatException(file, Math.max(1, lineNo), "no configurations in the file, expected at least one BEGIN_CFG ... END_CFG");
            if (index != null && count != shareEnd)
                throw new InputFormatException(file, Math.max(1, lineNo), "expected configuration " + (count + 1) + " here by the scan that shares"
                        + " the file over MPI ranks, but the text ended; " + UNSHAREABLE);
            return null;
        }
        if (!"BEGIN_CFG".equals(w)) {
            if (count == 0 && looksBinary(w))
                throw expected("BEGIN_CFG", w + "' (binary data; binary .cfg files are not supported, convert them to text with MLIP-2 first)");
            if ("BEGIN".equals(w))
                throw expected("BEGIN_CFG", w + "' (the old pre-BEGIN_CFG format is not supported");
            throw expected("BEGIN_CFG", w);
        }
        beginLine = wordLine;
        Configuration c = parseBody();
        if (index != null && (count >= shareEnd || index.atoms(count) != c.size))
            throw new InputFormatException(file, beginLine, "configuration " + (count + 1) + " of Size " + c.size + " where the scan that shares the file over MPI ranks read "
                    + (count >= shareEnd ? "no configuration" : "Size " + index.atoms(count)) + "; " + UNSHAREABLE);
        count++;
        return c;
    }

    private static final String UNSHAREABLE = "the scan needs BEGIN_CFG and Size at the start of their lines:"
            + " rewrite the file with mtpj convert, or run without mpirun";

    private static boolean looksBinary(String w) {
        for (int i = 0; i < w.length(); i++) {
            char ch = w.charAt(i);
            if (ch < ' ' || ch >= 0x7F) return true;
        }
        return false;
    }

    /** Column meanings in AtomData:. */
    private enum Col { ID, TYPE, CX, CY, CZ, DX, DY, DZ, SITE_EN, FX, FY, FZ, CHARGE, EXTRA }

    private static Col column(String name) {
        return switch (name) {
            case "id" -> Col.ID;
            case "type" -> Col.TYPE;
            case "cartes_x" -> Col.CX;
            case "cartes_y" -> Col.CY;
            case "cartes_z" -> Col.CZ;
            case "direct_x" -> Col.DX;
            case "direct_y" -> Col.DY;
            case "direct_z" -> Col.DZ;
            case "site_en" -> Col.SITE_EN;
            case "fx" -> Col.FX;
            case "fy" -> Col.FY;
            case "fz" -> Col.FZ;
            case "charge" -> Col.CHARGE;
            default -> Col.EXTRA;
        };
    }

    /** PlusStress component name to index in xx yy zz yz xz xy. */
    private static int stressIndex(String n) {
        return switch (n) {
            case "xx" -> 0;
            case "yy" -> 1;
            case "zz" -> 2;
            case "yz", "zy" -> 3;
            case "xz", "zx" -> 4;
            case "xy", "yx" -> 5;
            default -> -1;
        };
    }

    /** Configuration-level field names of MLIP-3 that are kept (not interpreted). */
    static boolean isMlip3Field(String w) {
        return w.equals("EnergyWeight") || w.equals("ForceWeight") || w.equals("ForceWeights")
                || w.equals("StressWeight") || w.equals("StressWeights") || w.equals("VirialWeight")
                || w.equals("VirialWeights") || w.equals("nbh_grades") || w.equals("Weight")
                || w.equals("EnergyWeight:") || w.equals("ForceWeights:") || w.equals("StressWeight:")
                || w.equals("VirialWeight:");
    }

    private Configuration parseBody() {
        long size = -1;
        long sizeLine = 0;
        double[] cell = null;
        int cellNumbers = 0;
        double energy = Double.NaN;
        double[] stress = null;
        String stressKind = null;
        Col[] cols = null;
        String[] colNames = null;
        double[] values = null;      // row-major, N x cols.length
        long atomDataLine = 0;
        Map<String, String> features = new LinkedHashMap<>();
        Map<String, String> extraFields = new LinkedHashMap<>();

        while (true) {
            String w = word();
            long line = wordLine;
            if (w == null) throw error(lineNo, "expected END_CFG for the configuration starting at line " + beginLine + " but found end of file");
            switch (w) {
                case "END_CFG" -> {
                    return build(size, sizeLine, cell, cellNumbers, energy, stress, stressKind, cols, colNames,
                            values, atomDataLine, features, extraFields);
                }
                case "Size" -> {
                    if (size >= 0) throw error(line, "expected one Size per configuration but found a second");
                    size = integer("the number of atoms after Size");
                    sizeLine = wordLine;
                    if (size < 0 || size > MAX_ATOMS)
                        throw error(wordLine, "expected an atom count in 0.." + MAX_ATOMS + " after Size but found " + size);
                }
                case "Supercell", "SuperCell" -> {
                    if (cell != null) throw error(line, "expected one Supercell per configuration but found a second");
                    cell = new double[9];
                    // MLIP-2 reads greedily up to nine numbers (spec §9.33).
                    while (cellNumbers < 9) {
                        String nw = peekWord();
                        if (nw == null || !CNumbers.isDecimal(nw)) break;
                        cell[cellNumbers++] = number("a lattice vector component");
                        if (cellNumbers % 3 == 0 && cell[cellNumbers - 3] == 0 && cell[cellNumbers - 2] == 0 && cell[cellNumbers - 1] == 0)
                            // valid (spec: not periodic along it) but more often a typo than meant
                            warn("zero-row", "Supercell row " + cellNumbers / 3 + " is all zero: the configuration is not periodic along it (MLIP-2's meaning)");
                    }
                    if (cellNumbers % 3 != 0)
                        throw error(wordLine, "expected 3, 6 or 9 numbers (1-3 lattice rows) after Supercell but found " + cellNumbers);
                }
                case "AtomData:", "Atomic_data:" -> {
                    if (cols != null) throw error(line, "expected one AtomData: per configuration but found a second");
                    if (size < 0) throw error(line, "expected Size before AtomData:");
                    atomDataLine = line;
                    colNames = restOfLine().trim().split("[ \\t\\r\\f\\x0B]+");
                    if (colNames.length == 1 && colNames[0].isEmpty())
                        throw error(line, "expected column names after AtomData: (e.g. id type cartes_x cartes_y cartes_z)");
                    cols = new Col[colNames.length];
                    Set<String> seenCols = new HashSet<>();
                    for (int k = 0; k < cols.length; k++) {
                        if (!seenCols.add(colNames[k])) throw error(line, "expected distinct AtomData: columns but '" + colNames[k] + "' appears twice");
                        cols[k] = column(colNames[k]);
                        if (cols[k] == Col.EXTRA)
                            warn("col:" + colNames[k], "AtomData: column '" + colNames[k] + "' is not an MLIP-2 column; kept, not interpreted");
                    }
                    values = readRows((int) size, cols, colNames);
                }
                case "Energy" -> {
                    if (!Double.isNaN(energy)) throw error(line, "expected one Energy per configuration but found a second");
                    energy = number("the energy (eV) after Energy");
                }
                case "PlusStress:", "Virial:", "Stress:" -> {
                    if (stress != null) throw error(line, "expected one PlusStress: per configuration but found a second");
                    String[] names = restOfLine().trim().split("[ \\t\\r\\f\\x0B]+");
                    if (names.length == 1 && names[0].isEmpty())
                        throw error(line, "expected component names after " + w + " (xx yy zz yz xz xy)");
                    stress = new double[6];
                    boolean[] got = new boolean[6];
                    int[] idx = new int[names.length];
                    for (int k = 0; k < names.length; k++) {
                        idx[k] = stressIndex(names[k]);
                        if (idx[k] < 0) throw error(line, "expected stress components xx yy zz yz xz xy after " + w + " but found '" + names[k] + "'");
                        if (got[idx[k]]) throw error(line, "expected each stress component once after " + w + " but '" + names[k] + "' repeats");
                        got[idx[k]] = true;
                    }
                    for (int k = 0; k < names.length; k++) stress[idx[k]] = number("the " + names[k] + " component after " + w);
                    stressKind = w;
                }
                case "Feature" -> {
                    if (cur == null || p >= cur.length() || !skipBlankOnLine())
                        throw error(line, "expected a key after Feature");
                    int e = wordEnd();
                    String key = unescapeKey(cur.substring(p, e));
                    // exactly one separator character, then the value is the rest of the line
                    String value = e + 1 <= cur.length() ? cur.substring(Math.min(e + 1, cur.length())) : "";
                    cur = null;
                    features.merge(key, value, (a, b) -> a + "\n" + b);
                }
                case "Features:" -> {
                    String[] keys = restOfLine().trim().split("[ \\t\\r\\f\\x0B]+");
                    if (!nextLine()) throw error(lineNo, "expected a line of feature values after Features:");
                    String[] vals = cur.trim().split("[ \\t\\r\\f\\x0B]+");
                    cur = null;
                    if (vals.length != keys.length)
                        throw error(lineNo, "expected " + keys.length + " feature values (one per key of Features:) but found " + vals.length);
                    for (int k = 0; k < keys.length; k++) features.merge(unescapeKey(keys[k]), vals[k], (a, b) -> a + "\n" + b);
                }
                default -> {
                    if (!isMlip3Field(w))
                        throw expected("a field name (Size, Supercell, AtomData:, Energy, PlusStress:, Feature) or END_CFG", w);
                    warn("field:" + w, "field '" + w + "' is not an MLIP-2 field (MLIP-3 addition); kept, not interpreted");
                    StringBuilder raw = new StringBuilder(restOfLine().strip());
                    while (true) {
                        String nw = peekWord();
                        if (nw == null || !CNumbers.isDecimal(nw)) break;
                        String l = restOfLine().strip();
                        raw.append(raw.isEmpty() ? "" : "\n").append(l);
                    }
                    if (extraFields.containsKey(w)) throw error(line, "expected one " + w + " per configuration but found a second");
                    extraFields.put(w, raw.toString());
                }
            }
        }
    }

    /** Skips blanks within the current line only; false if the line ends. */
    private boolean skipBlankOnLine() {
        while (p < cur.length() && blank(cur.charAt(p))) p++;
        return p < cur.length();
    }

    private double[] readRows(int n, Col[] cols, String[] names) {
        int nc = cols.length;
        // grow as rows arrive rather than trusting Size for a huge allocation
        double[] v = new double[(int) Math.min((long) n * nc, 1 << 20)];
        long total = (long) n * nc;
        if (total > Integer.MAX_VALUE - 8) throw error(wordLine, "expected at most " + (Integer.MAX_VALUE / nc) + " atoms with " + nc + " columns");
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < nc; k++) {
                int at = i * nc + k;
                if (at >= v.length) v = Arrays.copyOf(v, (int) Math.min(total, 2L * v.length + 16));
                // values are checked and parsed in place, in one scan each: a String per value
                // cost most of the reading time
                Col col = cols[k];
                boolean integer = col == Col.ID || col == Col.TYPE;
                boolean any = skipBlank();
                String line = cur;
                int ws = p, we = -1;
                if (any) {
                    int end = integer ? CNumbers.integerEnd(line, ws, line.length()) : CNumbers.decimalEnd(line, ws, line.length());
                    if (end > ws && (end == line.length() || blank(line.charAt(end)))) we = end; // the whole word has the form
                    p = we >= 0 ? we : wordEnd();
                }
                wordLine = lineNo;
                if (integer) {
                    if (we < 0 || we - ws > 10)
                        throw expected("an integer " + names[k] + " for atom " + (i + 1) + " of " + n + " (row " + (i + 1) + ", column " + (k + 1) + ")", any ? line.substring(ws, p) : null);
                    long x = Long.parseLong(line, ws, we, 10);
                    if (col == Col.TYPE && (x < 0 || x > Integer.MAX_VALUE))
                        throw expected("a species type >= 0 (0-based) for atom " + (i + 1), line.substring(ws, we));
                    if (col == Col.ID && (x < 1 || x > Integer.MAX_VALUE))
                        throw expected("a positive atom id for atom " + (i + 1), line.substring(ws, we));
                    v[at] = x;
                } else {
                    if (we < 0)
                        throw expected("a number " + names[k] + " for atom " + (i + 1) + " of " + n + " (row " + (i + 1) + ", column " + (k + 1) + ")", any ? line.substring(ws, p) : null);
                    // correctly rounded, the same double as Double.parseDouble (FastDoubleParser)
                    double x = JavaDoubleParser.parseDouble(line, ws, we - ws);
                    if (!Double.isFinite(x)) throw expected("a finite number " + names[k] + " for atom " + (i + 1), line.substring(ws, we));
                    v[at] = x;
                }
            }
            // a row with more values than columns would silently shift every later row
            if (cur != null && skipBlankOnLine())
                throw error(lineNo, "expected " + nc + " values per atom row (the AtomData: columns " + String.join(" ", names)
                        + ") but atom " + (i + 1) + "'s line has more, starting with " + shown(cur.substring(p, wordEnd())));
        }
        return v;
    }

    private Configuration build(long size, long sizeLine, double[] cell, int cellNumbers, double energy,
                                double[] stress, String stressKind, Col[] cols, String[] colNames, double[] values,
                                long atomDataLine, Map<String, String> features, Map<String, String> extraFields) {
        long endLine = wordLine;
        if (size < 0) throw error(endLine, "expected Size in the configuration starting at line " + beginLine + " but found END_CFG");
        int n = (int) size;
        if (cols == null && n > 0) throw error(endLine, "expected AtomData: (Size = " + n + ") in the configuration starting at line " + beginLine + " but found END_CFG");
        if (n == 0) warn("size0", "configuration with Size 0 (no atoms); it is kept but skipped by grading and selection");
        Configuration c = new Configuration(n);
        if (cell != null) {
            c.latticeRows = cellNumbers / 3;
            for (int r = 0; r < 3; r++) System.arraycopy(cell, 3 * r, c.lattice[r], 0, 3);
        }
        if (cols != null) distribute(c, cols, colNames, values, atomDataLine);
        c.energy = energy;
        if (stress != null) {
            if ("Virial:".equals(stressKind)) {
                double vol = c.volume();
                if (!(vol > 0)) throw error(endLine, "expected a 3-D periodic Supercell for Virial: (MLIP-2 divides it by the volume)");
                for (int k = 0; k < 6; k++) stress[k] /= vol;
                warn("virial", "Virial: read as PlusStress and divided by the cell volume, as MLIP-2 does (legacy); mtpj writes PlusStress:");
            } else if ("Stress:".equals(stressKind)) {
                for (int k = 0; k < 6; k++) stress[k] = -stress[k];
                warn("stress", "Stress: read as the negative of PlusStress, as MLIP-2 does; check the sign convention of your data");
            }
            c.plusStress = stress;
        }
        c.features.putAll(features);
        c.extraFields.putAll(extraFields);
        return c;
    }

    private void distribute(Configuration c, Col[] cols, String[] names, double[] v, long line) {
        int n = c.size, nc = cols.length;
        int[] where = new int[Col.values().length];
        Arrays.fill(where, -1);
        for (int k = 0; k < nc; k++) if (cols[k] != Col.EXTRA) where[cols[k].ordinal()] = k;
        boolean cart = where[Col.CX.ordinal()] >= 0 || where[Col.CY.ordinal()] >= 0 || where[Col.CZ.ordinal()] >= 0;
        boolean direct = where[Col.DX.ordinal()] >= 0 || where[Col.DY.ordinal()] >= 0 || where[Col.DZ.ordinal()] >= 0;
        String got = String.join(" ", names);
        if (cart && direct) throw error(line, "expected either cartes_x/y/z or direct_x/y/z columns, not both, but found " + got);
        int px = where[(direct ? Col.DX : Col.CX).ordinal()], py = where[(direct ? Col.DY : Col.CY).ordinal()],
                pz = where[(direct ? Col.DZ : Col.CZ).ordinal()];
        if (px < 0 || py < 0 || pz < 0)
            throw error(line, "expected position columns cartes_x cartes_y cartes_z (or direct_x direct_y direct_z) in AtomData: but found " + got);
        int fx = where[Col.FX.ordinal()], fy = where[Col.FY.ordinal()], fz = where[Col.FZ.ordinal()];
        boolean forces = fx >= 0 || fy >= 0 || fz >= 0;
        if (forces && (fx < 0 || fy < 0 || fz < 0)) throw error(line, "expected all of fx fy fz (or none) in AtomData: but found " + got);
        int id = where[Col.ID.ordinal()], type = where[Col.TYPE.ordinal()], se = where[Col.SITE_EN.ordinal()], q = where[Col.CHARGE.ordinal()];
        double[][] a = c.lattice;
        if (direct) {
            boolean full = c.isPeriodic(0) && c.isPeriodic(1) && c.isPeriodic(2) && c.volume() > 0;
            if (!full) throw error(line, "expected a 3-D Supercell with nonzero volume for direct_x/y/z coordinates");
        }
        if (forces) c.forces = new double[3 * n];
        if (se >= 0) c.siteEnergies = new double[n];
        if (q >= 0) c.charges = new double[n];
        for (int k = 0; k < nc; k++) if (cols[k] == Col.EXTRA) c.extraColumns.put(names[k], new double[n]);
        boolean sequentialIds = true;
        for (int i = 0; i < n; i++) {
            int row = i * nc;
            if (id >= 0) {
                c.ids[i] = (int) v[row + id];
                if (c.ids[i] != i + 1) sequentialIds = false;
            }
            if (type >= 0) c.types[i] = (int) v[row + type];
            double x = v[row + px], y = v[row + py], z = v[row + pz];
            if (direct) {
                c.positions[3 * i] = x * a[0][0] + y * a[1][0] + z * a[2][0];
                c.positions[3 * i + 1] = x * a[0][1] + y * a[1][1] + z * a[2][1];
                c.positions[3 * i + 2] = x * a[0][2] + y * a[1][2] + z * a[2][2];
            } else {
                c.positions[3 * i] = x;
                c.positions[3 * i + 1] = y;
                c.positions[3 * i + 2] = z;
            }
            if (forces) {
                c.forces[3 * i] = v[row + fx];
                c.forces[3 * i + 1] = v[row + fy];
                c.forces[3 * i + 2] = v[row + fz];
            }
            if (se >= 0) c.siteEnergies[i] = v[row + se];
            if (q >= 0) c.charges[i] = v[row + q];
            for (int k = 0; k < nc; k++) if (cols[k] == Col.EXTRA) c.extraColumns.get(names[k])[i] = v[row + k];
        }
        if (!sequentialIds) {
            // MLIP-2 requires 1..N in order; mtpj accepts any distinct ids (compare matches by id).
            int[] sorted = c.ids.clone();
            Arrays.sort(sorted);
            for (int i = 1; i < n; i++)
                if (sorted[i] == sorted[i - 1]) throw error(line, "expected distinct atom ids but id " + sorted[i] + " appears twice");
            warn("ids", "atom ids are not 1..N in order (MLIP-2 would refuse this file); kept as given");
        }
    }

    /** MLIP-2's escapes in feature keys: \_ space, \t TAB, \n newline, \r CR. */
    static String unescapeKey(String k) {
        if (k.indexOf('\\') < 0) return k;
        StringBuilder sb = new StringBuilder(k.length());
        for (int i = 0; i < k.length(); i++) {
            char ch = k.charAt(i);
            if (ch == '\\' && i + 1 < k.length()) {
                char nx = k.charAt(i + 1);
                switch (nx) {
                    case '_' -> { sb.append(' '); i++; continue; }
                    case 't' -> { sb.append('\t'); i++; continue; }
                    case 'n' -> { sb.append('\n'); i++; continue; }
                    case 'r' -> { sb.append('\r'); i++; continue; }
                    default -> { }
                }
            }
            sb.append(ch);
        }
        return sb.toString();
    }

    /** The inverse of {@link #unescapeKey}. */
    static String escapeKey(String k) {
        StringBuilder sb = new StringBuilder(k.length() + 4);
        for (int i = 0; i < k.length(); i++) {
            char ch = k.charAt(i);
            switch (ch) {
                case ' ' -> sb.append("\\_");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }
}
