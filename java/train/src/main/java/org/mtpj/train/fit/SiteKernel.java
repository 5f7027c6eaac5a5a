package org.mtpj.train.fit;

import org.mtpj.core.model.MtpPotential;

/**
 * One atomic site of an MTP with everything training needs (mtp-spec.md §3.4–3.7): the site
 * energy V_i, its position gradient g_ij, its coefficient gradient ∂V_i/∂θ, and the coefficient
 * gradient of a directional derivative Σ_j g_ij·δ_j (forward-over-reverse, for the force and
 * stress terms of the loss), plus the Jacobian of the scalar basis functions with respect to the
 * neighbour vectors (for the linear shortcut).
 *
 * <p>The coefficients are read from a θ array (layout of §3.7) set with {@link #setCoefficients},
 * so one kernel serves every step of an optimisation. Per-thread scratch; not thread-safe.
 * Neighbour entries must already satisfy 0 &lt; r &lt; Rcut.
 */
public final class SiteKernel {
    private final int cCount, kCount, rCount, bCount, mCount, sCount;
    private final int[] mu, px, py, pz, nu;
    private final int[] prodI, prodJ, prodK;
    private final double[] prodM;
    private final int[] mapping;
    private final double rMin, rCut;
    private final int maxRank;
    private final int[] monoOf;
    private final int nMono;
    private final int[] mp, mq, ms, mnu;
    private final double[] hdm, rp;
    private final int radialLen;

    private double[] theta;
    private double scaling = 1;

    // per-site state after evaluate()
    private int ti, nn;
    private int[] nTypes;
    private int tOff;
    private final double[] slots, adj, tslots, adj2;
    // per-neighbour scratch (grown on demand)
    private int cap;
    private double[] r, ux, uy, uz;      // length, unit vector
    private double[] q, dq;              // [j*R + n]
    private double[] f, df;              // [j*K + mu]
    private double[] h, hx, hy, hz;      // [j*B + q]: h_q and grad h_q
    private double[] dmu, rd;            // scratch
    private double energy;
    private final double[] xp, yp, zp, jacTangent;
    /** Per site: m·s_j and m·s_i of every product entry (the tangent pass's factors). */
    private final double[] prodA, prodB;

    public SiteKernel(MtpPotential shape) {
        cCount = shape.speciesCount;
        kCount = shape.radialFuncsCount;
        rCount = shape.radialBasisSize;
        bCount = shape.basicCount();
        mCount = shape.momentsCount;
        sCount = shape.scalarCount();
        rMin = shape.minDist;
        rCut = shape.maxDist;
        radialLen = cCount * cCount * kCount * rCount;
        mu = new int[bCount]; px = new int[bCount]; py = new int[bCount]; pz = new int[bCount]; nu = new int[bCount];
        int mr = 0;
        for (int b = 0; b < bCount; b++) {
            int[] e = shape.basicMoments[b];
            mu[b] = e[0]; px[b] = e[1]; py[b] = e[2]; pz[b] = e[3];
            nu[b] = e[1] + e[2] + e[3];
            mr = Math.max(mr, nu[b]);
        }
        maxRank = mr;
        // distinct angular monomials (p, q, s): shared by every radial function mu
        java.util.Map<Integer, Integer> key = new java.util.LinkedHashMap<>();
        monoOf = new int[bCount];
        for (int b = 0; b < bCount; b++) {
            int k = (px[b] * 64 + py[b]) * 64 + pz[b];
            Integer m = key.get(k);
            if (m == null) { m = key.size(); key.put(k, m); }
            monoOf[b] = m;
        }
        nMono = key.size();
        mp = new int[nMono]; mq = new int[nMono]; ms = new int[nMono]; mnu = new int[nMono];
        for (int b = 0; b < bCount; b++) {
            int m = monoOf[b];
            mp[m] = px[b]; mq[m] = py[b]; ms[m] = pz[b]; mnu[m] = nu[b];
        }
        hdm = new double[nMono];
        rp = new double[maxRank + 2];
        int t = shape.momentProducts.length;
        prodI = new int[t]; prodJ = new int[t]; prodK = new int[t]; prodM = new double[t];
        for (int i = 0; i < t; i++) {
            int[] e = shape.momentProducts[i];
            prodI[i] = e[0]; prodJ[i] = e[1]; prodM[i] = e[2]; prodK[i] = e[3];
        }
        mapping = shape.scalarMoments.clone();
        slots = new double[mCount];
        adj = new double[mCount];
        tslots = new double[mCount];
        adj2 = new double[mCount];
        dmu = new double[kCount * 3];
        xp = new double[maxRank + 1]; yp = new double[maxRank + 1]; zp = new double[maxRank + 1];
        jacTangent = new double[6 * mCount];
        prodA = new double[t];
        prodB = new double[t];
        grow(64);
        setCoefficients(shape.coefficients(), shape.scaling);
    }

