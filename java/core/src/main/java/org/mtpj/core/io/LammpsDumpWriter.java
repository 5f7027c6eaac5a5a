package org.mtpj.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.mtpj.core.UserError;
import org.mtpj.core.model.Configuration;

/**
 * Writes configurations as frames of one LAMMPS text dump ({@code id type x y z ix iy iz}, plus
 * {@code fx fy fz} when every frame has forces), for viewers such as OVITO and for mtpj's own
 * trajectory tools. The cell is rotated into LAMMPS' restricted triclinic form
 * ({@link LammpsBox}); positions are wrapped into it with image flags, so unwrapped positions
 * survive; species t is LAMMPS type t + 1. Numbers {@code %.16e}. The timestep is taken from a
 * {@code dump_step_N} source feature when present, else the frame's index.
 *
 * <p>Written to an {@link OutputTarget} (the host's atomic file output): it appears only at {@link #commit()}.
 */
public final class LammpsDumpWriter implements AutoCloseable {
    private final OutputTarget file;
    private final Writer out;
    private final boolean forces;
    private int frames;

    private LammpsDumpWriter(OutputTarget file, boolean forces) {
        this.file = file;
        this.out = file.writer(StandardCharsets.ISO_8859_1);
        this.forces = forces;
    }

    /** Writes frames to target; withForces adds fx fy fz columns (every frame must have forces). */
    public static LammpsDumpWriter to(OutputTarget target, boolean withForces) {
        return new LammpsDumpWriter(target, withForces);
    }

    public void write(Configuration c) {
        if (!(c.isPeriodic(0) && c.isPeriodic(1) && c.isPeriodic(2)))
            throw new UserError("a LAMMPS dump needs a 3-D periodic cell; configuration " + (frames + 1) + " has "
                    + c.latticeRows + " Supercell row(s)");
        if (forces && c.forces == null) throw new UserError("configuration " + (frames + 1) + " has no forces for the fx fy fz columns");
        LammpsBox box = LammpsBox.of(c.lattice);
        long step = frames;
        String src = c.features.get("source");
        if (src != null && src.startsWith("dump_step_")) {
            try { step = Long.parseLong(src.substring(10)); } catch (NumberFormatException ignored) { }
        }
        StringBuilder sb = new StringBuilder(256 + c.size * 120);
        sb.append("ITEM: TIMESTEP\n").append(step).append("\nITEM: NUMBER OF ATOMS\n").append(c.size).append('\n');
        double xy = box.xy(), xz = box.xz(), yz = box.yz();
        if (box.triclinic()) {
            sb.append("ITEM: BOX BOUNDS xy xz yz pp pp pp\n");
            bound(sb, Math.min(Math.min(0, xy), Math.min(xz, xy + xz)), box.lx() + Math.max(Math.max(0, xy), Math.max(xz, xy + xz)), xy);
            bound(sb, Math.min(0, yz), box.ly() + Math.max(0, yz), xz);
            bound(sb, 0, box.lz(), yz);
        } else {
            sb.append("ITEM: BOX BOUNDS pp pp pp\n");
            bound(sb, 0, box.lx(), Double.NaN);
            bound(sb, 0, box.ly(), Double.NaN);
            bound(sb, 0, box.lz(), Double.NaN);
        }
        sb.append(forces ? "ITEM: ATOMS id type x y z ix iy iz fx fy fz\n" : "ITEM: ATOMS id type x y z ix iy iz\n");
        double[][] m = box.lammpsLattice();
        // forces rotate with the cell: F' = F · R^T, with R the rotation taking the lattice to m
        double[][] rot = rotation(box);
        for (int i = 0; i < c.size; i++) {
            double[] f = box.fractional(c.positions[3 * i], c.positions[3 * i + 1], c.positions[3 * i + 2]);
            int[] img = new int[3];
            for (int k = 0; k < 3; k++) {
                img[k] = (int) Math.floor(f[k]);
                f[k] -= img[k];
                if (f[k] >= 1) { f[k] -= 1; img[k]++; }
            }
            sb.append(c.ids[i]).append(' ').append(c.types[i] + 1);
            for (int k = 0; k < 3; k++) {
                sb.append(' ');
                CNumbers.appendSci(sb, f[0] * m[0][k] + f[1] * m[1][k] + f[2] * m[2][k], 16);
            }
            sb.append(' ').append(img[0]).append(' ').append(img[1]).append(' ').append(img[2]);
            if (forces) {
                double fx = c.forces[3 * i], fy = c.forces[3 * i + 1], fz = c.forces[3 * i + 2];
                for (int k = 0; k < 3; k++) {
                    sb.append(' ');
                    CNumbers.appendSci(sb, rot[k][0] * fx + rot[k][1] * fy + rot[k][2] * fz, 16);
                }
            }
            sb.append('\n');
        }
        try {
            out.append(sb);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file.name() + ": " + e.getMessage(), e);
        }
        frames++;
    }

    /** R with R·a_orig = a_lammps for every lattice vector: R = M'^T · (M^T)^-1 (rows of M are vectors). */
    private static double[][] rotation(LammpsBox box) {
        double[][] mp = box.lammpsLattice(), inv = box.inverse();
        double[][] r = new double[3][3];
        // R[k][j] = sum_l M'[l][k] * inv[j][l]   (inv = M^-1, so (M^T)^-1 = inv^T)
        for (int k = 0; k < 3; k++)
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int l = 0; l < 3; l++) s += mp[l][k] * inv[j][l];
                r[k][j] = s;
            }
        return r;
    }

    private static void bound(StringBuilder sb, double lo, double hi, double tilt) {
        CNumbers.appendSci(sb, lo, 16);
        sb.append(' ');
        CNumbers.appendSci(sb, hi, 16);
        if (!Double.isNaN(tilt)) {
            sb.append(' ');
            CNumbers.appendSci(sb, tilt, 16);
        }
        sb.append('\n');
    }

    public int count() { return frames; }

    /** Every frame is written: the file appears at its path. */
    public void commit() { file.commit(); }

    /** Without a commit, discards the file (the path keeps what it held). */
    @Override
    public void close() { file.close(); }
}
