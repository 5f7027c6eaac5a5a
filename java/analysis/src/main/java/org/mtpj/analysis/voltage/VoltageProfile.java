package org.mtpj.analysis.voltage;

import java.util.ArrayList;
import java.util.List;
import org.mtpj.core.UserError;

/**
 * Average intercalation voltages of Mg_x V2O5 (analysis-spec.md §5): for every pair x1 &lt; x2,
 * V̄ = −[E(x2) − E(x1) − (x2−x1)·E_Mg] / (2·(x2−x1)) volts (two electrons per Mg²⁺, energies
 * per V2O5 unit, E_Mg per Mg atom of the metal); formation energies against the end members;
 * the lower convex hull of (x, E), one plateau voltage per hull segment, and each point's
 * distance above the hull.
 */
public final class VoltageProfile {
    /**
     * Points within this distance (eV per V2O5) of a hull segment lie on the plateau and are
     * not hull vertices: a collinear point does not start a new plateau.
     */
    public static final double ON_HULL_TOLERANCE = 1e-9;

    private final double[] x;
    private final double[] e;
    private final double eMg;
    private final int[] hull;

    public VoltageProfile(EnergyTable table, double eMgPerAtom) {
        if (!Double.isFinite(eMgPerAtom)) throw new UserError("Mg metal energy must be a finite number (eV/atom), got " + eMgPerAtom);
        this.x = table.x().clone();
        this.e = table.energy().clone();
        for (int i = 1; i < x.length; i++)
            if (!(x[i] > x[i - 1])) throw new UserError("compositions must be strictly increasing, got x=" + x[i] + " after " + x[i - 1]);
        this.eMg = eMgPerAtom;
        this.hull = lowerHull(x, e);
    }

    /** Average voltage (V) between compositions i &lt; j. */
    public double averageVoltage(int i, int j) {
        double dx = x[j] - x[i];
        return -(e[j] - e[i] - dx * eMg) / (2 * dx);
    }

    /** Formation energy (eV per V2O5) of point i against the two end members. */
    public double formationEnergy(int i) {
        int n = x.length - 1;
        return e[i] - e[0] - (x[i] - x[0]) / (x[n] - x[0]) * (e[n] - e[0]);
    }

    /** Indices of the lower-hull vertices, increasing x (first and last point always included). */
    public int[] hullVertices() { return hull.clone(); }

    /** Energy (eV per V2O5) of point i above the lower hull; 0 for hull vertices. */
    public double aboveHull(int i) {
        for (int s = 0; s + 1 < hull.length; s++) {
            int a = hull[s], b = hull[s + 1];
            if (i == a || i == b) return 0.0;
            if (x[i] > x[a] && x[i] < x[b]) {
                double line = e[a] + (x[i] - x[a]) / (x[b] - x[a]) * (e[b] - e[a]);
                return e[i] - line;
            }
        }
        return 0.0;
    }

    public double[] x() { return x.clone(); }
    public int size() { return x.length; }

    /** One plateau of the voltage profile: hull vertices a &lt; b and their voltage. */
    public record Plateau(double x1, double x2, double voltage) {}

    public List<Plateau> plateaus() {
        List<Plateau> out = new ArrayList<>();
        for (int s = 0; s + 1 < hull.length; s++)
            out.add(new Plateau(x[hull[s]], x[hull[s + 1]], averageVoltage(hull[s], hull[s + 1])));
        return out;
    }

    /** Monotone chain over points sorted by x; drops points on or above each segment. */
    static int[] lowerHull(double[] x, double[] e) {
        int[] st = new int[x.length];
        int k = 0;
        for (int i = 0; i < x.length; i++) {
            while (k >= 2 && !strictlyBelow(x, e, st[k - 2], st[k - 1], i)) k--;
            st[k++] = i;
        }
        int[] out = new int[k];
        System.arraycopy(st, 0, out, 0, k);
        return out;
    }

    /** Whether point m lies strictly below the chord a–c (by more than the tolerance). */
    private static boolean strictlyBelow(double[] x, double[] e, int a, int m, int c) {
        double line = e[a] + (x[m] - x[a]) / (x[c] - x[a]) * (e[c] - e[a]);
        return e[m] < line - ON_HULL_TOLERANCE;
    }
}
