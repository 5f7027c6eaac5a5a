package org.mtpj.train.grade;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.mtpj.core.model.Configuration;
import org.mtpj.core.model.MtpPotential;
import org.mtpj.host.Ranks;

/**
 * Active learning with one potential (mtp-spec §6): the active set, the configurations whose rows
 * were ever queued (ids = index in {@link #configurations()}), selection passes and grades.
 */
public final class SelectionSession {
    private final MtpPotential pot;
    private final RowWeights weights;
    private final ActiveSet set;
    private final List<Configuration> configs = new ArrayList<>();
    private final GradeRows rowBuilder;

    public SelectionSession(MtpPotential pot, RowWeights weights, double initThreshold) {
        this(pot, weights, ActiveSet.initial(pot.coefficientCount(), initThreshold), List.of());
    }

    /** A session resumed from a state: set owners index {@code configs}. */
    public SelectionSession(MtpPotential pot, RowWeights weights, ActiveSet set, List<Configuration> configs) {
        if (set.size() != pot.coefficientCount())
            throw new IllegalArgumentException("active set of size " + set.size() + " for a potential with "
                    + pot.coefficientCount() + " coefficients");
        this.pot = pot;
        this.weights = weights;
        this.set = set;
        this.configs.addAll(configs);
        this.rowBuilder = new GradeRows(pot, weights);
    }

    public MtpPotential potential() { return pot; }
    public RowWeights weights() { return weights; }
    public ActiveSet activeSet() { return set; }
    public List<Configuration> configurations() { return configs; }

    /**
     * Queues every configuration and runs one selection pass over all their rows together.
     * Returns the number of swaps. The configurations get ids {@code configurations().size()...}.
     */
    public int selectFrom(List<Configuration> cfgs, double trigger, double swapThreshold, int limit) {
        return selectFrom(cfgs, trigger, swapThreshold, limit, null);
    }

    /**
     * Like {@link #selectFrom(List, double, double, int)}, telling {@code progress} how many of
     * the cfgs.size() + 1 steps are done: one per configuration whose rows are built, the last
     * after the MaxVol pass. progress may be null.
     */
    public int selectFrom(List<Configuration> cfgs, double trigger, double swapThreshold, int limit,
                          java.util.function.IntConsumer progress) {
        CandidatePool pool = new CandidatePool(set.size());
        int done = 0;
        for (Configuration c : cfgs) {
            int id = configs.size();
            configs.add(c);
            double[] rows = rowBuilder.rows(c);
            int m = rows.length / set.size();
            for (int r = 0; r < m; r++) pool.add(rows, r * set.size(), id);
            if (progress != null) progress.accept(++done);
        }
        int swaps = MaxVolSelector.select(set, pool, trigger, swapThreshold, limit);
        if (progress != null) progress.accept(done + 1);
        return swaps;
    }

    /**
     * {@link #selectFrom} for the ranks of an MPI job, each holding its share of the configurations:
     * {@code own} are configurations [from, from + own.size()) of {@code total}. Each rank builds the
     * rows of its own and keeps them; together they are the pool a single process builds, in the
     * same order, and the MaxVol pass runs over the ranks ({@link MaxVolSelector#select(ActiveSet,
     * CandidatePool, double, double, int, Ranks)}): the same bits, so the same active set on every
     * rank. The other ranks' configurations stay null in
     * {@link #configurations()} until {@link #hold} gives them (rank 0 before saving the state).
     * A bad configuration on any rank stops every rank ({@link Ranks#agree}).
     */
    public int selectFromShares(List<Configuration> own, int from, int total, Ranks ranks, double trigger, double swapThreshold,
                                int limit, java.util.function.IntConsumer progress) {
        if (ranks.size() == 1) return selectFrom(own, trigger, swapThreshold, limit, progress);
        int first = configs.size();
        CandidatePool mine = ranks.agree(() -> {
            CandidatePool pool = new CandidatePool(set.size());
            int done = 0;
            for (Configuration c : own) {
                double[] rows = rowBuilder.rows(c);
                int m = rows.length / set.size();
                for (int r = 0; r < m; r++) pool.add(rows, r * set.size(), first + from + done);
                done++;
                if (progress != null) progress.accept(done);
            }
            return pool;
        });
        for (int k = 0; k < total; k++) configs.add(k >= from && k < from + own.size() ? own.get(k - from) : null);
        int swaps = MaxVolSelector.select(set, mine, trigger, swapThreshold, limit, ranks);
        if (progress != null) progress.accept(own.size() + 1);
        return swaps;
    }

    /** Gives the configuration with this id, held by another MPI rank (see {@link #selectFromShares}). */
    public void hold(int id, Configuration c) {
        if (configs.get(id) == null) configs.set(id, c);
    }

    /** Ids of the configurations owning at least one slot, once each, in slot order. */
    public List<Integer> selectedIds() {
        Set<Integer> ids = new LinkedHashSet<>();
        for (int j = 0; j < set.size(); j++) if (set.owner(j) != ActiveSet.INITIAL) ids.add(set.owner(j));
        return new ArrayList<>(ids);
    }

    /**
     * The configurations with ids from firstId on (those queued by a later selectFrom) that own a
     * slot, once each, in slot order: what select-add adds to a training set.
     */
    public List<Configuration> selectedSince(int firstId) {
        List<Configuration> out = new ArrayList<>();
        for (int id : selectedIds()) if (id >= firstId) out.add(configs.get(id));
        return out;
    }

    /** Grade of cfg against the current active set (no update); 0 for an empty configuration. */
    public Grade grade(Configuration cfg) {
        int m = rowBuilder.rowCount(cfg);
        if (m == 0) return new Grade(0, new double[0]);
        double[] g = set.grades(rowBuilder.rows(cfg), m);
        double max = 0;
        for (double x : g) max = Math.max(max, x);
        double[] atoms = weights.neighbourhoodRows() ? java.util.Arrays.copyOf(g, cfg.size) : null;
        return new Grade(max, atoms);
    }

    /**
     * Grade of one neighbourhood (its row ∂V_i/∂θ) against the active set, for callers with their
     * own neighbour data (the LAMMPS bridge). Meaningful for neighbourhood-mode states. Thread-safe
     * if every thread passes its own {@code site} evaluator (for this potential) and {@code row}
     * scratch of length {@code activeSet().size()}.
     */
    public double siteGrade(org.mtpj.core.eval.SiteEvaluator site, int centralType, int n, int[] neighbourTypes,
                            int typeOffset, double[] rij, int rijOffset, double[] row) {
        java.util.Arrays.fill(row, 0);
        site.addSiteEnergyGradient(centralType, n, neighbourTypes, typeOffset, rij, rijOffset, 1.0, row);
        return set.grade(row);
    }

    /** A configuration's grade and, with neighbourhood rows, each atom's grade (else null). */
    public record Grade(double value, double[] atomGrades) {}
}
