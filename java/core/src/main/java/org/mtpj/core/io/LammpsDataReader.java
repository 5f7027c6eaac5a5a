package org.mtpj.core.io;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mtpj.core.model.Configuration;

/**
 * Reads a LAMMPS data file ({@code write_data}/{@code read_data} format) into a configuration:
 * header counts, box (with tilt factors), {@code Masses} (element names from their comments are
 * kept in {@link #typeNames}), and {@code Atoms} in style atomic ({@code id type x y z}),
 * charge ({@code id type q x y z}) or full/molecular (with a molecule id), optional image flags
 * applied (r + i·a). The style is taken from the {@code # style} comment, else from the column
 * count. Other sections (Velocities, Bonds, …) are skipped. LAMMPS type t becomes species t − 1;
 * atoms are sorted by id and renumbered 1..N.
 */
public final class LammpsDataReader {
    /** Element names from "Masses" comments (type t at index t − 1), or null entries. */
    public final String[] typeNames;
    public final Configuration configuration;
    /** Line of each atom's row in the Atoms section, in the configuration's (id) order: for messages. */
    public final long[] atomLines;

    private LammpsDataReader(String[] names, Configuration c, long[] atomLines) {
        this.typeNames = names;
        this.atomLines = atomLines;
        this.configuration = c;
    }

    private static boolean isSection(String s) {
        return switch (s) {
            case "Atoms", "Velocities", "Masses", "Bonds", "Angles", "Dihedrals", "Impropers", "Ellipsoids", "Lines",
                 "Triangles", "Bodies", "Pair Coeffs", "PairIJ Coeffs", "Bond Coeffs", "Angle Coeffs", "Dihedral Coeffs",
                 "Improper Coeffs", "BondBond Coeffs", "BondAngle Coeffs", "MiddleBondTorsion Coeffs",
                 "EndBondTorsion Coeffs", "AngleTorsion Coeffs", "AngleAngleTorsion Coeffs", "BondBond13 Coeffs",
                 "AngleAngle Coeffs" -> true;
            default -> false;
        };
    }

