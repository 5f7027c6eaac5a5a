package org.mtpj.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.mtpj.core.model.Structure;

/**
 * Writes a {@link Structure} as a VASP 5 POSCAR: comment, scale 1.0, lattice rows, symbols,
 * counts, optional "Selective dynamics", Direct (default) or Cartesian coordinates. Numbers are
 * fixed-point with {@link #decimals(int)} digits (default 10), single spaces between them, rounded
 * as C printf does ({@link CNumbers#fixed}); lines end with '\n'.
 *
 * <pre>{@code
 * String text = new PoscarWriter().toString(structure);
 * new PoscarWriter().decimals(6).cartesian(true).write(structure, writer);
 * }</pre>
 */
public final class PoscarWriter {
    private int decimals = 10;
    private boolean cartesian;
    private String comment;

    /** Digits after the decimal point for lattice and coordinates. */
    public PoscarWriter decimals(int d) {
        if (d < 0 || d > 20) throw new IllegalArgumentException("decimals " + d);
        this.decimals = d;
        return this;
    }

    /** Cartesian (Å) coordinates instead of Direct. */
    public PoscarWriter cartesian(boolean c) {
        this.cartesian = c;
        return this;
    }

    /** Replaces the structure's comment line. */
    public PoscarWriter comment(String c) {
        this.comment = c;
        return this;
    }

    public String toString(Structure s) {
        var sw = new java.io.StringWriter();
        write(s, sw);
        return sw.toString();
    }

    public void write(Structure s, Writer w) {
        StringBuilder b = new StringBuilder(64 * (s.size() + 10));
        String c = comment != null ? comment : s.comment();
        b.append(c == null ? "" : c.replace('\n', ' ')).append('\n');
        b.append("1.0\n");
        for (int r = 0; r < 3; r++) row(b, s.cell().row(r));
        b.append(String.join(" ", s.speciesOrder())).append('\n');
        int[] counts = s.counts();
        for (int i = 0; i < counts.length; i++) b.append(i == 0 ? "" : " ").append(counts[i]);
        b.append('\n');
        boolean[][] sel = s.selectiveDynamics();
        if (sel != null) b.append("Selective dynamics\n");
        b.append(cartesian ? "Cartesian\n" : "Direct\n");
        double[][] p = cartesian ? s.cartesian() : s.fractional();
        for (int i = 0; i < p.length; i++) {
            if (sel == null) {
                row(b, p[i]);
            } else {
                append3(b, p[i]);
                for (int k = 0; k < 3; k++) b.append(sel[i][k] ? " T" : " F");
                b.append('\n');
            }
        }
        try {
            w.write(b.toString());
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void row(StringBuilder b, double[] v) {
        append3(b, v);
        b.append('\n');
    }

    private void append3(StringBuilder b, double[] v) {
        b.append(CNumbers.fixed(v[0], 0, decimals)).append(' ')
                .append(CNumbers.fixed(v[1], 0, decimals)).append(' ')
                .append(CNumbers.fixed(v[2], 0, decimals));
    }
}
