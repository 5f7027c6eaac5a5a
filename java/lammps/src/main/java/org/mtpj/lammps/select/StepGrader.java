package org.mtpj.lammps.select;

import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;
import org.mtpj.core.eval.SiteEvaluator;
import org.mtpj.core.model.MtpPotential;
import org.mtpj.host.WorkerPool;
import org.mtpj.lammps.bridge.MtpSiteModel;
import org.mtpj.lammps.bridge.SiteModel;
import org.mtpj.lammps.bridge.StepHook;
import org.mtpj.lammps.bridge.StepView;
import org.mtpj.train.fit.Weighting;
import org.mtpj.train.grade.ActiveSet;
import org.mtpj.train.grade.RowWeights;

/**
 * Extrapolation grades of one MD step (mtp-spec §6): a neighbourhood row b_i = ∂V_i/∂θ per local
 * atom, graded against the precomputed A⁻¹ (grade = max_j |(b A⁻¹)_j|). With an energy row in
 * the state's weights, the row w_E·Σ_i b_i / N (÷N except for molecules weighting) is graded
 * too. The active set is never modified.
 *
 * <p>Speed: the rows come from the site evaluation the forces already made ({@link #afterSite}
 * on the pair style's threads, while the kernel holds the site), not from a second one. A row of
 * a central atom of species a is zero outside {@link SiteEvaluator#energyGradientSupport}(a)
 * (about half of θ for three species), so only those entries are kept, and the grades are a
 * matrix product per species: rows (atoms × support) times A⁻¹ restricted to the support's rows,
 * {@value #TILE} atoms per pass over it. Each row of A⁻¹ and each partial result is its own array,
 * indexed alike in the inner loop: only then does C2 vectorise it (JDK 25 does not vectorise
 * {@code c[j] += b * x[off + j]} when c and x might be one array; measured 4x slower). Products
 * are split over the pair style's {@code threads N}. Not thread-safe apart from
 * {@link #afterSite}: one per pair style.
 */
final class StepGrader implements StepHook.SiteObserver, AutoCloseable {
    /** Atoms per pass over A⁻¹ (C2 vectorises four partial results and two rows of A⁻¹, not eight or four by four: measured). */
    private static final int TILE = 4;
    private static final int WARMUP = 10;
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();
    private long steps, atomSteps, rowNanosAtWarmup, gradeNanos, gradeCpuNanos;
    private final LongAdder rowNanos = new LongAdder();

    private final ActiveSet set;
    private final RowWeights weights;
    private final int n, species, q;
    private final Part[] parts;
    private final WorkerPool pool;
    /** Per species: the θ indices of its rows' support, and A⁻¹'s rows there (one array each). */
    private final int[][] support;
    private final double[][][] inverseRows;

    // per step
    private StepView view;
    private int atoms, m;
    /** Local atom ii's row on its species' support at rows[ii·q ..]; written by afterSite. */
    private double[] rows = new double[0];
    /** The graded atoms (species ≥ 0) sorted by species, where each species starts in it, and their grades. */
    private int[] order = new int[0];
    private final int[] speciesStart;
    private double[] rowGrade = new double[0];
    /** Per local atom ii of the last step: its neighbourhood grade (0 for atoms of NULL types). */
    private double[] atomGrades = new double[0];
    /** Σ_i b_i (n) and the atom count (1 more), reduced over the ranks. */
    private final double[] energyRow;
    private final double[] reduce = new double[1];

    StepGrader(MtpPotential pot, ActiveSet set, RowWeights weights, int threads) {
        this.set = set;
        this.weights = weights;
        this.n = pot.coefficientCount();
        this.species = pot.speciesCount;
        SiteEvaluator shape = new SiteEvaluator(pot);
        this.q = shape.energyGradientSupportSize();
        this.support = new int[species][];
        this.inverseRows = new double[species][][];
        double[] inverse = set.inverse();
        for (int a = 0; a < species; a++) {
            support[a] = shape.energyGradientSupport(a);
            inverseRows[a] = new double[q][];
            for (int k = 0; k < q; k++) inverseRows[a][k] = Arrays.copyOfRange(inverse, support[a][k] * n, (support[a][k] + 1) * n);
        }
        this.speciesStart = new int[species + 1];
        this.energyRow = weights.energyRow() ? new double[n + 1] : null;
        this.parts = new Part[Math.max(1, threads)];
        for (int t = 0; t < parts.length; t++) parts[t] = new Part();
        this.pool = new WorkerPool("mtpj-select", parts.length);
    }

