package org.mtpj.core.io;

import java.util.ArrayList;
import java.util.List;
import org.mtpj.core.math.ExactSum;
import org.mtpj.core.model.Configuration;

/**
 * MLIP-2's error report (mtp-spec.md §7.5): energy, energy per atom, forces, PlusStress in eV and
 * in GPa, each as maximal / average / RMS absolute difference between computed ("check") and
 * reference ("valid") values, over the configurations that have the quantity.
 *
 * <p>MLIP-2's definitions are kept, including the odd ones: the force average divides the sum of
 * vector norms by 3 x atoms, the stress average by 9 x configurations. Configurations without a
 * 3-D periodic cell are left out of the GPa block (MLIP-2 would print inf/nan) and counted in
 * {@link #nonPeriodicSkipped()}.
 *
 * <p>Used by {@code mtpj calc-errors} and by training's final report: add every (computed,
 * reference) pair, then print {@link #text(String)} with title "TRAIN ERRORS" or "VALIDATION ERRORS"
 * after the line {@code MTPR from POT, Database: DB} and an empty line.
 */
public final class ErrorReport {
    /** eV/Å³ to GPa, the factor MLIP-2 prints with. */
    public static final double EV_PER_A3_TO_GPA = 160.2176487;

    /**
     * One statistic block. The sums are exact ({@link ExactSum}): the report does not depend on the
     * order of the configurations, so the shares of MPI ranks combine into the single-process report.
     */
    public static final class Block {
        private static final int SUM = 0, SUM_SQ = 1, REF_SUM_SQ = 2;
        private long count;
        private double max, refMax;
        private final ExactSum sums = new ExactSum(3);

        void add(double delta, double refNorm) {
            count++;
            max = Math.max(max, delta);
            sums.add(SUM, delta);
            sums.add(SUM_SQ, delta * delta);
            refMax = Math.max(refMax, refNorm);
            sums.add(REF_SUM_SQ, refNorm * refNorm);
        }

        public long count() { return count; }
        public double max() { return max; }
        /** Average with MLIP-2's divisor (per component for forces and stresses). */
        public double average(int components) { return count == 0 ? 0 : sums.get(SUM) / (components * (double) count); }
        public double rms(int components) { return count == 0 ? 0 : Math.sqrt(sums.get(SUM_SQ) / (components * (double) count)); }
        public double maxRatio() { return refMax == 0 ? (max == 0 ? 0 : Double.POSITIVE_INFINITY) : max / refMax; }
        public double rmsRatio() {
            double sumSq = sums.get(SUM_SQ), refSumSq = sums.get(REF_SUM_SQ);
            return refSumSq == 0 ? (sumSq == 0 ? 0 : Double.POSITIVE_INFINITY) : Math.sqrt(sumSq / refSumSq);
        }
    }

    private final Block energy = new Block(), energyPerAtom = new Block(), forces = new Block(), stress = new Block(), stressGpa = new Block();
    private long nonPeriodicSkipped;

    /** Adds one configuration: computed values in check, reference values in valid. */
    public void add(Configuration check, Configuration valid) {
        if (valid.hasEnergy() && check.hasEnergy()) {
            double d = Math.abs(check.energy - valid.energy);
            energy.add(d, Math.abs(valid.energy));
            if (valid.size > 0) energyPerAtom.add(d / valid.size, Math.abs(valid.energy) / valid.size);
        }
        if (valid.forces != null && check.forces != null) {
            for (int i = 0; i < valid.size; i++) {
                double dx = check.forces[3 * i] - valid.forces[3 * i], dy = check.forces[3 * i + 1] - valid.forces[3 * i + 1],
                        dz = check.forces[3 * i + 2] - valid.forces[3 * i + 2];
                double fx = valid.forces[3 * i], fy = valid.forces[3 * i + 1], fz = valid.forces[3 * i + 2];
                forces.add(Math.sqrt(dx * dx + dy * dy + dz * dz), Math.sqrt(fx * fx + fy * fy + fz * fz));
            }
        }
        if (valid.plusStress != null && check.plusStress != null) {
            double d = frobenius(check.plusStress, valid.plusStress), ref = frobenius(valid.plusStress, null);
            stress.add(d, ref);
            double vol = valid.volume();
            if (vol > 0) {
                double f = EV_PER_A3_TO_GPA / vol;
                stressGpa.add(d * f, ref * f);
            } else {
                nonPeriodicSkipped++;
            }
        }
    }

