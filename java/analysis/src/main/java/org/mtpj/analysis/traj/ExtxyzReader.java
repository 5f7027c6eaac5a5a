package org.mtpj.analysis.traj;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.mtpj.core.io.Frame;
import org.mtpj.core.io.InputFormatException;
import org.mtpj.core.io.PositionKind;
import org.mtpj.core.io.TextLines;
import org.mtpj.core.io.TrajectoryReader;
import org.mtpj.core.model.Cell;
import org.mtpj.host.InputFiles;

/**
 * Streams an extended XYZ file: per frame a line with N, a comment line of key=value pairs with
 * {@code Lattice="ax ay az bx by bz cx cy cz"} (required: periodic cells only) and
 * {@code Properties=name:type:count:...} (needs species:S:1 and pos:R:3; other properties skipped),
 * then N rows. Step = {@code step=}/{@code Timestep=} if present, else the frame index. A truncated
 * last frame gives a warning and ends the stream.
 */
public final class ExtxyzReader implements TrajectoryReader {
    private final TextLines in;
    private final Consumer<String> warnings;
    private final long total;
    private boolean done;
    private int complete;
    private long bytes;

    public ExtxyzReader(Path file, Consumer<String> warnings) {
        this(InputFiles.openLines(file), warnings, size(file));
    }

    public ExtxyzReader(TextLines in, Consumer<String> warnings, long total) {
        this.in = in;
        this.warnings = warnings;
        this.total = total;
    }

    private static long size(Path p) {
        try { return Files.size(p); } catch (Exception e) { return -1; }
    }

    @Override
    public Frame next() {
        if (done) return null;
        try {
            Frame f = read();
            if (f == null) {
                done = true;
                if (complete == 0) throw new InputFormatException(in.file(), 1, "empty file, expected the atom count of an extended XYZ frame");
            } else {
                complete++;
            }
            return f;
        } catch (InputFormatException e) {
            done = true;
            if (complete > 0 && in.endsInside(e)) {
                warnings.accept("warning: " + e.getMessage() + "; the last frame is incomplete and was ignored, keeping " + complete + " complete frames");
                return null;
            }
            throw e;
        }
    }

    private Frame read() {
        String first = in.nextOrNull();
        while (first != null && first.isBlank()) first = in.nextOrNull();
        if (first == null) return null;
        long frameLine = in.lineNo();
        String[] t = TextLines.tokens(first);
        if (t.length != 1) throw in.error("expected the number of atoms alone on the line");
        long nl = in.parseLong(t[0], "the number of atoms");
        if (nl < 1 || nl > 200_000_000L) throw in.error("implausible number of atoms " + nl);
        int n = (int) nl;
        Map<String, String> kv = keyValues(in.next("the extended XYZ comment line (Lattice=..., Properties=...)"));
        String lat = kv.get("lattice");
        if (lat == null) throw in.error("no Lattice=\"...\" on the comment line (periodic cells only)");
        String[] lt = TextLines.tokens(lat);
        if (lt.length != 9) throw in.error("Lattice needs 9 numbers, found " + lt.length);
        double[][] rows = new double[3][3];
        for (int k = 0; k < 9; k++) rows[k / 3][k % 3] = in.parseDouble(lt[k], "a lattice component");
        Cell cell;
        try {
            cell = new Cell(rows);
        } catch (IllegalArgumentException e) {
            throw in.error("the Lattice vectors span zero volume");
        }
        String props = kv.getOrDefault("properties", "species:S:1:pos:R:3");
        String[] p = props.split(":");
        if (p.length % 3 != 0) throw in.error("Properties must be name:type:count triples, found '" + props + "'");
        int col = 0, speciesCol = -1, posCol = -1, columns = 0;
        for (int k = 0; k < p.length; k += 3) {
            int count;
            try { count = Integer.parseInt(p[k + 2]); } catch (NumberFormatException e) { throw in.error("bad column count in Properties: '" + p[k + 2] + "'"); }
            if (count < 1 || count > 1000) throw in.error("bad column count in Properties: " + count);
            String name = p[k].toLowerCase();
            if (name.equals("species")) speciesCol = col;
            if (name.equals("pos")) {
                if (count != 3) throw in.error("pos must have 3 columns");
                posCol = col;
            }
            col += count;
        }
        columns = col;
        if (speciesCol < 0 || posCol < 0) throw in.error("Properties must contain species:S:1 and pos:R:3");
        long step = complete;
        for (String key : new String[] {"step", "timestep"}) {
            if (kv.containsKey(key)) step = in.parseLong(kv.get(key), key);
        }
        int[] ids = new int[Math.min(n, 1 << 16)];
        List<String> el = new ArrayList<>();
        double[] pos = new double[3 * ids.length];
        for (int i = 0; i < n; i++) {
            if (i == ids.length) {
                int cap = (int) Math.min(n, 2L * ids.length);
                ids = java.util.Arrays.copyOf(ids, cap);
                pos = java.util.Arrays.copyOf(pos, 3 * cap);
            }
            String[] r = TextLines.tokens(in.next("atom row " + (i + 1) + " of " + n));
            if (r.length != columns) throw in.error("expected " + columns + " columns in atom row " + (i + 1) + ", found " + r.length);
            ids[i] = i + 1;
            el.add(r[speciesCol].intern());
            for (int k = 0; k < 3; k++) pos[3 * i + k] = in.parseDouble(r[posCol + k], "a coordinate");
        }
        bytes += 60L * n;
        int[] types = new int[n];
        List<String> order = new ArrayList<>();
        String[] elements = el.toArray(new String[0]);
        for (int i = 0; i < n; i++) {
            int k = order.indexOf(elements[i]);
            if (k < 0) { order.add(elements[i]); k = order.size() - 1; }
            types[i] = k + 1;
        }
        Frame f = new Frame(in.file(), frameLine, step, cell, new double[3], n, java.util.Arrays.copyOf(ids, n), types, elements,
                java.util.Arrays.copyOf(pos, 3 * n), PositionKind.WRAPPED, null);
        f.rowsLine = frameLine + 2;
        return f;
    }

    /** key=value pairs, values optionally in double quotes; keys lower-cased. */
    static Map<String, String> keyValues(String line) {
        Map<String, String> m = new HashMap<>();
        int i = 0, n = line.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(line.charAt(i))) i++;
            int ks = i;
            while (i < n && line.charAt(i) != '=' && !Character.isWhitespace(line.charAt(i))) i++;
            String key = line.substring(ks, i).toLowerCase();
            if (i >= n || line.charAt(i) != '=') {
                if (!key.isEmpty()) m.put(key, "T");
                continue;
            }
            i++;
            String value;
            if (i < n && line.charAt(i) == '"') {
                int e = line.indexOf('"', i + 1);
                if (e < 0) e = n;
                value = line.substring(i + 1, e);
                i = Math.min(n, e + 1);
            } else {
                int vs = i;
                while (i < n && !Character.isWhitespace(line.charAt(i))) i++;
                value = line.substring(vs, i);
            }
            m.put(key, value);
        }
        return m;
    }

    @Override public long bytesRead() { return total < 0 ? bytes : Math.min(bytes, total); }
    @Override public long totalBytes() { return total; }
    @Override public void close() { in.close(); }
}