    private void grow(int need) {
        if (need <= cap) return;
        cap = Math.max(need, 2 * cap);
        r = new double[cap]; ux = new double[cap]; uy = new double[cap]; uz = new double[cap];
        q = new double[cap * rCount]; dq = new double[cap * rCount];
        f = new double[cap * kCount]; df = new double[cap * kCount];
        h = new double[cap * nMono]; hx = new double[cap * nMono]; hy = new double[cap * nMono]; hz = new double[cap * nMono];
        rd = new double[cap];
    }

    /** Uses θ (not copied; layout of mtp-spec §3.7) and the combined radial scaling from now on. */
    public void setCoefficients(double[] theta, double scaling) {
        this.theta = theta;
        this.scaling = scaling;
    }

    public int coefficientCount() { return radialLen + cCount + sCount; }
    public int scalarCount() { return sCount; }
    public int neighbourCount() { return nn; }

    /**
     * Evaluates the site: forward pass and first adjoint. Returns V_i.
     *
     * @param types neighbour species, {@code rij[3k..3k+2]} = r_j − r_i (Å), all with r &lt; Rcut
     */
    public double evaluate(int centralType, int n, int[] types, double[] rij) {
        return evaluate(centralType, n, types, 0, rij, 0);
    }

    /** Like {@link #evaluate(int, int, int[], double[])} for neighbours at {@code types[typeOff..]}, {@code rij[rijOff..]}. */
    public double evaluate(int centralType, int n, int[] types, int typeOff, double[] rij, int rijOff) {
        grow(n);
        ti = centralType;
        nn = n;
        nTypes = types;
        tOff = typeOff;
        final int R = rCount, K = kCount, B = bCount;
        double[] xp = this.xp, yp = this.yp, zp = this.zp;
        double span = rCut - rMin, dxi = 2.0 / span;
        java.util.Arrays.fill(slots, 0);
        for (int j = 0; j < n; j++) {
            double x = rij[rijOff + 3 * j], y = rij[rijOff + 3 * j + 1], z = rij[rijOff + 3 * j + 2];
            double rr = Math.sqrt(x * x + y * y + z * z);
            double rinv = 1.0 / rr;
            r[j] = rr; ux[j] = x * rinv; uy[j] = y * rinv; uz[j] = z * rinv;
            // Chebyshev radial basis times (r - Rcut)^2, scaled (spec §3.2)
            double xi = (2 * rr - (rMin + rCut)) / span;
            double d = rr - rCut;
            int qo = j * R;
            q[qo] = scaling * d * d;
            dq[qo] = 2 * scaling * d;
            if (R > 1) {
                q[qo + 1] = scaling * xi * d * d;
                dq[qo + 1] = scaling * (dxi * d * d + 2 * xi * d);
            }
            for (int k = 2; k < R; k++) {
                q[qo + k] = 2 * xi * q[qo + k - 1] - q[qo + k - 2];
                dq[qo + k] = 2 * (dxi * q[qo + k - 1] + xi * dq[qo + k - 1]) - dq[qo + k - 2];
            }
            int co = ((ti * cCount + types[typeOff + j]) * K) * R;
            for (int m = 0; m < K; m++) {
                double fv = 0, dfv = 0;
                int cm = co + m * R;
                for (int k = 0; k < R; k++) {
                    double c = theta[cm + k];
                    fv += c * q[qo + k];
                    dfv += c * dq[qo + k];
                }
                f[j * K + m] = fv;
                df[j * K + m] = dfv;
            }
            xp[0] = 1; yp[0] = 1; zp[0] = 1;
            for (int k = 1; k <= maxRank; k++) { xp[k] = xp[k - 1] * x; yp[k] = yp[k - 1] * y; zp[k] = zp[k - 1] * z; }
            int ho = j * nMono;
            rp[0] = 1;
            for (int k = 1; k <= maxRank; k++) rp[k] = rp[k - 1] * rinv;
            double uxj = x * rinv, uyj = y * rinv, uzj = z * rinv;
            for (int m = 0; m < nMono; m++) {
                int p = mp[m], pq = mq[m], ps = ms[m], v = mnu[m];
                double rnu = rp[v];
                double mono = xp[p] * yp[pq] * zp[ps];
                double hv = mono * rnu;
                // grad h = -nu h / r * u + r^-nu grad(mono)
                double radial = -v * hv * rinv;
                double gx = p > 0 ? p * xp[p - 1] * yp[pq] * zp[ps] : 0;
                double gy = pq > 0 ? pq * xp[p] * yp[pq - 1] * zp[ps] : 0;
                double gz = ps > 0 ? ps * xp[p] * yp[pq] * zp[ps - 1] : 0;
                h[ho + m] = hv;
                hx[ho + m] = radial * uxj + rnu * gx;
                hy[ho + m] = radial * uyj + rnu * gy;
                hz[ho + m] = radial * uzj + rnu * gz;
            }
            int fo = j * K;
            for (int b = 0; b < B; b++) slots[b] += f[fo + mu[b]] * h[ho + monoOf[b]];
        }
        for (int t = 0; t < prodK.length; t++) slots[prodK[t]] += prodM[t] * slots[prodI[t]] * slots[prodJ[t]];
        int vo = radialLen + cCount;
        double e = theta[radialLen + ti];
        java.util.Arrays.fill(adj, 0);
        for (int s = 0; s < sCount; s++) {
            e += theta[vo + s] * slots[mapping[s]];
            adj[mapping[s]] = theta[vo + s];
        }
        for (int t = prodK.length - 1; t >= 0; t--) {
            double dk = adj[prodK[t]] * prodM[t];
            if (dk == 0) continue;
            adj[prodJ[t]] += dk * slots[prodI[t]];
            adj[prodI[t]] += dk * slots[prodJ[t]];
        }
        energy = e;
        return e;
    }

