package org.mtpj.analysis.lro;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Is the cell large enough for the order along an axis to mean something? The definition counts
 * planes per cell axis (1..{@link AxisLatticeFit#MAX_H}−1, by the structure factor of the tracked
 * atoms in this cell) and measures deviations in units of their spacing, so the cell size enters:
 * with fewer than {@link #MIN_ATOMS_PER_PLANE} tracked atoms per plane almost any positions sit
 * near some set of planes (small O by chance), and at the largest count the definition allows a
 * larger cell would count more planes. Either way the same structure replicated gives other O.
 */
public final class PlaneCountCheck {
    public static final int MIN_ATOMS_PER_PLANE = 3;
    private static final String AXES = "abc";

    private PlaneCountCheck() {}

    /** "planes per axis a b c: 4 6 2 (12 atoms: 3, 2, 6 per plane)". */
    public static String describe(LroResult r) {
        int[] d = r.dims();
        return String.format(Locale.ROOT, "%d %d %d planes along a b c (%d atoms: %s, %s, %s per plane)", d[0], d[1], d[2], r.atoms(),
                perPlane(r, 0), perPlane(r, 1), perPlane(r, 2));
    }

    /**
     * One WARNING line per axis that is too small (or at the plane limit) in any result, with how many
     * of the results and the first of them named.
     */
    public static List<String> warnings(List<String> names, List<LroResult> results, String species) {
        List<String> out = new ArrayList<>();
        for (int j = 0; j < 3; j++) {
            int few = 0, capped = 0, firstFew = -1, firstCapped = -1;
            for (int i = 0; i < results.size(); i++) {
                LroResult r = results.get(i);
                if (r.atoms() < MIN_ATOMS_PER_PLANE * r.dims()[j]) { few++; if (firstFew < 0) firstFew = i; }
                if (r.dims()[j] >= AxisLatticeFit.MAX_H - 1) { capped++; if (firstCapped < 0) firstCapped = i; }
            }
            char ax = AXES.charAt(j);
            if (few > 0) {
                LroResult r = results.get(firstFew);
                out.add(String.format(Locale.ROOT, "WARNING: along %c the cell is too small for the order to be meaningful%s: %s has %d %s atoms "
                                + "in %d planes, %s per plane (fewer than %d), so they sit near some planes by chance; O along directions with an "
                                + "%c component depends on the cell size; use a larger (replicated) cell", ax, count(few, results.size()),
                        names.get(firstFew), r.atoms(), species, r.dims()[j], perPlane(r, j), MIN_ATOMS_PER_PLANE, ax));
            }
            if (capped > 0) {
                LroResult r = results.get(firstCapped);
                out.add(String.format(Locale.ROOT, "WARNING: along %c %s uses %d planes, the most the definition counts%s: a larger cell "
                                + "would count other planes, so O along directions with an %c component depends on the cell size",
                        ax, names.get(firstCapped), r.dims()[j], count(capped, results.size()), ax));
            }
        }
        return out;
    }

    private static String perPlane(LroResult r, int j) {
        double v = (double) r.atoms() / r.dims()[j];
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String count(int n, int of) {
        return of > 1 ? " in " + n + " of " + of + " structures" : "";
    }
}
