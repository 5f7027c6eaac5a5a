package org.mtpj.core.eval;

import org.mtpj.core.model.Configuration;
import org.mtpj.core.model.MtpPotential;

/**
 * Floating-point operations of one energy + forces + PlusStress evaluation, counted from the loops
 * of {@link SiteEvaluator} (prepare, chebyshev, forward, adjointRows, gradients) and
 * {@link Evaluator} (virial, force gather): what {@code mtpj bench} divides by its time to say how
 * close the kernel runs to the machine's peak. A multiply-add counts 2, a division or square root
 * 1; index arithmetic, comparisons and the neighbour search are not counted, and the adjoint of the
 * product table is counted in full (its zero rows are skipped at run time, so this is an upper
 * bound there). One site costs {@code perSite + perInRange·m + perEntry·n} for n list entries of
 * which m are within Rcut: the count is exact for the arithmetic of those loops.
 */
public final class KernelFlops {
    private final double rcut;
    /** The three coefficients of the site cost. */
    private final long perSite, perInRange, perEntry;

    private KernelFlops(MomentTables t) {
        rcut = t.rcut;
        int K = t.radialFuncs, R = t.radialSize;
        // --- per in-range neighbour k ---
        long m = 4;                                   // prepare: 1/r and three unit-vector components
        m += 4 + 8L * (R - 2) + 8L * R;              // chebyshev: ξ and r−Rcut; recurrence; scaling by s·(r−Rcut)²
        if (t.repulsive) m += R;                      // derivatives zeroed below Rmin
        m += 4L * K * R;                              // forward: f_μ and f'_μ, one multiply-add each per (μ, n)
        m += t.monCount - 1;                          // direction monomials
        m += 2L * t.basicCount;                       // basic moments: one multiply-add per moment
        m += 2L * t.basicCount;                       // adjointRows: hb rows, one multiply-add per moment
        for (int b = 0; b < t.blockCount; b++)        // gradients, radial part
            m += t.blockRank[b] == 0 ? 2 : 5;
        for (int u = 0; u < t.usedCount; u++) {       // gradients, angular part
            int moments = t.usedStart[u + 1] - t.usedStart[u];
            m += 1 + 2L * (moments - 1);               // e_u row
            m += 3L * ((t.usedPx[u] > 0 ? 1 : 0) + (t.usedPy[u] > 0 ? 1 : 0) + (t.usedPz[u] > 0 ? 1 : 0));
        }
        m += 9;                                       // g_k = A·u + G/r
        perInRange = m;
        // --- per list entry, in range or not ---
        perEntry = 6                                  // prepare: r² and its square root
                + 21                                  // Evaluator: the six virial components
                + 6;                                  // Evaluator: forces, added at both atoms
        // --- per site ---
        long s = 0;
        s += 4L * t.quadCount + 3L * t.singleBasic.length;   // partial sums of the basic moments added up
        s += 3L * t.productCount;                     // products: multiplicity · slot · slot, added
        s += 2L * t.scalarCount;                      // V_i from the scalar moments
        s += t.scalarCount;                           // adjoint seeds d_s = v_s
        s += 5L * t.productCount;                     // adjoint of the products (upper bound, see above)
        s += 1 + 6;                                   // energy and stress sums over atoms
        perSite = s;
    }

    /** The count for potential p. */
    public static KernelFlops of(MtpPotential p) { return new KernelFlops(new MomentTables(p)); }

    /** FLOPs of one site with n list entries of which m are within Rcut. */
    public long site(int n, int m) { return perSite + perInRange * m + perEntry * n; }

    /** FLOPs of one evaluation of cfg (its own neighbour list, built on this thread). */
    public long evaluation(Configuration cfg) {
        NeighbourList nl = NeighbourList.build(cfg, rcut);
        long sum = 0;
        for (int i = 0; i < nl.atomCount(); i++) {
            int m = 0;
            for (int e = nl.offsets[i]; e < nl.offsets[i + 1]; e++) {
                double x = nl.rij[3 * e], y = nl.rij[3 * e + 1], z = nl.rij[3 * e + 2];
                if (Math.sqrt(x * x + y * y + z * z) < rcut) m++;
            }
            sum += site(nl.count(i), m);
        }
        return sum;
    }
}