    /** ‖a − b‖_F over all nine entries of the symmetric tensor given as xx yy zz yz xz xy. */
    public static double frobenius(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < 6; k++) {
            double d = a[k] - (b == null ? 0 : b[k]);
            s += (k < 3 ? 1 : 2) * d * d;
        }
        return Math.sqrt(s);
    }

    public long nonPeriodicSkipped() { return nonPeriodicSkipped; }

    private Block[] blocks() { return new Block[] {energy, energyPerAtom, forces, stress, stressGpa}; }

    /**
     * The report's counts and exact sums as longs: reports of disjoint parts (MPI ranks' shares)
     * combine by adding them element-wise (and taking the maxima of {@link #maxima()}).
     */
    public long[] additiveState() {
        Block[] b = blocks();
        int per = b[0].sums.state().length;
        long[] s = new long[1 + b.length * (1 + per)];
        s[0] = nonPeriodicSkipped;
        for (int k = 0; k < b.length; k++) {
            int at = 1 + k * (1 + per);
            s[at] = b[k].count;
            System.arraycopy(b[k].sums.state(), 0, s, at + 1, per);
        }
        return s;
    }

    /** The largest differences and reference norms of every block. */
    public double[] maxima() {
        Block[] b = blocks();
        double[] m = new double[2 * b.length];
        for (int k = 0; k < b.length; k++) {
            m[2 * k] = b[k].max;
            m[2 * k + 1] = b[k].refMax;
        }
        return m;
    }

    /** Replaces the numbers with combined ones ({@link #additiveState()} summed, {@link #maxima()} maximised). */
    public void setCombined(long[] additive, double[] maxima) {
        Block[] b = blocks();
        int per = b[0].sums.state().length;
        nonPeriodicSkipped = additive[0];
        for (int k = 0; k < b.length; k++) {
            int at = 1 + k * (1 + per);
            b[k].count = additive[at];
            b[k].sums.setState(java.util.Arrays.copyOfRange(additive, at + 1, at + 1 + per));
            b[k].max = maxima[2 * k];
            b[k].refMax = maxima[2 * k + 1];
        }
    }

    public Block energy() { return energy; }
    public Block energyPerAtom() { return energyPerAtom; }
    public Block forces() { return forces; }
    public Block stress() { return stress; }
    public Block stressGpa() { return stressGpa; }

    private static String g(double v) { return CNumbers.general(v, 6); }

    /** The report text exactly as MLIP-2 prints it after its header lines. */
    public String text(String title) {
        StringBuilder sb = new StringBuilder();
        sb.append("\t\t* * * ").append(title).append(" * * *\n\n");
        sb.append("_________________Errors report_________________\n");
        sb.append("Energy:\n");
        three(sb, energy, "configurations", 1);
        sb.append("\nEnergy per atom:\n");
        three(sb, energyPerAtom, "configurations", 1);
        sb.append("\nForces:\n");
        three(sb, forces, "atoms", 3);
        ratios(sb, forces, "ForceDiff", "Force");
        sb.append("\nStresses (in eV):\n");
        three(sb, stress, "configurations", 9);
        ratios(sb, stress, "StresDiff", "Stres");
        sb.append("\nStresses (in GPa):\n");
        three(sb, stressGpa, "configurations", 9);
        ratios(sb, stressGpa, "StresDiff", "Stres");
        sb.append("_______________________________________________\n\n");
        return sb.toString();
    }

    private static void three(StringBuilder sb, Block b, String what, int comps) {
        sb.append("\tErrors checked for ").append(b.count).append(' ').append(what).append('\n');
        sb.append("\tMaximal absolute difference = ").append(g(b.max())).append('\n');
        sb.append("\tAverage absolute difference = ").append(g(b.average(comps))).append('\n');
        sb.append("\tRMS     absolute difference = ").append(g(b.rms(comps))).append('\n');
    }

    private static void ratios(StringBuilder sb, Block b, String diff, String ref) {
        sb.append("\tMax(").append(diff).append(") / Max(").append(ref).append(") = ").append(g(b.maxRatio())).append('\n');
        sb.append("\tRMS(").append(diff).append(") / RMS(").append(ref).append(") = ").append(g(b.rmsRatio())).append('\n');
    }

    /** Machine-readable rows: block, statistic, value (full precision). */
    public List<String[]> rows() {
        List<String[]> r = new ArrayList<>();
        addRows(r, "energy", energy, 1, false);
        addRows(r, "energy_per_atom", energyPerAtom, 1, false);
        addRows(r, "forces", forces, 3, true);
        addRows(r, "stress_eV", stress, 9, true);
        addRows(r, "stress_GPa", stressGpa, 9, true);
        return r;
    }

    private static void addRows(List<String[]> r, String name, Block b, int comps, boolean ratios) {
        r.add(new String[] {name, "count", Long.toString(b.count)});
        r.add(new String[] {name, "max_abs", Double.toString(b.max())});
        r.add(new String[] {name, "mean_abs", Double.toString(b.average(comps))});
        r.add(new String[] {name, "rms", Double.toString(b.rms(comps))});
        if (ratios) {
            r.add(new String[] {name, "max_ratio", Double.toString(b.maxRatio())});
            r.add(new String[] {name, "rms_ratio", Double.toString(b.rmsRatio())});
        }
    }
}
