package org.mtpj.core.eval;

/**
 * The coefficient derivatives training needs (mtp-spec §3.7, §7) of the site that a
 * {@link SiteEvaluator} evaluated last, computed from that evaluator's state (its rows, moments
 * and adjoint), so training runs on the same kernel, the same θ and the same repulsion term as
 * calc-efs and LAMMPS:
 *
 * <ul>
 *   <li>{@link #addGradient}: w_E·∂V_i/∂θ + ∂Φ_i/∂θ with Φ_i = Σ_j g_ij·δ_j, the directional
 *       derivative of V_i along fixed neighbour displacements δ (the force and stress terms of the
 *       loss). Forward over reverse: a tangent pass through the moments and the product table,
 *       then a second adjoint;</li>
 *   <li>{@link #scalarValues} and {@link #scalarJacobian}: the scalar basis B_s(i) and
 *       ∂B_s(i)/∂r_ij (forward mode), for the linear shortcut;</li>
 *   <li>{@link #repulsion}: the θ-free part of V_i and g_ij (RBChebyshev_repuls), which the linear
 *       model carries as a fixed offset.</li>
 * </ul>
 *
 * <p>Tangent rows, per in-range neighbour k: ρ_k = u_k·δ_k, u̇_k = (δ_k − u_k ρ_k)/r_k, monomial
 * tangents Ṗ (product rule along the monomial recursion); tangent of basic moment q:
 * Ṁ_q = Σ_k f'_μ(k) ρ_k P_q(k) + f_μ(k) Ṗ_q(k). With the second adjoint e_q = ∂Φ/∂M_q and the
 * first d_q = ∂V/∂M_q: ∂Φ/∂c^{ab}_{μ,n} = Σ_{k: t_k=b} Q_n(k) Σ_{q: μ_q=μ} (e_q P_q + d_q Ṗ_q)
 * + Q'_n(k) ρ_k Σ_{q: μ_q=μ} d_q P_q, and ∂Φ/∂v_s = Ṁ of scalar slot s.
 *
 * <p>Not thread-safe: one per evaluator (per thread). No allocation per call once grown.
 */
public final class SiteCoefficientGradients {
    private final SiteEvaluator ev;
    private final MomentTables t;
    private int cap;
    private double[] rho, utx, uty, utz, jrow;
    /** Rows: monomial tangents Ṗ, f'_μ·ρ, and H_μ (the factor of Q_n). */
    private double[][] pt, dfr, hrow;
    private final double[] tslots, adj2;
    /** Neighbours per pass of the scalar Jacobian through the product table, and their tangent lanes. */
    private static final int NB = 8, LANES = 3 * NB;
    /** LANES tangent lanes per slot for the scalar Jacobian. */
    private final double[] lanes, prodA, prodB;
    /** One neighbour's monomials, f_μ/r and f'_μ; the lower monomials of each used one (0 = P_0 when absent). */
    private final double[] colMon, colF, colDF;
    private final int[] downX, downY, downZ;

    /** Derivatives of the sites evaluated by ev (which may be pointed at any θ). */
    public SiteCoefficientGradients(SiteEvaluator ev) {
        this.ev = ev;
        this.t = ev.t;
        tslots = new double[t.slotCount];
        adj2 = new double[t.slotCount];
        lanes = new double[LANES * t.slotCount];
        prodA = new double[t.productCount];
        prodB = new double[t.productCount];
        colMon = new double[t.monCount];
        colF = new double[t.radialFuncs];
        colDF = new double[t.radialFuncs];
        downX = new int[t.usedCount];
        downY = new int[t.usedCount];
        downZ = new int[t.usedCount];
        for (int u = 0; u < t.usedCount; u++) {
            downX[u] = Math.max(0, t.usedDownX[u]);
            downY[u] = Math.max(0, t.usedDownY[u]);
            downZ[u] = Math.max(0, t.usedDownZ[u]);
        }
        grow(64);
    }

    private void grow(int need) {
        if (need <= cap) return;
        int c = Math.max(need, 2 * cap);
        cap = c;
        rho = new double[c]; utx = new double[c]; uty = new double[c]; utz = new double[c]; jrow = new double[c];
        pt = new double[t.monCount][c];
        dfr = new double[t.radialFuncs][c];
        hrow = new double[t.radialFuncs][c];
    }

    /** The evaluator whose last site this differentiates. */
    public SiteEvaluator evaluator() { return ev; }

    /** Number of scalar basis functions S. */
    public int scalarCount() { return t.scalarCount; }

