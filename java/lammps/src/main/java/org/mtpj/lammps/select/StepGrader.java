package org.mtpj.lammps.select;

import java.util.Arrays;
import org.mtpj.host.WorkerPool;
import org.mtpj.core.eval.SiteEvaluator;
import org.mtpj.core.model.MtpPotential;
import org.mtpj.lammps.bridge.StepView;
import org.mtpj.train.fit.Weighting;
import org.mtpj.train.grade.ActiveSet;
import org.mtpj.train.grade.RowWeights;

/**
 * Extrapolation grades of one MD step from the pair style's own neighbour data (mtp-spec §6):
 * a neighbourhood row b_i = ∂V_i/∂θ per local atom (core's
 * {@link SiteEvaluator#addSiteEnergyGradient}), graded against the precomputed A⁻¹
 * (grade = max_j |(b A⁻¹)_j|). With an energy row in the state's weights, the row
 * w_E·Σ_i b_i / N (÷N except for molecules weighting) is graded too. The active set is never
 * modified.
 *
 * <p>Speed: a row of a central atom of species a is zero outside that species' radial block, its
 * species entry and the moment coefficients (about half of θ for three species), so the rows of
 * each species are multiplied only with the matching rows of A⁻¹ (found from the rows themselves,
 * so nothing depends on θ's layout), four rows at a time. Rows and products are split over the
 * pair style's {@code threads N}. Not thread-safe: one per pair style.
 */
final class StepGrader implements AutoCloseable {
    private static final int BLOCK = 4;
    private static final int WARMUP = 10;
    private long steps, atomSteps, rowNanos, gradeNanos;

    private final ActiveSet set;
    private final double[] inverse;
    private final RowWeights weights;
    private final int n, species;
    private final Part[] parts;
    private final WorkerPool pool;
    /** Per species: θ indices that may be nonzero in its rows, and A⁻¹ restricted to those rows. */
    private final int[][] cols;
    private final double[][] invCols;
    private final boolean[][] colMask;

    // per step
    private StepView view;
    private int atoms, m;
    private double[] rows = new double[0];
    private int[] rowAtom = new int[0];
    private double[] rowGrade = new double[0];
    /** Per local atom ii of the last step: its neighbourhood grade (0 for atoms of NULL types). */
    private double[] atomGrades = new double[0];
    /** Σ_i b_i (n) and the atom count (1 more), reduced over the ranks. */
    private final double[] energyRow;
    private final double[] reduce = new double[1];

    StepGrader(MtpPotential pot, ActiveSet set, RowWeights weights, int threads) {
        this.set = set;
        this.inverse = set.inverse();
        this.weights = weights;
        this.n = pot.coefficientCount();
        this.species = pot.speciesCount;
        this.energyRow = weights.energyRow() ? new double[n + 1] : null;
        this.cols = new int[species][0];
        this.invCols = new double[species][0];
        this.colMask = new boolean[species][n];
        this.parts = new Part[Math.max(1, threads)];
        for (int t = 0; t < parts.length; t++) parts[t] = new Part(new SiteEvaluator(pot));
        this.pool = new WorkerPool("mtpj-select", parts.length);
    }

