package org.mtpj.cli.core;

import java.util.Locale;
import org.mtpj.core.model.Configuration;

/** Counts and the energy-per-atom range of evaluated configurations: calc-efs's closing summary. */
final class EnergyRange {
    private long configurations, atoms;
    private double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;

    void add(Configuration c) {
        configurations++;
        atoms += c.size;
        if (c.size == 0 || Double.isNaN(c.energy)) return;
        double e = c.energy / c.size;
        min = Math.min(min, e);
        max = Math.max(max, e);
    }

    /** Combines the ranks' counts and ranges (exact: sums of counts, extremes), the same on every rank. */
    void combine(org.mtpj.host.Ranks ranks) {
        long[] counts = {configurations, atoms};
        ranks.sumInPlace(counts);
        double[] extremes = {-min, max};
        ranks.maxInPlace(extremes);
        configurations = counts[0];
        atoms = counts[1];
        min = -extremes[0];
        max = extremes[1];
    }

    /** e.g. "10 configurations, 7680 atoms; energy -5.431200 to -5.401233 eV/atom". */
    String summary() {
        String counts = configurations + (configurations == 1 ? " configuration, " : " configurations, ") + atoms + " atoms";
        if (min > max) return counts;
        return counts + String.format(Locale.ROOT, "; energy %.6f to %.6f eV/atom", min, max);
    }
}
