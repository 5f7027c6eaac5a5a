package org.mtpj.core.io;

import org.mtpj.core.math.Mat3;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mtpj.core.model.Cell;
import org.mtpj.core.model.Elements;
import org.mtpj.core.model.Structure;

/**
 * Reads VASP POSCAR/CONTCAR files (analysis-spec §1.2) into a {@link Structure}.
 *
 * <pre>{@code
 * Structure s = PoscarReader.read(lines, null);                   // symbols from the file
 * Structure s = PoscarReader.read(lines, List.of("Mg", "V", "O")); // VASP 4 files without a symbols line
 * }</pre>
 *
 * Accepts: a scale factor (one value; negative = target volume in Å³; or three per-axis values),
 * the optional symbols line (else symbols from the {@code symbolsIfMissing} list, else from the
 * comment line such as "Mg12 V24 O60"), "Selective dynamics", Direct or Cartesian coordinates
 * (first letter; C/K = Cartesian, multiplied by the scale), extra tokens after the three coordinates
 * (flags, species labels) ignored. Direct coordinates are kept exactly as written. The host's
 * {@code PoscarFiles} opens files (gzip decompressed transparently). Any problem is an {@link InputFormatException} naming file:line.
 */
public final class PoscarReader {
    private PoscarReader() {}

    /**
     * Reads the one structure of a file; {@code symbolsIfMissing} (may be null) names the species
     * of a VASP 4 file without a symbols line.
     */
    public static Structure read(TextLines in, List<String> symbolsIfMissing) {
        String first = in.nextOrNull();
        if (first == null) throw new InputFormatException(in.file(), 1, "empty file, expected a POSCAR comment line");
        in.pushBack(first);
        return parse(in, symbolsIfMissing);
    }

    /** Reads one structure starting at the comment line of {@code in}. */
    public static Structure parse(TextLines in, List<String> symbolsIfMissing) {
        Header h = readHeader(in, symbolsIfMissing);
        String line = in.next("'Selective dynamics', 'Direct' or 'Cartesian'");
        boolean selective = false;
        if (!line.isBlank() && Character.toLowerCase(line.strip().charAt(0)) == 's') {
            selective = true;
            line = in.next("'Direct' or 'Cartesian'");
        }
        boolean cartesian = coordinateMode(in, line);
        int n = h.atomCount();
        // grown row by row: a corrupted count must not allocate gigabytes before the file runs out
        double[][] coords = new double[Math.min(n, 4096)][];
        boolean[][] flags = selective ? new boolean[Math.min(n, 4096)][] : null;
        for (int i = 0; i < n; i++) {
            if (i == coords.length) {
                int cap = (int) Math.min(n, 2L * coords.length);
                coords = Arrays.copyOf(coords, cap);
                if (flags != null) flags = Arrays.copyOf(flags, cap);
            }
            coords[i] = new double[3];
            if (flags != null) flags[i] = new boolean[3];
            String[] t = TextLines.tokens(in.next("coordinates of atom " + (i + 1) + " of " + n));
            if (t.length < 3) throw in.error("expected 3 coordinates of atom " + (i + 1) + ", found " + t.length + " values");
            for (int k = 0; k < 3; k++) coords[i][k] = in.parseDouble(t[k], "coordinate " + "xyz".charAt(k) + " of atom " + (i + 1));
            if (selective) {
                for (int k = 0; k < 3; k++) flags[i][k] = t.length > 3 + k && t[3 + k].toUpperCase().startsWith("T");
            }
        }
        Cell cell = h.cell();
        if (cartesian) {
            for (double[] r : coords) for (int k = 0; k < 3; k++) r[k] *= h.cartesianScale[k];
            return new Structure(h.comment, cell, h.symbols, h.counts, coords, null, flags);
        }
        return new Structure(h.comment, cell, h.symbols, h.counts, null, coords, flags);
    }

    /** Whether a coordinate-mode line says Cartesian (C/K) rather than Direct (D). */
    static boolean coordinateMode(TextLines in, String line) {
        String s = line.strip();
        char c = s.isEmpty() ? ' ' : Character.toLowerCase(s.charAt(0));
        if (c == 'c' || c == 'k') return true;
        if (c == 'd') return false;
        throw in.error("expected 'Direct' or 'Cartesian', found '" + TextLines.abbreviate(s) + "'");
    }

    /** Comment, scale, lattice, symbols and counts: the part shared by POSCAR and XDATCAR. */
    public record Header(String comment, double[][] lattice, double[] cartesianScale, List<String> symbols, int[] counts) {
        public Cell cell() { return new Cell(lattice); }
        public int atomCount() { return Arrays.stream(counts).sum(); }
    }