    /**
     * Grade of the step's configuration: max over its rows (all MPI ranks: collective, every rank
     * must call it each step); 0 without atoms.
     */
    double grade(StepView v) {
        this.view = v;
        atoms = v.localCount();
        if (atomGrades.length < atoms) atomGrades = new double[atoms];
        Arrays.fill(atomGrades, 0, atoms, 0.0);
        m = 0;
        if (rowAtom.length < atoms) rowAtom = new int[atoms];
        for (int ii = 0; ii < atoms; ii++) if (v.species(ii) >= 0) rowAtom[m++] = ii;
        if (rows.length < m * n) rows = new double[m * n];
        if (rowGrade.length < m) rowGrade = new double[m];
        long t0 = System.nanoTime();
        if (m > 0) runParts(true);
        long t1 = System.nanoTime();
        double g = 0;
        if (weights.neighbourhoodRows() && m > 0) {
            updateColumns();
            runParts(false);
            for (int r = 0; r < m; r++) {
                atomGrades[rowAtom[r]] = rowGrade[r];
                g = Math.max(g, rowGrade[r]);
            }
        }
        if (energyRow != null) {
            // Σ_i b_i and the atom count over all ranks, then the one energy row
            Arrays.fill(energyRow, 0);
            for (int k = 0; k < m; k++) for (int c = 0, o = k * n; c < n; c++) energyRow[c] += rows[o + c];
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
        if (++steps > WARMUP) {
            rowNanos += t1 - t0;
            gradeNanos += System.nanoTime() - t1;
            atomSteps += m;
        }
        view = null;
        return g;
    }

    /** Wall time per atom-step after the first {@value #WARMUP} steps (JIT): "rows X + grades Y us/atom-step". */
    String timing() {
        if (atomSteps == 0) return "";
        return String.format(java.util.Locale.ROOT, "grading %.1f us/atom-step (rows dV_i/dtheta %.1f + b A^-1 %.1f) after %d warm-up steps",
                (rowNanos + gradeNanos) * 1e-3 / atomSteps, rowNanos * 1e-3 / atomSteps, gradeNanos * 1e-3 / atomSteps, WARMUP);
    }

    /** Neighbourhood grade of local atom ii in the last graded step (0 for NULL types or without nbh rows). */
    double atomGrade(int ii) { return atomGrades[ii]; }

    /** Phase 1 (rows) or phase 2 (grades) over contiguous row ranges, one per part. */
    private void runParts(boolean buildRows) {
        int p = parts.length;
        if (p == 1 || m < 4 * p) {
            if (buildRows) parts[0].buildRows(0, m); else parts[0].gradeRows(0, m);
            return;
        }
        // worker t works rows [m·t/p, m·(t+1)/p): fixed shares, so the rows do not depend on timing
        pool.forEachWorker(t -> {
            int from = (int) ((long) m * t / p), to = (int) ((long) m * (t + 1) / p);
            if (buildRows) parts[t].buildRows(from, to); else parts[t].gradeRows(from, to);
        });
    }

    /** Grows each species' column set to cover this step's nonzero entries (A⁻¹ rows copied once). */
    private void updateColumns() {
        for (int r = 0; r < m; r++) {
            int a = view.species(rowAtom[r]);
            boolean[] mask = colMask[a];
            boolean grew = false;
            for (int c = 0, o = r * n; c < n; c++) {
                if (rows[o + c] != 0 && !mask[c]) { mask[c] = true; grew = true; }
            }
            if (grew) {
                int count = 0;
                for (boolean b : mask) if (b) count++;
                int[] cs = new int[count];
                double[] inv = new double[count * n];
                for (int c = 0, k = 0; c < n; c++) {
                    if (!mask[c]) continue;
                    cs[k] = c;
                    System.arraycopy(inverse, c * n, inv, k * n, n);
                    k++;
                }
                cols[a] = cs;
                invCols[a] = inv;
            }
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    /** One thread's share: its site evaluator and scratch. */
    private final class Part {
        private final SiteEvaluator site;
        private final double[] row = new double[n];
        private int[] types = new int[64];
        private double[] rij = new double[192];
        private double[] packed = new double[0];
        private final double[][] acc = new double[BLOCK][n];

        Part(SiteEvaluator site) { this.site = site; }

        void buildRows(int from, int to) {
            for (int r = from; r < to; r++) {
                int ii = rowAtom[r];
                int cnt = copyNeighbours(ii);
                Arrays.fill(row, 0);
                site.addSiteEnergyGradient(view.species(ii), cnt, types, 0, rij, 0, 1.0, row); // adds into row[0..n)
                System.arraycopy(row, 0, rows, r * n, n);
            }
        }

        /** Grades of rows from..to-1: runs of equal species, BLOCK rows per pass over A⁻¹. */
        void gradeRows(int from, int to) {
            int r = from;
            while (r < to) {
                int a = view.species(rowAtom[r]);
                int len = 1;
                while (len < BLOCK && r + len < to && view.species(rowAtom[r + len]) == a) len++;
                gradeBlock(r, len, cols[a], invCols[a]);
                r += len;
            }
        }

        private void gradeBlock(int r0, int len, int[] cs, double[] inv) {
            int q = cs.length;
            if (packed.length < BLOCK * q) packed = new double[BLOCK * q];
            for (int b = 0; b < len; b++) {
                int o = (r0 + b) * n;
                for (int k = 0; k < q; k++) packed[b * q + k] = rows[o + cs[k]];
                Arrays.fill(acc[b], 0);
            }
            if (len == BLOCK) {
                final double[] c0 = acc[0], c1 = acc[1], c2 = acc[2], c3 = acc[3];
                for (int k = 0; k < q; k++) {
                    double b0 = packed[k], b1 = packed[q + k], b2 = packed[2 * q + k], b3 = packed[3 * q + k];
                    int off = k * n;
                    for (int j = 0; j < n; j++) {
                        double x = inv[off + j];
                        c0[j] += b0 * x;
                        c1[j] += b1 * x;
                        c2[j] += b2 * x;
                        c3[j] += b3 * x;
                    }
                }
            } else {
                for (int b = 0; b < len; b++) {
                    final double[] c = acc[b];
                    for (int k = 0; k < q; k++) {
                        double bk = packed[b * q + k];
                        int off = k * n;
                        for (int j = 0; j < n; j++) c[j] += bk * inv[off + j];
                    }
                }
            }
            for (int b = 0; b < len; b++) {
                double best = 0;
                for (double x : acc[b]) best = Math.max(best, Math.abs(x));
                rowGrade[r0 + b] = best;
            }
        }

        private int copyNeighbours(int ii) {
            StepView v = view;
            int cnt = v.neighbourCount(ii), from = v.entryStart(ii);
            if (types.length < cnt) {
                types = new int[cnt + cnt / 2];
                rij = new double[3 * types.length];
            }
            for (int k = 0; k < cnt; k++) {
                int e = from + k;
                types[k] = v.neighbourSpecies(e);
                rij[3 * k] = v.rij(e, 0);
                rij[3 * k + 1] = v.rij(e, 1);
                rij[3 * k + 2] = v.rij(e, 2);
            }
            return cnt;
        }
    }
}
