package org.mtpj.core.io;

import org.mtpj.core.model.MtpPotential;

/**
 * Writes {@code .mtp} files in MLIP-2's canonical layout (mtp-spec.md §1.1): {@code %.15e} numbers,
 * {@code ", "} separators, TAB indentation of the basis block, {@code scaling} at the top level only
 * when it is not exactly 1, no newline after the final {@code moment_coeffs} list. Reading a
 * file MLIP-2 wrote and writing it again in {@link Precision#MLIP2} reproduces it byte for byte.
 * The host writes the text through its atomic file output (complete or not at all); files are
 * ISO-8859-1.
 *
 * <p>{@link Precision#LOSSLESS} writes 17 significant digits ({@code %.16e}) so that
 * read-write-read is bit-identical (checkpoints); MLIP-2 reads those files too.
 *
 * <p>{@link #formatUntrained} writes the untrained layout (§1.4, as {@code new-potential} makes
 * and MLIP-2's shipped templates have): no {@code radial_coeffs} block, the file ends after
 * {@code alpha_moment_mapping}. Reading it gives the default coefficients and {@code fitted = false}.
 */
public final class MtpWriter {
    private MtpWriter() {}

    /** How many digits the coefficients get. */
    public enum Precision {
        /** {@code %.15e}, as MLIP-2 writes (16 significant digits; textual compatibility). */
        MLIP2(15),
        /** {@code %.16e}: 17 significant digits, every double round-trips exactly. */
        LOSSLESS(16);

        final int digitsAfterPoint;

        Precision(int d) { this.digitsAfterPoint = d; }
    }

    /** The file text: every coefficient, so the file reads back as trained. */
    public static String format(MtpPotential pot, Precision precision) {
        int d = precision.digitsAfterPoint;
        StringBuilder sb = new StringBuilder(64 * 1024);
        header(sb, pot, d);
        radialCoefficients(sb, pot, d);
        momentTables(sb, pot);
        sb.append("species_coeffs = ");
        doubles(sb, pot.speciesCoeffs, d);
        sb.append("\nmoment_coeffs = ");
        doubles(sb, pot.momentCoeffs, d);
        return sb.toString();
    }

    /**
     * The untrained file text (§1.4): header, basis and moment tables in MLIP-2's {@code %.15e}
     * layout, no coefficients (any in pot are left out), ending with the newline after
     * {@code alpha_moment_mapping}.
     */
    public static String formatUntrained(MtpPotential pot) {
        int d = Precision.MLIP2.digitsAfterPoint;
        StringBuilder sb = new StringBuilder(64 * 1024);
        header(sb, pot, d);
        momentTables(sb, pot);
        return sb.toString();
    }

    /** From "MTP" to radial_funcs_count. */
    private static void header(StringBuilder sb, MtpPotential pot, int d) {
        sb.append("MTP\nversion = 1.1.0\n");
        // An empty name cannot be read back by MLIP-2 (spec §1.2): always write one.
        String name = pot.name == null || pot.name.isBlank() ? "MTP1m" : pot.name.strip().replaceAll("\\s+", "_");
        sb.append("potential_name = ").append(name).append('\n');
        if (pot.scaling != 1.0) {
            sb.append("scaling = ");
            CNumbers.appendSci(sb, pot.scaling, d);
            sb.append('\n');
        }
        sb.append("species_count = ").append(pot.speciesCount).append('\n');
        sb.append("potential_tag = \n");
        sb.append("radial_basis_type = ").append(pot.radialBasisType.name()).append('\n');
        sb.append("\tmin_dist = ");
        CNumbers.appendSci(sb, pot.minDist, d);
        sb.append("\n\tmax_dist = ");
        CNumbers.appendSci(sb, pot.maxDist, d);
        sb.append("\n\tradial_basis_size = ").append(pot.radialBasisSize).append('\n');
        sb.append("\tradial_funcs_count = ").append(pot.radialFuncsCount).append('\n');
    }

    /** The radial_coeffs block: C*C headers "a-b" (b fastest), K lists of R numbers each. */
    private static void radialCoefficients(StringBuilder sb, MtpPotential pot, int d) {
        sb.append("\tradial_coeffs\n");
        int c = pot.speciesCount, k = pot.radialFuncsCount, r = pot.radialBasisSize;
        for (int a = 0; a < c; a++) {
            for (int b = 0; b < c; b++) {
                sb.append("\t\t").append(a).append('-').append(b).append('\n');
                for (int mu = 0; mu < k; mu++) {
                    sb.append("\t\t\t{");
                    int base = pot.radialIndex(a, b, mu, 0);
                    for (int n = 0; n < r; n++) {
                        if (n > 0) sb.append(", ");
                        CNumbers.appendSci(sb, pot.radialCoeffs[base + n], d);
                    }
                    sb.append("}\n");
                }
            }
        }
    }

    /** From alpha_moments_count to the newline after alpha_moment_mapping. */
    private static void momentTables(StringBuilder sb, MtpPotential pot) {
        sb.append("alpha_moments_count = ").append(pot.momentsCount).append('\n');
        sb.append("alpha_index_basic_count = ").append(pot.basicMoments.length).append('\n');
        sb.append("alpha_index_basic = ");
        quads(sb, pot.basicMoments);
        sb.append("alpha_index_times_count = ").append(pot.momentProducts.length).append('\n');
        sb.append("alpha_index_times = ");
        quads(sb, pot.momentProducts);
        sb.append("alpha_scalar_moments = ").append(pot.scalarMoments.length).append('\n');
        sb.append("alpha_moment_mapping = {");
        for (int i = 0; i < pot.scalarMoments.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append(pot.scalarMoments[i]);
        }
        sb.append("}\n");
    }

    /** Whether MLIP-2 can read what this writer produces (its a-b headers are single characters). */
    public static boolean mlip2Readable(MtpPotential pot) { return pot.speciesCount <= 10; }

    private static void quads(StringBuilder sb, int[][] rows) {
        sb.append('{');
        for (int i = 0; i < rows.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append('{');
            for (int j = 0; j < rows[i].length; j++) {
                if (j > 0) sb.append(", ");
                sb.append(rows[i][j]);
            }
            sb.append('}');
        }
        sb.append("}\n");
    }

    private static void doubles(StringBuilder sb, double[] v, int d) {
        sb.append('{');
        for (int i = 0; i < v.length; i++) {
            if (i > 0) sb.append(", ");
            CNumbers.appendSci(sb, v[i], d);
        }
        sb.append('}');
    }
}
