package org.mtpj.analysis.traj;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.mtpj.core.io.ExtendedXyzReader;
import org.mtpj.core.io.Frame;
import org.mtpj.core.io.InputFormatException;
import org.mtpj.core.io.PositionKind;
import org.mtpj.core.model.Cell;
import org.mtpj.core.model.Configuration;
import org.mtpj.host.InputFiles;

/**
 * An extended XYZ file as a trajectory: core's {@link ExtendedXyzReader} (the one extxyz parser,
 * also behind {@code convert}) gives each frame as a configuration; this turns it into a
 * {@link Frame} of a periodic cell (a frame without {@code Lattice} and {@code pbc} all true is an
 * error: MSD and LRO need the cell). Step = the comment line's {@code step=}/{@code Timestep=}, else
 * the frame index; types are numbered from 1 in order of first appearance of the species.
 */
public final class ExtxyzReader implements org.mtpj.core.io.TrajectoryReader {
    private final ExtendedXyzReader in;
    private final String file;
    private final long total;
    private long bytes;
    private int index;

    public ExtxyzReader(Path file, Consumer<String> warnings) {
        this(InputFiles.openReader(file, StandardCharsets.ISO_8859_1), file.toString(), warnings, size(file));
    }

    public ExtxyzReader(Reader reader, String file, Consumer<String> warnings, long total) {
        this.in = ExtendedXyzReader.of(reader, file, warnings);
        this.file = file;
        this.total = total;
    }

    private static long size(Path p) {
        try { return Files.size(p); } catch (Exception e) { return -1; }
    }

    @Override
    public Frame next() {
        Configuration c = in.next();
        if (c == null) {
            if (index == 0) throw new InputFormatException(file, 1, "empty file, expected the atom count of an extended XYZ frame");
            return null;
        }
        long line = in.frameLine();
        if (!(c.isPeriodic(0) && c.isPeriodic(1) && c.isPeriodic(2)))
            throw new InputFormatException(file, line + 1, "no Lattice=\"...\" with pbc=\"T T T\" (a trajectory needs a periodic cell)");
        Cell cell;
        try {
            cell = new Cell(new double[][] {c.lattice[0].clone(), c.lattice[1].clone(), c.lattice[2].clone()});
        } catch (IllegalArgumentException e) {
            throw new InputFormatException(file, line + 1, "the Lattice vectors span zero volume");
        }
        long step = index;
        for (Map.Entry<String, String> f : c.features.entrySet()) {
            String key = f.getKey().toLowerCase(Locale.ROOT);
            if (key.equals("step") || key.equals("timestep")) {
                try {
                    step = Long.parseLong(f.getValue().trim());
                } catch (NumberFormatException e) {
                    throw new InputFormatException(file, line + 1, "expected an integer " + key + ", found '" + f.getValue() + "'");
                }
            }
        }
        int n = c.size;
        List<String> species = in.elements();
        int[] ids = new int[n], types = new int[n];
        String[] elements = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i + 1;
            types[i] = c.types[i] + 1;
            elements[i] = species.get(c.types[i]);
        }
        Frame frame = new Frame(file, line, step, cell, new double[3], n, ids, types, elements, c.positions.clone(), PositionKind.WRAPPED, null);
        frame.rowsLine = line + 2;
        bytes += 60L * n;
        index++;
        return frame;
    }

    @Override public long bytesRead() { return total < 0 ? bytes : Math.min(bytes, total); }
    @Override public long totalBytes() { return total; }
    @Override public void close() { in.close(); }
}
