package org.mtpj.core.io;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.mtpj.core.model.Cell;

/**
 * Streams a LAMMPS text dump ({@code dump custom}/{@code dump atom}, optionally gzip) frame by
 * frame (analysis-spec §1.1). Columns are found by name in any order: id type element x y z xu yu
 * zu xs ys zs xsu ysu zsu ix iy iz mass, and fx fy fz when asked for ({@link #keepForces()}); all
 * others are skipped. Orthogonal and triclinic boxes. Rows are kept in file order (use
 * {@link Frame#orderById()}).
 *
 * <p>A last frame that the file ends inside (a run killed while writing: end of file where more
 * was expected, or a cut last line) gives one warning naming file:line and the stream ends after
 * the last complete frame; any other fault, in any frame including the last, is an
 * {@link InputFormatException}. {@code ITEM: TIME} and {@code ITEM: UNITS} sections are skipped.
 *
 * <pre>{@code
 * try (var r = LammpsDumpReader.of(stream, "dump.lammpstrj", -1, warnings)) {
 *     for (Frame f; (f = r.next()) != null; ) { ... }
 * }
 * }</pre>
 */
public final class LammpsDumpReader implements TrajectoryReader {
    private static final long MAX_ATOMS = 200_000_000L;
    private final ByteLines lines;
    private final String file;
    private final Consumer<String> warnings;
    private final CountingStream counter;
    private final long total;
    private final InputStream stream;
    private boolean done;
    private int complete;
    private String lastAtomsHeader;
    private Columns columns;
    private final Map<String, String> elementNames = new HashMap<>();
    private int[] tokS = new int[16], tokE = new int[16];
    private boolean keepForces;

    private LammpsDumpReader(InputStream raw, long total, String file, Consumer<String> warnings) throws IOException {
        this.file = file;
        this.warnings = warnings;
        this.total = total;
        this.counter = new CountingStream(raw);
        InputStream in = new BufferedInputStream(counter, 1 << 16);
        in.mark(2);
        int b0 = in.read(), b1 = in.read();
        in.reset();
        if (b0 == 0x1f && b1 == 0x8b) in = new GZIPInputStream(in, 1 << 16);
        this.stream = in;
        this.lines = new ByteLines(in, file);
    }

    /**
     * Reads a dump from a stream (gzip detected by content); {@code name} is used in messages,
     * {@code totalBytes} (or -1) for progress, warnings go to {@code warnings}.
     */
    public static LammpsDumpReader of(InputStream in, String name, long totalBytes, Consumer<String> warnings) {
        try {
            return new LammpsDumpReader(in, totalBytes, name, warnings);
        } catch (IOException e) {
            throw InputFormatException.cannotRead(name, 0, e);
        }
    }

    /** Reads from a stream of unknown length (tests, fuzzing). */
    public static LammpsDumpReader of(InputStream in, String name, Consumer<String> warnings) {
        return of(in, name, -1, warnings);
    }

    /**
     * Also reads fx fy fz into {@link Frame#forces} when the dump has all three columns. Off by
     * default: trajectory analysis does not need forces and three more numbers per row cost time.
     */
    public LammpsDumpReader keepForces() {
        keepForces = true;
        return this;
    }

    @Override public long bytesRead() { return counter.count; }
    @Override public long totalBytes() { return total; }

    @Override
    public Frame next() {
        if (done) return null;
        try {
            Frame f = readFrame();
            if (f == null) {
                done = true;
                if (complete == 0) throw new InputFormatException(file, Math.max(1, lines.lineNo()), "no frame: empty file, expected 'ITEM: TIMESTEP'");
            } else {
                complete++;
            }
            return f;
        } catch (InputFormatException e) {
            done = true;
            if (complete > 0 && endsInside(e)) {
                warnings.accept("warning: " + e.getMessage() + "; the last frame is incomplete and was ignored, keeping "
                        + complete + " complete frame" + (complete == 1 ? "" : "s"));
                return null;
            }
            throw e;
        }
    }

    /** Whether the file ends inside the frame (a killed run): EOF where more was expected, or a fault on a cut last line. */
    private boolean endsInside(InputFormatException e) {
        return e instanceof TruncatedInputException || !lines.lastHadNewline() && e.line() == lines.lineNo();
    }

