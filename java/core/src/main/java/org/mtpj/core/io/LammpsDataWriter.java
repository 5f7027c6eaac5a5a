package org.mtpj.core.io;

import org.mtpj.core.UserError;
import org.mtpj.core.model.Configuration;

/**
 * Writes a configuration as a LAMMPS data file ({@code read_data}, atom style atomic): box in
 * LAMMPS' restricted triclinic form (the cell is rotated into it, see {@link LammpsBox}),
 * species t written as LAMMPS type t + 1, positions wrapped into the box with image flags so the
 * unwrapped positions survive, {@code Masses} when element names are given. Numbers are
 * {@code %.16e} (exact).
 */
public final class LammpsDataWriter {
    private LammpsDataWriter() {}

    /**
     * @param typeNames element symbol per species (0-based), or null; also fixes the number of atom types
     * @param typeCount number of atom types to declare (>= 1 + largest type), used when typeNames is null
     */
    public static String format(Configuration c, String[] typeNames, int typeCount, String comment) {
        if (!(c.isPeriodic(0) && c.isPeriodic(1) && c.isPeriodic(2)))
            throw new UserError("a LAMMPS data file needs a 3-D periodic cell; this configuration has "
                    + c.latticeRows + " nonzero Supercell row(s)");
        LammpsBox box = LammpsBox.of(c.lattice);
        int maxType = 0;
        for (int t : c.types) maxType = Math.max(maxType, t);
        int ntypes = typeNames != null ? typeNames.length : Math.max(typeCount, maxType + 1);
        if (maxType >= ntypes)
            throw new UserError("atom type " + maxType + " but only " + ntypes + " species named (--types)");
        StringBuilder sb = new StringBuilder(128 + c.size * 90);
        sb.append(comment == null || comment.isBlank() ? "LAMMPS data file written by mtpj" : comment.replace('\n', ' ')).append("\n\n");
        sb.append(c.size).append(" atoms\n").append(ntypes).append(" atom types\n\n");
        sb.append("0.0 ");
        CNumbers.appendSci(sb, box.lx(), 16);
        sb.append(" xlo xhi\n0.0 ");
        CNumbers.appendSci(sb, box.ly(), 16);
        sb.append(" ylo yhi\n0.0 ");
        CNumbers.appendSci(sb, box.lz(), 16);
        sb.append(" zlo zhi\n");
        if (box.triclinic()) {
            CNumbers.appendSci(sb, box.xy(), 16);
            sb.append(' ');
            CNumbers.appendSci(sb, box.xz(), 16);
            sb.append(' ');
            CNumbers.appendSci(sb, box.yz(), 16);
            sb.append(" xy xz yz\n");
        }
        if (typeNames != null) {
            boolean all = true;
            for (String n : typeNames) all &= !Double.isNaN(AtomicMasses.of(n));
            if (all) {
                sb.append("\nMasses\n\n");
                for (int t = 0; t < ntypes; t++) sb.append(t + 1).append(' ').append(AtomicMasses.of(typeNames[t])).append(" # ").append(typeNames[t]).append('\n');
            }
        }
        sb.append("\nAtoms # atomic\n\n");
        double[][] m = box.lammpsLattice();
        for (int i = 0; i < c.size; i++) {
            double[] f = box.fractional(c.positions[3 * i], c.positions[3 * i + 1], c.positions[3 * i + 2]);
            int[] img = new int[3];
            for (int k = 0; k < 3; k++) {
                img[k] = (int) Math.floor(f[k]);
                f[k] -= img[k];
                if (f[k] >= 1) { f[k] -= 1; img[k]++; } // rounding at the upper edge
            }
            sb.append(i + 1).append(' ').append(c.types[i] + 1);
            for (int k = 0; k < 3; k++) {
                double x = f[0] * m[0][k] + f[1] * m[1][k] + f[2] * m[2][k];
                sb.append(' ');
                CNumbers.appendSci(sb, x, 16);
            }
            sb.append(' ').append(img[0]).append(' ').append(img[1]).append(' ').append(img[2]).append('\n');
        }
        return sb.toString();
    }
}