    /**
     * Adds energyWeight·∂V_i/∂θ + ∂Φ_i/∂θ to acc (layout of θ) for the last site, which must have
     * been evaluated with its adjoint ({@link SiteEvaluator#evaluateSite} or
     * {@link SiteEvaluator#siteEnergy}). δ of entry k (the entry order given to the evaluator) is
     * {@code delta[deltaOffset + 3k .. +2]}; entries at r ≥ Rcut are ignored. With delta null
     * only the energy part is added.
     *
     * @return Φ_i = Σ_k g_ik·δ_k (eV), 0 when delta is null
     */
    public double addGradient(double energyWeight, double[] delta, int deltaOffset, double[] acc) {
        if (!ev.adjointDone) throw new IllegalStateException("no site evaluated with its adjoint");
        if (acc.length < t.coefficientCount)
            throw new IllegalArgumentException("gradient array has " + acc.length + " entries, need " + t.coefficientCount);
        if (delta == null) {
            ev.addEnergyGradient(energyWeight, acc);
            return 0;
        }
        final int m = ev.siteCount, a = ev.siteType;
        final int C = t.speciesCount, K = t.radialFuncs, R = t.radialSize;
        grow(m);
        final double[] ux = ev.ux, uy = ev.uy, uz = ev.uz, rinv = ev.rinv, rho = this.rho;
        final double[] utx = this.utx, uty = this.uty, utz = this.utz;
        final int[] orig = ev.orig;
        for (int k = 0; k < m; k++) {
            int o = deltaOffset + 3 * orig[k];
            double dx = delta[o], dy = delta[o + 1], dz = delta[o + 2];
            double r = ux[k] * dx + uy[k] * dy + uz[k] * dz, ri = rinv[k];
            rho[k] = r;
            utx[k] = (dx - ux[k] * r) * ri;
            uty[k] = (dy - uy[k] * r) * ri;
            utz[k] = (dz - uz[k] * r) * ri;
        }
        // monomial tangents along the recursion P_m = P_parent · u_axis
        final double[][] mon = ev.mon;
        java.util.Arrays.fill(pt[0], 0, m, 0.0);
        for (int mm = 1; mm < t.monCount; mm++) {
            int axis = t.monAxis[mm];
            double[] u = axis == 0 ? ux : axis == 1 ? uy : uz;
            double[] ut = axis == 0 ? utx : axis == 1 ? uty : utz;
            double[] out = pt[mm], ppar = pt[t.monParent[mm]], par = mon[t.monParent[mm]];
            for (int k = 0; k < m; k++) out[k] = ppar[k] * u[k] + par[k] * ut[k];
        }
        final double[][] f = ev.f, df = ev.df;
        for (int mu = 0; mu < K; mu++) {
            double[] out = dfr[mu], d = df[mu];
            for (int k = 0; k < m; k++) out[k] = d[k] * rho[k];
        }
        // tangents of the basic moments, then through the product table
        final double[] ts = tslots, sl = ev.slots, d = ev.adj;
        // four moments of one radial function per pass (f_μ, f'_μ ρ loaded once), as in the forward pass
        final int[] qb = t.quadBasic;
        for (int g = 0; g < t.quadCount; g++) {
            int mu = t.quadMu[g];
            int qa = qb[4 * g], qc = qb[4 * g + 1], qd = qb[4 * g + 2], qe = qb[4 * g + 3];
            double[] fr = f[mu], dr = dfr[mu];
            double[] pa = mon[t.basicMon[qa]], pc = mon[t.basicMon[qc]], pd = mon[t.basicMon[qd]], pe = mon[t.basicMon[qe]];
            double[] ta = pt[t.basicMon[qa]], tc = pt[t.basicMon[qc]], td = pt[t.basicMon[qd]], te = pt[t.basicMon[qe]];
            double sa = 0, sc = 0, sd = 0, se = 0;
            for (int k = 0; k < m; k++) {
                double fk = fr[k], dk = dr[k];
                sa += dk * pa[k] + fk * ta[k];
                sc += dk * pc[k] + fk * tc[k];
                sd += dk * pd[k] + fk * td[k];
                se += dk * pe[k] + fk * te[k];
            }
            ts[qa] = sa; ts[qc] = sc; ts[qd] = sd; ts[qe] = se;
        }
        for (int q : t.singleBasic) {
            int mu = t.basicMu[q], mo = t.basicMon[q];
            double[] fr = f[mu], dr = dfr[mu], p = mon[mo], pp = pt[mo];
            double s0 = 0, s1 = 0;
            for (int k = 0; k < m; k++) {
                s0 += dr[k] * p[k];
                s1 += fr[k] * pp[k];
            }
            ts[q] = s0 + s1;
        }
        java.util.Arrays.fill(ts, t.basicCount, t.slotCount, 0.0);
        final int[] pi = t.prodI, pj = t.prodJ, pk = t.prodK;
        final double[] pm = t.prodMult;
        for (int e = 0; e < t.productCount; e++) {
            int i = pi[e], j = pj[e];
            ts[pk[e]] += pm[e] * (ts[i] * sl[j] + sl[i] * ts[j]);
        }
        final double[] theta = ev.theta;
        double phi = 0;
        for (int s = 0; s < t.scalarCount; s++) {
            double v = ts[t.scalarSlot[s]];
            phi += theta[t.momentOffset + s] * v;
            acc[t.momentOffset + s] += v + energyWeight * sl[t.scalarSlot[s]];
        }
        acc[t.speciesOffset + a] += energyWeight;
        // second adjoint e = ∂Φ/∂slot (Φ = Σ v_s ṡ_s; d = ∂V/∂slot is final already)
        final double[] e2 = adj2;
        java.util.Arrays.fill(e2, 0.0);
        for (int e = t.productCount - 1; e >= 0; e--) {
            int i = pi[e], j = pj[e], k = pk[e];
            double ek = e2[k], dk = d[k];
            if (ek == 0 && dk == 0) continue;
            double w = pm[e];
            e2[i] += w * (ek * sl[j] + dk * ts[j]);
            e2[j] += w * (ek * sl[i] + dk * ts[i]);
        }
        // H_μ = Σ_{q: μ_q=μ} (e_q + w_E d_q) P_q + d_q Ṗ_q
        for (int mu = 0; mu < K; mu++) java.util.Arrays.fill(hrow[mu], 0, m, 0.0);
        for (int g = 0; g < t.quadCount; g++) {
            int qa = qb[4 * g], qc = qb[4 * g + 1], qd = qb[4 * g + 2], qe = qb[4 * g + 3];
            double ca = e2[qa] + energyWeight * d[qa], cc = e2[qc] + energyWeight * d[qc];
            double cd = e2[qd] + energyWeight * d[qd], ce = e2[qe] + energyWeight * d[qe];
            double da = d[qa], dc = d[qc], dd = d[qd], de = d[qe];
            double[] h = hrow[t.quadMu[g]];
            double[] pa = mon[t.basicMon[qa]], pc = mon[t.basicMon[qc]], pd = mon[t.basicMon[qd]], pe = mon[t.basicMon[qe]];
            double[] ta = pt[t.basicMon[qa]], tc = pt[t.basicMon[qc]], td = pt[t.basicMon[qd]], te = pt[t.basicMon[qe]];
            for (int k = 0; k < m; k++)
                h[k] += ((ca * pa[k] + da * ta[k]) + (cc * pc[k] + dc * tc[k])) + ((cd * pd[k] + dd * td[k]) + (ce * pe[k] + de * te[k]));
        }
        for (int q : t.singleBasic) {
            double cp = e2[q] + energyWeight * d[q], cd = d[q];
            if (cp == 0 && cd == 0) continue;
            int mo = t.basicMon[q];
            double[] h = hrow[t.basicMu[q]], p = mon[mo], pp = pt[mo];
            for (int k = 0; k < m; k++) h[k] += cp * p[k] + cd * pp[k];
        }
        // radial: Σ_k Q_n H_μ + Q'_n ρ Σ_{q: μ_q=μ} d_q P_q
        final double[][] cheb = ev.cheb, dcheb = ev.dcheb;
        final double[] hm = ev.hmu, jr = jrow;
        for (int mu = 0; mu < K; mu++) {
            ev.sumBlocksOf(mu, hm, m);
            for (int k = 0; k < m; k++) jr[k] = hm[k] * rho[k];
            double[] h = hrow[mu];
            for (int b = 0; b < C; b++) {
                int from = ev.speciesStart[b], to = ev.speciesStart[b + 1];
                if (from == to) continue;
                int base = ((a * C + b) * K + mu) * R;
                for (int nn = 0; nn < R; nn++) {
                    double[] q = cheb[nn], dq = dcheb[nn];
                    double s0 = 0, s1 = 0;
                    for (int k = from; k < to; k++) {
                        s0 += q[k] * h[k];
                        s1 += dq[k] * jr[k];
                    }
                    acc[base + nn] += s0 + s1;
                }
            }
        }
        if (t.repulsive)
            for (int k = 0; k < m; k++)
                if (ev.rr[k] < t.rmin) phi += SiteEvaluator.repulsionSlope(ev.rr[k]) * rho[k];
        return phi;
    }

