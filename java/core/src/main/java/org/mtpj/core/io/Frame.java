package org.mtpj.core.io;

import java.util.Arrays;
import org.mtpj.core.model.Cell;

/**
 * One trajectory frame as read, rows in file order (not sorted; see {@link #orderById()}).
 * Positions are Cartesian Å ({@code positions[3*row + axis]}); scaled dump columns are already
 * converted with r = origin + s·[a;b;c].
 *
 * <p>{@code types} are LAMMPS types (1-based) or 0 when the file has none; {@code elements}
 * (may be null) are per-row symbols from an {@code element} column or a POSCAR. {@code images}
 * holds ix iy iz per row for {@link PositionKind#WRAPPED_WITH_IMAGES}, else null.
 */
public final class Frame {
    public final String file;
    /** 1-based line of the frame's first line (for messages). */
    public final long line;
    public final long step;
    public final Cell cell;
    public final double[] origin;
    public final int size;
    public final int[] ids;
    public final int[] types;
    public final String[] elements;
    public final double[] positions;
    public final PositionKind kind;
    public final int[] images;
    /** Per-row masses from a dump 'mass' column, or null. */
    public double[] masses;
    /**
     * Per-row forces fx fy fz in eV/Å ({@code forces[3*row + axis]}, the dump's Cartesian frame) when
     * the reader was asked for them ({@link LammpsDumpReader#keepForces()}) and the dump has them, else null.
     */
    public double[] forces;
    /** 1-based line of the first atom row when each row has a line of its own (dump, XYZ, XDATCAR), else 0. */
    public long rowsLine;
    private int[] order;

    public Frame(String file, long line, long step, Cell cell, double[] origin, int size, int[] ids, int[] types,
                 String[] elements, double[] positions, PositionKind kind, int[] images) {
        this.file = file;
        this.line = line;
        this.step = step;
        this.cell = cell;
        this.origin = origin;
        this.size = size;
        this.ids = ids;
        this.types = types;
        this.elements = elements;
        this.positions = positions;
        this.kind = kind;
        this.images = images;
    }

    /** The line of row r for messages: its own line when known, else the frame's first line. */
    public long lineOfRow(int r) {
        return rowsLine > 0 ? rowsLine + r : line;
    }

    /** Row indices sorted by atom id; a repeated id is an error naming the row that repeats it. */
    public int[] orderById() {
        if (order != null) return order;
        long[] key = new long[size];
        for (int r = 0; r < size; r++) key[r] = ((long) ids[r] << 32) | r;
        Arrays.sort(key);
        int[] o = new int[size];
        for (int k = 0; k < size; k++) {
            o[k] = (int) key[k];
            if (k > 0 && (key[k] >> 32) == (key[k - 1] >> 32))
                throw new InputFormatException(file, lineOfRow(Math.max((int) key[k], (int) key[k - 1])),
                        "expected distinct atom ids but id " + (key[k] >> 32) + " appears twice in the frame of step " + step);
        }
        order = o;
        return o;
    }
}
