package org.mtpj.analysis.traj;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.mtpj.core.UserError;
import org.mtpj.core.io.Frame;
import org.mtpj.core.io.InputFormatException;
import org.mtpj.core.io.TrajectoryReader;

/**
 * The unwrapped, drift-corrected positions of the mobile atoms over time: what MSD needs. Built by
 * streaming a {@link TrajectoryReader}; memory is frames × mobile atoms × 3 doubles.
 * {@code positions[t][3*i + axis]} (Å), mobile atoms in id order; {@code steps[t]} the timestep
 * numbers of the kept frames.
 */
public final class MobileTrajectory {
    public final List<String> mobileSpecies;
    public final int[] mobileIds;
    public final long[] steps;
    public final double[][] positions;
    /** Atoms per species in the whole cell, in order of first appearance. */
    public final Map<String, Integer> speciesCounts;
    public final int totalAtoms;
    /** The cell of the first frame (for MSD along the lattice directions). */
    public final org.mtpj.core.model.Cell firstCell;

    private MobileTrajectory(List<String> mobileSpecies, int[] mobileIds, long[] steps, double[][] positions,
                             Map<String, Integer> speciesCounts, int totalAtoms, org.mtpj.core.model.Cell firstCell) {
        this.mobileSpecies = mobileSpecies;
        this.mobileIds = mobileIds;
        this.steps = steps;
        this.positions = positions;
        this.speciesCounts = speciesCounts;
        this.totalAtoms = totalAtoms;
        this.firstCell = firstCell;
    }

    public int frames() { return positions.length; }
    public int mobileAtoms() { return mobileIds.length; }

    /**
     * Reads all frames.
     *
     * @param mobile species whose MSD is wanted (e.g. Mg)
     * @param every keep every N-th frame (1 = all); unwrapping always uses all frames
     * @param progress called with bytes read (may be null)
     */
    public static MobileTrajectory load(TrajectoryReader reader, SpeciesMap species, Set<String> mobile, DriftCorrection drift,
                                        int every, Consumer<String> warnings, LongConsumer progress) {
        if (every < 1) throw new UserError("--every must be at least 1, got " + every);
        Unwrapper unwrapper = new Unwrapper(warnings);
        int[] mobileIdx = null;
        int[] frameworkIdx = null;
        double[] frameworkMass = null;
        double[] comRef = null;
        Map<String, Integer> counts = null;
        String[] firstSpecies = null;
        List<double[]> kept = new ArrayList<>();
        List<Long> steps = new ArrayList<>();
        int[] ids = null;
        org.mtpj.core.model.Cell cell0 = null;
        int index = 0;
        int total = 0;
        for (Frame f; (f = reader.next()) != null; index++) {
            double[] u = unwrapper.unwrap(f);
            if (mobileIdx == null) {
                String[] sp = species.speciesById(f);
                firstSpecies = sp;
                counts = new LinkedHashMap<>();
                for (String s : sp) counts.merge(s, 1, Integer::sum);
                List<Integer> m = new ArrayList<>(), fw = new ArrayList<>();
                for (int k = 0; k < sp.length; k++) (mobile.contains(sp[k]) ? m : fw).add(k);
                if (m.isEmpty())
                    throw new UserError("species " + String.join(",", mobile) + " not found in " + f.file + "; it has "
                            + describe(counts) + " (check --species and --types)");
                if (fw.isEmpty() && drift != DriftCorrection.NONE)
                    throw new UserError("every atom is of the mobile species " + String.join(",", mobile)
                            + ": no framework for --drift framework (use --drift none)");
                mobileIdx = m.stream().mapToInt(Integer::intValue).toArray();
                frameworkIdx = fw.stream().mapToInt(Integer::intValue).toArray();
                if (drift == DriftCorrection.FRAMEWORK_MASS) frameworkMass = masses(f, sp, frameworkIdx);
                int[] all = unwrapper.ids();
                ids = new int[mobileIdx.length];
                for (int i = 0; i < ids.length; i++) ids[i] = all[mobileIdx[i]];
                total = sp.length;
                cell0 = f.cell;
            } else if (f.types != null && index < 2) {
                // the type map must not change between frames (cheap check on the second frame)
                String[] sp = species.speciesById(f);
                if (!Arrays.equals(sp, firstSpecies))
                    throw new InputFormatException(f.file, f.line, "atom species changed between frames (step " + f.step + ")");
            }
            double[] shift = new double[3];
            if (drift != DriftCorrection.NONE) {
                double[] com = new double[3];
                double weightSum = 0;
                for (int j = 0; j < frameworkIdx.length; j++) {
                    int k = frameworkIdx[j];
                    double w = frameworkMass == null ? 1 : frameworkMass[j];
                    weightSum += w;
                    for (int ax = 0; ax < 3; ax++) com[ax] += w * u[3 * k + ax];
                }
                for (int ax = 0; ax < 3; ax++) com[ax] /= weightSum;
                if (comRef == null) comRef = com;
                for (int ax = 0; ax < 3; ax++) shift[ax] = com[ax] - comRef[ax];
            }
            if (index % every == 0) {
                double[] p = new double[3 * mobileIdx.length];
                for (int i = 0; i < mobileIdx.length; i++)
                    for (int ax = 0; ax < 3; ax++) p[3 * i + ax] = u[3 * mobileIdx[i] + ax] - shift[ax];
                kept.add(p);
                steps.add(f.step);
            }
            if (progress != null) progress.accept(reader.bytesRead());
        }
        if (kept.isEmpty()) throw new UserError("no complete frame in the trajectory");
        return new MobileTrajectory(List.copyOf(mobile), ids, steps.stream().mapToLong(Long::longValue).toArray(),
                kept.toArray(new double[0][]), counts, total, cell0);
    }

    /** Masses of the framework atoms (id order): the dump's mass column, else standard atomic weights. */
    private static double[] masses(Frame f, String[] species, int[] idx) {
        double[] m = new double[idx.length];
        int[] order = f.orderById();
        for (int j = 0; j < idx.length; j++) {
            int k = idx[j];
            m[j] = f.masses != null ? f.masses[order[k]] : org.mtpj.core.model.Elements.mass(species[k]);
            if (Double.isNaN(m[j]))
                throw new UserError("no standard mass for species '" + species[k] + "' (mass-weighted drift): add a 'mass' column to the dump or use --drift framework");
        }
        return m;
    }

    static String describe(Map<String, Integer> counts) {
        StringBuilder b = new StringBuilder();
        counts.forEach((k, v) -> b.append(b.isEmpty() ? "" : ", ").append(v).append(' ').append(k));
        return b.toString();
    }

    /**
     * Time between kept frames in ps: (step difference) × timestep, or {@code framePs} when given
     * (POSCAR series, XDATCAR). The spacing must be uniform.
     */
    public double frameSpacingPs(double timestepPs, Double framePs) {
        if (framePs != null) return framePs;
        if (steps.length < 2) return timestepPs;
        long d = steps[1] - steps[0];
        for (int t = 2; t < steps.length; t++) {
            if (steps[t] - steps[t - 1] != d)
                throw new UserError("frames are not evenly spaced: steps " + steps[t - 2] + ", " + steps[t - 1] + ", " + steps[t]
                        + " (MSD over time origins needs a constant spacing)");
        }
        if (d <= 0) throw new UserError("timesteps do not increase (" + steps[0] + ", " + steps[1] + ")");
        return d * timestepPs;
    }
}
