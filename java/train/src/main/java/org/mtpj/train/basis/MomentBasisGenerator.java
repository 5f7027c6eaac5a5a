package org.mtpj.train.basis;

import java.util.List;
import org.mtpj.core.model.MtpPotential;

/**
 * Generates the moment basis of any level by the rule of mtp-spec.md §4.1 and turns it into an
 * untrained potential (§1.4, §4.3).
 *
 * <p>Order of the scalar functions (= order of {@code alpha_moment_mapping}, which pairs them with
 * {@code moment_coeffs}): number of tensors, then the sorted list of radial indices μ, then the
 * canonical edge-multiplicity tuple (§4.2). This equals MLIP-2's template order up to level 14;
 * from level 16 on MLIP-2 swaps a few neighbouring functions (2 pairs at level 16), which changes
 * nothing in the energies. The product table is our own (partially symmetric intermediates shared
 * between functions, see {@link ProductTableCompiler}).
 */
public final class MomentBasisGenerator {
    private MomentBasisGenerator() {}

    /** The basis of level L with MLIP-2's caps (4 tensors, ν ≤ 10, μ ≤ 5). */
    public static MomentBasis generate(int level) { return generate(BasisRules.mlip2(level)); }

    public static MomentBasis generate(BasisRules rules) {
        List<ContractionGraph> functions = GraphEnumerator.enumerate(rules);
        BasicMomentList basics = new BasicMomentList(functions);
        ProductTableCompiler compiler = new ProductTableCompiler(basics);
        int[] mapping = new int[functions.size()];
        for (int s = 0; s < mapping.length; s++) mapping[s] = compiler.compile(functions.get(s));
        return new MomentBasis(rules, basics.radialFunctionCount(), basics.rows(), compiler.products(), mapping,
                compiler.slotCount(), List.copyOf(functions));
    }

    /**
     * An untrained potential carrying the basis and the user's species count and radial basis,
     * with the default coefficients of mtp-spec.md §1.4: radial 1e-6 except c_{μ,min(μ,R−1)} =
     * 1e-3, species and moment coefficients 1e-3; flagged not fitted.
     *
     * @param speciesNames element names (length C) or null
     */
    public static MtpPotential untrainedPotential(MomentBasis basis, String name, int speciesCount, double minDist,
                                                  double maxDist, int radialBasisSize, String[] speciesNames) {
        int c = speciesCount, k = basis.radialFunctionCount(), r = radialBasisSize;
        double[] radial = new double[c * c * k * r];
        java.util.Arrays.fill(radial, 1e-6);
        for (int pair = 0; pair < c * c; pair++)
            for (int mu = 0; mu < k; mu++) radial[(pair * k + mu) * r + Math.min(mu, r - 1)] = 1e-3;
        double[] species = new double[c];
        java.util.Arrays.fill(species, 1e-3);
        double[] moments = new double[basis.scalarCount()];
        java.util.Arrays.fill(moments, 1e-3);
        return new MtpPotential(name, 1.0, c, MtpPotential.RadialBasisType.RBChebyshev, minDist, maxDist, r, k,
                basis.momentsCount(), basis.basic(), basis.products(), basis.mapping().clone(), radial, species,
                moments, false, speciesNames == null ? null : speciesNames.clone());
    }
}
