package org.mtpj.core.io;

import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.mtpj.core.model.Configuration;

/**
 * Streams an extended XYZ file (the format ASE and most ML-potential tools exchange) as
 * configurations, one frame at a time. A frame is a line with the atom count N, a comment line of
 * {@code key=value} pairs (values bare or in double quotes), then N rows whose columns the
 * {@code Properties=name:type:count:...} key names (types S string, R real, I integer, L logical).
 *
 * <p>What is read (keys case-insensitive): {@code species:S:1} (required; element names, numbered
 * in order of first appearance, {@link #elements()}), {@code pos:R:3} (required, Å),
 * {@code forces:R:3} (or {@code force}, eV/Å), {@code Lattice="ax ay az bx by bz cx cy cz"} with
 * {@code pbc} (all T, or no Lattice: a cluster), {@code energy=} (eV), {@code virial=} (9 numbers,
 * eV: PlusStress itself) or else {@code stress=} (9 numbers or Voigt xx yy zz yz xz xy, eV/Å³,
 * ASE's sign, positive = tensile: PlusStress = −stress × V). Other keys become .cfg features
 * ({@code config_type=md} → {@code Feature config_type md}); other columns are skipped.
 * A frame the file ends inside is dropped with one warning (file:line); any other fault is an
 * error at its file:line.
 */
public final class ExtendedXyzReader implements AutoCloseable {
    private static final int MAX_ATOMS = 50_000_000;
    /** Keys that become fields; every other key=value of the comment line is kept as a .cfg feature. */
    static final java.util.Set<String> KNOWN = java.util.Set.of("lattice", "properties", "pbc", "energy", "stress", "virial");

    private final BoundedLineReader in;
    private final String file;
    private final Consumer<String> warnings;
    private final List<String> elements = new ArrayList<>();
    private long lineNo, frameLine;
    private int complete;
    private boolean done;

    private ExtendedXyzReader(Reader reader, String file, Consumer<String> warnings) {
        this.in = new BoundedLineReader(reader, file);
        this.file = file;
        this.warnings = warnings;
    }

    public static ExtendedXyzReader of(Reader reader, String file, Consumer<String> warnings) {
        return new ExtendedXyzReader(reader, file, warnings);
    }

    /** Element names of species 0, 1, ... in order of first appearance so far. */
    public List<String> elements() { return List.copyOf(elements); }

    /** "FILE:LINE: frame K" of the configuration last returned. */
    public String where() { return file + ":" + frameLine + ": frame " + complete; }

    /** Line of the atom count of the frame {@link #next()} returned last. */
    public long frameLine() { return frameLine; }

    /** The next frame, or null at the end. */
    public Configuration next() {
        if (done) return null;
        try {
            Configuration c = frame();
            if (c == null) {
                done = true;
                if (complete == 0) throw new InputFormatException(file, Math.max(lineNo, 1), "expected an extended XYZ frame (atom count, then key=value comment line), found none");
                return null;
            }
            complete++;
            return c;
        } catch (TruncatedInputException e) {
            done = true;
            if (complete == 0) throw e;
            warnings.accept(e.getMessage() + "; the last frame is incomplete and was dropped, keeping " + complete + " complete frame(s)");
            return null;
        }
    }

    private String line() {
        String l = in.nextLine();
        lineNo = in.lineNo();
        return l;
    }

    private String required(String what) {
        String l = line();
        if (l == null) throw new TruncatedInputException(file, lineNo, "the file ends where " + what + " was expected");
        return l;
    }

    private InputFormatException error(String what) { return new InputFormatException(file, lineNo, what); }

