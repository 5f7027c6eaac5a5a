package org.mtpj.cli.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtpj.core.io.InputFormatException;

/**
 * The few .cfg fields the demo report needs (cell, types, positions, forces, energy, PlusStress,
 * features), read from the lossless text files the demo itself writes or that {@code mtpj calc-efs}
 * writes. Not a general .cfg reader: it accepts the {@code id type cartes_x cartes_y cartes_z [fx fy fz]}
 * column layout only and says so otherwise.
 */
record DemoCfg(int size, double[] cell, int[] types, double[] positions, double[] forces,
               Double energy, double[] plusStress, Map<String, String> features) {

    /** Every configuration of a file, in file order. */
    static List<DemoCfg> readAll(Path file) throws IOException {
        List<DemoCfg> all = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file)) {
            String name = file.toString();
            String line;
            long ln = 0;
            int n = -1;
            double[] cell = null, pos = null, f = null, ps = null;
            int[] types = null;
            Double energy = null;
            Map<String, String> feat = null;
            boolean inside = false;
            while ((line = in.readLine()) != null) {
                ln++;
                String t = line.strip();
                if (t.isEmpty()) continue;
                if (t.equals("BEGIN_CFG")) {
                    inside = true; n = -1; cell = new double[9]; pos = null; f = null; ps = null; types = null;
                    energy = null; feat = new LinkedHashMap<>();
                    continue;
                }
                if (!inside) throw new InputFormatException(name, ln, "expected BEGIN_CFG");
                if (t.equals("END_CFG")) {
                    if (n < 0 || pos == null) throw new InputFormatException(name, ln, "configuration without Size or AtomData");
                    all.add(new DemoCfg(n, cell, types, pos, f, energy, ps, feat));
                    inside = false;
                    continue;
                }
                if (t.equals("Size")) { n = (int) number(name, ++ln, in.readLine(), 0); continue; }
                if (t.equals("Supercell") || t.equals("SuperCell")) {
                    for (int r = 0; r < 3; r++) {
                        String row = in.readLine(); ln++;
                        String[] w = words(row);
                        for (int c = 0; c < 3; c++) cell[3 * r + c] = parse(name, ln, w, c);
                    }
                    continue;
                }
                if (t.startsWith("AtomData:")) {
                    String[] cols = words(t.substring("AtomData:".length()));
                    boolean withForces = cols.length >= 8 && cols[5].equals("fx");
                    if (cols.length < 5 || !cols[0].equals("id") || !cols[1].equals("type") || !cols[2].equals("cartes_x"))
                        throw new InputFormatException(name, ln, "demo reader expects AtomData: id type cartes_x cartes_y cartes_z [fx fy fz]");
                    if (n < 0) throw new InputFormatException(name, ln, "Size must precede AtomData");
                    types = new int[n]; pos = new double[3 * n]; f = withForces ? new double[3 * n] : null;
                    for (int i = 0; i < n; i++) {
                        String[] w = words(in.readLine()); ln++;
                        if (w.length < cols.length) throw new InputFormatException(name, ln, cols.length + " numbers per atom row");
                        types[i] = (int) parse(name, ln, w, 1);
                        for (int c = 0; c < 3; c++) pos[3 * i + c] = parse(name, ln, w, 2 + c);
                        if (f != null) for (int c = 0; c < 3; c++) f[3 * i + c] = parse(name, ln, w, 5 + c);
                    }
                    continue;
                }
                if (t.equals("Energy")) { energy = number(name, ++ln, in.readLine(), 0); continue; }
                if (t.startsWith("PlusStress:")) {
                    String[] cols = words(t.substring("PlusStress:".length()));
                    String[] w = words(in.readLine()); ln++;
                    ps = new double[6];   // xx yy zz yz xz xy
                    List<String> order = List.of("xx", "yy", "zz", "yz", "xz", "xy");
                    for (int c = 0; c < cols.length; c++) {
                        int k = order.indexOf(cols[c]);
                        if (k < 0) throw new InputFormatException(name, ln - 1, "PlusStress component xx yy zz yz xz xy, got " + cols[c]);
                        ps[k] = parse(name, ln, w, c);
                    }
                    continue;
                }
                if (t.startsWith("Feature")) {
                    String rest = t.substring("Feature".length()).strip();
                    int tab = rest.indexOf('\t');
                    int sp = tab >= 0 ? tab : rest.indexOf(' ');
                    if (sp < 0) feat.put(rest, "");
                    else feat.merge(rest.substring(0, sp), rest.substring(sp + 1), (a, b) -> a + "\n" + b);
                    continue;
                }
                throw new InputFormatException(name, ln, "unexpected line in configuration: " + t);
            }
            if (inside) throw new InputFormatException(name, ln, "file ends inside a configuration (no END_CFG)");
        }
        return all;
    }

    /** Cell volume |det| (Å^3). */
    double volume() {
        double[] c = cell;
        return Math.abs(c[0] * (c[4] * c[8] - c[5] * c[7]) - c[1] * (c[3] * c[8] - c[5] * c[6]) + c[2] * (c[3] * c[7] - c[4] * c[6]));
    }

    private static String[] words(String s) {
        if (s == null) return new String[0];
        String t = s.strip();
        return t.isEmpty() ? new String[0] : t.split("\\s+");
    }

    private static double number(String file, long ln, String line, int k) {
        return parse(file, ln, words(line), k);
    }

    private static double parse(String file, long ln, String[] w, int k) {
        if (k >= w.length) throw new InputFormatException(file, ln, "expected a number in column " + (k + 1));
        try {
            return Double.parseDouble(w[k]);
        } catch (NumberFormatException e) {
            throw new InputFormatException(file, ln, "expected a number, got '" + w[k] + "'");
        }
    }
}
