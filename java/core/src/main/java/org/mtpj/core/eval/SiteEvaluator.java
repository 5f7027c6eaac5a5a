package org.mtpj.core.eval;

import org.mtpj.core.UserError;
import org.mtpj.core.model.MtpPotential;

/**
 * Site energy V_i of one neighbourhood and its derivatives (mtp-spec.md §3.2–3.7): with respect
 * to the neighbour vectors r_ij (for forces and virials) and with respect to the coefficients θ
 * (for grades and training).
 *
 * <p>Not thread-safe: one instance per thread. Scratch buffers grow to the largest neighbourhood
 * seen and are then reused, so the calls do not allocate.
 *
 * <p>Inputs: {@code rij[3k..3k+2] = r_j − r_i} (Å) and the species of neighbour k. Entries with
 * |r_ij| ≥ Rcut are skipped (gradient 0), since LAMMPS lists include the skin.
 *
 * <p>How it is computed: per neighbour the radial functions f_μ, f'_μ and all direction monomials
 * u_x^p u_y^q u_z^s (u = r_ij/r) are stored neighbour-fastest; basic moments are dot products
 * over neighbours; the product table runs forward and then backward (adjoint d = ∂V/∂slot); the
 * gradient per neighbour is g = u·Σ_q d_q P_q (f'_μ − ν f_μ/r) + (1/r) Σ_q d_q f_μ ∇_u P_q,
 * accumulated in loops over neighbours that the JIT vectorises.
 */
public final class SiteEvaluator {
    private final MomentTables t;
    private int cap;
    // per in-range neighbour k (compacted): unit vector, 1/r, r, species, original position
    private double[] ux, uy, uz, rinv, rr;
    private int[] typ, orig;
    // neighbour-fastest tables with stride cap
    private double[] mon, f, df, hb, em;
    private double[] ax, gx, gy, gz;
    private final double[] slots, adj, cheb, dcheb, hk;
    private double repulsion;

    /** A site evaluator for potential pot (builds its index tables). */
    public SiteEvaluator(MtpPotential pot) {
        this(new MomentTables(pot));
    }

    SiteEvaluator(MomentTables tables) {
        this.t = tables;
        slots = new double[t.slotCount];
        adj = new double[t.slotCount];
        cheb = new double[t.radialSize];
        dcheb = new double[t.radialSize];
        hk = new double[t.radialFuncs];
        grow(64);
    }

    /** The potential this evaluator works for. */
    public MtpPotential potential() { return t.pot; }

    private void grow(int need) {
        int c = Math.max(need, 2 * cap);
        cap = c;
        ux = new double[c]; uy = new double[c]; uz = new double[c]; rinv = new double[c]; rr = new double[c];
        typ = new int[c]; orig = new int[c];
        mon = new double[t.monCount * c];
        f = new double[t.radialFuncs * c];
        df = new double[t.radialFuncs * c];
        hb = new double[t.blockCount * c];
        em = new double[t.usedCount * c];
        ax = new double[c]; gx = new double[c]; gy = new double[c]; gz = new double[c];
    }

    /**
     * V_i and g_ij = ∂V_i/∂r_ij for a neighbourhood of n entries.
     *
     * @param centralType species of atom i (0-based)
     * @param neighbourTypes species of neighbour k at [k]
     * @param rij r_j − r_i of neighbour k at [3k..3k+2] (Å)
     * @param gOut receives ∂V_i/∂r_ij at [3k..3k+2] (eV/Å); 0 for entries at r ≥ Rcut
     * @return V_i (eV)
     */
    public double siteEnergy(int centralType, int n, int[] neighbourTypes, double[] rij, double[] gOut) {
        return siteEnergy(centralType, n, neighbourTypes, 0, rij, 0, gOut, 0);
    }

    /**
     * Like {@link #siteEnergy(int, int, int[], double[], double[])} for a slice of larger arrays:
     * neighbour k is {@code neighbourTypes[typeOffset + k]}, {@code rij[rijOffset + 3k..]}, and its
     * gradient goes to {@code gOut[gOffset + 3k..]}.
     */
    public double siteEnergy(int centralType, int n, int[] neighbourTypes, int typeOffset,
                             double[] rij, int rijOffset, double[] gOut, int gOffset) {
        int m = prepare(centralType, n, neighbourTypes, typeOffset, rij, rijOffset);
        double v = forward(centralType, m);
        for (int k = 0; k < 3 * n; k++) gOut[gOffset + k] = 0;
        backward(m);
        gradients(m, gOut, gOffset);
        return v;
    }

