package org.mtpj.core.eval;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.mtpj.core.UserError;
import org.mtpj.core.model.MtpPotential;

/**
 * Flat index tables of one potential, built once and shared (read-only) by every
 * {@link SiteEvaluator}. They turn the file's nested lists into int/double arrays so the hot loops
 * never chase {@code int[][]} rows.
 *
 * <p>Basic moments are evaluated through direction monomials u_x^p u_y^q u_z^s (u = r_ij/r) of
 * every degree up to the largest rank; monomial 0 is the constant 1 and monomial m is
 * monomial {@link #monParent}[m] times the axis component {@link #monAxis}[m]. The spec writes the
 * moment as x^p y^q z^s / r^nu, which is the same number.
 */
final class MomentTables {
    final MtpPotential pot;
    final int speciesCount, radialFuncs, radialSize, basicCount, slotCount, productCount, scalarCount;
    final double rmin, rcut;
    final boolean repulsive;
    /**
     * Where the species coefficients w_a and the moment coefficients v_s start in θ (spec §3.7:
     * radial c^{ab}_{μ,n} in the layout of {@link MtpPotential#radialIndex}, then w, then v).
     * The coefficients themselves are not part of the tables: each {@link SiteEvaluator} reads
     * them from its own θ, so training can change them without rebuilding anything.
     */
    final int speciesOffset, momentOffset, coefficientCount;

    // monomials of degree 0..maxRank
    final int maxRank, monCount;
    final int[] monParent, monAxis, monPx, monPy, monPz;

    // basic moments q: radial function, monomial, rank, (mu, rank) block, used-monomial index
    final int[] basicMu, basicMon, basicRank, basicBlock, basicUsed;
    // distinct (mu, rank) blocks
    final int blockCount;
    final int[] blockMu, blockRank;
    // distinct monomials among the basic moments, with their lower neighbours for the gradient
    final int usedCount;
    final int[] usedMon, usedDownX, usedDownY, usedDownZ, usedPx, usedPy, usedPz;
    /**
     * Basic moments grouped by radial function in fours (quadCount groups, quadBasic[4g..4g+3],
     * all with radial function quadMu[g]) so one pass over f_μ serves four dot products; the
     * rest (fewer than four per μ) in singleBasic.
     */
    final int quadCount;
    final int[] quadBasic, quadMu, singleBasic;
    /** The same grouping by (μ, rank) block, for the adjoint rows hb: blockQuad*, blockSingle. */
    final int blockQuadCount;
    final int[] blockQuadBasic, blockQuadBlock, blockSingle;
    /** Basic moments with used monomial u: usedBasic[usedStart[u] .. usedStart[u+1]-1]. */
    final int[] usedStart, usedBasic;

    // product table, flat
    final int[] prodI, prodJ, prodK;
    final double[] prodMult;
    final int[] scalarSlot;
    /**
     * Runs of consecutive product entries with the same output slot: entries
     * runStart[r] .. runStart[r+1]-1 all write runSlot[r] (and never read it), so the sum can
     * stay in a register.
     */
    final int runCount;
    final int[] runStart, runSlot;

