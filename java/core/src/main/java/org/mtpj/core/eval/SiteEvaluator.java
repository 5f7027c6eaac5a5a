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
 * <p>The coefficients are read from a θ array (layout of spec §3.7, {@link MtpPotential#coefficients()})
 * and a radial scaling, by default the potential's own; {@link #setCoefficients} points the
 * evaluator at another θ (training: one evaluator serves every optimisation step). After each
 * call the state of that site (rows, moments, adjoint) stays until the next call, for
 * {@link SiteCoefficientGradients}.
 *
 * <p>Inputs: {@code rij[3k..3k+2] = r_j − r_i} (Å) and the species of neighbour k. Entries with
 * |r_ij| ≥ Rcut are skipped (gradient 0), since LAMMPS lists include the skin.
 *
 * <p>How it is computed: per neighbour the radial functions f_μ, f'_μ and all direction monomials
 * u_x^p u_y^q u_z^s (u = r_ij/r) are stored as one row per function or monomial, neighbours
 * sorted by species; basic moments are dot products over neighbours; the product table runs
 * forward and then backward (adjoint d = ∂V/∂slot); the gradient per neighbour is
 * g = u·Σ_q d_q P_q (f'_μ − ν f_μ/r) + (1/r) Σ_q d_q f_μ ∇_u P_q. All per-neighbour work is in
 * loops over one row at a time (separate arrays, same index), which the JIT vectorises.
 */
public final class SiteEvaluator {
    // package-private state is read by SiteCoefficientGradients (the same site, further derivatives)
    final MomentTables t;
    private int cap;
    /** Coefficients θ (not copied) and the radial scaling in use. */
    double[] theta;
    private double scaling;
    /** The last site: central species, entries given, in-range neighbours, and which passes are done. */
    int siteType, siteEntries, siteCount;
    boolean forwardDone, adjointDone;
    // per in-range neighbour k (compacted, sorted by species): unit vector, 1/r, r, original index
    double[] ux, uy, uz, rinv, rr;
    private double[] reff, keep;
    int[] orig;
    // unsorted staging of the in-range entries
    private double[] stR;
    private int[] stK, stType;
    /** speciesStart[b] .. speciesStart[b+1]-1: the neighbours of species b. */
    final int[] speciesStart;
    private final int[] speciesFill;
    // rows over neighbours
    double[][] cheb, dcheb, mon, f, df, hb;
    private double[] xi, dd, ax, gx, gy, gz, erow;
    double[] hmu;
    final double[] slots, adj;
    private double repulsion;

    /** A site evaluator for potential pot (builds its index tables). */
    public SiteEvaluator(MtpPotential pot) {
        this(new MomentTables(pot));
    }

    SiteEvaluator(MomentTables tables) {
        this.t = tables;
        theta = t.pot.coefficients();
        scaling = t.pot.scaling;
        slots = new double[t.slotCount];
        adj = new double[t.slotCount];
        speciesStart = new int[t.speciesCount + 1];
        speciesFill = new int[t.speciesCount];
        grow(64);
    }

    /** The potential this evaluator works for (its shape; the coefficients may be another θ). */
    public MtpPotential potential() { return t.pot; }

    /**
     * Reads the coefficients from theta (layout of {@link MtpPotential#coefficients()}; not copied,
     * so the caller must not change it during a call) and uses the given radial scaling from now on.
     */
    public void setCoefficients(double[] theta, double scaling) {
        if (theta.length != t.coefficientCount)
            throw new IllegalArgumentException("expected " + t.coefficientCount + " coefficients, got " + theta.length);
        this.theta = theta;
        this.scaling = scaling;
        forwardDone = adjointDone = false;
    }

    private void grow(int need) {
        int c = Math.max(need, 2 * cap);
        cap = c;
        ux = new double[c]; uy = new double[c]; uz = new double[c]; rinv = new double[c]; rr = new double[c];
        reff = new double[c]; keep = new double[c];
        orig = new int[c];
        stR = new double[c]; stK = new int[c]; stType = new int[c];
        cheb = new double[t.radialSize][c];
        dcheb = new double[t.radialSize][c];
        mon = new double[t.monCount][c];
        f = new double[t.radialFuncs][c];
        df = new double[t.radialFuncs][c];
        hb = new double[t.blockCount][c];
        xi = new double[c]; dd = new double[c];
        ax = new double[c]; gx = new double[c]; gy = new double[c]; gz = new double[c]; hmu = new double[c]; erow = new double[c];
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
        double v = evaluateSite(centralType, n, neighbourTypes, typeOffset, rij, rijOffset);
        int m = siteCount;
        if (m < n) java.util.Arrays.fill(gOut, gOffset, gOffset + 3 * n, 0.0);
        gradients(m, gOut, gOffset);
        return v;
    }

    /**
     * V_i with the forward and adjoint pass kept as the state of this site (what
     * {@link SiteCoefficientGradients} and {@link #addEnergyGradient} work on), without the
     * position gradients. Arguments as in {@link #siteEnergy(int, int, int[], int, double[], int, double[], int)}.
     */
    public double evaluateSite(int centralType, int n, int[] neighbourTypes, int typeOffset, double[] rij, int rijOffset) {
        int m = prepare(centralType, n, neighbourTypes, typeOffset, rij, rijOffset);
        double v = forward(centralType, m);
        adjointRows(m);
        forwardDone = adjointDone = true;
        return v;
    }

    /** V_i only (no gradients); same numbers as {@link #siteEnergy}. */
    public double siteEnergyOnly(int centralType, int n, int[] neighbourTypes, double[] rij) {
        return siteEnergyOnly(centralType, n, neighbourTypes, 0, rij, 0);
    }

    /** V_i only, for a slice of larger arrays (offsets as in {@link #evaluateSite}); keeps the forward state. */
    public double siteEnergyOnly(int centralType, int n, int[] neighbourTypes, int typeOffset, double[] rij, int rijOffset) {
        int m = prepare(centralType, n, neighbourTypes, typeOffset, rij, rijOffset);
        double v = forward(centralType, m);
        forwardDone = true;
        return v;
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
        double v = evaluateSite(centralType, n, neighbourTypes, typeOffset, rij, rijOffset);
        addEnergyGradient(weight, acc);
        return v;
    }

    /**
     * Adds weight · ∂V_i/∂θ of the last site (after {@link #evaluateSite}, {@link #siteEnergy} or
     * {@link #addSiteEnergyGradient}) to acc, layout of {@link MtpPotential#coefficients()}.
     */
    public void addEnergyGradient(double weight, double[] acc) {
        if (!adjointDone) throw new IllegalStateException("no site evaluated with its adjoint");
        if (acc.length < t.coefficientCount)
            throw new IllegalArgumentException("gradient array has " + acc.length + " entries, need " + t.coefficientCount);
        int a = siteType;
        addEnergyGradient(weight, acc, a * t.speciesCount * t.radialFuncs * t.radialSize, t.speciesOffset + a, t.momentOffset);
    }

    /** Entries of {@link #energyGradientSupport}: the same for every central species. */
    public int energyGradientSupportSize() {
        return t.speciesCount * t.radialFuncs * t.radialSize + 1 + t.scalarCount;
    }

    /**
     * The θ indices (ascending, layout of {@link MtpPotential#coefficients()}) where ∂V_i/∂θ of a
     * central atom of species a may be nonzero: its radial coefficients c^{ab} (all b), its species
     * coefficient w_a and the moment coefficients. Every other entry of its row is 0, so grading
     * multiplies only these (about half of θ for three species).
     */
    public int[] energyGradientSupport(int a) {
        int radial = t.speciesCount * t.radialFuncs * t.radialSize;
        int[] cols = new int[energyGradientSupportSize()];
        for (int c = 0; c < radial; c++) cols[c] = a * radial + c;
        cols[radial] = t.speciesOffset + a;
        for (int s = 0; s < t.scalarCount; s++) cols[radial + 1 + s] = t.momentOffset + s;
        return cols;
    }

    /**
     * ∂V_i/∂θ of the last site (as {@link #addEnergyGradient}, same numbers) on the entries of
     * {@link #energyGradientSupport}(its species) only: written to out[off .. off + support size).
     */
    public void energyGradientOnSupport(double[] out, int off) {
        if (!adjointDone) throw new IllegalStateException("no site evaluated with its adjoint");
        int radial = t.speciesCount * t.radialFuncs * t.radialSize;
        java.util.Arrays.fill(out, off, off + energyGradientSupportSize(), 0.0);
        addEnergyGradient(1.0, out, off, off + radial, off + radial + 1);
    }

    /**
     * Adds weight · ∂V_i/∂θ: c^{ab}_{μ,n} to acc[radialAt + (b·K + μ)·R + n], w_a to
     * acc[speciesAt], v_s to acc[momentAt + s].
     */
    private void addEnergyGradient(double weight, double[] acc, int radialAt, int speciesAt, int momentAt) {
        int m = siteCount;
        int C = t.speciesCount, K = t.radialFuncs, R = t.radialSize;
        acc[speciesAt] += weight;
        for (int s = 0; s < t.scalarCount; s++) acc[momentAt + s] += weight * slots[t.scalarSlot[s]];
        // ∂V/∂c^{ab}_{μ,n} = Σ_{j: t_j=b} Q_n(r_j) H_μ(j), H_μ = Σ_{q: μ_q=μ} d_q P_q (sum of the (μ, rank) blocks)
        final double[] h = this.hmu;
        for (int mu = 0; mu < K; mu++) {
            sumBlocksOf(mu, h, m);
            for (int b = 0; b < C; b++) {
                int from = speciesStart[b], to = speciesStart[b + 1];
                int base = radialAt + (b * K + mu) * R;
                // four sums side by side: each is added in neighbour order as alone, but they do
                // not wait for each other's additions (a lone sum is bound by the add latency)
                int nn = 0;
                for (; nn + 4 <= R; nn += 4) {
                    double[] q0 = cheb[nn], q1 = cheb[nn + 1], q2 = cheb[nn + 2], q3 = cheb[nn + 3];
                    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                    for (int k = from; k < to; k++) {
                        double hk = h[k];
                        s0 += q0[k] * hk;
                        s1 += q1[k] * hk;
                        s2 += q2[k] * hk;
                        s3 += q3[k] * hk;
                    }
                    acc[base + nn] += weight * s0;
                    acc[base + nn + 1] += weight * s1;
                    acc[base + nn + 2] += weight * s2;
                    acc[base + nn + 3] += weight * s3;
                }
                for (; nn < R; nn++) {
                    double[] q = cheb[nn];
                    double s = 0;
                    for (int k = from; k < to; k++) s += q[k] * h[k];
                    acc[base + nn] += weight * s;
                }
            }
        }
    }

    /** h[k] = Σ_{q: μ_q = μ} d_q P_q(k): the (μ, rank) adjoint rows of one radial function added up. */
    void sumBlocksOf(int mu, double[] h, int m) {
        java.util.Arrays.fill(h, 0, m, 0.0);
        for (int b = 0; b < t.blockCount; b++) {
            if (t.blockMu[b] != mu) continue;
            double[] hbb = hb[b];
            for (int k = 0; k < m; k++) h[k] += hbb[k];
        }
    }

    /** The repulsive term of RBChebyshev_repuls for one neighbour at r &lt; Rmin (spec §3.8), eV. */
    static double repulsionEnergy(double r, double rmin) {
        return 1e4 * (Math.exp(-10 * (r - 1)) - Math.exp(-10 * (rmin - 1)));
    }

    /** d/dr of {@link #repulsionEnergy}, eV/Å. */
    static double repulsionSlope(double r) {
        return -1e5 * Math.exp(-10 * (r - 1));
    }

    // ---------------------------------------------------------------------------------------

    /** Copies in-range neighbours into the compact buffers, sorted by species; returns their number. */
    private int prepare(int centralType, int n, int[] types, int toff, double[] rij, int roff) {
        final int C = t.speciesCount;
        if (centralType < 0 || centralType >= C)
            throw new UserError("atom species " + centralType + " is not in the potential (species_count = " + C + ")");
        if (n > cap) grow(n);
        final double rc = t.rcut;
        java.util.Arrays.fill(speciesStart, 0);
        int m = 0;
        for (int k = 0; k < n; k++) {
            double x = rij[roff + 3 * k], y = rij[roff + 3 * k + 1], z = rij[roff + 3 * k + 2];
            double r = Math.sqrt(x * x + y * y + z * z);
            if (!(r < rc)) {
                if (Double.isNaN(r)) throw new UserError("neighbour " + k + " has a non-finite position");
                continue;
            }
            int b = types[toff + k];
            if (b < 0 || b >= C)
                throw new UserError("neighbour species " + b + " is not in the potential (species_count = " + C + ")");
            if (r == 0) throw new UserError("two atoms at distance 0 (neighbour " + k + " of an atom of species " + centralType + ")");
            stR[m] = r; stK[m] = k; stType[m] = b;
            speciesStart[b + 1]++;
            m++;
        }
        for (int b = 0; b < C; b++) speciesStart[b + 1] += speciesStart[b];
        for (int b = 0; b < C; b++) speciesFill[b] = speciesStart[b];
        for (int e = 0; e < m; e++) {
            int p = speciesFill[stType[e]]++, k = stK[e];
            double r = stR[e], ri = 1.0 / r;
            ux[p] = rij[roff + 3 * k] * ri;
            uy[p] = rij[roff + 3 * k + 1] * ri;
            uz[p] = rij[roff + 3 * k + 2] * ri;
            rinv[p] = ri; rr[p] = r; orig[p] = k;
        }
        siteType = centralType;
        siteEntries = n;
        siteCount = m;
        forwardDone = adjointDone = false;
        return m;
    }

    /** Rows Q_n = s·T_n(ξ)(r−Rcut)² and Q'_n over the neighbours (r clamped to Rmin for _repuls). */
    private void chebyshev(int m) {
        final int R = t.radialSize;
        final double rmin = t.rmin, rcut = t.rcut, s = scaling;
        final double dxi = 2.0 / (rcut - rmin), mid = rmin + rcut, inv = 1.0 / (rcut - rmin);
        final double[] r = t.repulsive ? reff : rr, xi = this.xi, dd = this.dd, keep = this.keep;
        if (t.repulsive)
            for (int k = 0; k < m; k++) {
                boolean clamped = rr[k] < rmin;
                reff[k] = clamped ? rmin : rr[k];
                keep[k] = clamped ? 0 : 1;
            }
        double[] q0 = cheb[0], d0 = dcheb[0], q1 = cheb[1], d1 = dcheb[1];
        for (int k = 0; k < m; k++) {
            double x = (2.0 * r[k] - mid) * inv, d = r[k] - rcut;
            xi[k] = x;
            dd[k] = d;
            q0[k] = 1.0;                 // T_0, dT_0 kept in the rows first, scaled below
            d0[k] = 0.0;
            q1[k] = x;
            d1[k] = dxi;
        }
        for (int nn = 2; nn < R; nn++) {
            double[] tn = cheb[nn], t1 = cheb[nn - 1], t2 = cheb[nn - 2];
            double[] dn = dcheb[nn], e1 = dcheb[nn - 1], e2 = dcheb[nn - 2];
            for (int k = 0; k < m; k++) {
                tn[k] = 2 * xi[k] * t1[k] - t2[k];
                dn[k] = 2 * (dxi * t1[k] + xi[k] * e1[k]) - e2[k];
            }
        }
        for (int nn = 0; nn < R; nn++) {
            double[] tn = cheb[nn], dn = dcheb[nn];
            for (int k = 0; k < m; k++) {
                double d = dd[k], d2 = d * d;
                double tv = tn[k];
                tn[k] = s * tv * d2;
                dn[k] = s * (dn[k] * d2 + tv * 2 * d);
            }
            if (t.repulsive) for (int k = 0; k < m; k++) dn[k] *= keep[k];
        }
    }

    /** Radial functions, monomials, basic moments, products; returns V_i. */
    private double forward(int a, int m) {
        final int K = t.radialFuncs, R = t.radialSize, C = t.speciesCount;
        final double[] rc = theta;
        chebyshev(m);
        for (int mu = 0; mu < K; mu++) {
            java.util.Arrays.fill(f[mu], 0, m, 0.0);
            java.util.Arrays.fill(df[mu], 0, m, 0.0);
        }
        for (int b = 0; b < C; b++) {
            int from = speciesStart[b], to = speciesStart[b + 1];
            if (from == to) continue;
            int base = (a * C + b) * K * R;
            for (int mu = 0; mu < K; mu++) {
                double[] fm = f[mu], dfm = df[mu];
                for (int nn = 0; nn < R; nn++) {
                    double c = rc[base + mu * R + nn];
                    double[] q = cheb[nn], dq = dcheb[nn];
                    for (int k = from; k < to; k++) {
                        fm[k] += c * q[k];
                        dfm[k] += c * dq[k];
                    }
                }
            }
        }
        repulsion = 0;
        if (t.repulsive)
            for (int k = 0; k < m; k++)
                if (rr[k] < t.rmin) repulsion += repulsionEnergy(rr[k], t.rmin);
        // direction monomials
        java.util.Arrays.fill(mon[0], 0, m, 1.0);
        for (int mm = 1; mm < t.monCount; mm++) {
            int axis = t.monAxis[mm];
            double[] u = axis == 0 ? ux : axis == 1 ? uy : uz;
            double[] out = mon[mm], par = mon[t.monParent[mm]];
            for (int k = 0; k < m; k++) out[k] = par[k] * u[k];
        }
        // basic moments: dot products over neighbours, four moments of one radial function per
        // pass (f_μ loaded once), two partial sums each for throughput
        final double[] slots = this.slots;
        final int[] qb = t.quadBasic;
        for (int g = 0; g < t.quadCount; g++) {
            double[] fr = f[t.quadMu[g]];
            int qa = qb[4 * g], qc = qb[4 * g + 1], qd = qb[4 * g + 2], qe = qb[4 * g + 3];
            double[] ma = mon[t.basicMon[qa]], mc = mon[t.basicMon[qc]], md = mon[t.basicMon[qd]], me = mon[t.basicMon[qe]];
            double a0 = 0, a1 = 0, c0 = 0, c1 = 0, d0 = 0, d1 = 0, e0 = 0, e1 = 0;
            int k = 0;
            for (; k + 1 < m; k += 2) {
                double f0 = fr[k], f1 = fr[k + 1];
                a0 += f0 * ma[k]; a1 += f1 * ma[k + 1];
                c0 += f0 * mc[k]; c1 += f1 * mc[k + 1];
                d0 += f0 * md[k]; d1 += f1 * md[k + 1];
                e0 += f0 * me[k]; e1 += f1 * me[k + 1];
            }
            if (k < m) {
                double f0 = fr[k];
                a0 += f0 * ma[k]; c0 += f0 * mc[k]; d0 += f0 * md[k]; e0 += f0 * me[k];
            }
            slots[qa] = a0 + a1;
            slots[qc] = c0 + c1;
            slots[qd] = d0 + d1;
            slots[qe] = e0 + e1;
        }
        for (int q : t.singleBasic) {
            double[] fr = f[t.basicMu[q]], mr = mon[t.basicMon[q]];
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            int k = 0;
            for (; k + 3 < m; k += 4) {
                s0 += fr[k] * mr[k];
                s1 += fr[k + 1] * mr[k + 1];
                s2 += fr[k + 2] * mr[k + 2];
                s3 += fr[k + 3] * mr[k + 3];
            }
            for (; k < m; k++) s0 += fr[k] * mr[k];
            slots[q] = (s0 + s1) + (s2 + s3);
        }
        java.util.Arrays.fill(slots, t.basicCount, t.slotCount, 0.0);
        final int[] pi = t.prodI, pj = t.prodJ, rs = t.runStart, rk = t.runSlot;
        final double[] pm = t.prodMult;
        for (int r = 0; r < t.runCount; r++) {
            int k = rk[r];
            double s = slots[k];
            for (int e = rs[r]; e < rs[r + 1]; e++) s += pm[e] * slots[pi[e]] * slots[pj[e]];
            slots[k] = s;
        }
        double v = theta[t.speciesOffset + a];
        for (int s = 0; s < t.scalarCount; s++) v += theta[t.momentOffset + s] * slots[t.scalarSlot[s]];
        return v + repulsion;
    }

    /** Adjoint of the product table, then hb[block][k] = Σ_{q in block} d_q P_q(u_k). */
    private void adjointRows(int m) {
        final double[] adj = this.adj, slots = this.slots;
        java.util.Arrays.fill(adj, 0.0);
        for (int s = 0; s < t.scalarCount; s++) adj[t.scalarSlot[s]] += theta[t.momentOffset + s];
        final int[] pi = t.prodI, pj = t.prodJ, rs = t.runStart, rk = t.runSlot;
        final double[] pm = t.prodMult;
        for (int r = t.runCount - 1; r >= 0; r--) {
            double dK = adj[rk[r]];
            if (dK == 0) continue;
            for (int e = rs[r + 1] - 1; e >= rs[r]; e--) {
                double dk = dK * pm[e];
                int i = pi[e], j = pj[e];
                adj[j] += dk * slots[i];
                adj[i] += dk * slots[j];
            }
        }
        for (int b = 0; b < t.blockCount; b++) java.util.Arrays.fill(hb[b], 0, m, 0.0);
        // four moments of one block per pass: the row hb is loaded and stored once for four
        final int[] qb = t.blockQuadBasic;
        for (int g = 0; g < t.blockQuadCount; g++) {
            int qa = qb[4 * g], qc = qb[4 * g + 1], qd = qb[4 * g + 2], qe = qb[4 * g + 3];
            double da = adj[qa], dc = adj[qc], dd = adj[qd], de = adj[qe];
            double[] h = hb[t.blockQuadBlock[g]];
            double[] ma = mon[t.basicMon[qa]], mc = mon[t.basicMon[qc]], md = mon[t.basicMon[qd]], me = mon[t.basicMon[qe]];
            for (int k = 0; k < m; k++) h[k] += (da * ma[k] + dc * mc[k]) + (dd * md[k] + de * me[k]);
        }
        for (int q : t.blockSingle) {
            double dq = adj[q];
            if (dq == 0) continue;
            double[] h = hb[t.basicBlock[q]], p = mon[t.basicMon[q]];
            for (int k = 0; k < m; k++) h[k] += dq * p[k];
        }
    }

    /** g[k] += p·e[k]·lower[k]: one axis of the angular gradient. */
    private static void addAxis(double[] g, double p, double[] e, double[] lower, int m) {
        for (int k = 0; k < m; k++) g[k] += p * e[k] * lower[k];
    }

    /** g_k = u·A + (1/r)·G from the adjoint, scattered to gOut. */
    private void gradients(int m, double[] gOut, int goff) {
        final double[] ax = this.ax, gx = this.gx, gy = this.gy, gz = this.gz, rinv = this.rinv;
        final double[] adj = this.adj, e = this.erow;
        java.util.Arrays.fill(ax, 0, m, 0.0);
        java.util.Arrays.fill(gx, 0, m, 0.0);
        java.util.Arrays.fill(gy, 0, m, 0.0);
        java.util.Arrays.fill(gz, 0, m, 0.0);
        // radial part: A_k = Σ_blocks (f'_μ − ν f_μ / r) · hb
        for (int b = 0; b < t.blockCount; b++) {
            double[] fr = f[t.blockMu[b]], dfr = df[t.blockMu[b]], h = hb[b];
            double nu = t.blockRank[b];
            if (nu == 0) {
                for (int k = 0; k < m; k++) ax[k] += dfr[k] * h[k];
            } else {
                for (int k = 0; k < m; k++) ax[k] += (dfr[k] - nu * fr[k] * rinv[k]) * h[k];
            }
        }
        // angular part: G = Σ_monomials e_u · ∇_u P_u with e_u = Σ_{q with monomial u} d_q f_μq
        // (e_u lives in one reused row, so it stays in L1)
        for (int u = 0; u < t.usedCount; u++) {
            int q0 = t.usedStart[u], q1 = t.usedStart[u + 1];
            {
                int q = t.usedBasic[q0];
                double d = adj[q];
                double[] fr = f[t.basicMu[q]];
                for (int k = 0; k < m; k++) e[k] = d * fr[k];
            }
            for (int p = q0 + 1; p < q1; p++) {
                int q = t.usedBasic[p];
                double d = adj[q];
                double[] fr = f[t.basicMu[q]];
                for (int k = 0; k < m; k++) e[k] += d * fr[k];
            }
            // ∂/∂u_x of u_x^p u_y^q u_z^s = p·(the monomial one lower in x); a zero exponent adds
            // nothing, so its axis is skipped (a third of the pairs at level 16; same sums)
            double px = t.usedPx[u], py = t.usedPy[u], pz = t.usedPz[u];
            if (px > 0 && py > 0 && pz > 0) {
                double[] lx = mon[t.usedDownX[u]], ly = mon[t.usedDownY[u]], lz = mon[t.usedDownZ[u]];
                for (int k = 0; k < m; k++) {
                    double ek = e[k];
                    gx[k] += px * ek * lx[k];
                    gy[k] += py * ek * ly[k];
                    gz[k] += pz * ek * lz[k];
                }
            } else {
                if (px > 0) addAxis(gx, px, e, mon[t.usedDownX[u]], m);
                if (py > 0) addAxis(gy, py, e, mon[t.usedDownY[u]], m);
                if (pz > 0) addAxis(gz, pz, e, mon[t.usedDownZ[u]], m);
            }
        }
        if (t.repulsive)
            for (int k = 0; k < m; k++)
                if (rr[k] < t.rmin) ax[k] += repulsionSlope(rr[k]);
        for (int k = 0; k < m; k++) {
            double a = ax[k], ri = rinv[k];
            int o = goff + 3 * orig[k];
            gOut[o] = a * ux[k] + ri * gx[k];
            gOut[o + 1] = a * uy[k] + ri * gy[k];
            gOut[o + 2] = a * uz[k] + ri * gz[k];
        }
    }
}
