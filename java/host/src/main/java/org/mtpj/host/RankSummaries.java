package org.mtpj.host;

import java.util.List;
import org.mtpj.core.eval.CloseContacts;
import org.mtpj.core.io.ErrorReport;

/**
 * The closing numbers of a command whose MPI ranks each did a share (close contacts, error
 * reports): combined so that rank 0 says what a single process would have said.
 */
public final class RankSummaries {
    private RankSummaries() {}

    /**
     * Combines the ranks' close-contact counts (collective); on rank 0 the closest pair is the first
     * one in input order among the closest, as in a single scan. A single process is left as it is.
     */
    public static void combine(CloseContacts contacts, Ranks ranks) {
        if (ranks.size() == 1) return;
        long[] counts = {contacts.pairs(), contacts.configurations()};
        ranks.sumInPlace(counts);
        double[] nearest = {-contacts.closest()};
        ranks.maxInPlace(nearest);
        double closest = -nearest[0];
        // the ranks' descriptions travel to rank 0, which keeps the first at the closest distance
        List<String> pairs = ranks.gatherText(contacts.closest() == closest && contacts.closestPair() != null ? contacts.closestPair() : "");
        String first = null;
        if (pairs != null) for (String p : pairs) if (first == null && !p.isEmpty()) first = p;
        contacts.setCombined(counts[0], Math.toIntExact(counts[1]), closest, first);
    }

    /** Combines the ranks' error reports (collective, exact): every rank then holds the report of all configurations. */
    public static void combine(ErrorReport report, Ranks ranks) {
        if (ranks.size() == 1) return;
        long[] additive = report.additiveState();
        ranks.sumInPlace(additive);
        double[] maxima = report.maxima();
        ranks.maxInPlace(maxima);
        report.setCombined(additive, maxima);
    }
}