    /** V_i of the last {@link #evaluate}. */
    public double energy() { return energy; }

    /** B_s(i) of the last evaluation (length S). */
    public void scalarValues(double[] out) {
        for (int s = 0; s < sCount; s++) out[s] = slots[mapping[s]];
    }

    /** g_ij = ∂V_i/∂r_ij into {@code gOut[3j..3j+2]}. */
    public void positionGradient(double[] gOut) {
        final int K = kCount, B = bCount;
        for (int j = 0; j < nn; j++) {
            double sx = 0, sy = 0, sz = 0, sr = 0;
            int ho = j * nMono, fo = j * K;
            for (int b = 0; b < B; b++) {
                double d = adj[b];
                if (d == 0) continue;
                double fv = f[fo + mu[b]];
                int hm = ho + monoOf[b];
                sr += d * df[fo + mu[b]] * h[hm];
                sx += d * fv * hx[hm];
                sy += d * fv * hy[hm];
                sz += d * fv * hz[hm];
            }
            gOut[3 * j] = sx + sr * ux[j];
            gOut[3 * j + 1] = sy + sr * uy[j];
            gOut[3 * j + 2] = sz + sr * uz[j];
        }
    }

    /** grad[...] += weight · ∂V_i/∂θ. */
    public void addEnergyGradient(double weight, double[] grad) {
        final int R = rCount, K = kCount, B = bCount;
        for (int j = 0; j < nn; j++) {
            java.util.Arrays.fill(dmu, 0, K, 0);
            int ho = j * nMono;
            for (int b = 0; b < B; b++) dmu[mu[b]] += adj[b] * h[ho + monoOf[b]];
            int co = ((ti * cCount + nTypes[tOff + j]) * K) * R, qo = j * R;
            for (int m = 0; m < K; m++) {
                double w = weight * dmu[m];
                if (w == 0) continue;
                for (int k = 0; k < R; k++) grad[co + m * R + k] += w * q[qo + k];
            }
        }
        grad[radialLen + ti] += weight;
        int vo = radialLen + cCount;
        for (int s = 0; s < sCount; s++) grad[vo + s] += weight * slots[mapping[s]];
    }

