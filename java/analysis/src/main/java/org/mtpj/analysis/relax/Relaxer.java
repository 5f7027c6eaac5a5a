package org.mtpj.analysis.relax;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.function.Consumer;
import org.mtpj.core.UserError;
import org.mtpj.core.model.Configuration;

/**
 * Minimises the energy over atomic positions and, optionally, the cell ({@link RelaxSystem} holds
 * the coordinates), with FIRE (Bitzek et al., PRL 97, 170201 (2006); robust, the default) or
 * L-BFGS with a backtracking (Armijo) line search on the energy (fewer evaluations near a
 * minimum). Every step is capped so that no atom moves more than {@code maxMove}.
 *
 * <p>Converged when the largest atomic force is ≤ fmax (eV/Å) and, when the cell moves, every
 * stress component (full) or the pressure (iso) is within smax (GPa). A run that stops at the
 * step limit (counted in force evaluations) is reported as not converged.
 */
public final class Relaxer {
    /** The minimiser. */
    public enum Method {
        FIRE, LBFGS;

        public static Method parse(String s) {
            return switch (s.toLowerCase(java.util.Locale.ROOT)) {
                case "fire" -> FIRE;
                case "lbfgs", "l-bfgs" -> LBFGS;
                default -> throw new UserError("--method must be fire or lbfgs, got '" + s + "'");
            };
        }
    }

    private double fmax = 0.01;
    private double smaxGPa = 0.1;
    private int maxSteps = 3000;
    private double maxMove = 0.1;
    private CellMode cellMode = CellMode.FIXED;
    private Method method = Method.FIRE;

    // FIRE parameters (the published defaults).
    private static final int N_MIN = 5;
    private static final double F_INC = 1.1, F_DEC = 0.5, ALPHA_START = 0.1, F_ALPHA = 0.99;
    private static final double DT_START = 0.1, DT_MAX = 1.0;
    // L-BFGS: remembered pairs, Armijo constant, halvings per line search.
    private static final int MEMORY = 10;
    private static final double ARMIJO = 1e-4;
    private static final int MAX_HALVINGS = 8;

    public Relaxer fmax(double v) {
        if (!(v > 0)) throw new UserError("--fmax must be > 0 eV/Å, got " + v);
        fmax = v;
        return this;
    }

    public Relaxer smaxGPa(double v) {
        if (!(v > 0)) throw new UserError("--smax must be > 0 GPa, got " + v);
        smaxGPa = v;
        return this;
    }

    public Relaxer maxSteps(int v) {
        if (v < 1) throw new UserError("--steps must be >= 1, got " + v);
        maxSteps = v;
        return this;
    }

    public Relaxer maxMove(double v) {
        if (!(v > 0)) throw new UserError("--max-move must be > 0 Å, got " + v);
        maxMove = v;
        return this;
    }

    public Relaxer cell(CellMode m) {
        cellMode = m;
        return this;
    }

    public Relaxer method(Method m) {
        method = m;
        return this;
    }

    /** One line of progress: force evaluations so far, energy, fmax, max |σ| (GPa) or NaN, volume. */
    public record Progress(int step, double energy, double fmax, double stressMaxGPa, double volume) {}

    public RelaxResult relax(Configuration start, EnergyModel model, Consumer<Progress> progress) {
        if (cellMode != CellMode.FIXED && !(start.isPeriodic(0) && start.isPeriodic(1) && start.isPeriodic(2)))
            throw new UserError("--cell " + cellMode.name().toLowerCase() + " needs a 3-D periodic cell; this configuration has "
                    + start.latticeRows + " lattice rows");
        Run run = new Run(new RelaxSystem(start, cellMode), model, progress);
        if (method == Method.FIRE) run.fire(); else run.lbfgs();
        Configuration c = run.sys.configuration().copy();
        EnergyModel.Evaluation ev = run.sys.last;
        c.energy = ev.energy();
        c.forces = ev.forces().clone();
        c.plusStress = ev.plusStress() == null ? null : ev.plusStress().clone();
        return new RelaxResult(run.converged, run.steps, run.e0, ev.energy(), run.fm, run.sigma, c);
    }

    /** The state of one relaxation. */
    private final class Run {
        final RelaxSystem sys;
        final EnergyModel model;
        final Consumer<Progress> progress;
        int steps;        // evaluations after the first
        double e0 = Double.NaN, fm, energy;
        double[] sigma;
        boolean converged;

        Run(RelaxSystem sys, EnergyModel model, Consumer<Progress> progress) {
            this.sys = sys;
            this.model = model;
            this.progress = progress;
        }

        /** Evaluates the current coordinates; returns whether the criteria hold. */
        boolean evaluate(boolean report) {
            EnergyModel.Evaluation ev = sys.evaluate(model);
            energy = ev.energy();
            if (Double.isNaN(e0)) e0 = energy;
            Configuration c = sys.configuration();
            fm = maxForce(ev.forces(), sys.n);
            sigma = ev.plusStress() == null || !c.isPeriodic(2) ? null : stressGPa(ev.plusStress(), c.volume());
            if (!Double.isFinite(energy) || !Double.isFinite(fm))
                throw new UserError("the energy or forces became non-finite after " + steps + " steps (atoms too close or outside the potential's range)");
            double sCheck = cellMode == CellMode.FIXED || sigma == null ? 0
                    : cellMode == CellMode.ISO ? Math.abs((sigma[0] + sigma[1] + sigma[2]) / 3) : maxAbs(sigma);
            if (report && progress != null) progress.accept(new Progress(steps, energy, fm, sigma == null ? Double.NaN : maxAbs(sigma), c.volume()));
            return fm <= fmax && sCheck <= smaxGPa;
        }

