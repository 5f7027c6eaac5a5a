package org.mtpj.train.basis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GraphEnumeratorTest {
    @Test
    void levelSixInKeyOrder() {
        List<String> got = GraphEnumerator.enumerate(BasisRules.mlip2(6)).stream().map(ContractionGraph::toString).toList();
        assertEquals(List.of("M(0,0) []", "M(1,0) []", "M(0,0)·M(0,0) [0]", "M(0,1)·M(0,1) [1]",
                "M(0,0)·M(0,0)·M(0,0) [0, 0, 0]"), got);
    }

    @Test
    void isomorphicGraphsCountOnce() {
        // three rank-2 tensors: the triangle is the only contraction; the relabelled forms are not canonical
        ContractionGraph triangle = new ContractionGraph(new int[] {0, 0, 0}, new int[] {2, 2, 2}, new int[] {1, 1, 1});
        assertTrue(triangle.isCanonical());
        // a path 1–3–1 among (0,1),(0,1),(0,2)? degrees must equal ranks: (0,1)-(0,2)-(0,1)
        ContractionGraph a = new ContractionGraph(new int[] {0, 0, 0}, new int[] {1, 1, 2}, new int[] {0, 1, 1});
        ContractionGraph b = new ContractionGraph(new int[] {0, 0, 0}, new int[] {1, 2, 1}, new int[] {1, 0, 1});
        assertEquals(a.canonical().graph(), b.canonical().graph());
        long copies = GraphEnumerator.enumerate(BasisRules.mlip2(12)).stream().filter(g -> g.equals(a)).count();
        assertEquals(1, copies);
    }

    @Test
    void everyFunctionIsCanonicalScalarAndWithinTheCaps() {
        List<ContractionGraph> all = GraphEnumerator.enumerate(BasisRules.mlip2(28));
        for (ContractionGraph g : all) {
            assertTrue(g.isScalar() && g.isCanonical() && g.level() <= 28 && g.size() <= 4, g.toString());
            for (int v = 0; v < g.size(); v++) assertTrue(g.nu(v) <= 10 && g.mu(v) <= 5, g.toString());
        }
        assertEquals(all.size(), all.stream().distinct().count(), "no duplicates");
        for (int i = 1; i < all.size(); i++) assertTrue(all.get(i - 1).compareTo(all.get(i)) < 0, "sorted by the §4.2 key");
    }
}