    @Override
    public boolean beginStep(int localCount) {
        if (rows.length < localCount * q) rows = new double[(localCount + localCount / 4) * q];
        return weights.neighbourhoodRows() || energyRow != null;
    }

    @Override
    public void afterSite(int ii, int species, SiteModel.SiteKernel kernel) {
        long t0 = System.nanoTime();
        ((MtpSiteModel.Kernel) kernel).evaluator().energyGradientOnSupport(rows, ii * q);
        rowNanos.add(System.nanoTime() - t0);
    }

    /**
     * Grade of the step's configuration: max over its rows (all MPI ranks: collective, every rank
     * must call it each step); 0 without atoms. The rows are this step's ({@link #afterSite}).
     */
    double grade(StepView v) {
        this.view = v;
        atoms = v.localCount();
        if (atomGrades.length < atoms) atomGrades = new double[atoms];
        Arrays.fill(atomGrades, 0, atoms, 0.0);
        sortBySpecies(v);
        long t0 = System.nanoTime(), cpu0 = CPU.getCurrentThreadCpuTime();
        double g = 0;
        if (weights.neighbourhoodRows() && m > 0) {
            runParts();
            for (int r = 0; r < m; r++) {
                atomGrades[order[r]] = rowGrade[r];
                g = Math.max(g, rowGrade[r]);
            }
        }
        if (energyRow != null) {
            // Σ_i b_i (in list order) and the atom count over all ranks, then the one energy row
            Arrays.fill(energyRow, 0);
            for (int ii = 0; ii < atoms; ii++) {
                int a = v.species(ii);
                if (a < 0) continue;
                int[] cols = support[a];
                for (int c = 0, o = ii * q; c < q; c++) energyRow[cols[c]] += rows[o + c];
            }
            energyRow[n] = m;
            v.allreduce(energyRow, false);
            double total = energyRow[n];
            if (total > 0) {
                double scale = weights.weighting() == Weighting.MOLECULES ? weights.energy() : weights.energy() / total;
                for (int c = 0; c < n; c++) energyRow[c] *= scale;
                g = Math.max(g, set.grade(Arrays.copyOf(energyRow, n)));
            }
        }
        if (v.ranks() > 1) {
            reduce[0] = g;
            v.allreduce(reduce, true);
            g = reduce[0];
        }
        if (++steps == WARMUP) rowNanosAtWarmup = rowNanos.sum();
        if (steps > WARMUP) {
            gradeNanos += System.nanoTime() - t0;
            gradeCpuNanos += CPU.getCurrentThreadCpuTime() - cpu0;
            atomSteps += m;
        }
        view = null;
        return g;
    }

    /** order[0..m): the local atoms of a handled species, by species (list order within one). */
    private void sortBySpecies(StepView v) {
        if (order.length < atoms) order = new int[atoms];
        if (rowGrade.length < atoms) rowGrade = new double[atoms];
        Arrays.fill(speciesStart, 0);
        for (int ii = 0; ii < atoms; ii++) {
            int a = v.species(ii);
            if (a >= 0) speciesStart[a + 1]++;
        }
        for (int a = 0; a < species; a++) speciesStart[a + 1] += speciesStart[a];
        m = speciesStart[species];
        int[] fill = Arrays.copyOf(speciesStart, species);
        for (int ii = 0; ii < atoms; ii++) {
            int a = v.species(ii);
            if (a >= 0) order[fill[a]++] = ii;
        }
    }

    /**
     * Wall time per atom-step after the first {@value #WARMUP} steps (JIT): the rows on the pair
     * style's threads (summed over them) and the products here; and the products' CPU time on
     * LAMMPS's thread (all of it with {@code threads 1}), which a busy machine does not inflate.
     */
    String timing() {
        if (atomSteps == 0) return "";
        double rowsPer = (rowNanos.sum() - rowNanosAtWarmup) * 1e-3 / atomSteps, gradesPer = gradeNanos * 1e-3 / atomSteps;
        return String.format(java.util.Locale.ROOT, "grading %.1f us/atom-step (rows dV_i/dtheta %.1f + b A^-1 %.1f; CPU of LAMMPS's thread"
                        + " in b A^-1 %.1f) after %d warm-up steps",
                rowsPer + gradesPer, rowsPer, gradesPer, gradeCpuNanos * 1e-3 / atomSteps, WARMUP);
    }

