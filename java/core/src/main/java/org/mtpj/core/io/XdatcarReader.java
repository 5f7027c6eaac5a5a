package org.mtpj.core.io;

import java.util.List;
import java.util.function.Consumer;
import org.mtpj.core.model.Cell;

/**
 * Streams a VASP XDATCAR: a header (comment, scale, lattice, symbols, counts) and then blocks
 * "Direct configuration= k" + N rows; for variable-cell runs the header is repeated before each
 * block. Step of a frame = k. A truncated last block gives a warning and ends the stream.
 */
public final class XdatcarReader implements TrajectoryReader {
    private final TextLines in;
    private final Consumer<String> warnings;
    private final List<String> symbolsIfMissing;
    private final long total;
    private PoscarReader.Header header;
    private boolean done;
    private int complete;
    private long bytesEstimate;

    /** Reads from lines; {@code totalBytes} (or -1) is the file's size for progress. */
    public XdatcarReader(TextLines in, long totalBytes, List<String> symbolsIfMissing, Consumer<String> warnings) {
        this.in = in;
        this.warnings = warnings;
        this.symbolsIfMissing = symbolsIfMissing;
        this.total = totalBytes;
    }

    /** Reads from lines of unknown length (tests, fuzzing). */
    public XdatcarReader(TextLines in, List<String> symbolsIfMissing, Consumer<String> warnings) {
        this(in, -1, symbolsIfMissing, warnings);
    }

    @Override
    public Frame next() {
        if (done) return null;
        try {
            Frame f = readBlock();
            if (f == null) done = true;
            else complete++;
            return f;
        } catch (InputFormatException e) {
            done = true;
            if (header != null && complete > 0 && in.endsInside(e)) {
                warnings.accept("warning: " + e.getMessage() + "; the last configuration is incomplete and was ignored, keeping "
                        + complete + " complete configurations");
                return null;
            }
            throw e;
        }
    }

    private static boolean isBlockLine(String s) {
        String t = s.strip().toLowerCase();
        return t.contains("configuration") && (t.startsWith("direct") || t.startsWith("cartesian"));
    }

    private Frame readBlock() {
        String line = in.nextOrNull();
        while (line != null && line.isBlank()) line = in.nextOrNull();
        if (line == null) {
            if (header == null) throw new InputFormatException(in.file(), 1, "empty file, expected an XDATCAR header");
            return null;
        }
        if (header == null || !isBlockLine(line)) {
            in.pushBack(line);
            header = PoscarReader.readHeader(in, symbolsIfMissing);
            line = in.next("'Direct configuration= k'");
            if (!isBlockLine(line)) throw in.error("expected 'Direct configuration= k', found '" + line.strip() + "'");
        }
        long blockLine = in.lineNo();
        boolean cartesian = line.strip().toLowerCase().startsWith("c");
        String[] t = TextLines.tokens(line.replace('=', ' '));
        long step = complete + 1;
        if (t.length > 0) {
            try { step = Long.parseLong(t[t.length - 1]); } catch (NumberFormatException ignored) { /* keep count */ }
        }
        int n = header.atomCount();
        Cell cell = header.cell();
        double[] pos = new double[3 * n];
        for (int i = 0; i < n; i++) {
            String[] r = TextLines.tokens(in.next("coordinates of atom " + (i + 1) + " of " + n));
            if (r.length < 3) throw in.error("expected 3 coordinates of atom " + (i + 1) + ", found " + r.length);
            double a = in.parseDouble(r[0], "a coordinate"), b = in.parseDouble(r[1], "a coordinate"), c = in.parseDouble(r[2], "a coordinate");
            if (cartesian) {
                pos[3 * i] = a * header.cartesianScale()[0];
                pos[3 * i + 1] = b * header.cartesianScale()[1];
                pos[3 * i + 2] = c * header.cartesianScale()[2];
            } else {
                cell.toCartesian(a, b, c, pos, 3 * i);
            }
        }
        bytesEstimate += 40L * n;
        int[] ids = new int[n], types = new int[n];
        String[] el = new String[n];
        int k = 0;
        int[] counts = header.counts();
        for (int b = 0; b < counts.length; b++)
            for (int c = 0; c < counts[b]; c++) { ids[k] = k + 1; types[k] = b + 1; el[k] = header.symbols().get(b); k++; }
        Frame f = new Frame(in.file(), blockLine, step, cell, new double[3], n, ids, types, el, pos, PositionKind.WRAPPED, null);
        f.rowsLine = blockLine + 1;
        return f;
    }

    @Override public long bytesRead() { return total < 0 ? bytesEstimate : Math.min(bytesEstimate, total); }
    @Override public long totalBytes() { return total; }
    @Override public void close() { in.close(); }
}
