package org.mtpj.analysis.relax;

import java.util.function.Consumer;
import org.mtpj.core.UserError;
import org.mtpj.core.model.Configuration;

/**
 * FIRE minimisation (Bitzek et al., PRL 97, 170201 (2006)) of atomic positions and, optionally, the
 * cell. The cell is written as L = L0·D (rows a, b, c) and atoms as r_i = x_i·D with reference
 * positions x_i, so a strain moves atoms affinely. Generalised forces: f_i·Dᵀ on x_i, and
 * D⁻ᵀ·W / N on D (W = PlusStress, the virial −σV; dividing by the atom count N gives the cell
 * modes a stiffness comparable to an atom's). ISO keeps D = (1+e)·I.
 *
 * <p>Converged when the largest atomic force is ≤ fmax (eV/Å) and, when the cell moves, every
 * stress component (full) or the pressure (iso) is within smax (GPa). A run that stops at the step
 * limit is reported as not converged.
 */
public final class FireRelaxer {
    private double fmax = 0.01;
    private double smaxGPa = 0.1;
    private int maxSteps = 2000;
    private double maxMove = 0.1;
    private CellMode cellMode = CellMode.FIXED;

    // FIRE parameters (the published defaults).
    private static final int N_MIN = 5;
    private static final double F_INC = 1.1, F_DEC = 0.5, ALPHA_START = 0.1, F_ALPHA = 0.99;
    private static final double DT_START = 0.1, DT_MAX = 1.0;

    public FireRelaxer fmax(double v) {
        if (!(v > 0)) throw new UserError("--fmax must be > 0 eV/Å, got " + v);
        fmax = v;
        return this;
    }

    public FireRelaxer smaxGPa(double v) {
        if (!(v > 0)) throw new UserError("--smax must be > 0 GPa, got " + v);
        smaxGPa = v;
        return this;
    }

    public FireRelaxer maxSteps(int v) {
        if (v < 1) throw new UserError("--steps must be >= 1, got " + v);
        maxSteps = v;
        return this;
    }

    public FireRelaxer maxMove(double v) {
        if (!(v > 0)) throw new UserError("--max-move must be > 0 Å, got " + v);
        maxMove = v;
        return this;
    }

    public FireRelaxer cell(CellMode m) {
        cellMode = m;
        return this;
    }

    /** One line of progress: step, energy, fmax, stress (GPa) or NaN, volume. */
    public record Progress(int step, double energy, double fmax, double stressMaxGPa, double volume) {}

    public RelaxResult relax(Configuration start, EnergyModel model, Consumer<Progress> progress) {
        int n = start.size;
        boolean moveCell = cellMode != CellMode.FIXED;
        if (moveCell && !(start.isPeriodic(0) && start.isPeriodic(1) && start.isPeriodic(2)))
            throw new UserError("--cell " + cellMode.name().toLowerCase() + " needs a 3-D periodic cell; this configuration has "
                    + start.latticeRows + " lattice rows");
        Configuration c = start.copy();
        double[][] l0 = new double[3][];
        for (int r = 0; r < 3; r++) l0[r] = start.lattice[r].clone();
        double[] x = start.positions.clone();          // reference positions
        double[][] d = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}; // deformation
        int cellDof = switch (cellMode) { case FIXED -> 0; case ISO -> 1; case FULL -> 9; };
        int dof = 3 * n + cellDof;
        double[] v = new double[dof], f = new double[dof];
        double dt = DT_START, alpha = ALPHA_START;
        int sincePositive = 0;
        double cellScale = Math.max(1, n); // generalised coordinate of the cell = N·(D − I)

