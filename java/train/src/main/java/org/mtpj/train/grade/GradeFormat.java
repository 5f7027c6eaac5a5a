package org.mtpj.train.grade;

import java.util.Locale;

/** How MLIP-2 prints an extrapolation grade (mtp-spec §9 trap 14): {@code %f}, or {@code 9.9e99} above 1e10. */
public final class GradeFormat {
    private GradeFormat() {}

    public static String format(double grade) {
        if (grade > 1e10 || Double.isNaN(grade)) return "9.9e99";
        return String.format(Locale.ROOT, "%f", grade);
    }
}
