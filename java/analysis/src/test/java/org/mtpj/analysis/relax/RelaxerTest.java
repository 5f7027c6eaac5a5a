package org.mtpj.analysis.relax;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtpj.core.UserError;
import org.mtpj.core.model.Configuration;

class RelaxerTest {
    final LennardJones lj = new LennardJones();

    @Test
    void testModelVirialIsMinusTheStrainDerivative() {
        // dE/dε_ab = −W_ab: the convention the relaxer relies on (checked on the test model).
        Configuration c = LennardJones.fcc(1.6, 0.05, 1);
        double[] w = lj.evaluate(c).plusStress();
        int[][] comp = {{0, 0}, {1, 1}, {2, 2}, {1, 2}, {0, 2}, {0, 1}};
        double h = 1e-6;
        for (int k = 0; k < 6; k++) {
            double ep = lj.evaluate(strained(c, comp[k][0], comp[k][1], h)).energy();
            double em = lj.evaluate(strained(c, comp[k][0], comp[k][1], -h)).energy();
            assertEquals(-w[k], (ep - em) / (2 * h), 1e-5 * Math.max(1, Math.abs(w[k])), "component " + k);
        }
    }

    /** Symmetric strain ε_ab = ε_ba = h/2 (off-diagonal) or ε_aa = h applied to cell and atoms. */
    static Configuration strained(Configuration c, int a, int b, double h) {
        double[][] e = new double[3][3];
        if (a == b) e[a][a] = h; else { e[a][b] = h / 2; e[b][a] = h / 2; }
        Configuration s = c.copy();
        for (int r = 0; r < 3; r++)
            for (int x = 0; x < 3; x++) {
                double v = c.lattice[r][x];
                for (int y = 0; y < 3; y++) v += c.lattice[r][y] * e[y][x];
                s.lattice[r][x] = v;
            }
        for (int i = 0; i < c.size; i++)
            for (int x = 0; x < 3; x++) {
                double v = c.positions[3 * i + x];
                for (int y = 0; y < 3; y++) v += c.positions[3 * i + y] * e[y][x];
                s.positions[3 * i + x] = v;
            }
        return s;
    }

    @Test
    void positionsOnlyRemovesTheForces() {
        for (Relaxer.Method m : Relaxer.Method.values()) {
            Configuration c = LennardJones.fcc(1.6, 0.08, 2);
            RelaxResult r = new Relaxer().fmax(1e-4).method(m).relax(c, lj, null);
            assertTrue(r.converged(), m.toString());
            assertTrue(r.fmax() <= 1e-4);
            assertTrue(r.energy() < r.initialEnergy());
            assertArrayEquals(c.lattice[0], r.relaxed().lattice[0], 0);
        }
        Configuration c = LennardJones.fcc(1.6, 0.08, 2);
        RelaxResult r = new Relaxer().fmax(1e-4).relax(c, lj, null);
        assertTrue(r.converged());
        assertTrue(r.fmax() <= 1e-4);
        assertTrue(r.energy() < r.initialEnergy());
        assertArrayEquals(c.lattice[0], r.relaxed().lattice[0], 0); // cell untouched
    }

    @Test
    void isoAndFullCellReachZeroStressAtTheLjLattice() {
        for (Relaxer.Method method : Relaxer.Method.values())
        for (CellMode mode : List.of(CellMode.ISO, CellMode.FULL)) {
            Configuration c = LennardJones.fcc(1.48, 0.03, 3);
            List<Relaxer.Progress> log = new ArrayList<>();
            RelaxResult r = new Relaxer().fmax(1e-5).smaxGPa(1e-3).cell(mode).method(method).maxSteps(5000).relax(c, lj, log::add);
            assertTrue(r.converged(), method + " " + mode + " after " + r.steps());
            assertTrue(r.energy() < r.initialEnergy());
            double[] sigma = r.stressGPa();
            for (int k = 0; k < (mode == CellMode.FULL ? 6 : 0); k++) assertTrue(Math.abs(sigma[k]) <= 1e-3, mode + " σ" + k);
            assertTrue(Math.abs(r.pressureGPa()) <= 1e-3);
            // fcc LJ (rc 2.5, shifted) relaxes to a ≈ 1.54-1.55 σ, i.e. a volume of about 3.7 σ³.
            double v = r.relaxed().volume();
            assertTrue(v > 3.4 && v < 3.9, mode + " volume " + v);
            if (method == Relaxer.Method.FIRE) assertEquals(r.steps() + 1, log.size());
            else assertTrue(log.size() >= 2 && log.size() <= r.steps() + 1);
        }
    }

    @Test
    void stepLimitIsReportedAsNotConverged() {
        Configuration c = LennardJones.fcc(1.6, 0.08, 4);
        for (Relaxer.Method m : Relaxer.Method.values()) {
            RelaxResult r = new Relaxer().fmax(1e-8).maxSteps(5).method(m).relax(c, lj, null);
            assertFalse(r.converged(), m.toString());
            assertEquals(5, r.steps());
            assertTrue(r.fmax() > 1e-8);
        }
    }

    @Test
    void badSettingsAreUserErrors() {
        assertThrows(UserError.class, () -> new Relaxer().fmax(0));
        assertThrows(UserError.class, () -> new Relaxer().maxSteps(0));
        assertThrows(UserError.class, () -> CellMode.parse("cubic"));
        assertThrows(UserError.class, () -> Relaxer.Method.parse("newton"));
        Configuration cluster = new Configuration(2);
        cluster.positions[3] = 1.2;
        assertThrows(UserError.class, () -> new Relaxer().cell(CellMode.ISO).relax(cluster, lj, null));
    }
}