    private Frame readFrame() {
        // first line of a frame: skip blank lines; clean EOF ends the stream
        do {
            if (!lines.next()) return null;
        } while (isBlank());
        long frameLine = lines.lineNo();
        checkText();
        while (isItem(lines, "TIME") || isItem(lines, "UNITS")) {
            need("the value of " + lines.string().strip());
            need("ITEM: TIMESTEP");
            frameLine = lines.lineNo();
        }
        if (!isItem(lines, "TIMESTEP")) throw error("expected 'ITEM: TIMESTEP', found '" + shortLine() + "'");
        need("the timestep number");
        long step = singleLong("the timestep number");
        need("ITEM: NUMBER OF ATOMS");
        if (!isItem(lines, "NUMBER OF ATOMS")) throw error("expected 'ITEM: NUMBER OF ATOMS', found '" + shortLine() + "'");
        need("the number of atoms");
        long nl = singleLong("the number of atoms");
        if (nl < 0 || nl > MAX_ATOMS) throw error("implausible number of atoms " + nl);
        int n = (int) nl;
        need("ITEM: BOX BOUNDS");
        if (!isItem(lines, "BOX BOUNDS")) throw error("expected 'ITEM: BOX BOUNDS', found '" + shortLine() + "'");
        String boxHeader = lines.string();
        boolean triclinic = boxHeader.contains("xy");
        if (boxHeader.contains("abc")) throw error("general triclinic boxes ('BOX BOUNDS abc origin') are not supported");
        double[][] bounds = new double[3][3];
        for (int r = 0; r < 3; r++) {
            need("box bounds line " + (r + 1));
            int nt = tokenize(3);
            if (nt < 2 || (triclinic && nt < 3)) throw error("expected " + (triclinic ? 3 : 2) + " numbers in box bounds line " + (r + 1));
            for (int k = 0; k < (triclinic ? 3 : 2); k++) bounds[r][k] = number(k, "box bound");
        }
        double xy = 0, xz = 0, yz = 0;
        if (triclinic) { xy = bounds[0][2]; xz = bounds[1][2]; yz = bounds[2][2]; }
        double xlo = bounds[0][0] - Math.min(Math.min(0, xy), Math.min(xz, xy + xz));
        double xhi = bounds[0][1] - Math.max(Math.max(0, xy), Math.max(xz, xy + xz));
        double ylo = bounds[1][0] - Math.min(0, yz);
        double yhi = bounds[1][1] - Math.max(0, yz);
        double zlo = bounds[2][0], zhi = bounds[2][1];
        if (!(xhi > xlo && yhi > ylo && zhi > zlo)) throw error("box bounds give a box of zero or negative size");
        Cell cell;
        try {
            cell = new Cell(new double[][] {{xhi - xlo, 0, 0}, {xy, yhi - ylo, 0}, {xz, yz, zhi - zlo}});
        } catch (IllegalArgumentException e) {
            throw error("box bounds give an unusable box: " + e.getMessage());
        }
        double[] origin = {xlo, ylo, zlo};
        need("ITEM: ATOMS");
        if (!isItem(lines, "ATOMS")) throw error("expected 'ITEM: ATOMS <columns>', found '" + shortLine() + "'");
        String atomsHeader = lines.string();
        long rowsLine = lines.lineNo() + 1;
        if (!atomsHeader.equals(lastAtomsHeader)) {
            columns = Columns.parse(atomsHeader, this);
            lastAtomsHeader = atomsHeader;
        }
        Columns c = columns;
        if (tokS.length < c.count) { tokS = new int[c.count]; tokE = new int[c.count]; }
        int cap = Math.min(n, 1 << 16);
        int[] ids = new int[cap];
        int[] types = new int[cap];
        double[] pos = new double[3 * cap];
        int[] img = c.image[0] >= 0 && c.kind == PositionKind.WRAPPED_WITH_IMAGES ? new int[3 * cap] : null;
        String[] elements = c.element >= 0 ? new String[cap] : null;
        double[] masses = c.mass >= 0 ? new double[cap] : null;
        double[] forces = keepForces && c.force[0] >= 0 ? new double[3 * cap] : null;
        for (int r = 0; r < n; r++) {
            if (r == cap) {
                cap = (int) Math.min(n, 2L * cap);
                ids = Arrays.copyOf(ids, cap);
                types = Arrays.copyOf(types, cap);
                pos = Arrays.copyOf(pos, 3 * cap);
                if (img != null) img = Arrays.copyOf(img, 3 * cap);
                if (elements != null) elements = Arrays.copyOf(elements, cap);
                if (masses != null) masses = Arrays.copyOf(masses, cap);
                if (forces != null) forces = Arrays.copyOf(forces, 3 * cap);
            }
            if (!lines.next()) throw new TruncatedInputException(file, lines.lineNo() + 1, "unexpected end of file, expected atom row " + (r + 1) + " of " + n);
            int nt = tokenize(c.count);
            if (nt != c.count) {
                if (nt == 0 || lines.buf()[lines.start()] == 'I') checkText();
                throw error("expected " + c.count + " columns in atom row " + (r + 1) + " of " + n + ", found " + (nt > c.count ? "more" : nt));
            }
            if (c.id >= 0) {
                long id = integer(c.id, "atom id");
                if (id < 1 || id > Integer.MAX_VALUE) throw error("atom id " + id + " out of range");
                ids[r] = (int) id;
            } else {
                ids[r] = r + 1;
            }
            if (c.type >= 0) {
                long t = integer(c.type, "atom type");
                if (t < 1 || t > 1_000_000) throw error("atom type " + t + " out of range");
                types[r] = (int) t;
            }
            if (elements != null) elements[r] = element(c.element);
            if (masses != null) {
                masses[r] = number(c.mass, "mass");
                if (!(masses[r] > 0)) throw error("atom mass must be positive, found " + masses[r]);
            }
            double p0 = number(c.pos[0], "coordinate"), p1 = number(c.pos[1], "coordinate"), p2 = number(c.pos[2], "coordinate");
            if (c.scaled) {
                cell.toCartesian(p0, p1, p2, pos, 3 * r);
                pos[3 * r] += xlo;
                pos[3 * r + 1] += ylo;
                pos[3 * r + 2] += zlo;
            } else {
                pos[3 * r] = p0;
                pos[3 * r + 1] = p1;
                pos[3 * r + 2] = p2;
            }
            if (forces != null)
                for (int k = 0; k < 3; k++) forces[3 * r + k] = number(c.force[k], "force");
            if (img != null) {
                for (int k = 0; k < 3; k++) {
                    long v = integer(c.image[k], "image flag");
                    if (Math.abs(v) > 1_000_000_000L) throw error("image flag " + v + " out of range");
                    img[3 * r + k] = (int) v;
                }
            }
        }
        Frame frame = new Frame(file, frameLine, step, cell, origin, n, ids, types, elements, pos, c.kind, img);
        frame.masses = masses;
        frame.forces = forces;
        frame.rowsLine = rowsLine;
        return frame;
    }