    /** V_i only (no gradients); same numbers as {@link #siteEnergy}. */
    public double siteEnergyOnly(int centralType, int n, int[] neighbourTypes, double[] rij) {
        int m = prepare(centralType, n, neighbourTypes, 0, rij, 0);
        return forward(centralType, m);
    }

    /**
     * V_i and ∂V_i/∂θ (spec §3.7), θ laid out as {@link MtpPotential#coefficients()}: radial
     * c^{ab}_{μ,n}, then species w_a, then moment v_s. dVdTheta is overwritten.
     *
     * @return V_i (eV)
     */
    public double siteEnergyGradient(int centralType, int n, int[] neighbourTypes, double[] rij, double[] dVdTheta) {
        java.util.Arrays.fill(dVdTheta, 0, t.pot.coefficientCount(), 0.0);
        return addSiteEnergyGradient(centralType, n, neighbourTypes, 0, rij, 0, 1.0, dVdTheta);
    }

    /**
     * Adds weight · ∂V_i/∂θ to acc (layout of {@link MtpPotential#coefficients()}) for the slice
     * of neighbours at the given offsets, and returns V_i. For summing energy gradients of many
     * sites without a temporary.
     */
    public double addSiteEnergyGradient(int centralType, int n, int[] neighbourTypes, int typeOffset,
                                        double[] rij, int rijOffset, double weight, double[] acc) {
        if (acc.length < t.pot.coefficientCount())
            throw new IllegalArgumentException("gradient array has " + acc.length + " entries, need " + t.pot.coefficientCount());
        int m = prepare(centralType, n, neighbourTypes, typeOffset, rij, rijOffset);
        double v = forward(centralType, m);
        backwardH(m);
        int C = t.speciesCount, K = t.radialFuncs, R = t.radialSize;
        int nr = t.radial.length;
        acc[nr + centralType] += weight;
        for (int s = 0; s < t.scalarCount; s++) acc[nr + C + s] += weight * slots[t.scalarSlot[s]];
        // ∂V/∂c^{ab}_{μ,n} = Σ_{j: t_j=b} Q_n(r_j) Σ_{q: μ_q=μ} d_q P_q(u_j); hb holds Σ_q d_q P_q per (μ, rank) block
        final double[] h = this.hk;
        for (int k = 0; k < m; k++) {
            java.util.Arrays.fill(h, 0.0);
            for (int b = 0; b < t.blockCount; b++) h[t.blockMu[b]] += hb[b * cap + k];
            chebyshev(rr[k]);
            int base = (centralType * C + typ[k]) * K * R;
            for (int mu = 0; mu < K; mu++) {
                double w = weight * h[mu];
                for (int nn = 0; nn < R; nn++) acc[base + mu * R + nn] += w * cheb[nn];
            }
        }
        return v;
    }

    // ---------------------------------------------------------------------------------------

    /** Copies in-range neighbours into the compact buffers; returns their number. */
    private int prepare(int centralType, int n, int[] types, int toff, double[] rij, int roff) {
        if (centralType < 0 || centralType >= t.speciesCount)
            throw new UserError("atom species " + centralType + " is not in the potential (species_count = " + t.speciesCount + ")");
        if (n > cap) grow(n);
        double rc = t.rcut;
        int m = 0;
        for (int k = 0; k < n; k++) {
            double x = rij[roff + 3 * k], y = rij[roff + 3 * k + 1], z = rij[roff + 3 * k + 2];
            double r = Math.sqrt(x * x + y * y + z * z);
            if (!(r < rc)) {
                if (Double.isNaN(r)) throw new UserError("neighbour " + k + " has a non-finite position");
                continue;
            }
            int b = types[toff + k];
            if (b < 0 || b >= t.speciesCount)
                throw new UserError("neighbour species " + b + " is not in the potential (species_count = " + t.speciesCount + ")");
            if (r == 0) throw new UserError("two atoms at distance 0 (neighbour " + k + " of an atom of species " + centralType + ")");
            double ri = 1.0 / r;
            ux[m] = x * ri; uy[m] = y * ri; uz[m] = z * ri;
            rinv[m] = ri; rr[m] = r; typ[m] = b; orig[m] = k;
            m++;
        }
        return m;
    }

