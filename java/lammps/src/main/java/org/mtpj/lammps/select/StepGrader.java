package org.mtpj.lammps.select;

import java.util.Arrays;
import org.mtpj.core.eval.SiteEvaluator;
import org.mtpj.core.model.MtpPotential;
import org.mtpj.lammps.bridge.StepView;
import org.mtpj.train.fit.Weighting;
import org.mtpj.train.grade.ActiveSet;
import org.mtpj.train.grade.RowWeights;

/**
 * Extrapolation grades of one MD step from the pair style's own neighbour data (mtp-spec §6):
 * a neighbourhood row b_i = ∂V_i/∂θ per local atom (core's
 * {@link SiteEvaluator#addSiteEnergyGradient}), then all rows graded by one matrix product with
 * the precomputed A⁻¹ (grade = max_j |(b A⁻¹)_j|). With an energy row in the state's weights, the
 * row w_E·Σ_i b_i / N (÷N except for molecules weighting) is graded too. The active set is never
 * modified. Not thread-safe: one per pair style.
 */
final class StepGrader {
    private final ActiveSet set;
    private final RowWeights weights;
    private final SiteEvaluator site;
    private final int n;
    private double[] rows = new double[0];
    private int[] types = new int[0];
    private double[] rij = new double[0];
    /** Per local atom ii of the last step: its neighbourhood grade (0 for atoms of NULL types). */
    private double[] atomGrades = new double[0];
    private final double[] energyRow, row;

    StepGrader(MtpPotential pot, ActiveSet set, RowWeights weights) {
        this.set = set;
        this.weights = weights;
        this.site = new SiteEvaluator(pot);
        this.n = pot.coefficientCount();
        this.energyRow = weights.energyRow() ? new double[n] : null;
        this.row = new double[n];
    }

    /** Grade of the step's configuration: max over its rows; 0 without atoms. */
    double grade(StepView v) {
        int atoms = v.localCount();
        if (atomGrades.length < atoms) atomGrades = new double[atoms];
        Arrays.fill(atomGrades, 0, atoms, 0.0);
        int m = 0;
        for (int ii = 0; ii < atoms; ii++) if (v.species(ii) >= 0) m++;
        if (m == 0) return 0;
        if (rows.length != m * n) rows = new double[m * n];
        int r = 0;
        for (int ii = 0; ii < atoms; ii++) {
            int ci = v.species(ii);
            if (ci < 0) continue;
            int cnt = copyNeighbours(v, ii);
            Arrays.fill(row, 0);
            site.addSiteEnergyGradient(ci, cnt, types, 0, rij, 0, 1.0, row); // adds into row[0..n)
            System.arraycopy(row, 0, rows, r * n, n);
            r++;
        }
        double g = 0;
        if (weights.neighbourhoodRows()) {
            double[] grades = set.grades(rows, m);
            r = 0;
            for (int ii = 0; ii < atoms; ii++) {
                if (v.species(ii) < 0) continue;
                atomGrades[ii] = grades[r];
                g = Math.max(g, grades[r]);
                r++;
            }
        }
        if (energyRow != null) {
            Arrays.fill(energyRow, 0);
            for (int k = 0; k < m; k++) for (int c = 0, o = k * n; c < n; c++) energyRow[c] += rows[o + c];
            double scale = weights.weighting() == Weighting.MOLECULES ? weights.energy() : weights.energy() / m;
            for (int c = 0; c < n; c++) energyRow[c] *= scale;
            g = Math.max(g, set.grade(energyRow));
        }
        return g;
    }

    /** Neighbourhood grade of local atom ii in the last graded step (0 for NULL types or without nbh rows). */
    double atomGrade(int ii) { return atomGrades[ii]; }

    private int copyNeighbours(StepView v, int ii) {
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
