package org.mtpj.train.fit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.mtpj.core.eval.NeighbourList;
import org.mtpj.core.io.CfgReader;
import org.mtpj.core.model.Configuration;
import org.mtpj.core.UserError;
import org.mtpj.host.CfgFiles;
import org.mtpj.host.CfgShare;

/**
 * Training configurations with their neighbour lists, built once (positions never change during
 * training). Each configuration is read once from its file, streaming.
 */
public final class TrainingSet {
    /**
     * One configuration: its reference data and neighbour list, and its atom count (cfg and nl are
     * null for a configuration of another MPI rank's share, which this rank does not read).
     */
    public record Item(Configuration cfg, NeighbourList nl, int atoms) {
        public Item(Configuration cfg, NeighbourList nl) { this(cfg, nl, cfg.size); }
    }

    private final List<Item> items;
    private final int atoms;
    private final org.mtpj.host.Ranks ranks;

    private TrainingSet(List<Item> items) {
        this(items, org.mtpj.host.Ranks.SINGLE);
    }

    private TrainingSet(List<Item> items, org.mtpj.host.Ranks ranks) {
        this.ranks = ranks;
        this.items = Collections.unmodifiableList(items);
        int a = 0;
        for (Item i : items) a += i.atoms();
        this.atoms = a;
    }

    /** Reads path and builds neighbour lists for cutoff Rcut; empty configurations are skipped. */
    public static TrainingSet read(Path path, double cutoff) {
        return read(path, cutoff, Integer.MAX_VALUE);
    }

    /**
     * Like {@link #read(Path, double, int)} for MPI ranks: each rank reads only its own share of the
     * file ({@link CfgShare}: contiguous, about equal atoms, the configurations {@link #share} gives
     * it) and builds their neighbour lists; of the others it knows the atom counts alone.
     */
    public static TrainingSet read(Path path, double cutoff, int speciesCount, org.mtpj.host.Ranks ranks) {
        if (ranks.size() == 1) return read(path, cutoff, speciesCount);
        CfgShare share = CfgShare.of(path, ranks);
        long[] atoms = share.index().atoms();
        List<Item> own = ranks.agree(() -> {
            List<Item> mine = new ArrayList<>();
            try (CfgReader r = share.open()) {
                for (Configuration c; (c = r.next()) != null; ) {
                    checkSpecies(c, speciesCount, r.where());
                    // (the share's reader checks count and Size against the scan, which decides which rank owns what)
                    if (c.size > 0) mine.add(new Item(c, NeighbourList.build(c, cutoff)));
                }
            }
            return mine;
        });
        List<Item> items = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < atoms.length; i++) {
            if (atoms[i] == 0) continue;
            boolean mine = i >= share.from() && i < share.to();
            items.add(mine ? own.get(next++) : new Item(null, null, (int) atoms[i]));
        }
        return new TrainingSet(items, ranks);
    }

    /** Like {@link #read(Path, double)}, refusing atoms of species ≥ speciesCount with a clear message. */
    public static TrainingSet read(Path path, double cutoff, int speciesCount) {
        List<Item> items = new ArrayList<>();
        try (CfgReader r = CfgFiles.open(path)) {
            for (Configuration c : r) {
                checkSpecies(c, speciesCount, r.where());
                if (c.size > 0) items.add(new Item(c, NeighbourList.build(c, cutoff)));
            }
        }
        return new TrainingSet(items);
    }

    /** All configurations of r (then closed), each checked against the potential's species; errors name file:line. */
    public static List<Configuration> readChecked(CfgReader r, int speciesCount) {
        try (r) {
            List<Configuration> out = new ArrayList<>();
            for (Configuration c; (c = r.next()) != null; ) {
                checkSpecies(c, speciesCount, r.where());
                out.add(c);
            }
            return out;
        }
    }

    /** Throws a UserError naming {@code where} when an atom's species is outside 0..speciesCount−1. */
    public static void checkSpecies(Configuration c, int speciesCount, String where) {
        for (int i = 0; i < c.size; i++)
            if (c.types[i] < 0 || c.types[i] >= speciesCount)
                throw new org.mtpj.core.UserError(where + ": atom " + c.ids[i] + " has species " + c.types[i]
                        + " but the potential has species 0.." + (speciesCount - 1));
    }

    public static TrainingSet of(List<Configuration> cfgs, double cutoff) {
        List<Item> items = new ArrayList<>();
        for (Configuration c : cfgs) if (c.size > 0) items.add(new Item(c, NeighbourList.build(c, cutoff)));
        return new TrainingSet(items);
    }

    /** The configurations [from, to) a rank computes: contiguous, about equal atoms per rank. */
    public int[] share(org.mtpj.host.Ranks ranks) {
        if (ranks.size() == 1) return new int[] {0, items.size()};
        if (ranks != this.ranks && this.ranks.size() > 1) throw new IllegalArgumentException("the set was read for other ranks");
        long[] atomsPer = new long[items.size()];
        for (int i = 0; i < atomsPer.length; i++) atomsPer[i] = items.get(i).atoms();
        return org.mtpj.host.Ranks.share(atomsPer, ranks.rank(), ranks.size());
    }

    public List<Item> items() { return items; }
    public int size() { return items.size(); }
    public int atoms() { return atoms; }
}