        EnergyModel.Evaluation ev = null;
        double e0 = Double.NaN;
        int step = 0;
        double fm = Double.NaN;
        double[] sigma = null;
        boolean converged = false;
        while (true) {
            apply(c, x, l0, d, moveCell);
            ev = model.evaluate(c);
            if (ev.forces() == null || ev.forces().length != 3 * n) throw new IllegalStateException("model returned no forces");
            if (moveCell && ev.plusStress() == null) throw new IllegalStateException("model returned no stress for a cell relaxation");
            if (step == 0) e0 = ev.energy();
            fm = maxForce(ev.forces(), n);
            sigma = ev.plusStress() == null || !c.isPeriodic(2) ? null : stressGPa(ev.plusStress(), c.volume());
            double sCheck = !moveCell || sigma == null ? 0
                    : cellMode == CellMode.ISO ? Math.abs((sigma[0] + sigma[1] + sigma[2]) / 3) : maxAbs(sigma);
            if (progress != null) progress.accept(new Progress(step, ev.energy(), fm, sigma == null ? Double.NaN : maxAbs(sigma), c.volume()));
            if (!Double.isFinite(ev.energy()) || !Double.isFinite(fm))
                throw new UserError("the energy or forces became non-finite at step " + step + " (atoms too close or outside the potential's range)");
            if (fm <= fmax && sCheck <= smaxGPa) { converged = true; break; }
            if (step >= maxSteps) break;
            step++;

            generalisedForces(ev, d, n, cellScale, f);
            double vf = 0, vv = 0, ff = 0;
            for (int k = 0; k < dof; k++) { vf += v[k] * f[k]; vv += v[k] * v[k]; ff += f[k] * f[k]; }
            if (vf > 0) {
                double mix = ff > 0 ? alpha * Math.sqrt(vv / ff) : 0;
                for (int k = 0; k < dof; k++) v[k] = (1 - alpha) * v[k] + mix * f[k];
                if (++sincePositive > N_MIN) { dt = Math.min(dt * F_INC, DT_MAX); alpha *= F_ALPHA; }
            } else {
                java.util.Arrays.fill(v, 0);
                alpha = ALPHA_START;
                dt *= F_DEC;
                sincePositive = 0;
            }
            for (int k = 0; k < dof; k++) v[k] += dt * f[k];
            // Limit the largest move of any atom (or cell coordinate/N) to maxMove.
            double largest = 0;
            for (int i = 0; i < n; i++) largest = Math.max(largest, dt * Math.sqrt(v[3 * i] * v[3 * i] + v[3 * i + 1] * v[3 * i + 1] + v[3 * i + 2] * v[3 * i + 2]));
            for (int k = 3 * n; k < dof; k++) largest = Math.max(largest, dt * Math.abs(v[k]));
            double scale = largest > maxMove ? maxMove / largest : 1;
            for (int k = 0; k < 3 * n; k++) x[k] += scale * dt * v[k];
            if (cellMode == CellMode.ISO) {
                double de = scale * dt * v[3 * n] / cellScale;
                for (int a = 0; a < 3; a++) d[a][a] += de;
            } else if (cellMode == CellMode.FULL) {
                for (int a = 0; a < 3; a++) for (int b = 0; b < 3; b++) d[a][b] += scale * dt * v[3 * n + 3 * a + b] / cellScale;
            }
        }
        c.energy = ev.energy();
        c.forces = ev.forces().clone();
        c.plusStress = ev.plusStress() == null ? null : ev.plusStress().clone();
        return new RelaxResult(converged, step, e0, ev.energy(), fm, sigma, c);
    }

    /** r_i = x_i·D, L = L0·D. */
    private static void apply(Configuration c, double[] x, double[][] l0, double[][] d, boolean moveCell) {
        int n = c.size;
        for (int i = 0; i < n; i++)
            for (int b = 0; b < 3; b++)
                c.positions[3 * i + b] = x[3 * i] * d[0][b] + x[3 * i + 1] * d[1][b] + x[3 * i + 2] * d[2][b];
        if (moveCell)
            for (int r = 0; r < 3; r++)
                for (int b = 0; b < 3; b++) c.lattice[r][b] = l0[r][0] * d[0][b] + l0[r][1] * d[1][b] + l0[r][2] * d[2][b];
    }

    private void generalisedForces(EnergyModel.Evaluation ev, double[][] d, int n, double cellScale, double[] f) {
        double[] fr = ev.forces();
        // dE/dx_i = (dE/dr_i)·Dᵀ  →  force on x_i = f_i·Dᵀ
        for (int i = 0; i < n; i++)
            for (int a = 0; a < 3; a++)
                f[3 * i + a] = fr[3 * i] * d[a][0] + fr[3 * i + 1] * d[a][1] + fr[3 * i + 2] * d[a][2];
        if (cellMode == CellMode.FIXED) return;
        double[][] w = virial(ev.plusStress());
        double[][] dinv = inverse(d);
        // −dE/dD = D⁻ᵀ·W (W = −dE/dε for a strain of the current cell); per generalised coordinate N·D.
        double[][] g = new double[3][3];
        for (int a = 0; a < 3; a++)
            for (int b = 0; b < 3; b++) {
                double s = 0;
                for (int m = 0; m < 3; m++) s += dinv[m][a] * w[m][b];
                g[a][b] = s / cellScale;
            }
        if (cellMode == CellMode.ISO) {
            // D = (1+e)·I: −dE/de = Σ_a (−dE/dD_aa)
            f[3 * n] = g[0][0] + g[1][1] + g[2][2];
        } else {
            for (int a = 0; a < 3; a++) for (int b = 0; b < 3; b++) f[3 * n + 3 * a + b] = g[a][b];
        }
    }

    /** W as a symmetric matrix from xx yy zz yz xz xy. */
    static double[][] virial(double[] w) {
        return new double[][] {{w[0], w[5], w[4]}, {w[5], w[1], w[3]}, {w[4], w[3], w[2]}};
    }

    static double[] stressGPa(double[] plusStress, double volume) {
        double[] s = new double[6];
        for (int k = 0; k < 6; k++) s[k] = -plusStress[k] / volume * RelaxResult.EV_PER_A3_IN_GPA;
        return s;
    }

    static double maxForce(double[] f, int n) {
        double m = 0;
        for (int i = 0; i < n; i++) m = Math.max(m, Math.sqrt(f[3 * i] * f[3 * i] + f[3 * i + 1] * f[3 * i + 1] + f[3 * i + 2] * f[3 * i + 2]));
        return m;
    }

    private static double maxAbs(double[] s) {
        double m = 0;
        for (double v : s) m = Math.max(m, Math.abs(v));
        return m;
    }

    private static double[][] inverse(double[][] a) {
        double det = a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1]) - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0])
                + a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]);
        double[][] r = new double[3][3];
        r[0][0] = (a[1][1] * a[2][2] - a[1][2] * a[2][1]) / det;
        r[0][1] = (a[0][2] * a[2][1] - a[0][1] * a[2][2]) / det;
        r[0][2] = (a[0][1] * a[1][2] - a[0][2] * a[1][1]) / det;
        r[1][0] = (a[1][2] * a[2][0] - a[1][0] * a[2][2]) / det;
        r[1][1] = (a[0][0] * a[2][2] - a[0][2] * a[2][0]) / det;
        r[1][2] = (a[0][2] * a[1][0] - a[0][0] * a[1][2]) / det;
        r[2][0] = (a[1][0] * a[2][1] - a[1][1] * a[2][0]) / det;
        r[2][1] = (a[0][1] * a[2][0] - a[0][0] * a[2][1]) / det;
        r[2][2] = (a[0][0] * a[1][1] - a[0][1] * a[1][0]) / det;
        return r;
    }
}