    /** Reads the comment … counts lines. */
    public static Header readHeader(TextLines in, List<String> symbolsIfMissing) {
        String comment = in.next("a comment line");
        String[] st = TextLines.tokens(in.next("the scale factor"));
        if (st.length == 0) throw in.error("expected the scale factor, found an empty line");
        double[] scale = new double[3];
        boolean perAxis = st.length >= 3 && TextLines.isNumber(st[1]) && TextLines.isNumber(st[2]);
        if (perAxis) {
            for (int k = 0; k < 3; k++) scale[k] = in.parseDouble(st[k], "scale factor");
            if (scale[0] <= 0 || scale[1] <= 0 || scale[2] <= 0) throw in.error("per-axis scale factors must be positive");
        } else {
            double s = in.parseDouble(st[0], "the scale factor");
            if (s == 0) throw in.error("the scale factor must not be 0");
            Arrays.fill(scale, s);
        }
        long scaleLine = in.lineNo();
        double[][] lat = new double[3][3];
        for (int r = 0; r < 3; r++) {
            String[] t = TextLines.tokens(in.next("lattice vector " + (r + 1)));
            if (t.length < 3) throw in.error("expected 3 numbers for lattice vector " + (r + 1) + ", found " + t.length);
            for (int k = 0; k < 3; k++) lat[r][k] = in.parseDouble(t[k], "lattice vector " + (r + 1));
        }
        if (scale[0] < 0) {
            double raw = Math.abs(new Cell(checkedCell(in, lat)).determinant());
            double f = Math.cbrt(-scale[0] / raw);
            Arrays.fill(scale, f);
        }
        for (int r = 0; r < 3; r++) for (int k = 0; k < 3; k++) lat[r][k] *= scale[k];
        checkedCell(in, lat);

        String line = in.next("the species symbols or counts line");
        String[] t = TextLines.tokens(line);
        if (t.length == 0) throw in.error("expected the species symbols or counts, found an empty line");
        List<String> symbols;
        String[] countTokens;
        if (isInteger(t[0])) {
            countTokens = t;
            symbols = null;
        } else {
            symbols = new ArrayList<>();
            for (String s : t) symbols.add(cleanSymbol(s));
            countTokens = TextLines.tokens(in.next("the species counts line"));
        }
        List<Integer> counts = new ArrayList<>();
        for (String c : countTokens) {
            if (!isInteger(c)) break;
            int v = in.parseInt(c, "a species count");
            if (v < 0) throw in.error("species counts must not be negative");
            counts.add(v);
        }
        if (counts.isEmpty()) throw in.error("expected the species counts (integers)");
        int[] cnt = counts.stream().mapToInt(Integer::intValue).toArray();
        if (symbols == null) symbols = symbolsFor(in, cnt.length, symbolsIfMissing, comment);
        if (symbols.size() != cnt.length)
            throw in.error(symbols.size() + " species symbols but " + cnt.length + " counts");
        long total = 0;
        for (int c : cnt) total += c;
        if (total == 0) throw in.error("the species counts sum to 0 atoms");
        if (total > 50_000_000) throw in.error("implausible atom count " + total);
        return new Header(comment, lat, scale, symbols, cnt);
    }

    private static double[][] checkedCell(TextLines in, double[][] lat) {
        double d = Mat3.determinant(lat);
        if (d == 0 || !Double.isFinite(d)) throw in.error("the lattice vectors span zero volume");
        return lat;
    }

    private static List<String> symbolsFor(TextLines in, int n, List<String> given, String comment) {
        if (given != null && !given.isEmpty()) {
            if (given.size() != n)
                throw in.error("the file has " + n + " species counts but " + given.size() + " symbols were given (" + String.join(",", given) + ")");
            return List.copyOf(given);
        }
        List<String> fromComment = new ArrayList<>();
        for (String tok : TextLines.tokens(comment)) {
            String letters = tok.replaceAll("[^A-Za-z].*$", "");
            if (Elements.isElement(letters)) fromComment.add(letters);
        }
        if (fromComment.size() == n) return fromComment;
        throw in.error("no species symbols line (VASP 4 format) and the comment does not name " + n
                + " elements; give the symbols (e.g. --types Mg,V,O)");
    }

    /** "Mg_pv" or "Mg/1a2b3c" (VASP 6 hashes) → "Mg". */
    private static String cleanSymbol(String s) {
        int cut = s.length();
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '_' || c == '/') { cut = i; break; }
        }
        return s.substring(0, cut);
    }

    static boolean isInteger(String s) {
        if (s.isEmpty()) return false;
        int i = (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
        if (i == s.length()) return false;
        for (; i < s.length(); i++) if (!Character.isDigit(s.charAt(i))) return false;
        return s.length() < 10;
    }
}
