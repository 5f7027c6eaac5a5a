package org.mtpj.train.basis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Every generated function equals a direct contraction of its graph on random neighbourhoods. */
class BasisValidatorTest {

    @Test
    void everyLevelMatchesDirectContraction() {
        for (int level = 2; level <= 28; level += 2) {
            MomentBasis basis = MomentBasisGenerator.generate(level);
            BasisValidator.Result r = BasisValidator.validate(basis, 2, 5, 1234 + level);
            assertTrue(r.maxRelativeError() < 1e-13, "level " + level + ": function " + r.worstFunction()
                    + " off by " + r.maxRelativeError());
        }
        // odd levels follow the same rule
        BasisValidator.Result r = BasisValidator.validate(MomentBasisGenerator.generate(15), 2, 5, 7);
        assertTrue(r.maxRelativeError() < 1e-13);
    }

    /** The validator must notice a wrong multiplicity or a wrong input slot (a check that cannot fail is a defect). */
    @Test
    void detectsACorruptedTable() {
        MomentBasis good = MomentBasisGenerator.generate(12);
        for (int which = 0; which < good.productCount(); which += 7) {
            int[][] p = good.products();
            p[which][2] += 1;
            assertTrue(BasisValidator.validate(withProducts(good, p), 2, 5, 99).maxRelativeError() > 1e-6,
                    "multiplicity change in entry " + which + " not detected");
        }
        int[][] p = good.products();
        p[p.length - 1][0] = (p[p.length - 1][0] + 1) % good.basicCount();
        assertTrue(BasisValidator.validate(withProducts(good, p), 2, 5, 99).maxRelativeError() > 1e-6);
    }

    @Test
    void directContractionOfSmallGraphsByHand() {
        SplittableRandom rnd = new SplittableRandom(5);
        double[][] u = BasisValidator.randomDirections(rnd, 3);
        double[][] w = {{0.3, -0.7, 1.1}};
        // M(0,2):M(0,2) = Σ_jk w_j w_k (u_j·u_k)^2, by components: Σ m · A_c A_c with m = 1,2,2,1,2,1
        ContractionGraph g = new ContractionGraph(new int[] {0, 0}, new int[] {2, 2}, new int[] {2});
        double[] basic = BasisValidator.basicValues(new int[][] {
            {0, 2, 0, 0}, {0, 1, 1, 0}, {0, 1, 0, 1}, {0, 0, 2, 0}, {0, 0, 1, 1}, {0, 0, 0, 2}}, u, w);
        int[] mult = {1, 2, 2, 1, 2, 1};
        double byComponents = 0;
        for (int c = 0; c < 6; c++) byComponents += mult[c] * basic[c] * basic[c];
        assertEquals(byComponents, BasisValidator.direct(g, u, w)[0], 1e-14);
    }

    private static MomentBasis withProducts(MomentBasis b, int[][] products) {
        return new MomentBasis(b.rules(), b.radialFunctionCount(), b.basic(), products, b.mapping(), b.momentsCount(), b.functions());
    }
}
