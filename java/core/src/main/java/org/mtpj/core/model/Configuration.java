package org.mtpj.core.model;

import org.mtpj.core.math.Mat3;
import java.util.Map;
import java.util.TreeMap;

/**
 * One atomic configuration as in a {@code .cfg} file (mtp-spec.md §2): positions, species, an
 * optional periodic cell and optional reference or computed energy, forces, PlusStress.
 * Mutable on purpose: readers fill it, evaluators write their results into it.
 *
 * <p>Units: Å, eV, eV/Å; PlusStress in eV (the virial W = -sigma V, positive under compression).
 * Species are 0-based. Arrays are flat, atom-major: {@code positions[3*i + axis]}.
 */
public final class Configuration {
    /** Number of atoms N. */
    public final int size;
    /**
     * Lattice rows (Å) as given, {@code lattice[row][axis]}; only the first {@link #latticeRows}
     * rows were given. A row that is all zero means "not periodic along it".
     */
    public final double[][] lattice = new double[3][3];
    /** 0..3: how many Supercell rows the file had (0 = cluster, no periodic images). */
    public int latticeRows;
    /** Atom ids as in the file (1..N in .cfg files); never null. */
    public final int[] ids;
    public final int[] types;
    public final double[] positions;
    /** Forces (eV/Å), or null when absent. */
    public double[] forces;
    /** Per-atom site energies (eV), or null when absent. */
    public double[] siteEnergies;
    /** Per-atom charges, or null when absent. */
    public double[] charges;
    /** Total energy (eV), or NaN when absent. */
    public double energy = Double.NaN;
    /**
     * PlusStress (eV) in the order xx yy zz yz xz xy, or null when absent.
     */
    public double[] plusStress;
    /**
     * Features, sorted by key as MLIP-2 writes them. A multi-line value holds '\n' between lines.
     */
    public final Map<String, String> features = new TreeMap<>();
    /** Extra per-atom columns this reader kept but does not interpret (MLIP-3 additions), or empty. */
    public final Map<String, double[]> extraColumns = new TreeMap<>();
    /**
     * Extra configuration-level fields this reader kept but does not interpret (MLIP-3 additions
     * such as {@code EnergyWeight}), in file order: field name to the raw text that followed it
     * (its values, possibly several lines joined by '\n'). Written back only on request.
     */
    public final Map<String, String> extraFields = new java.util.LinkedHashMap<>();

    public Configuration(int size) {
        if (size < 0) throw new IllegalArgumentException("negative atom count " + size);
        this.size = size;
        this.ids = new int[size];
        this.types = new int[size];
        this.positions = new double[3 * size];
        for (int i = 0; i < size; i++) ids[i] = i + 1;
    }

    public boolean hasEnergy() { return !Double.isNaN(energy); }

    /** Whether lattice row r exists and is nonzero, i.e. the cell repeats along it. */
    public boolean isPeriodic(int r) {
        if (r >= latticeRows) return false;
        return lattice[r][0] != 0 || lattice[r][1] != 0 || lattice[r][2] != 0;
    }

    /** |det(lattice)| for a 3-D periodic cell, else NaN. */
    public double volume() {
        if (!(isPeriodic(0) && isPeriodic(1) && isPeriodic(2))) return Double.NaN;
        return Math.abs(Mat3.determinant(lattice));
    }

    /** A deep copy. */
    public Configuration copy() {
        Configuration c = new Configuration(size);
        for (int r = 0; r < 3; r++) c.lattice[r] = lattice[r].clone();
        c.latticeRows = latticeRows;
        System.arraycopy(ids, 0, c.ids, 0, size);
        System.arraycopy(types, 0, c.types, 0, size);
        System.arraycopy(positions, 0, c.positions, 0, 3 * size);
        c.forces = forces == null ? null : forces.clone();
        c.siteEnergies = siteEnergies == null ? null : siteEnergies.clone();
        c.charges = charges == null ? null : charges.clone();
        c.energy = energy;
        c.plusStress = plusStress == null ? null : plusStress.clone();
        c.features.putAll(features);
        extraColumns.forEach((k, v) -> c.extraColumns.put(k, v.clone()));
        c.extraFields.putAll(extraFields);
        return c;
    }
}
