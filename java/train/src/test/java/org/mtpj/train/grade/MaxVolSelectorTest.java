package org.mtpj.train.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/** MaxVol selection on synthetic rows: invariants of mtp-spec §6.3. */
class MaxVolSelectorTest {

    private static CandidatePool randomPool(Random rnd, int n, int m) {
        CandidatePool pool = new CandidatePool(n);
        for (int i = 0; i < m; i++) {
            double[] row = new double[n];
            for (int k = 0; k < n; k++) row[k] = rnd.nextGaussian() * (1 + k);
            pool.add(row, i);
        }
        return pool;
    }

    @Test
    void afterSelectionEveryCandidateIsWithinTheSwapThreshold() {
        Random rnd = new Random(5);
        int n = 12, m = 200;
        CandidatePool pool = randomPool(rnd, n, m);
        ActiveSet set = ActiveSet.initial(n, 1e-5);
        int swaps = MaxVolSelector.select(set, pool, 1.1, 1.0000001, 0);
        assertTrue(swaps >= n, "every initial row must be replaced, swaps=" + swaps);
        assertEquals(n, set.filledSlots());
        // grades from a fresh inverse of the final A
        ActiveSet fresh = ActiveSet.of(n, 1e-5, set.rows, set.owner);
        double[] g = fresh.grades(pool.data().clone(), m);
        for (double x : g) assertTrue(x <= 1.0000001 + 1e-9, "grade " + x);
        // the rank-one updated inverse equals the fresh one
        for (int i = 0; i < n * n; i++)
            assertEquals(fresh.inverse[i], set.inverse[i], 1e-9 * (1 + Math.abs(fresh.inverse[i])));
        // rows of A are candidate rows (owner ids match the original rows)
        CandidatePool original = randomPool(new Random(5), n, m);
        for (int j = 0; j < n; j++) {
            double[] row = set.row(j);
            double[] expected = original.row(set.owner(j));
            for (int k = 0; k < n; k++) assertEquals(expected[k], row[k], 0.0);
        }
    }

    @Test
    void selectionIncreasesTheVolume() {
        Random rnd = new Random(8);
        int n = 6;
        ActiveSet set = ActiveSet.initial(n, 1e-3);
        CandidatePool pool = randomPool(rnd, n, 40);
        MaxVolSelector.select(set, pool, 1.1, 1.0000001, 0);
        double det1 = Math.abs(CommonOps_DDRM.det(DMatrixRMaj.wrap(n, n, set.rows.clone())));
        // any single swap of a remaining candidate into any slot cannot grow |det| by more than 1.0000001
        for (int i = 0; i < pool.size(); i++) {
            for (int j = 0; j < n; j++) {
                double[] a = set.rows.clone();
                System.arraycopy(pool.data(), i * n, a, j * n, n);
                double det2 = Math.abs(CommonOps_DDRM.det(DMatrixRMaj.wrap(n, n, a)));
                assertTrue(det2 <= det1 * (1.0000001 + 1e-9), "swap " + i + "->" + j + " grows volume");
            }
        }
    }

    @Test
    void belowTheTriggerNothingIsSelected() {
        int n = 3;
        ActiveSet set = ActiveSet.initial(n, 1.0);
        CandidatePool pool = new CandidatePool(n);
        pool.add(new double[] {1.05, 0, 0}, 0);
        assertEquals(0, MaxVolSelector.select(set, pool, 1.1, 1.0000001, 0));
        assertEquals(0, set.filledSlots());
        pool.add(new double[] {0, 2.0, 0.5}, 1);
        // once triggered, every entry above the swap threshold is taken, the 1.05 row too
        assertEquals(2, MaxVolSelector.select(set, pool, 1.1, 1.0000001, 0));
        assertEquals(1, set.owner(1));
        assertEquals(0, set.owner(0));
        assertEquals(0.0, set.grade(new double[] {0, 2.0, 0.5}) - 1.0, 1e-15);
    }

    @Test
    void selectionLimitStopsEarly() {
        ActiveSet set = ActiveSet.initial(8, 1e-5);
        CandidatePool pool = randomPool(new Random(2), 8, 50);
        assertEquals(3, MaxVolSelector.select(set, pool, 1.1, 1.0000001, 3));
        assertEquals(3, set.filledSlots());
    }

    @Test
    void tiesGoToTheFirstEntryInRowMajorOrder() {
        ActiveSet set = ActiveSet.initial(2, 1.0);
        CandidatePool pool = new CandidatePool(2);
        pool.add(new double[] {0, 3}, 7);
        pool.add(new double[] {3, 0}, 8);
        MaxVolSelector.select(set, pool, 1.1, 1.0000001, 1);
        assertEquals(7, set.owner(1));
        assertEquals(ActiveSet.INITIAL, set.owner(0));
    }
}
