package org.mtpj.train.cli;

import java.util.ArrayList;
import java.util.List;
import org.mtpj.core.io.PythonNumbers;
import org.mtpj.train.grade.GradeFormat;

/**
 * calc-grade's closing line: how many configurations, the largest grade and where, and how many
 * lie above 1.1 (extrapolation: --select-threshold's default; grades of the training set itself
 * reach 1 + 1e-7), 2 and 10 (the usual {@code select:threshold} and {@code select:threshold-break}
 * of an MD with selection).
 */
final class GradeSummary {
    static final double[] THRESHOLDS = {1.1, 2, 10};

    private final long[] above = new long[THRESHOLDS.length];
    private long count;
    private double largest = Double.NEGATIVE_INFINITY;
    private long largestIndex = -1;

    void add(double grade) {
        if (grade > largest || largestIndex < 0) {
            largest = grade;
            largestIndex = count;
        }
        for (int k = 0; k < THRESHOLDS.length; k++) if (grade > THRESHOLDS[k]) above[k]++;
        count++;
    }

    long count() { return count; }

    /**
     * Combines the summaries of MPI ranks whose shares start at configuration {@code from}
     * (collective): counts add up, the largest grade is the first in input order, as in one pass.
     */
    void combine(org.mtpj.host.Ranks ranks, long from) {
        if (ranks.size() == 1) return;
        long[] counts = new long[1 + above.length];
        counts[0] = count;
        System.arraycopy(above, 0, counts, 1, above.length);
        ranks.sumInPlace(counts);
        double[] top = {largest};
        ranks.maxInPlace(top);
        // the first position of that grade: the largest of the negated positions
        double[] at = {largestIndex >= 0 && largest == top[0] ? -(double) (from + largestIndex) : Double.NEGATIVE_INFINITY};
        ranks.maxInPlace(at);
        count = counts[0];
        System.arraycopy(counts, 1, above, 0, above.length);
        largest = top[0];
        largestIndex = at[0] == Double.NEGATIVE_INFINITY ? -1 : (long) -at[0];
    }

    /** e.g. "26 configurations graded (cfg mode); largest grade 109992953.728678 (configuration 2, 0-based); above 1.1 / 2 / 10: 26 / 26 / 26". */
    String text(String mode) {
        StringBuilder sb = new StringBuilder().append(count).append(count == 1 ? " configuration" : " configurations")
                .append(" graded (").append(mode).append(" mode)");
        if (count == 0) return sb.toString();
        List<String> t = new ArrayList<>(), n = new ArrayList<>();
        for (int k = 0; k < THRESHOLDS.length; k++) {
            t.add(PythonNumbers.compact(THRESHOLDS[k]));
            n.add(Long.toString(above[k]));
        }
        return sb.append("; largest grade ").append(GradeFormat.format(largest)).append(" (configuration ").append(largestIndex)
                .append(", 0-based); above ").append(String.join(" / ", t)).append(": ").append(String.join(" / ", n)).toString();
    }
}
