package org.mtpj.cli.core;

import java.util.HashMap;
import java.util.Map;
import org.mtpj.core.model.Configuration;

/**
 * Differences between a reference and a candidate configuration: |dE|/atom (eV), the largest
 * |F_cand − F_ref| over atoms (vector norm, eV/Å; atoms matched by id), the largest
 * |dPlusStress| component (eV). NaN where the reference lacks the quantity; a quantity the
 * reference has but the candidate lacks, or mismatched atoms, make {@link #problem} non-null.
 */
public record CfgComparison(int index, int atoms, double dEnergyPerAtom, double maxForce, double maxStress, String problem) {

    public static CfgComparison of(int index, Configuration ref, Configuration cand) {
        if (ref.size != cand.size)
            return new CfgComparison(index, ref.size, Double.NaN, Double.NaN, Double.NaN,
                    "atom count differs: " + ref.size + " vs " + cand.size);
        String problem = null;
        double de = Double.NaN, df = Double.NaN, ds = Double.NaN;
        if (ref.hasEnergy()) {
            if (cand.hasEnergy()) de = ref.size == 0 ? Math.abs(cand.energy - ref.energy) : Math.abs(cand.energy - ref.energy) / ref.size;
            else problem = "candidate has no Energy";
        }
        if (ref.forces != null) {
            if (cand.forces == null) problem = "candidate has no forces";
            else {
                int[] map = matchById(ref, cand);
                if (map == null) problem = "atom ids differ";
                else {
                    df = 0;
                    for (int i = 0; i < ref.size; i++) {
                        int j = map[i];
                        double dx = cand.forces[3 * j] - ref.forces[3 * i], dy = cand.forces[3 * j + 1] - ref.forces[3 * i + 1],
                                dz = cand.forces[3 * j + 2] - ref.forces[3 * i + 2];
                        double d = Math.sqrt(dx * dx + dy * dy + dz * dz);
                        if (!(d <= df)) df = d; // NaN propagates
                    }
                    if (Double.isNaN(df)) problem = "candidate forces contain NaN";
                }
            }
        }
        if (ref.plusStress != null) {
            if (cand.plusStress == null) problem = "candidate has no PlusStress";
            else {
                ds = 0;
                for (int k = 0; k < 6; k++) {
                    double d = Math.abs(cand.plusStress[k] - ref.plusStress[k]);
                    if (!(d <= ds)) ds = d;
                }
                if (Double.isNaN(ds)) problem = "candidate PlusStress contains NaN";
            }
        }
        return new CfgComparison(index, ref.size, de, df, ds, problem);
    }

    /** For each reference atom, the candidate atom with the same id (identity when ids agree in order), or null. */
    static int[] matchById(Configuration ref, Configuration cand) {
        int n = ref.size;
        int[] map = new int[n];
        boolean same = true;
        for (int i = 0; i < n && same; i++) same = ref.ids[i] == cand.ids[i];
        if (same) {
            for (int i = 0; i < n; i++) map[i] = i;
            return map;
        }
        Map<Integer, Integer> at = new HashMap<>();
        for (int j = 0; j < n; j++) at.put(cand.ids[j], j);
        for (int i = 0; i < n; i++) {
            Integer j = at.get(ref.ids[i]);
            if (j == null) return null;
            map[i] = j;
        }
        return map;
    }

    /** Whether every available difference is within the tolerances (NaN differences fail). */
    public boolean within(double eTol, double fTol, double sTol) {
        if (problem != null) return false;
        return ok(dEnergyPerAtom, eTol) && ok(maxForce, fTol) && ok(maxStress, sTol);
    }

    /** NaN here means the reference lacks the quantity (NaN candidates are reported as problems). */
    private static boolean ok(double d, double tol) { return Double.isNaN(d) || d <= tol; }
}
