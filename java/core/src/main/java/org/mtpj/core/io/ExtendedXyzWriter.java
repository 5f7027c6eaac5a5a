package org.mtpj.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import org.mtpj.core.UserError;
import org.mtpj.core.model.Configuration;

/**
 * Writes configurations as extended XYZ frames in ASE's conventions (what {@link ExtendedXyzReader}
 * reads): {@code Lattice="..."} and {@code pbc="T T T"} for a 3-D cell (neither for a cluster),
 * {@code Properties=species:S:1:pos:R:3[:forces:R:3]}, {@code energy=} (eV) and {@code stress=}
 * (9 numbers, eV/Å³, ASE's sign: stress = −PlusStress / V), features as {@code key=value}. Numbers are the shortest decimal
 * that reads back as the same double. The caller owns the writer (e.g. an {@link AtomicOutput}'s).
 */
public final class ExtendedXyzWriter {
    private final Writer out;
    private final List<String> elements;

    /** elements names species 0, 1, ... */
    public ExtendedXyzWriter(Writer out, List<String> elements) {
        this.out = out;
        this.elements = elements;
    }

    public void write(Configuration c) {
        StringBuilder sb = new StringBuilder(256 + 120 * c.size);
        sb.append(c.size).append('\n');
        boolean periodic = c.isPeriodic(0) && c.isPeriodic(1) && c.isPeriodic(2);
        if (!periodic && c.latticeRows > 0 && (c.isPeriodic(0) || c.isPeriodic(1) || c.isPeriodic(2)))
            throw new UserError("extended XYZ output holds 3-D periodic cells or clusters; this configuration has " + c.latticeRows + " Supercell row(s)");
        if (periodic) {
            sb.append("Lattice=\"");
            for (int r = 0; r < 3; r++) for (int k = 0; k < 3; k++) sb.append(r + k > 0 ? " " : "").append(c.lattice[r][k]);
            sb.append("\" ");
        }
        sb.append("Properties=species:S:1:pos:R:3").append(c.forces != null ? ":forces:R:3" : "");
        if (c.hasEnergy()) sb.append(" energy=").append(c.energy);
        if (c.plusStress != null && periodic) {
            double[] p = c.plusStress; // xx yy zz yz xz xy
            double v = c.volume();
            double[] s = {p[0], p[5], p[4], p[5], p[1], p[3], p[4], p[3], p[2]};
            sb.append(" stress=\"");
            for (int k = 0; k < 9; k++) sb.append(k > 0 ? " " : "").append(-s[k] / v);
            sb.append('"');
        }
        if (periodic) sb.append(" pbc=\"T T T\"");
        // features as info keys (a key that is not one word, or a value on several lines, has no form here)
        c.features.forEach((k, v) -> {
            if (k.matches("[A-Za-z_][A-Za-z0-9_.-]*") && !ExtendedXyzReader.KNOWN.contains(k.toLowerCase(java.util.Locale.ROOT)) && v.indexOf('\n') < 0 && v.indexOf('"') < 0)
                sb.append(' ').append(k).append('=').append(v.isEmpty() || v.matches(".*[\\s=\\\\'].*") ? "\"" + v + "\"" : v);
        });
        sb.append('\n');
        for (int i = 0; i < c.size; i++) {
            if (c.types[i] < 0 || c.types[i] >= elements.size())
                throw new UserError("atom " + c.ids[i] + " has species " + c.types[i] + " but --types names only " + elements.size());
            sb.append(elements.get(c.types[i]));
            for (int k = 0; k < 3; k++) sb.append(' ').append(c.positions[3 * i + k]);
            if (c.forces != null) for (int k = 0; k < 3; k++) sb.append(' ').append(c.forces[3 * i + k]);
            sb.append('\n');
        }
        try {
            out.append(sb);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write extended XYZ: " + e.getMessage(), e);
        }
    }
}