    MomentTables(MtpPotential pot) {
        this.pot = pot;
        speciesCount = pot.speciesCount;
        radialFuncs = pot.radialFuncsCount;
        radialSize = pot.radialBasisSize;
        basicCount = pot.basicCount();
        slotCount = pot.momentsCount;
        productCount = pot.momentProducts.length;
        scalarCount = pot.scalarCount();
        rmin = pot.minDist;
        rcut = pot.maxDist;
        repulsive = pot.radialBasisType == MtpPotential.RadialBasisType.RBChebyshev_repuls;
        speciesOffset = speciesCount * speciesCount * radialFuncs * radialSize;
        momentOffset = speciesOffset + speciesCount;
        coefficientCount = momentOffset + scalarCount;
        if (radialSize < 2) throw new UserError("radial_basis_size must be >= 2, got " + radialSize);
        if (!(rmin < rcut)) throw new UserError("min_dist " + rmin + " must be below max_dist " + rcut);

        int mr = 0;
        for (int[] b : pot.basicMoments) {
            if (b[0] < 0 || b[0] >= radialFuncs)
                throw new UserError("basic moment uses radial function " + b[0] + " but radial_funcs_count = " + radialFuncs);
            if (b[1] < 0 || b[2] < 0 || b[3] < 0) throw new UserError("basic moment with a negative exponent");
            mr = Math.max(mr, b[1] + b[2] + b[3]);
        }
        maxRank = mr;
        monCount = (mr + 1) * (mr + 2) * (mr + 3) / 6;
        monParent = new int[monCount];
        monAxis = new int[monCount];
        monPx = new int[monCount];
        monPy = new int[monCount];
        monPz = new int[monCount];
        int[][][] index = new int[mr + 1][mr + 1][mr + 1];
        int m = 0;
        for (int nu = 0; nu <= mr; nu++)
            for (int p = nu; p >= 0; p--)
                for (int q = nu - p; q >= 0; q--) {
                    int s = nu - p - q;
                    index[p][q][s] = m;
                    monPx[m] = p;
                    monPy[m] = q;
                    monPz[m] = s;
                    if (p > 0) { monParent[m] = index[p - 1][q][s]; monAxis[m] = 0; }
                    else if (q > 0) { monParent[m] = index[p][q - 1][s]; monAxis[m] = 1; }
                    else if (s > 0) { monParent[m] = index[p][q][s - 1]; monAxis[m] = 2; }
                    m++;
                }

        basicMu = new int[basicCount];
        basicMon = new int[basicCount];
        basicRank = new int[basicCount];
        basicBlock = new int[basicCount];
        basicUsed = new int[basicCount];
        Map<Long, Integer> blocks = new HashMap<>();
        Map<Integer, Integer> used = new HashMap<>();
        int[] bMu = new int[basicCount], bRank = new int[basicCount], uMon = new int[basicCount];
        for (int q = 0; q < basicCount; q++) {
            int[] b = pot.basicMoments[q];
            basicMu[q] = b[0];
            basicRank[q] = b[1] + b[2] + b[3];
            basicMon[q] = index[b[1]][b[2]][b[3]];
            long key = (long) b[0] * 1000 + basicRank[q];
            Integer blk = blocks.get(key);
            if (blk == null) {
                blk = blocks.size();
                blocks.put(key, blk);
                bMu[blk] = b[0];
                bRank[blk] = basicRank[q];
            }
            basicBlock[q] = blk;
            Integer u = used.get(basicMon[q]);
            if (u == null) {
                u = used.size();
                used.put(basicMon[q], u);
                uMon[u] = basicMon[q];
            }
            basicUsed[q] = u;
        }
        blockCount = blocks.size();
        blockMu = Arrays.copyOf(bMu, blockCount);
        blockRank = Arrays.copyOf(bRank, blockCount);
        usedCount = used.size();
        usedMon = Arrays.copyOf(uMon, usedCount);
        usedDownX = new int[usedCount];
        usedDownY = new int[usedCount];
        usedDownZ = new int[usedCount];
        usedPx = new int[usedCount];
        usedPy = new int[usedCount];
        usedPz = new int[usedCount];
        for (int u = 0; u < usedCount; u++) {
            int mm = usedMon[u], p = monPx[mm], q = monPy[mm], s = monPz[mm];
            usedPx[u] = p;
            usedPy[u] = q;
            usedPz[u] = s;
            usedDownX[u] = p > 0 ? index[p - 1][q][s] : -1;
            usedDownY[u] = q > 0 ? index[p][q - 1][s] : -1;
            usedDownZ[u] = s > 0 ? index[p][q][s - 1] : -1;
        }

        usedStart = new int[usedCount + 1];
        for (int q = 0; q < basicCount; q++) usedStart[basicUsed[q] + 1]++;
        for (int u = 0; u < usedCount; u++) usedStart[u + 1] += usedStart[u];
        usedBasic = new int[basicCount];
        int[] fill = Arrays.copyOf(usedStart, usedCount);
        for (int q = 0; q < basicCount; q++) usedBasic[fill[basicUsed[q]]++] = q;

        {
            int[] qb = new int[basicCount], qm = new int[basicCount / 4 + 1], sb = new int[basicCount];
            int nq = 0, ns = 0;
            for (int mu = 0; mu < radialFuncs; mu++) {
                int[] list = new int[basicCount];
                int c = 0;
                for (int q = 0; q < basicCount; q++) if (basicMu[q] == mu) list[c++] = q;
                int full = c / 4 * 4;
                for (int i = 0; i < full; i += 4) {
                    System.arraycopy(list, i, qb, 4 * nq, 4);
                    qm[nq++] = mu;
                }
                for (int i = full; i < c; i++) sb[ns++] = list[i];
            }
            quadCount = nq;
            quadBasic = Arrays.copyOf(qb, 4 * nq);
            quadMu = Arrays.copyOf(qm, nq);
            singleBasic = Arrays.copyOf(sb, ns);
        }

        {
            int[] qb = new int[basicCount], qk = new int[basicCount / 4 + 1], sb = new int[basicCount];
            int nq = 0, ns = 0;
            for (int blk = 0; blk < blockCount; blk++) {
                int[] list = new int[basicCount];
                int c = 0;
                for (int q = 0; q < basicCount; q++) if (basicBlock[q] == blk) list[c++] = q;
                int full = c / 4 * 4;
                for (int i = 0; i < full; i += 4) {
                    System.arraycopy(list, i, qb, 4 * nq, 4);
                    qk[nq++] = blk;
                }
                for (int i = full; i < c; i++) sb[ns++] = list[i];
            }
            blockQuadCount = nq;
            blockQuadBasic = Arrays.copyOf(qb, 4 * nq);
            blockQuadBlock = Arrays.copyOf(qk, nq);
            blockSingle = Arrays.copyOf(sb, ns);
        }

        prodI = new int[productCount];
        prodJ = new int[productCount];
        prodK = new int[productCount];
        prodMult = new double[productCount];
        for (int t = 0; t < productCount; t++) {
            int[] row = pot.momentProducts[t];
            prodI[t] = row[0];
            prodJ[t] = row[1];
            prodMult[t] = row[2];
            prodK[t] = row[3];
            for (int c : new int[] {row[0], row[1], row[3]})
                if (c < 0 || c >= slotCount)
                    throw new UserError("alpha_index_times entry " + t + " uses slot " + c + " outside 0.." + (slotCount - 1));
            if (row[3] < basicCount)
                throw new UserError("alpha_index_times entry " + t + " writes basic slot " + row[3]);
        }
        int[] rs = new int[productCount + 1], rk = new int[productCount];
        int runs = 0;
        for (int e = 0; e < productCount; e++) {
            boolean reads = prodI[e] == prodK[e] || prodJ[e] == prodK[e];
            if (runs == 0 || prodK[e] != rk[runs - 1] || reads) {
                rs[runs] = e;
                rk[runs] = prodK[e];
                runs++;
            }
        }
        rs[runs] = productCount;
        runCount = runs;
        runStart = Arrays.copyOf(rs, runs + 1);
        runSlot = Arrays.copyOf(rk, runs);
        scalarSlot = pot.scalarMoments.clone();
        for (int s : scalarSlot)
            if (s < 0 || s >= slotCount)
                throw new UserError("alpha_moment_mapping uses slot " + s + " outside 0.." + (slotCount - 1));
    }
}
