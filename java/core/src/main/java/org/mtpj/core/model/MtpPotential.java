package org.mtpj.core.model;

import java.util.Arrays;

/**
 * A Moment Tensor Potential as stored in a {@code .mtp} file (format 1.1.0, mtp-spec.md §1).
 * Immutable in shape; the coefficient arrays are owned by this object and may be replaced as a
 * whole through {@link #withCoefficients(double[])} (training creates new instances).
 *
 * <p>Index conventions (0-based): species a, b in [0, C); radial function mu in [0, K);
 * Chebyshev index n in [0, R). Radial coefficient c^{ab}_{mu,n} lives at
 * {@code radialCoeffs[((a*C + b)*K + mu)*R + n]} (a = central species), which is also the
 * order of the coefficient vector theta (§3.7).
 */
public final class MtpPotential {
    /** Radial basis families named by {@code radial_basis_type}. */
    public enum RadialBasisType { RBChebyshev, RBChebyshev_repuls }

    public final String name;
    /** Combined scaling s (top level x basis block); multiplies every radial basis value. */
    public final double scaling;
    public final int speciesCount;          // C
    public final RadialBasisType radialBasisType;
    public final double minDist;            // Rmin
    public final double maxDist;            // Rcut
    public final int radialBasisSize;       // R
    public final int radialFuncsCount;      // K
    public final int momentsCount;          // M: slots, basic + products
    /** B rows of (mu, p, q, s): radial function and exponents of x, y, z. */
    public final int[][] basicMoments;
    /** T rows of (i, j, mult, k): slot[k] += mult * slot[i] * slot[j], in file order. */
    public final int[][] momentProducts;
    /** S slot indices: which slots are the scalar basis functions, in coefficient order. */
    public final int[] scalarMoments;
    /** C*C*K*R radial coefficients (layout above). */
    public final double[] radialCoeffs;
    /** C species coefficients w_a (constant site energy per species). */
    public final double[] speciesCoeffs;
    /** S moment coefficients v_s. */
    public final double[] momentCoeffs;
    /** False when loaded from an untrained file (coefficients are the defaults of spec §1.4). */
    public final boolean fitted;
    /** Optional element names per species (null when unknown; .mtp 1.1.0 has no such key). */
    public final String[] speciesNames;

    public MtpPotential(String name, double scaling, int speciesCount, RadialBasisType radialBasisType,
                        double minDist, double maxDist, int radialBasisSize, int radialFuncsCount,
                        int momentsCount, int[][] basicMoments, int[][] momentProducts, int[] scalarMoments,
                        double[] radialCoeffs, double[] speciesCoeffs, double[] momentCoeffs,
                        boolean fitted, String[] speciesNames) {
        this.name = name;
        this.scaling = scaling;
        this.speciesCount = speciesCount;
        this.radialBasisType = radialBasisType;
        this.minDist = minDist;
        this.maxDist = maxDist;
        this.radialBasisSize = radialBasisSize;
        this.radialFuncsCount = radialFuncsCount;
        this.momentsCount = momentsCount;
        this.basicMoments = basicMoments;
        this.momentProducts = momentProducts;
        this.scalarMoments = scalarMoments;
        this.radialCoeffs = radialCoeffs;
        this.speciesCoeffs = speciesCoeffs;
        this.momentCoeffs = momentCoeffs;
        this.fitted = fitted;
        this.speciesNames = speciesNames;
        if (radialCoeffs.length != speciesCount * speciesCount * radialFuncsCount * radialBasisSize)
            throw new IllegalArgumentException("radial coefficient count " + radialCoeffs.length
                    + " != C*C*K*R = " + speciesCount * speciesCount * radialFuncsCount * radialBasisSize);
        if (speciesCoeffs.length != speciesCount)
            throw new IllegalArgumentException("species coefficient count " + speciesCoeffs.length + " != C = " + speciesCount);
        if (momentCoeffs.length != scalarMoments.length)
            throw new IllegalArgumentException("moment coefficient count " + momentCoeffs.length + " != S = " + scalarMoments.length);
    }

    public int basicCount() { return basicMoments.length; }
    public int scalarCount() { return scalarMoments.length; }
    public double cutoff() { return maxDist; }

    /** Length n of the coefficient vector theta: C*C*K*R + C + S (spec §3.7). */
    public int coefficientCount() {
        return radialCoeffs.length + speciesCoeffs.length + momentCoeffs.length;
    }

    /** Index of c^{ab}_{mu,n} in radialCoeffs and in theta. */
    public int radialIndex(int a, int b, int mu, int n) {
        return ((a * speciesCount + b) * radialFuncsCount + mu) * radialBasisSize + n;
    }

    /** The coefficient vector theta (radial, species, moment), a fresh copy. */
    public double[] coefficients() {
        double[] theta = new double[coefficientCount()];
        System.arraycopy(radialCoeffs, 0, theta, 0, radialCoeffs.length);
        System.arraycopy(speciesCoeffs, 0, theta, radialCoeffs.length, speciesCoeffs.length);
        System.arraycopy(momentCoeffs, 0, theta, radialCoeffs.length + speciesCoeffs.length, momentCoeffs.length);
        return theta;
    }

    /**
     * One line for commands that evaluate with this potential, or null when it is fitted: an
     * untrained file's coefficients are placeholders, so its numbers mean nothing yet.
     */
    public String untrainedWarning(Object file) {
        if (fitted) return null;
        return "warning: " + file + " is untrained (no radial_coeffs, species_coeffs or moment_coeffs): energies and forces"
                + " from its placeholder coefficients mean nothing; train it first (mtpj train)";
    }

    /** A fitted copy with coefficients theta (layout of {@link #coefficients()}). */
    public MtpPotential withCoefficients(double[] theta) {
        if (theta.length != coefficientCount())
            throw new IllegalArgumentException("expected " + coefficientCount() + " coefficients, got " + theta.length);
        int nr = radialCoeffs.length, c = speciesCoeffs.length;
        return new MtpPotential(name, scaling, speciesCount, radialBasisType, minDist, maxDist, radialBasisSize,
                radialFuncsCount, momentsCount, basicMoments, momentProducts, scalarMoments,
                Arrays.copyOfRange(theta, 0, nr), Arrays.copyOfRange(theta, nr, nr + c),
                Arrays.copyOfRange(theta, nr + c, theta.length), true, speciesNames);
    }

    /** A copy with another combined scaling (training's scaling search, spec §7.4). */
    public MtpPotential withScaling(double newScaling) {
        return new MtpPotential(name, newScaling, speciesCount, radialBasisType, minDist, maxDist, radialBasisSize,
                radialFuncsCount, momentsCount, basicMoments, momentProducts, scalarMoments,
                radialCoeffs.clone(), speciesCoeffs.clone(), momentCoeffs.clone(), fitted, speciesNames);
    }

    /** A copy carrying element names per species (from pair_coeff or a side file). */
    public MtpPotential withSpeciesNames(String[] names) {
        return new MtpPotential(name, scaling, speciesCount, radialBasisType, minDist, maxDist, radialBasisSize,
                radialFuncsCount, momentsCount, basicMoments, momentProducts, scalarMoments,
                radialCoeffs, speciesCoeffs, momentCoeffs, fitted, names);
    }
}
