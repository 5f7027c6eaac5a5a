package org.mtpj.train.basis;

import org.mtpj.core.io.MtpWriter;
import org.mtpj.core.model.MtpPotential;

/**
 * The text of an untrained {@code .mtp} file (mtp-spec.md §1.4): MLIP-2's layout without the
 * {@code radial_coeffs} block and ending after {@code alpha_moment_mapping}.
 *
 * <p>Derived from {@link MtpWriter}'s trained layout by dropping the coefficient parts, so the
 * number formatting and key spelling stay in one place. (When MtpWriter gains an untrained mode,
 * call it instead.)
 */
public final class UntrainedMtpText {
    private UntrainedMtpText() {}

    public static String format(MtpPotential pot) {
        String text = MtpWriter.format(pot, MtpWriter.Precision.MLIP2);
        int radial = text.indexOf("\tradial_coeffs\n");
        int moments = text.indexOf("alpha_moments_count = ");
        int species = text.indexOf("species_coeffs = ", moments);
        if (radial < 0 || moments < radial || species < 0)
            throw new IllegalStateException("unexpected MtpWriter layout");
        return text.substring(0, radial) + text.substring(moments, species);
    }
}
