package org.mtpj.lammps.bridge;

/**
 * The pair potential E = A (1 + cos(pi r / rc)) of LAMMPS's {@code pair_style soft}, written as
 * site energies over a full list (half of each pair to each atom). Not physics for users: it
 * lets tests compare the whole bridge (lists, ghosts, forces, virials, per-atom tallies, MPI,
 * threads) with a LAMMPS built-in style. Any number of species (all interact alike).
 */
public final class SoftSiteModel implements SiteModel {
    private final double prefactor;
    private final double cutoff;

    public SoftSiteModel(double prefactor, double cutoff) {
        if (!(cutoff > 0)) throw new org.mtpj.core.UserError("soft: cutoff must be > 0, got " + cutoff);
        this.prefactor = prefactor;
        this.cutoff = cutoff;
    }

    @Override public int speciesCount() { return Integer.MAX_VALUE; }
    @Override public String[] speciesNames() { return null; }
    @Override public double cutoff() { return cutoff; }
    @Override public double minDist() { return 0; }
    @Override public String describe() { return "test potential soft: A = " + prefactor + " eV, rc = " + cutoff + " A"; }

    @Override
    public SiteKernel newKernel() {
        final double a = prefactor, k = Math.PI / cutoff;
        return (central, n, species, rij, g, off) -> {
            double e = 0;
            for (int m = off; m < off + n; m++) {
                double x = rij[3 * m], y = rij[3 * m + 1], z = rij[3 * m + 2];
                double r = Math.sqrt(x * x + y * y + z * z);
                e += 0.5 * a * (1 + Math.cos(k * r));
                double dEdrOverR = -0.5 * a * k * Math.sin(k * r) / r;
                g[3 * m] = dEdrOverR * x;
                g[3 * m + 1] = dEdrOverR * y;
                g[3 * m + 2] = dEdrOverR * z;
            }
            return e;
        };
    }
}