    /** Chebyshev values s·T_n(ξ)(r−Rcut)² and derivatives into cheb/dcheb (clamped for _repuls). */
    private void chebyshev(double r) {
        int R = t.radialSize;
        double rmin = t.rmin, rcut = t.rcut, s = t.scaling;
        boolean clamped = t.repulsive && r < rmin;
        if (clamped) r = rmin;
        double dxi = 2.0 / (rcut - rmin);
        double xi = (2.0 * r - (rmin + rcut)) / (rcut - rmin);
        double d = r - rcut, d2 = d * d;
        double tPrev = 1, tCur = xi, dtPrev = 0, dtCur = dxi;
        cheb[0] = s * d2;
        dcheb[0] = clamped ? 0 : s * 2 * d;
        cheb[1] = s * xi * d2;
        dcheb[1] = clamped ? 0 : s * (dxi * d2 + xi * 2 * d);
        for (int nn = 2; nn < R; nn++) {
            double tNext = 2 * xi * tCur - tPrev;
            double dtNext = 2 * (dxi * tCur + xi * dtCur) - dtPrev;
            tPrev = tCur; tCur = tNext; dtPrev = dtCur; dtCur = dtNext;
            cheb[nn] = s * tCur * d2;
            dcheb[nn] = clamped ? 0 : s * (dtCur * d2 + tCur * 2 * d);
        }
    }

    /** Radial functions, monomials, basic moments, products; returns V_i. */
    private double forward(int a, int m) {
        final int K = t.radialFuncs, R = t.radialSize, C = t.speciesCount, cap = this.cap;
        final double[] rc = t.radial;
        repulsion = 0;
        for (int k = 0; k < m; k++) {
            double r = rr[k];
            chebyshev(r);
            int base = (a * C + typ[k]) * K * R;
            for (int mu = 0; mu < K; mu++) {
                double sv = 0, sd = 0;
                int o = base + mu * R;
                for (int nn = 0; nn < R; nn++) {
                    double c = rc[o + nn];
                    sv += c * cheb[nn];
                    sd += c * dcheb[nn];
                }
                f[mu * cap + k] = sv;
                df[mu * cap + k] = sd;
            }
            if (t.repulsive && r < t.rmin)
                repulsion += 1e4 * (Math.exp(-10 * (r - 1)) - Math.exp(-10 * (t.rmin - 1)));
        }
        // direction monomials, neighbour-fastest
        final double[] mon = this.mon;
        for (int k = 0; k < m; k++) mon[k] = 1.0;
        for (int mm = 1; mm < t.monCount; mm++) {
            int ax = t.monAxis[mm];
            double[] u = ax == 0 ? ux : ax == 1 ? uy : uz;
            int o = mm * cap, po = t.monParent[mm] * cap;
            for (int k = 0; k < m; k++) mon[o + k] = mon[po + k] * u[k];
        }
        // basic moments: dot products over neighbours (4 partial sums for throughput)
        final double[] f = this.f, slots = this.slots;
        for (int q = 0; q < t.basicCount; q++) {
            int fo = t.basicMu[q] * cap, mo = t.basicMon[q] * cap;
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            int k = 0;
            for (; k + 3 < m; k += 4) {
                s0 += f[fo + k] * mon[mo + k];
                s1 += f[fo + k + 1] * mon[mo + k + 1];
                s2 += f[fo + k + 2] * mon[mo + k + 2];
                s3 += f[fo + k + 3] * mon[mo + k + 3];
            }
            for (; k < m; k++) s0 += f[fo + k] * mon[mo + k];
            slots[q] = (s0 + s1) + (s2 + s3);
        }
        java.util.Arrays.fill(slots, t.basicCount, t.slotCount, 0.0);
        final int[] pi = t.prodI, pj = t.prodJ, pk = t.prodK;
        final double[] pm = t.prodMult;
        for (int e = 0; e < t.productCount; e++) slots[pk[e]] += pm[e] * slots[pi[e]] * slots[pj[e]];
        double v = t.speciesCoeffs[a];
        for (int s = 0; s < t.scalarCount; s++) v += t.momentCoeffs[s] * slots[t.scalarSlot[s]];
        return v + repulsion;
    }

