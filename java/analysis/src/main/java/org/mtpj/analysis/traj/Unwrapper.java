package org.mtpj.analysis.traj;

import java.util.function.Consumer;
import org.mtpj.core.io.Frame;
import org.mtpj.core.io.InputFormatException;
import org.mtpj.core.model.Cell;

/**
 * Turns frames into continuous (unwrapped) Cartesian positions, atoms sorted by id
 * (analysis-spec §1.3): unwrapped columns as they are; wrapped + image flags as r + ix·a + iy·b +
 * iz·c; otherwise minimum image between consecutive frames in fractional coordinates
 * (Δs −= round(Δs), r_u(t) = r_u(t−1) + Δs·cell(t)), warning once when some |Δs| exceeds 0.4.
 * The atom set must stay the same in every frame.
 */
public final class Unwrapper {
    private final Consumer<String> warnings;
    private int[] ids;
    private double[] prevFrac;
    private double[] prevUnwrapped;
    private boolean warnedJump;
    private int frames;

    public Unwrapper(Consumer<String> warnings) {
        this.warnings = warnings;
    }

    /** Atom ids in ascending order (after the first frame). */
    public int[] ids() { return ids.clone(); }

    /** Unwrapped positions of the frame, {@code [3*k + axis]} for the k-th smallest id. Not shared. */
    public double[] unwrap(Frame f) {
        int[] order = f.orderById();
        int n = f.size;
        if (ids == null) {
            ids = new int[n];
            for (int k = 0; k < n; k++) ids[k] = f.ids[order[k]];
        } else {
            if (n != ids.length)
                throw new InputFormatException(f.file, f.line, "the number of atoms changed from " + ids.length + " to " + n + " (step " + f.step + ")");
            for (int k = 0; k < n; k++) {
                if (f.ids[order[k]] != ids[k])
                    throw new InputFormatException(f.file, f.line, "the set of atom ids changed (id " + f.ids[order[k]] + " not in the first frame)");
            }
        }
        double[] out = new double[3 * n];
        Cell c = f.cell;
        switch (f.kind) {
            case UNWRAPPED -> {
                for (int k = 0; k < n; k++) System.arraycopy(f.positions, 3 * order[k], out, 3 * k, 3);
            }
            case WRAPPED_WITH_IMAGES -> {
                for (int k = 0; k < n; k++) {
                    int r = order[k];
                    double ix = f.images[3 * r], iy = f.images[3 * r + 1], iz = f.images[3 * r + 2];
                    for (int ax = 0; ax < 3; ax++)
                        out[3 * k + ax] = f.positions[3 * r + ax] + ix * c.get(0, ax) + iy * c.get(1, ax) + iz * c.get(2, ax);
                }
            }
            case WRAPPED -> minimumImage(f, order, out);
        }
        frames++;
        return out;
    }

    private void minimumImage(Frame f, int[] order, double[] out) {
        int n = f.size;
        Cell c = f.cell;
        double[] frac = new double[3 * n];
        for (int k = 0; k < n; k++) {
            int r = order[k];
            c.toFractional(f.positions[3 * r] - f.origin[0], f.positions[3 * r + 1] - f.origin[1],
                    f.positions[3 * r + 2] - f.origin[2], frac, 3 * k);
        }
        if (prevFrac == null) {
            for (int k = 0; k < n; k++) System.arraycopy(f.positions, 3 * order[k], out, 3 * k, 3);
        } else {
            double maxJump = 0;
            double[] d = new double[3];
            for (int k = 0; k < n; k++) {
                for (int ax = 0; ax < 3; ax++) {
                    double ds = frac[3 * k + ax] - prevFrac[3 * k + ax];
                    ds -= Math.rint(ds);
                    d[ax] = ds;
                    maxJump = Math.max(maxJump, Math.abs(ds));
                }
                c.toCartesian(d[0], d[1], d[2], out, 3 * k);
                for (int ax = 0; ax < 3; ax++) out[3 * k + ax] += prevUnwrapped[3 * k + ax];
            }
            if (maxJump > 0.4 && !warnedJump) {
                warnedJump = true;
                warnings.accept("warning: " + f.file + ":" + f.line + ": an atom moved " + String.format("%.2f", maxJump)
                        + " of a box length between stored frames (step " + f.step
                        + "); minimum-image unwrapping may be wrong: store frames more often or dump image flags (ix iy iz)");
            }
        }
        prevFrac = frac;
        prevUnwrapped = out.clone();
    }
}
