package org.mtpj.train.fit;

import org.mtpj.core.model.MtpPotential;

/**
 * The small penalty that keeps radial functions orthonormal (mtp-spec §7.1):
 * λ·[Σ_μ (‖c_μ‖² − 1)² + Σ_{μ&lt;μ'} (c_μ·c_μ')²], c_μ = all C·C·R coefficients of function μ, λ = 1e-9.
 */
final class RadialPenalty {
    private RadialPenalty() {}

    /** Returns the penalty and adds its gradient to grad (when not null). */
    static double add(MtpPotential shape, double[] theta, double lambda, double[] grad) {
        if (lambda == 0) return 0;
        int c2 = shape.speciesCount * shape.speciesCount, k = shape.radialFuncsCount, r = shape.radialBasisSize;
        double[][] dots = new double[k][k];
        for (int m = 0; m < k; m++)
            for (int m2 = m; m2 < k; m2++) {
                double s = 0;
                for (int p = 0; p < c2; p++)
                    for (int n = 0; n < r; n++) s += theta[(p * k + m) * r + n] * theta[(p * k + m2) * r + n];
                dots[m][m2] = dots[m2][m] = s;
            }
        double pen = 0;
        for (int m = 0; m < k; m++) {
            pen += (dots[m][m] - 1) * (dots[m][m] - 1);
            for (int m2 = m + 1; m2 < k; m2++) pen += dots[m][m2] * dots[m][m2];
        }
        if (grad != null) {
            for (int p = 0; p < c2; p++)
                for (int m = 0; m < k; m++)
                    for (int n = 0; n < r; n++) {
                        double gsum = 4 * (dots[m][m] - 1) * theta[(p * k + m) * r + n];
                        for (int m2 = 0; m2 < k; m2++)
                            if (m2 != m) gsum += 2 * dots[m][m2] * theta[(p * k + m2) * r + n];
                        grad[(p * k + m) * r + n] += lambda * gsum;
                    }
        }
        return lambda * pen;
    }
}