    /** B_s(i) of the last site into out[0..S). */
    public void scalarValues(double[] out) {
        requireForward();
        for (int s = 0; s < t.scalarCount; s++) out[s] = ev.slots[t.scalarSlot[s]];
    }

    /**
     * The θ-free part of the last site (RBChebyshev_repuls, spec §3.8): returns its energy and
     * writes its ∂/∂r_ij to {@code gOut[3k..3k+2]} for every entry k given to the evaluator (0 for
     * the others and for potentials without repulsion).
     */
    public double repulsion(double[] gOut) {
        requireForward();
        java.util.Arrays.fill(gOut, 0, 3 * ev.siteEntries, 0.0);
        if (!t.repulsive) return 0;
        double e = 0;
        for (int k = 0; k < ev.siteCount; k++) {
            double r = ev.rr[k];
            if (!(r < t.rmin)) continue;
            e += SiteEvaluator.repulsionEnergy(r, t.rmin);
            double sl = SiteEvaluator.repulsionSlope(r);
            int o = 3 * ev.orig[k];
            gOut[o] = sl * ev.ux[k];
            gOut[o + 1] = sl * ev.uy[k];
            gOut[o + 2] = sl * ev.uz[k];
        }
        return e;
    }

    /**
     * Jacobian of the scalar basis of the last site with respect to the neighbour vectors:
     * {@code jac[(3k + c)·S + s]} = ∂B_s(i)/∂r_ik,c for every entry k given to the evaluator (0 for
     * entries at r ≥ Rcut). jac must hold 3·n·S entries.
     */
    public void scalarJacobian(double[] jac) {
        requireForward();
        final int S = t.scalarCount, B = t.basicCount, T = t.productCount, m = ev.siteCount;
        java.util.Arrays.fill(jac, 0, 3 * ev.siteEntries * S, 0.0);
        // the product table's factors m·s_j and m·s_i are the same for every tangent of the site
        final double[] pa = prodA, pb = prodB, sl = ev.slots;
        final int[] pI = t.prodI, pJ = t.prodJ, pK = t.prodK;
        for (int e = 0; e < T; e++) {
            pa[e] = t.prodMult[e] * sl[pJ[e]];
            pb[e] = t.prodMult[e] * sl[pI[e]];
        }
        final double[][] mon = ev.mon, f = ev.f, df = ev.df;
        final double[] ts = lanes;
        final int L = LANES;
        // 3·NB tangents (three axes of NB neighbours) go through the table together, interleaved
        // as ts[L·slot + lane]: one pass over the table per NB neighbours, the lane loop vectorised
        for (int k0 = 0; k0 < m; k0 += NB) {
            int count = Math.min(NB, m - k0);
            if (count < NB) java.util.Arrays.fill(ts, 0, L * B, 0.0);
            for (int pl = 0; pl < count; pl++) {
                int k = k0 + pl, c0 = 3 * pl;
                double ux = ev.ux[k], uy = ev.uy[k], uz = ev.uz[k], ri = ev.rinv[k];
                // neighbour k's column of the rows, so the loop over moments reads one small array
                final double[] cm = colMon, cf = colF, cd = colDF;
                for (int mm = 0; mm < t.monCount; mm++) cm[mm] = mon[mm][k];
                for (int mu = 0; mu < t.radialFuncs; mu++) { cf[mu] = f[mu][k] * ri; cd[mu] = df[mu][k]; }
                // ∂M_q/∂r_k = u (f' P − ν f P / r) + (f / r) ∇_u P (the down monomials are 0 · P_0 for a zero exponent)
                for (int q = 0; q < B; q++) {
                    int mu = t.basicMu[q], used = t.basicUsed[q];
                    double fr = cf[mu], p = cm[t.basicMon[q]];
                    double radial = (cd[mu] - t.basicRank[q] * fr) * p;
                    double gx = t.usedPx[used] * cm[downX[used]];
                    double gy = t.usedPy[used] * cm[downY[used]];
                    double gz = t.usedPz[used] * cm[downZ[used]];
                    ts[L * q + c0] = radial * ux + fr * gx;
                    ts[L * q + c0 + 1] = radial * uy + fr * gy;
                    ts[L * q + c0 + 2] = radial * uz + fr * gz;
                }
            }
            java.util.Arrays.fill(ts, L * B, L * t.slotCount, 0);
            for (int e = 0; e < T; e++) {
                int i = L * pI[e], j = L * pJ[e], k = L * pK[e];
                double x = pa[e], y = pb[e];
                for (int l = 0; l < L; l++) ts[k + l] += ts[i + l] * x + y * ts[j + l];
            }
            for (int pl = 0; pl < count; pl++) {
                int o = 3 * ev.orig[k0 + pl] * S, c0 = 3 * pl;
                for (int s = 0; s < S; s++) {
                    int q = L * t.scalarSlot[s] + c0;
                    jac[o + s] = ts[q];
                    jac[o + S + s] = ts[q + 1];
                    jac[o + 2 * S + s] = ts[q + 2];
                }
            }
        }
    }

    private void requireForward() {
        if (!ev.forwardDone) throw new IllegalStateException("no site evaluated");
    }
}
