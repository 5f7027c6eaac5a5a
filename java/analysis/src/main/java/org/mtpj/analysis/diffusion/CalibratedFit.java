package org.mtpj.analysis.diffusion;

import java.util.Locale;
import java.util.function.Consumer;
import org.mtpj.analysis.msd.MsdResult;

/**
 * One fit window: the OLS diffusion coefficients (the spec's numbers, with their OLS errors) and
 * their calibrated errors and diffusive-regime check ({@link RandomWalkErrors}).
 */
public record CalibratedFit(DiffusionResult ols, RandomWalkErrors errors) {

    /** Fits [tMin, tMax] ps; the few-origins warning goes to {@code warnings} (a non-diffusive window is the caller's to report). */
    public static CalibratedFit of(MsdResult m, double tMin, double tMax, Consumer<String> warnings) {
        DiffusionResult d = DiffusionFit.fit(m, tMin, tMax, warnings);
        return new CalibratedFit(d, RandomWalkErrors.of(m, d));
    }

    public boolean diffusive() { return errors.regime().diffusive(); }

    /** One sentence: which window, its log-log slope and what that means for D. */
    public String nonDiffusiveReason() {
        DiffusiveRegime r = errors.regime();
        if (Double.isNaN(r.slope()))
            return String.format(Locale.ROOT, "the fit window %s:%s ps is not diffusive: the MSD is not positive there (the atoms do not move)",
                    compact(ols.tMinPs()), compact(ols.tMaxPs()));
        if (r.curved())
            return String.format(Locale.ROOT, "the fit window %s:%s ps is not diffusive: the log-log slope of the MSD is %.2f ± %.2f on average "
                            + "but falls from %.2f in the first half of the window to %.2f in the second (diffusion needs 1 throughout); "
                            + "the window spans the crossover from %s, so D there is no diffusion coefficient",
                    compact(ols.tMinPs()), compact(ols.tMaxPs()), r.slope(), r.slopeStdErr(), r.startSlope(), r.endSlope(),
                    "the ballistic or vibrational start into the cage");
        if (r.subDiffusiveLater())
            return String.format(Locale.ROOT, "the fit window %s:%s ps is not diffusive: the log-log slope of the MSD is %.2f ± %.2f there "
                            + "but falls to %.2f at later lags (up to half the run); diffusion is the long-time limit, so the window lies "
                            + "before the MSD leaves the cage and D there is no diffusion coefficient (a longer run is needed)",
                    compact(ols.tMinPs()), compact(ols.tMaxPs()), r.slope(), r.slopeStdErr(), r.laterSlope());
        String meaning = r.slope() < 0.5 ? "the MSD is a plateau: atoms rattle in place without long-range motion, so D there is no diffusion coefficient"
                : r.slope() < 1 ? "the MSD is sub-diffusive there (caging, or a start still dominated by vibrations): D is not yet a diffusion coefficient"
                : "the MSD grows faster than t there (ballistic start or a drift): D is not a diffusion coefficient";
        return String.format(Locale.ROOT, "the fit window %s:%s ps is not diffusive: the log-log slope of the MSD there is %.2f ± %.2f "
                        + "(diffusion needs 1); %s", compact(ols.tMinPs()), compact(ols.tMaxPs()), r.slope(), r.slopeStdErr(), meaning);
    }

    private static String compact(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