    private Configuration frame() {
        String first = line();
        while (first != null && first.isBlank()) first = line();
        if (first == null) return null;
        frameLine = lineNo;
        String count = first.trim();
        if (!CNumbers.isInteger(count)) throw error("expected the number of atoms alone on the line, found '" + abbreviate(count) + "'");
        long nl = Long.parseLong(count);
        if (nl < 0 || nl > MAX_ATOMS) throw error("implausible number of atoms " + count);
        int n = (int) nl;
        String comment = required("the comment line (Lattice=..., Properties=...)");
        Map<String, String> raw;
        try {
            raw = keyValues(comment);
        } catch (InputFormatException e) {
            // an open quote on a comment line the file ends inside: truncation, not a bad frame
            if (in.lastLineCut()) throw new TruncatedInputException(file, lineNo, "the file ends inside the comment line");
            throw e;
        }
        Map<String, String> kv = new LinkedHashMap<>();
        Configuration c = new Configuration(n);
        for (Map.Entry<String, String> e : raw.entrySet()) {
            String key = e.getKey().toLowerCase(Locale.ROOT);
            kv.put(key, e.getValue());
            if (!KNOWN.contains(key)) c.features.put(e.getKey(), e.getValue());
        }

        // columns
        String props = kv.getOrDefault("properties", "species:S:1:pos:R:3");
        String[] p = props.split(":");
        if (p.length % 3 != 0) throw error("expected Properties=name:type:count:... (triples), found '" + abbreviate(props) + "'");
        int cols = 0, species = -1, pos = -1, forces = -1;
        for (int k = 0; k < p.length; k += 3) {
            String name = p[k].toLowerCase(Locale.ROOT), type = p[k + 1];
            int m;
            try {
                m = Integer.parseInt(p[k + 2]);
            } catch (NumberFormatException e) {
                throw error("expected a column count in Properties after " + p[k] + ":" + type + ", found '" + p[k + 2] + "'");
            }
            if (m < 1 || m > 1000 || !List.of("S", "R", "I", "L").contains(type.toUpperCase(Locale.ROOT)))
                throw error("expected Properties types S, R, I or L and counts >= 1, found " + p[k] + ":" + type + ":" + p[k + 2]);
            if (name.equals("species") && m == 1) species = cols;
            if (name.equals("pos") && m == 3 && type.equalsIgnoreCase("R")) pos = cols;
            if ((name.equals("forces") || name.equals("force")) && m == 3 && type.equalsIgnoreCase("R")) forces = cols;
            cols += m;
        }
        if (species < 0 || pos < 0) throw error("expected species:S:1 and pos:R:3 in Properties, found '" + abbreviate(props) + "'");

        // cell
        String lat = kv.get("lattice");
        boolean periodic = lat != null;
        String pbc = kv.get("pbc");
        if (pbc != null) {
            double[] flags = new double[3];
            String[] f = pbc.trim().split("\\s+");
            if (f.length != 3) throw error("expected pbc=\"T T T\" (three flags), found '" + pbc + "'");
            int t = 0;
            for (String s : f) t += logical(s) ? 1 : 0;
            if (t == 0) periodic = false;
            else if (t != 3) throw error("pbc=\"" + pbc + "\": a .cfg cell is periodic in all three directions or none");
            else if (lat == null) throw error("pbc=\"" + pbc + "\" without Lattice=\"...\"");
        }
        if (periodic) {
            double[] a = numbers(lat, 9, "Lattice");
            c.latticeRows = 3;
            for (int r = 0; r < 3; r++) for (int k = 0; k < 3; k++) c.lattice[r][k] = a[3 * r + k];
        }

        // rows
        if (forces >= 0) c.forces = new double[3 * n];
        String[] w = new String[cols];
        for (int i = 0; i < n; i++) {
            String row = required("row " + (i + 1) + " of " + n);
            int got = split(row, w);
            if (got != cols) {
                if (in.lastLineCut()) throw new TruncatedInputException(file, lineNo, "the file ends inside row " + (i + 1));
                throw error("expected " + cols + " columns (" + props + ") in row " + (i + 1) + " of " + n + ", found " + (got < 0 ? "more" : got));
            }
            String el = w[species];
            int t = elements.indexOf(el);
            if (t < 0) {
                elements.add(el);
                t = elements.size() - 1;
            }
            c.types[i] = t;
            for (int k = 0; k < 3; k++) c.positions[3 * i + k] = real(w[pos + k], "pos");
            if (forces >= 0) for (int k = 0; k < 3; k++) c.forces[3 * i + k] = real(w[forces + k], "forces");
        }

        // labels
        if (kv.containsKey("energy")) c.energy = numbers(kv.get("energy"), 1, "energy")[0];
        if (kv.containsKey("virial")) {
            double[] v = numbers(kv.get("virial"), 9, "virial");
            c.plusStress = new double[] {v[0], v[4], v[8], v[5], v[2], v[1]};
        } else if (kv.containsKey("stress")) {
            if (!periodic) throw error("stress= needs a periodic cell (Lattice=\"...\") to become a virial");
            String[] t = kv.get("stress").trim().split("\\s+");
            double[] s = numbers(kv.get("stress"), t.length == 6 ? 6 : 9, "stress");
            // cfg order xx yy zz yz xz xy, from Voigt (xx yy zz yz xz xy) or the 3x3 rows
            double[] voigt = s.length == 6 ? s : new double[] {s[0], s[4], s[8], s[5], s[2], s[1]};
            double v = c.volume();
            c.plusStress = new double[6];
            for (int k = 0; k < 6; k++) c.plusStress[k] = -voigt[k] * v;
        }
        return c;
    }