    /** Neighbourhood grade of local atom ii in the last graded step (0 for NULL types or without nbh rows). */
    double atomGrade(int ii) { return atomGrades[ii]; }

    /** The products over contiguous ranges of order[], one per part. */
    private void runParts() {
        int p = parts.length;
        if (p == 1 || m < 4 * TILE * p) {
            parts[0].gradeRows(0, m);
            return;
        }
        // worker t grades order[m·t/p .. m·(t+1)/p): fixed shares, so nothing depends on timing
        pool.forEachWorker(t -> parts[t].gradeRows((int) ((long) m * t / p), (int) ((long) m * (t + 1) / p)));
    }

    @Override
    public void close() {
        pool.close();
    }

    /** One thread's share of the products: its partial results, one array per atom of a tile. */
    private final class Part {
        private final double[] c0 = new double[n], c1 = new double[n], c2 = new double[n], c3 = new double[n];

        /** Grades of order[from..to): each species' run separately (its own support and A⁻¹ rows). */
        void gradeRows(int from, int to) {
            for (int a = 0; a < species; a++) {
                int r0 = Math.max(from, speciesStart[a]), r1 = Math.min(to, speciesStart[a + 1]);
                int r = r0;
                for (; r + TILE <= r1; r += TILE) tile(r, inverseRows[a]);
                for (; r < r1; r++) single(r, inverseRows[a]);
            }
        }

        /**
         * rowGrade[r..r+3] = max_j |(b A⁻¹)_j| of four atoms, two rows of A⁻¹ per pass: each
         * partial result is loaded and stored once for eight multiply-adds (the loop is bound by
         * loads and stores; measured 1.6x faster than one row per pass, the same sums in the same order).
         */
        private void tile(int r, double[][] inv) {
            final double[] c0 = this.c0, c1 = this.c1, c2 = this.c2, c3 = this.c3, rw = rows;
            Arrays.fill(c0, 0.0);
            Arrays.fill(c1, 0.0);
            Arrays.fill(c2, 0.0);
            Arrays.fill(c3, 0.0);
            int o0 = order[r] * q, o1 = order[r + 1] * q, o2 = order[r + 2] * q, o3 = order[r + 3] * q;
            int k = 0;
            for (; k + 2 <= q; k += 2) {
                double a0 = rw[o0 + k], a1 = rw[o1 + k], a2 = rw[o2 + k], a3 = rw[o3 + k];
                double b0 = rw[o0 + k + 1], b1 = rw[o1 + k + 1], b2 = rw[o2 + k + 1], b3 = rw[o3 + k + 1];
                double[] x = inv[k], y = inv[k + 1];
                for (int j = 0; j < n; j++) {
                    double xj = x[j], yj = y[j];
                    c0[j] = c0[j] + a0 * xj + b0 * yj;
                    c1[j] = c1[j] + a1 * xj + b1 * yj;
                    c2[j] = c2[j] + a2 * xj + b2 * yj;
                    c3[j] = c3[j] + a3 * xj + b3 * yj;
                }
            }
            for (; k < q; k++) {
                double a0 = rw[o0 + k], a1 = rw[o1 + k], a2 = rw[o2 + k], a3 = rw[o3 + k];
                double[] x = inv[k];
                for (int j = 0; j < n; j++) {
                    double xj = x[j];
                    c0[j] += a0 * xj;
                    c1[j] += a1 * xj;
                    c2[j] += a2 * xj;
                    c3[j] += a3 * xj;
                }
            }
            rowGrade[r] = maxAbs(c0);
            rowGrade[r + 1] = maxAbs(c1);
            rowGrade[r + 2] = maxAbs(c2);
            rowGrade[r + 3] = maxAbs(c3);
        }

        private void single(int r, double[][] inv) {
            final double[] c = c0, rw = rows;
            Arrays.fill(c, 0.0);
            int o = order[r] * q;
            for (int k = 0; k < q; k++) {
                double bk = rw[o + k];
                double[] x = inv[k];
                for (int j = 0; j < n; j++) c[j] += bk * x[j];
            }
            rowGrade[r] = maxAbs(c);
        }

        private static double maxAbs(double[] c) {
            double best = 0;
            for (double x : c) best = Math.max(best, Math.abs(x));
            return best;
        }
    }
}