    /** Adjoint of the product table, then hb[block][k] = Σ_{q in block} d_q P_q(u_k). */
    private void backwardH(int m) {
        final double[] adj = this.adj, slots = this.slots;
        java.util.Arrays.fill(adj, 0.0);
        for (int s = 0; s < t.scalarCount; s++) adj[t.scalarSlot[s]] += t.momentCoeffs[s];
        final int[] pi = t.prodI, pj = t.prodJ, pk = t.prodK;
        final double[] pm = t.prodMult;
        for (int e = t.productCount - 1; e >= 0; e--) {
            double dk = adj[pk[e]] * pm[e];
            if (dk == 0) continue;
            int i = pi[e], j = pj[e];
            adj[j] += dk * slots[i];
            adj[i] += dk * slots[j];
        }
        final int cap = this.cap;
        final double[] hb = this.hb, mon = this.mon;
        for (int b = 0; b < t.blockCount; b++) java.util.Arrays.fill(hb, b * cap, b * cap + m, 0.0);
        for (int q = 0; q < t.basicCount; q++) {
            double dq = adj[q];
            if (dq == 0) continue;
            int ho = t.basicBlock[q] * cap, mo = t.basicMon[q] * cap;
            for (int k = 0; k < m; k++) hb[ho + k] += dq * mon[mo + k];
        }
    }

    /** Adjoint plus em[used][k] = Σ_{q with that monomial} d_q f_μq(r_k). */
    private void backward(int m) {
        backwardH(m);
        final int cap = this.cap;
        final double[] em = this.em, f = this.f, adj = this.adj;
        for (int u = 0; u < t.usedCount; u++) java.util.Arrays.fill(em, u * cap, u * cap + m, 0.0);
        for (int q = 0; q < t.basicCount; q++) {
            double dq = adj[q];
            if (dq == 0) continue;
            int eo = t.basicUsed[q] * cap, fo = t.basicMu[q] * cap;
            for (int k = 0; k < m; k++) em[eo + k] += dq * f[fo + k];
        }
    }

    /** g_k = u·A + (1/r)·G from the tables of {@link #backward}, scattered to gOut. */
    private void gradients(int m, double[] gOut, int goff) {
        final int cap = this.cap;
        final double[] ax = this.ax, gx = this.gx, gy = this.gy, gz = this.gz, rinv = this.rinv;
        final double[] f = this.f, df = this.df, hb = this.hb, em = this.em, mon = this.mon;
        java.util.Arrays.fill(ax, 0, m, 0.0);
        java.util.Arrays.fill(gx, 0, m, 0.0);
        java.util.Arrays.fill(gy, 0, m, 0.0);
        java.util.Arrays.fill(gz, 0, m, 0.0);
        // radial part: A_k = Σ_blocks (f'_μ − ν f_μ / r) · hb
        for (int b = 0; b < t.blockCount; b++) {
            int fo = t.blockMu[b] * cap, ho = b * cap;
            double nu = t.blockRank[b];
            if (nu == 0) {
                for (int k = 0; k < m; k++) ax[k] += df[fo + k] * hb[ho + k];
            } else {
                for (int k = 0; k < m; k++) ax[k] += (df[fo + k] - nu * f[fo + k] * rinv[k]) * hb[ho + k];
            }
        }
        // angular part: G = Σ_monomials em · ∇_u P
        for (int u = 0; u < t.usedCount; u++) {
            int eo = u * cap;
            if (t.usedPx[u] > 0) {
                double p = t.usedPx[u];
                int mo = t.usedDownX[u] * cap;
                for (int k = 0; k < m; k++) gx[k] += p * em[eo + k] * mon[mo + k];
            }
            if (t.usedPy[u] > 0) {
                double p = t.usedPy[u];
                int mo = t.usedDownY[u] * cap;
                for (int k = 0; k < m; k++) gy[k] += p * em[eo + k] * mon[mo + k];
            }
            if (t.usedPz[u] > 0) {
                double p = t.usedPz[u];
                int mo = t.usedDownZ[u] * cap;
                for (int k = 0; k < m; k++) gz[k] += p * em[eo + k] * mon[mo + k];
            }
        }
        final boolean rep = t.repulsive;
        for (int k = 0; k < m; k++) {
            double a = ax[k], ri = rinv[k];
            if (rep && rr[k] < t.rmin) a += -1e5 * Math.exp(-10 * (rr[k] - 1));
            int o = goff + 3 * orig[k];
            gOut[o] = a * ux[k] + ri * gx[k];
            gOut[o + 1] = a * uy[k] + ri * gy[k];
            gOut[o + 2] = a * uz[k] + ri * gz[k];
        }
    }
}