    private static String abbreviate(String s) { return s.length() > 60 ? s.substring(0, 60) + "..." : s; }

    private boolean logical(String s) {
        return switch (s.toUpperCase(Locale.ROOT)) {
            case "T", "TRUE", "1" -> true;
            case "F", "FALSE", "0" -> false;
            default -> throw error("expected a logical T or F, found '" + s + "'");
        };
    }

    private double real(String s, String what) {
        if (!CNumbers.isDecimal(s)) throw error("expected a number in column " + what + ", found '" + abbreviate(s) + "'");
        return Double.parseDouble(s);
    }

    private double[] numbers(String value, int count, String key) {
        String[] t = value.trim().split("\\s+");
        if (t.length != count || value.isBlank()) throw error("expected " + count + " number(s) in " + key + "=, found '" + abbreviate(value) + "'");
        double[] out = new double[count];
        for (int k = 0; k < count; k++) out[k] = real(t[k], key);
        return out;
    }

    /** Whitespace-separated fields into w; their count, or -1 when there are more than w holds. */
    private static int split(String row, String[] w) {
        int n = 0, i = 0, len = row.length();
        while (true) {
            while (i < len && row.charAt(i) <= ' ') i++;
            if (i >= len) return n;
            int s = i;
            while (i < len && row.charAt(i) > ' ') i++;
            if (n == w.length) return -1;
            w[n++] = row.substring(s, i);
        }
    }

    /**
     * The comment line's pairs: {@code key=value}, {@code key="value with
     * spaces"} (backslash escapes the next character), a key alone means T.
     */
    private Map<String, String> keyValues(String line) {
        Map<String, String> kv = new LinkedHashMap<>();
        int i = 0, len = line.length();
        while (true) {
            while (i < len && line.charAt(i) <= ' ') i++;
            if (i >= len) return kv;
            StringBuilder key = new StringBuilder();
            i = token(line, i, key, true);
            while (i < len && line.charAt(i) == ' ') i++;
            String value = "T";
            if (i < len && line.charAt(i) == '=') {
                i++;
                while (i < len && line.charAt(i) == ' ') i++;
                StringBuilder v = new StringBuilder();
                i = token(line, i, v, false);
                value = v.toString();
            }
            kv.put(key.toString(), value);
        }
    }

    /** One bare or quoted token from i on into out; returns the index after it. */
    private int token(String line, int i, StringBuilder out, boolean key) {
        int len = line.length();
        if (i < len && (line.charAt(i) == '"' || line.charAt(i) == '\'')) {
            char q = line.charAt(i++);
            while (i < len && line.charAt(i) != q) {
                if (line.charAt(i) == '\\' && i + 1 < len) i++;
                out.append(line.charAt(i++));
            }
            if (i >= len) throw error("expected a closing " + q + " on the comment line");
            return i + 1;
        }
        if (!key && i < len && (line.charAt(i) == '[' || line.charAt(i) == '{')) {
            // [1, 2, 3] arrays: their numbers, space-separated
            char close = line.charAt(i) == '[' ? ']' : '}';
            int e = line.indexOf(close, i);
            if (e < 0) throw error("expected a closing " + close + " on the comment line");
            out.append(line, i + 1, e);
            for (int k = 0; k < out.length(); k++) if (out.charAt(k) == ',') out.setCharAt(k, ' ');
            return e + 1;
        }
        while (i < len && line.charAt(i) > ' ' && !(key && line.charAt(i) == '=')) out.append(line.charAt(i++));
        return i;
    }

    @Override
    public void close() { in.close(); }
}