    /**
     * grad[...] += weight · ∂/∂θ [Σ_j g_ij·δ_j] for fixed neighbour displacements
     * {@code delta[3j..3j+2]}: the coefficient gradient of a directional derivative of V_i.
     * Returns Σ_j g_ij·δ_j itself.
     */
    public double addTangentGradient(double[] delta, double weight, double[] grad) {
        final int R = rCount, K = kCount, B = bCount;
        java.util.Arrays.fill(tslots, 0);
        for (int j = 0; j < nn; j++) {
            double dx = delta[3 * j], dy = delta[3 * j + 1], dz = delta[3 * j + 2];
            rd[j] = ux[j] * dx + uy[j] * dy + uz[j] * dz;
            int ho = j * nMono, fo = j * K;
            for (int m = 0; m < nMono; m++) hdm[m] = hx[ho + m] * dx + hy[ho + m] * dy + hz[ho + m] * dz;
            double rdj = rd[j];
            for (int b = 0; b < B; b++) {
                int mm = monoOf[b];
                tslots[b] += df[fo + mu[b]] * h[ho + mm] * rdj + f[fo + mu[b]] * hdm[mm];
            }
        }
        for (int t = 0; t < prodK.length; t++) {
            int i = prodI[t], jj = prodJ[t];
            tslots[prodK[t]] += prodM[t] * (tslots[i] * slots[jj] + slots[i] * tslots[jj]);
        }
        java.util.Arrays.fill(adj2, 0);
        for (int t = prodK.length - 1; t >= 0; t--) {
            int i = prodI[t], jj = prodJ[t], k = prodK[t];
            double m = prodM[t];
            double ek = adj2[k], dk = adj[k];
            if (ek == 0 && dk == 0) continue;
            adj2[i] += m * (ek * slots[jj] + dk * tslots[jj]);
            adj2[jj] += m * (ek * slots[i] + dk * tslots[i]);
        }
        int vo = radialLen + cCount;
        double phi = 0;
        for (int s = 0; s < sCount; s++) {
            double ts = tslots[mapping[s]];
            phi += theta[vo + s] * ts;
            grad[vo + s] += weight * ts;
        }
        // radial: Q_n (E_mu + H_mu) + Q'_n P_mu per neighbour
        for (int j = 0; j < nn; j++) {
            java.util.Arrays.fill(dmu, 0, 2 * K, 0);
            double dx = delta[3 * j], dy = delta[3 * j + 1], dz = delta[3 * j + 2];
            int ho = j * nMono;
            for (int m = 0; m < nMono; m++) hdm[m] = hx[ho + m] * dx + hy[ho + m] * dy + hz[ho + m] * dz;
            for (int b = 0; b < B; b++) {
                double hb = h[ho + monoOf[b]];
                double hd = hdm[monoOf[b]];
                int m = mu[b];
                dmu[m] += adj2[b] * hb + adj[b] * hd;      // multiplies Q_n
                dmu[K + m] += adj[b] * hb;                  // times rd multiplies Q'_n
            }
            int co = ((ti * cCount + nTypes[tOff + j]) * K) * R, qo = j * R;
            for (int m = 0; m < K; m++) {
                double a = weight * dmu[m], bq = weight * dmu[K + m] * rd[j];
                if (a == 0 && bq == 0) continue;
                for (int k = 0; k < R; k++) grad[co + m * R + k] += a * q[qo + k] + bq * dq[qo + k];
            }
        }
        return phi;
    }

