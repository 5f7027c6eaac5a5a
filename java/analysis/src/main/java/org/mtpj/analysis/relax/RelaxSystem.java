package org.mtpj.analysis.relax;

import org.mtpj.core.math.Mat3;
import org.mtpj.core.model.Configuration;

/**
 * The coordinates a relaxation moves, and their forces. The cell is L = L0·D (rows a, b, c) and
 * atoms r_i = x_i·D with reference positions x_i, so a strain moves the atoms affinely. Coordinates
 * q = (x_1 … x_N, N·(D − I)) — the cell part scaled by the atom count N so that a cell step has a
 * stiffness comparable to an atom's; ISO keeps D = (1+e)·I and has the one coordinate N·e.
 *
 * <p>Generalised forces are the exact −∂E/∂q: f_i·Dᵀ on x_i and D⁻ᵀ·W / N on N·D, where W is the
 * PlusStress (virial −σV, so that dE = −Σ W_ab ε_ab for a strain ε of the current cell).
 */
final class RelaxSystem {
    final int n;
    final CellMode mode;
    final int dof;
    private final Configuration c;
    private final double[][] l0 = new double[3][];
    private final double[] x;
    private final double[][] d = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
    private final double cellScale;

    EnergyModel.Evaluation last;
    final double[] force;

    RelaxSystem(Configuration start, CellMode mode) {
        this.n = start.size;
        this.mode = mode;
        this.c = start.copy();
        for (int r = 0; r < 3; r++) l0[r] = start.lattice[r].clone();
        this.x = start.positions.clone();
        this.cellScale = Math.max(1, n);
        this.dof = 3 * n + switch (mode) { case FIXED -> 0; case ISO -> 1; case FULL -> 9; };
        this.force = new double[dof];
    }

    double[] coordinates() {
        double[] q = new double[dof];
        System.arraycopy(x, 0, q, 0, 3 * n);
        if (mode == CellMode.ISO) q[3 * n] = cellScale * (d[0][0] - 1);
        if (mode == CellMode.FULL)
            for (int a = 0; a < 3; a++) for (int b = 0; b < 3; b++) q[3 * n + 3 * a + b] = cellScale * (d[a][b] - (a == b ? 1 : 0));
        return q;
    }

    void setCoordinates(double[] q) {
        System.arraycopy(q, 0, x, 0, 3 * n);
        if (mode == CellMode.ISO) for (int a = 0; a < 3; a++) d[a][a] = 1 + q[3 * n] / cellScale;
        if (mode == CellMode.FULL)
            for (int a = 0; a < 3; a++) for (int b = 0; b < 3; b++) d[a][b] = (a == b ? 1 : 0) + q[3 * n + 3 * a + b] / cellScale;
    }

    /** Largest Cartesian move of any atom (or cell coordinate) for a coordinate step dq. */
    double largestMove(double[] dq) {
        double m = 0;
        for (int i = 0; i < n; i++) m = Math.max(m, Math.sqrt(dq[3 * i] * dq[3 * i] + dq[3 * i + 1] * dq[3 * i + 1] + dq[3 * i + 2] * dq[3 * i + 2]));
        for (int k = 3 * n; k < dof; k++) m = Math.max(m, Math.abs(dq[k]));
        return m;
    }

    /** Applies the coordinates, evaluates, fills {@link #force}; returns the evaluation. */
    EnergyModel.Evaluation evaluate(EnergyModel model) {
        for (int i = 0; i < n; i++)
            for (int b = 0; b < 3; b++)
                c.positions[3 * i + b] = x[3 * i] * d[0][b] + x[3 * i + 1] * d[1][b] + x[3 * i + 2] * d[2][b];
        if (mode != CellMode.FIXED)
            for (int r = 0; r < 3; r++)
                for (int b = 0; b < 3; b++) c.lattice[r][b] = l0[r][0] * d[0][b] + l0[r][1] * d[1][b] + l0[r][2] * d[2][b];
        EnergyModel.Evaluation ev = model.evaluate(c);
        if (ev.forces() == null || ev.forces().length != 3 * n) throw new IllegalStateException("model returned no forces");
        if (mode != CellMode.FIXED && ev.plusStress() == null) throw new IllegalStateException("model returned no stress for a cell relaxation");
        double[] fr = ev.forces();
        for (int i = 0; i < n; i++)
            for (int a = 0; a < 3; a++)
                force[3 * i + a] = fr[3 * i] * d[a][0] + fr[3 * i + 1] * d[a][1] + fr[3 * i + 2] * d[a][2];
        if (mode != CellMode.FIXED) {
            double[] w6 = ev.plusStress();
            double[][] w = {{w6[0], w6[5], w6[4]}, {w6[5], w6[1], w6[3]}, {w6[4], w6[3], w6[2]}};
            double[][] dinv = Mat3.inverse(d);
            double[][] g = new double[3][3];
            for (int a = 0; a < 3; a++)
                for (int b = 0; b < 3; b++) {
                    double s = 0;
                    for (int m = 0; m < 3; m++) s += dinv[m][a] * w[m][b];
                    g[a][b] = s / cellScale;
                }
            if (mode == CellMode.ISO) force[3 * n] = g[0][0] + g[1][1] + g[2][2]; // D = (1+e)·I
            else for (int a = 0; a < 3; a++) for (int b = 0; b < 3; b++) force[3 * n + 3 * a + b] = g[a][b];
        }
        last = ev;
        return ev;
    }

    /** The current configuration (positions and cell of the last evaluation). */
    Configuration configuration() { return c; }
}
