package org.mtpj.core.eval;

import java.util.Locale;
import org.mtpj.core.UserError;
import org.mtpj.core.model.Configuration;

/**
 * Neighbour pairs closer than the potential's {@code min_dist}, over every configuration a command
 * evaluates. The radial basis starts at min_dist, so the potential has never seen such a pair:
 * its energy and forces there are extrapolations, often absurd (two atoms 0.01 Å apart: thousands
 * of eV). Counted here so that the command can say so once, with the closest pair.
 *
 * <p>The scan builds its own neighbour list with cutoff min_dist: few neighbours, cheap next to the
 * evaluation it guards.
 */
public final class CloseContacts {
    private final double minDist;
    private long pairs;
    private int configurations;
    private double closest = Double.POSITIVE_INFINITY;
    private String closestPair;

    /** Reused by every scan: a server scanning each MD step would otherwise allocate a list per step. */
    private NeighbourList nl;

    public CloseContacts(double minDist) {
        this.minDist = minDist;
    }

    /** Counts the close pairs of cfg; {@code where} names it ("FILE:LINE: configuration K") in messages. */
    public void scan(Configuration cfg, String where) {
        if (!(minDist > 0) || cfg.size == 0) return;
        try {
            if (nl == null) nl = NeighbourList.build(cfg, minDist); else nl.rebuild(cfg);
        } catch (UserError e) {
            throw new UserError(where + ": " + e.getMessage(), e.exitCode());
        }
        long entries = 0;
        for (int i = 0; i < cfg.size; i++) {
            for (int e = nl.offsets[i]; e < nl.offsets[i + 1]; e++) {
                entries++;
                double x = nl.rij[3 * e], y = nl.rij[3 * e + 1], z = nl.rij[3 * e + 2];
                double r = Math.sqrt(x * x + y * y + z * z);
                if (r < closest) {
                    closest = r;
                    closestPair = String.format(Locale.ROOT, "atoms %d and %d at %.4g Å (%s)", cfg.ids[i], cfg.ids[nl.neighbours[e]], r, where);
                }
            }
        }
        // every pair is listed from both of its atoms
        pairs += entries / 2;
        if (entries > 0) configurations++;
    }

    /** Configurations with at least one close pair so far. */
    public int configurations() { return configurations; }

    /** The smallest distance seen below min_dist (Å; infinity when none was). */
    public double closest() { return closest; }

    /** Which atoms, how far apart and where, of the closest pair; null when none was below min_dist. */
    public String closestPair() { return closestPair; }

    /** Replaces the counts with those of several scans combined (MPI ranks: the host's RankSummaries). */
    public void setCombined(long pairs, int configurations, double closest, String closestPair) {
        this.pairs = pairs;
        this.configurations = configurations;
        this.closest = closest;
        this.closestPair = closestPair;
    }

    /** Number of pairs closer than min_dist so far (each pair once). */
    public long pairs() { return pairs; }

    /** One line for stderr, or null when no pair was closer than min_dist. */
    public String warning() {
        if (pairs == 0) return null;
        return String.format(Locale.ROOT, "warning: %d neighbour pair%s closer than the potential's min_dist %.4g Å in %d configuration%s,"
                        + " where the potential was never fitted (energies and forces there are unreliable); the closest: %s",
                pairs, pairs == 1 ? "" : "s", minDist, configurations, configurations == 1 ? "" : "s", closestPair);
    }
}