    // ---- tokens of the current line ----

    private int tokenize(int max) {
        byte[] b = lines.buf();
        int i = lines.start(), e = lines.end(), nt = 0;
        while (true) {
            while (i < e && (b[i] == ' ' || b[i] == '\t')) i++;
            if (i >= e) return nt;
            int s = i;
            while (i < e && b[i] != ' ' && b[i] != '\t') i++;
            if (nt == max) return max + 1;
            if (nt == tokS.length) { tokS = Arrays.copyOf(tokS, 2 * nt); tokE = Arrays.copyOf(tokE, 2 * nt); }
            tokS[nt] = s;
            tokE[nt] = i;
            nt++;
        }
    }

    private double number(int k, String what) {
        double v = FastNumbers.parseDouble(lines.buf(), tokS[k], tokE[k]);
        if (Double.isNaN(v)) { checkText(); throw error("expected a number (" + what + "), found '" + token(k) + "'"); }
        return v;
    }

    private long integer(int k, String what) {
        long v = FastNumbers.parseLong(lines.buf(), tokS[k], tokE[k]);
        if (v == Long.MIN_VALUE) {
            // LAMMPS may write integer columns as floats, e.g. "3.0"
            double d = FastNumbers.parseDouble(lines.buf(), tokS[k], tokE[k]);
            if (!Double.isNaN(d) && d == Math.rint(d) && Math.abs(d) < 1e15) return (long) d;
            checkText();
            throw error("expected an integer (" + what + "), found '" + token(k) + "'");
        }
        return v;
    }

    private String element(int k) {
        String s = token(k);
        return elementNames.computeIfAbsent(s, x -> x);
    }