        void fire() {
            int dof = sys.dof;
            double[] q = sys.coordinates(), v = new double[dof], dq = new double[dof];
            double dt = DT_START, alpha = ALPHA_START;
            int sincePositive = 0;
            while (true) {
                if (evaluate(true)) { converged = true; return; }
                if (steps >= maxSteps) return;
                steps++;
                double[] f = sys.force;
                double vf = 0, vv = 0, ff = 0;
                for (int k = 0; k < dof; k++) { vf += v[k] * f[k]; vv += v[k] * v[k]; ff += f[k] * f[k]; }
                if (vf > 0) {
                    double mix = ff > 0 ? alpha * Math.sqrt(vv / ff) : 0;
                    for (int k = 0; k < dof; k++) v[k] = (1 - alpha) * v[k] + mix * f[k];
                    if (++sincePositive > N_MIN) { dt = Math.min(dt * F_INC, DT_MAX); alpha *= F_ALPHA; }
                } else {
                    Arrays.fill(v, 0);
                    alpha = ALPHA_START;
                    dt *= F_DEC;
                    sincePositive = 0;
                }
                for (int k = 0; k < dof; k++) { v[k] += dt * f[k]; dq[k] = dt * v[k]; }
                double largest = sys.largestMove(dq);
                double scale = largest > maxMove ? maxMove / largest : 1;
                for (int k = 0; k < dof; k++) q[k] += scale * dq[k];
                sys.setCoordinates(q);
            }
        }

        void lbfgs() {
            int dof = sys.dof;
            Deque<double[][]> memory = new ArrayDeque<>(); // {s, y, {1/(y·s)}}
            double[] q = sys.coordinates();
            if (evaluate(true)) { converged = true; return; }
            double[] g = negate(sys.force);
            while (steps < maxSteps) {
                double[] p = direction(g, memory);
                double gp = dot(g, p);
                if (!(gp < 0)) { memory.clear(); p = negate(g); gp = dot(g, p); }
                double largest = sys.largestMove(p);
                if (largest > maxMove) { double s = maxMove / largest; for (int k = 0; k < dof; k++) p[k] *= s; gp *= s; }
                double e0line = energy, a = 1;
                double[] qNew = new double[dof];
                boolean accepted = false;
                for (int h = 0; h <= MAX_HALVINGS && steps < maxSteps; h++, a *= 0.5) {
                    for (int k = 0; k < dof; k++) qNew[k] = q[k] + a * p[k];
                    sys.setCoordinates(qNew);
                    steps++;
                    boolean ok = evaluate(false);
                    if (energy <= e0line + ARMIJO * a * gp || ok) { accepted = true; break; }
                }
                if (!accepted) {
                    // No decrease along p (noise or a poor model): start again from steepest descent.
                    memory.clear();
                    if (steps >= maxSteps) break;
                    continue;
                }
                double[] gNew = negate(sys.force);
                double[] s = new double[dof], y = new double[dof];
                for (int k = 0; k < dof; k++) { s[k] = qNew[k] - q[k]; y[k] = gNew[k] - g[k]; }
                double ys = dot(y, s);
                if (ys > 1e-12) {
                    memory.addLast(new double[][] {s, y, {1 / ys}});
                    if (memory.size() > MEMORY) memory.removeFirst();
                }
                q = qNew.clone();
                g = gNew;
                boolean done = evaluateReport();
                if (done) { converged = true; return; }
            }
        }

        /** Re-reports the last (accepted) evaluation and tests the criteria without evaluating again. */
        boolean evaluateReport() {
            Configuration c = sys.configuration();
            double sCheck = cellMode == CellMode.FIXED || sigma == null ? 0
                    : cellMode == CellMode.ISO ? Math.abs((sigma[0] + sigma[1] + sigma[2]) / 3) : maxAbs(sigma);
            if (progress != null) progress.accept(new Progress(steps, energy, fm, sigma == null ? Double.NaN : maxAbs(sigma), c.volume()));
            return fm <= fmax && sCheck <= smaxGPa;
        }

        /** Two-loop recursion: −H·g with H0 = (s·y / y·y)·I from the newest pair (or I). */
        private double[] direction(double[] g, Deque<double[][]> memory) {
            double[] r = g.clone();
            int m = memory.size();
            double[] alphas = new double[m];
            int i = m - 1;
            for (var it = memory.descendingIterator(); it.hasNext(); i--) {
                double[][] pair = it.next();
                alphas[i] = pair[2][0] * dot(pair[0], r);
                for (int k = 0; k < r.length; k++) r[k] -= alphas[i] * pair[1][k];
            }
            if (m > 0) {
                double[][] newest = memory.peekLast();
                double gamma = dot(newest[0], newest[1]) / dot(newest[1], newest[1]);
                for (int k = 0; k < r.length; k++) r[k] *= gamma;
            }
            i = 0;
            for (double[][] pair : memory) {
                double beta = pair[2][0] * dot(pair[1], r);
                for (int k = 0; k < r.length; k++) r[k] += (alphas[i] - beta) * pair[0][k];
                i++;
            }
            return negate(r);
        }
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

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) s += a[k] * b[k];
        return s;
    }

    private static double[] negate(double[] a) {
        double[] r = new double[a.length];
        for (int k = 0; k < a.length; k++) r[k] = -a[k];
        return r;
    }
}
