package org.mtpj.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mtpj.core.model.Configuration;
import org.mtpj.core.model.MtpPotential;

class KernelFlopsTest {
    /**
     * The smallest MTP (one species, K = 1, R = 2, the one basic moment M00 as its one scalar) on a
     * dimer 2 Å apart in a 20 Å box with Rcut 5 Å: each atom has one neighbour. Counted by hand from
     * the loops: per neighbour in range, prepare 4 (1/r, u) + chebyshev 4 (ξ, r−Rcut) + 0 (no
     * recurrence for R = 2) + 16 (scaling, 8 per basis function) + forward 8 (two multiply-adds per
     * basis function) + basic moment 2 + its adjoint row 2 + radial gradient 2 (rank 0) + angular
     * row 1 (the rank-0 monomial, no axis) + g = A·u + G/r 9 = 48; per list entry, r 6 + virial 21 +
     * forces 6 = 33; per site, the lone moment's sum 3 + V_i 2 + adjoint seed 1 + energy and
     * stress 7 = 13. So 94 per atom, 188 per evaluation.
     */
    @Test
    void theSmallestPotentialOnADimerCountsAsByHand() {
        MtpPotential p = new MtpPotential("flops", 0.05, 1, MtpPotential.RadialBasisType.RBChebyshev, 1.0, 5.0, 2, 1, 1,
                new int[][] {{0, 0, 0, 0}}, new int[0][], new int[] {0}, new double[] {0.1, 0.2}, new double[] {-1},
                new double[] {0.3}, true, null);
        Configuration dimer = new Configuration(2);
        dimer.latticeRows = 3;
        dimer.lattice[0] = new double[] {20, 0, 0};
        dimer.lattice[1] = new double[] {0, 20, 0};
        dimer.lattice[2] = new double[] {0, 0, 20};
        dimer.positions[3] = 2.0;
        KernelFlops f = KernelFlops.of(p);
        assertEquals(94, f.site(1, 1));
        assertEquals(188, f.evaluation(dimer));
        // an entry beyond Rcut still costs its distance, virial and force terms, nothing else
        assertEquals(94 + 33, f.site(2, 1));
    }

    @Test
    void aLevelLikePotentialCostsMoreThanItsBasicMomentsAlone() {
        MtpPotential p = TestPotentials.random(1, 2, MtpPotential.RadialBasisType.RBChebyshev);
        KernelFlops f = KernelFlops.of(p);
        long one = f.site(1, 1), two = f.site(2, 2);
        // affine in the neighbours: the per-neighbour part is at least the forward and adjoint dot products
        assertEquals(two - one, f.site(3, 3) - two);
        assertTrue(two - one >= 4L * p.basicCount() + 4L * p.radialFuncsCount * p.radialBasisSize, "per neighbour " + (two - one));
    }
}