    private String token(int k) {
        return printable(new String(lines.buf(), tokS[k], tokE[k] - tokS[k], java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    private long singleLong(String what) {
        checkText();
        int nt = tokenize(1);
        if (nt != 1) throw error("expected " + what + " alone on the line, found '" + shortLine() + "'");
        long v = FastNumbers.parseLong(lines.buf(), tokS[0], tokE[0]);
        if (v == Long.MIN_VALUE) throw error("expected " + what + " (an integer), found '" + shortLine() + "'");
        return v;
    }

    private void need(String what) {
        if (!lines.next()) throw new TruncatedInputException(file, lines.lineNo() + 1, "unexpected end of file, expected " + what);
    }

    private boolean isBlank() {
        byte[] b = lines.buf();
        for (int i = lines.start(); i < lines.end(); i++) if (b[i] != ' ' && b[i] != '\t') return false;
        return true;
    }

    private void checkText() {
        if (lines.looksBinary()) throw error("binary data, expected a LAMMPS text dump");
    }

    private static boolean isItem(ByteLines l, String name) {
        byte[] b = l.buf();
        int s = l.start(), e = l.end();
        String prefix = "ITEM: " + name;
        if (e - s < prefix.length()) return false;
        for (int i = 0; i < prefix.length(); i++) if (b[s + i] != prefix.charAt(i)) return false;
        return e - s == prefix.length() || b[s + prefix.length()] == ' ' || b[s + prefix.length()] == '\t';
    }

    private String shortLine() {
        return printable(lines.string().strip());
    }

    /** At most 40 characters, each non-ASCII or control byte as '?': a message stays one readable line. */
    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(s.length(), 40); i++) {
            char ch = s.charAt(i);
            b.append(ch < 0x20 || ch > 0x7e ? '?' : ch);
        }
        return s.length() > 40 ? b + "..." : b.toString();
    }

    InputFormatException error(String what) {
        return new InputFormatException(file, lines.lineNo(), what);
    }

    @Override
    public void close() {
        try {
            stream.close();
        } catch (IOException ignored) {
            // closing a read-only stream cannot lose data
        }
    }

    /** Where the columns of interest sit in an ATOMS row. */
    static final class Columns {
        int count;
        int id = -1, type = -1, element = -1, mass = -1;
        final int[] pos = {-1, -1, -1};
        final int[] image = {-1, -1, -1};
        final int[] force = {-1, -1, -1};
        boolean scaled;
        PositionKind kind;

        static Columns parse(String header, LammpsDumpReader r) {
            String[] t = header.strip().split("\\s+");
            Columns c = new Columns();
            c.count = t.length - 2;
            if (c.count <= 0) throw r.error("'ITEM: ATOMS' names no columns");
            Map<String, Integer> at = new HashMap<>();
            for (int k = 2; k < t.length; k++) {
                if (at.put(t[k], k - 2) != null) throw r.error("column '" + t[k] + "' appears twice in 'ITEM: ATOMS'");
            }
            c.id = at.getOrDefault("id", -1);
            c.type = at.getOrDefault("type", -1);
            c.element = at.getOrDefault("element", -1);
            c.mass = at.getOrDefault("mass", -1);
            String[][] choices = {{"xu", "yu", "zu"}, {"xsu", "ysu", "zsu"}, {"x", "y", "z"}, {"xs", "ys", "zs"}};
            int chosen = -1;
            for (int ch = 0; ch < choices.length && chosen < 0; ch++) {
                if (at.containsKey(choices[ch][0]) && at.containsKey(choices[ch][1]) && at.containsKey(choices[ch][2])) chosen = ch;
            }
            if (chosen < 0) throw r.error("'ITEM: ATOMS' has no complete set of position columns (x y z, xu yu zu, xs ys zs or xsu ysu zsu)");
            for (int k = 0; k < 3; k++) c.pos[k] = at.get(choices[chosen][k]);
            c.scaled = chosen == 1 || chosen == 3;
            boolean hasImages = at.containsKey("ix") && at.containsKey("iy") && at.containsKey("iz");
            if (hasImages) {
                c.image[0] = at.get("ix");
                c.image[1] = at.get("iy");
                c.image[2] = at.get("iz");
            }
            if (at.containsKey("fx") && at.containsKey("fy") && at.containsKey("fz")) {
                c.force[0] = at.get("fx");
                c.force[1] = at.get("fy");
                c.force[2] = at.get("fz");
            }
            c.kind = chosen <= 1 ? PositionKind.UNWRAPPED : hasImages ? PositionKind.WRAPPED_WITH_IMAGES : PositionKind.WRAPPED;
            return c;
        }
    }

    /** Counts bytes for progress bars. */
    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) { super(in); }

        @Override public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override public int read(byte[] b, int off, int len) throws IOException {
            int r = super.read(b, off, len);
            if (r > 0) count += r;
            return r;
        }

        @Override public long skip(long n) throws IOException {
            long s = super.skip(n);
            count += s;
            return s;
        }
    }
}