    public static LammpsDataReader parse(List<String> lines, String file) {
        long natoms = -1, natomsLine = 0;
        int ntypes = -1;
        double xlo = 0, xhi = 0, ylo = 0, yhi = 0, zlo = 0, zhi = 0, xy = 0, xz = 0, yz = 0;
        boolean bx = false, by = false, bz = false;
        int i = 1; // line 1 is a comment
        for (; i < lines.size(); i++) {
            String raw = lines.get(i);
            String s = strip(raw);
            if (s.isEmpty()) continue;
            if (isSection(s) || isSection(s.split("\\s+")[0])) break;
            String[] w = s.split("\\s+");
            try {
                if (s.endsWith(" atoms") && w.length == 2) { natoms = Long.parseLong(w[0]); natomsLine = i + 1; }
                else if (s.endsWith(" atom types") && w.length == 3) ntypes = Integer.parseInt(w[0]);
                else if (s.endsWith("xlo xhi") && w.length == 4) { xlo = num(w[0]); xhi = bound(xlo, w[1], "xhi > xlo", s, file, i + 1); bx = true; }
                else if (s.endsWith("ylo yhi") && w.length == 4) { ylo = num(w[0]); yhi = bound(ylo, w[1], "yhi > ylo", s, file, i + 1); by = true; }
                else if (s.endsWith("zlo zhi") && w.length == 4) { zlo = num(w[0]); zhi = bound(zlo, w[1], "zhi > zlo", s, file, i + 1); bz = true; }
                else if (s.endsWith("xy xz yz") && w.length == 6) { xy = num(w[0]); xz = num(w[1]); yz = num(w[2]); }
                // other header lines (bonds, extra/atom, ellipsoids...) are irrelevant here
            } catch (NumberFormatException e) {
                throw new InputFormatException(file, i + 1, "expected numbers in the header line but found '" + s + "'");
            }
        }
        if (natoms < 0) throw new InputFormatException(file, i + 1, "expected an 'N atoms' header line before the sections");
        if (natoms > 200_000_000) throw new InputFormatException(file, natomsLine, "expected at most 200000000 atoms but found " + natoms);
        if (ntypes < 1) throw new InputFormatException(file, i + 1, "expected an 'N atom types' header line before the sections");
        if (!(bx && by && bz)) throw new InputFormatException(file, i + 1, "expected xlo xhi, ylo yhi and zlo zhi box lines in the header");
        LammpsBox box = LammpsBox.lammps(xhi - xlo, yhi - ylo, zhi - zlo, xy, xz, yz);
        String[] names = new String[ntypes];
        Map<Long, double[]> atoms = new TreeMap<>();
        Map<Long, Integer> types = new TreeMap<>();
        Map<Long, Long> rowLines = new TreeMap<>();
        boolean sawAtoms = false;
        while (i < lines.size()) {
            String s = strip(lines.get(i));
            if (s.isEmpty()) { i++; continue; }
            String head = lines.get(i).trim();
            String section = s;
            String style = null;
            int hash = head.indexOf('#');
            if (hash >= 0) style = head.substring(hash + 1).trim();
            if (!isSection(section)) throw new InputFormatException(file, i + 1, "expected a section name (Masses, Atoms, Velocities, ...) but found '" + s + "'");
            long sectionLine = i + 1;
            i++;
            // section body: until the next section name
            int start = i;
            while (i < lines.size() && !isSection(strip(lines.get(i)))) i++;
            if (section.equals("Masses")) {
                for (int k = start; k < i; k++) {
                    String l = lines.get(k).trim();
                    if (l.isEmpty()) continue;
                    String[] w = strip(l).split("\\s+");
                    int t = parseInt(w[0], file, k + 1, "a type number in Masses");
                    if (t < 1 || t > ntypes) throw new InputFormatException(file, k + 1, "expected a type 1.." + ntypes + " in Masses but found " + t);
                    int h = l.indexOf('#');
                    if (h >= 0 && !l.substring(h + 1).isBlank()) names[t - 1] = l.substring(h + 1).trim().split("\\s+")[0];
                }
            } else if (section.equals("Atoms")) {
                sawAtoms = true;
                for (int k = start; k < i; k++) {
                    String l = strip(lines.get(k));
                    if (l.isEmpty()) continue;
                    String[] w = l.split("\\s+");
                    int n = w.length;
                    String st = style != null ? style.split("\\s+")[0] : switch (n) {
                        case 5, 8 -> "atomic";
                        case 6, 9 -> "charge";
                        case 7, 10 -> "full";
                        default -> throw new InputFormatException(file, k + 1, "expected 5-10 columns in an Atoms line (atomic, charge or full style) but found " + n);
                    };
                    int typeCol, xCol;
                    switch (st) {
                        case "atomic" -> { typeCol = 1; xCol = 2; }
                        case "charge" -> { typeCol = 1; xCol = 3; }
                        case "full" -> { typeCol = 2; xCol = 4; }
                        case "molecular", "bond", "angle" -> { typeCol = 2; xCol = 3; }
                        default -> throw new InputFormatException(file, sectionLine, "atom style '" + st + "' is not supported (atomic, charge, full, molecular)");
                    }
                    if (n != xCol + 3 && n != xCol + 6)
                        throw new InputFormatException(file, k + 1, "expected " + (xCol + 3) + " or " + (xCol + 6) + " columns for atom style " + st + " but found " + n);
                    long id = parseInt(w[0], file, k + 1, "an atom id");
                    if (id < 1) throw new InputFormatException(file, k + 1, "expected a positive atom id but found " + id);
                    int t = parseInt(w[typeCol], file, k + 1, "an atom type");
                    if (t < 1 || t > ntypes) throw new InputFormatException(file, k + 1, "expected an atom type 1.." + ntypes + " but found " + t);
                    double[] r = new double[3];
                    for (int a = 0; a < 3; a++) r[a] = number(w[xCol + a], file, k + 1);
                    r[0] -= xlo; r[1] -= ylo; r[2] -= zlo;
                    if (n == xCol + 6) {
                        double[][] m = box.lattice();
                        for (int a = 0; a < 3; a++) {
                            int img = parseInt(w[xCol + 3 + a], file, k + 1, "an image flag");
                            for (int ax = 0; ax < 3; ax++) r[ax] += img * m[a][ax];
                        }
                    }
                    if (atoms.put(id, r) != null) throw new InputFormatException(file, k + 1, "expected distinct atom ids but id " + id + " repeats");
                    types.put(id, t - 1);
                    rowLines.put(id, k + 1L);
                }
            }
        }
        if (!sawAtoms) throw new InputFormatException(file, lines.size(), "expected an Atoms section");
        if (atoms.size() != natoms)
            throw new InputFormatException(file, natomsLine, "expected " + natoms + " atoms (this header line) but the Atoms section has " + atoms.size());
        Configuration c = new Configuration((int) natoms);
        c.latticeRows = 3;
        double[][] m = box.lattice();
        for (int r = 0; r < 3; r++) c.lattice[r] = m[r].clone();
        long[] lineOf = new long[(int) natoms];
        int k = 0;
        for (Map.Entry<Long, double[]> e : atoms.entrySet()) {
            System.arraycopy(e.getValue(), 0, c.positions, 3 * k, 3);
            c.types[k] = types.get(e.getKey());
            lineOf[k] = rowLines.get(e.getKey());
            k++;
        }
        return new LammpsDataReader(names, c, lineOf);
    }

    private static String strip(String l) {
        int h = l.indexOf('#');
        return (h >= 0 ? l.substring(0, h) : l).trim();
    }

    private static double num(String w) {
        if (!CNumbers.isDecimal(w)) throw new NumberFormatException(w);
        return Double.parseDouble(w);
    }

    /** The upper bound of a box line, which must exceed the lower one (LAMMPS refuses such a box too). */
    private static double bound(double lo, String w, String expected, String line, String file, long lineNo) {
        double hi = num(w);
        if (!(hi > lo)) throw new InputFormatException(file, lineNo, "expected " + expected + " but found '" + line + "'");
        return hi;
    }

    private static double number(String w, String file, long line) {
        if (!CNumbers.isDecimal(w)) throw new InputFormatException(file, line, "expected a coordinate but found '" + w + "'");
        double v = Double.parseDouble(w);
        if (!Double.isFinite(v)) throw new InputFormatException(file, line, "expected a finite coordinate but found '" + w + "'");
        return v;
    }

    private static int parseInt(String w, String file, long line, String what) {
        if (!CNumbers.isInteger(w) || w.length() > 10) throw new InputFormatException(file, line, "expected " + what + " but found '" + w + "'");
        long v = Long.parseLong(w.startsWith("+") ? w.substring(1) : w);
        if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) throw new InputFormatException(file, line, "expected " + what + " but found '" + w + "'");
        return (int) v;
    }
}