    /**
     * Jacobian of the scalar basis functions with respect to the neighbour vectors:
     * {@code jac[(3j + a)·S + s]} = ∂B_s(i)/∂r_ij,a (forward mode, one tangent per coordinate).
     * {@code jac} must hold at least 3·n·S entries.
     */
    public void scalarJacobian(double[] jac) {
        final int K = kCount, B = bCount, S = sCount, T = prodK.length;
        // the product table's factors m·s_j and m·s_i are the same for every tangent of the site
        final double[] pa = prodA, pb = prodB, sl = slots;
        final int[] pI = prodI, pJ = prodJ, pK = prodK;
        for (int t = 0; t < T; t++) {
            pa[t] = prodM[t] * sl[pJ[t]];
            pb[t] = prodM[t] * sl[pI[t]];
        }
        // six tangents (three axes of two neighbours) go through the table together,
        // interleaved as ts[6·slot + c]: one pass over the table per neighbour pair
        final double[] ts = jacTangent;
        for (int j0 = 0; j0 < nn; j0 += 2) {
            int pairs = Math.min(2, nn - j0);
            for (int pj = 0; pj < 2; pj++) {
                int j = j0 + pj, c0 = 3 * pj;
                if (pj >= pairs) {                      // odd count: a zero tangent in the second lane
                    for (int b = 0; b < B; b++) { ts[6 * b + c0] = 0; ts[6 * b + c0 + 1] = 0; ts[6 * b + c0 + 2] = 0; }
                    continue;
                }
                int ho = j * nMono, fo = j * K;
                double ujx = ux[j], ujy = uy[j], ujz = uz[j];
                for (int b = 0; b < B; b++) {
                    int hm = ho + monoOf[b];
                    double radial = df[fo + mu[b]] * h[hm], fv = f[fo + mu[b]];
                    ts[6 * b + c0] = radial * ujx + fv * hx[hm];
                    ts[6 * b + c0 + 1] = radial * ujy + fv * hy[hm];
                    ts[6 * b + c0 + 2] = radial * ujz + fv * hz[hm];
                }
            }
            java.util.Arrays.fill(ts, 6 * B, 6 * mCount, 0);
            for (int t = 0; t < T; t++) {
                int i = 6 * pI[t], jj = 6 * pJ[t], k = 6 * pK[t];
                double a = pa[t], b = pb[t];
                ts[k] += ts[i] * a + b * ts[jj];
                ts[k + 1] += ts[i + 1] * a + b * ts[jj + 1];
                ts[k + 2] += ts[i + 2] * a + b * ts[jj + 2];
                ts[k + 3] += ts[i + 3] * a + b * ts[jj + 3];
                ts[k + 4] += ts[i + 4] * a + b * ts[jj + 4];
                ts[k + 5] += ts[i + 5] * a + b * ts[jj + 5];
            }
            for (int pj = 0; pj < pairs; pj++) {
                int o = 3 * (j0 + pj) * S, c0 = 3 * pj;
                for (int s = 0; s < S; s++) {
                    int q = 6 * mapping[s] + c0;
                    jac[o + s] = ts[q];
                    jac[o + S + s] = ts[q + 1];
                    jac[o + 2 * S + s] = ts[q + 2];
                }
            }
        }
    }
}
