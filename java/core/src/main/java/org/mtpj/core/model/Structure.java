package org.mtpj.core.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One periodic structure as in a POSCAR/CONTCAR: cell, species, positions. Immutable (the
 * accessors return copies or unmodifiable views).
 *
 * <ul>
 *   <li>{@link #cell()}: lattice rows in Å, the POSCAR scale factor already applied.</li>
 *   <li>{@link #speciesOrder()} and {@link #counts()}: the symbols and counts lines, in file order;
 *       atoms are stored in that block order.</li>
 *   <li>{@link #symbol(int)}: species symbol of atom i (0-based).</li>
 *   <li>{@link #cartesian()}: positions in Å, {@code [atom][axis]}.</li>
 *   <li>{@link #fractional()}: fractional coordinates; for a Direct file exactly the numbers written
 *       (not wrapped into [0,1): values such as -0.0004 or 1.02 are kept); for a Cartesian file
 *       computed as r·M⁻¹.</li>
 *   <li>{@link #selectiveDynamics()}: per-atom T/F flags, or null when the file had none.</li>
 * </ul>
 */
public final class Structure {
    private final String comment;
    private final Cell cell;
    private final List<String> speciesOrder;
    private final int[] counts;
    private final double[][] cartesian;
    private final double[][] fractional;
    private final boolean[][] selective;

    /**
     * @param fractional fractional coordinates (as written for Direct files), or null to compute them
     * @param cartesian Cartesian positions in Å, or null to compute them from {@code fractional}
     */
    public Structure(String comment, Cell cell, List<String> speciesOrder, int[] counts,
                     double[][] cartesian, double[][] fractional, boolean[][] selective) {
        if (speciesOrder.size() != counts.length)
            throw new IllegalArgumentException(speciesOrder.size() + " symbols but " + counts.length + " counts");
        int n = Arrays.stream(counts).sum();
        if (cartesian == null && fractional == null) throw new IllegalArgumentException("no positions");
        this.comment = comment;
        this.cell = cell;
        this.speciesOrder = List.copyOf(speciesOrder);
        this.counts = counts.clone();
        if (cartesian == null) {
            cartesian = new double[n][3];
            for (int i = 0; i < n; i++) cell.toCartesian(fractional[i][0], fractional[i][1], fractional[i][2], cartesian[i], 0);
        }
        if (fractional == null) {
            fractional = new double[n][3];
            for (int i = 0; i < n; i++) cell.toFractional(cartesian[i][0], cartesian[i][1], cartesian[i][2], fractional[i], 0);
        }
        if (cartesian.length != n || fractional.length != n)
            throw new IllegalArgumentException("counts sum to " + n + " but " + cartesian.length + " positions");
        this.cartesian = deepCopy(cartesian);
        this.fractional = deepCopy(fractional);
        this.selective = selective == null ? null : deepCopy(selective);
    }

    /** A structure from per-atom symbols already grouped in blocks (consecutive equal symbols). */
    public static Structure ofBlocks(String comment, Cell cell, String[] atomSymbols, double[][] cartesian, double[][] fractional) {
        List<String> order = new ArrayList<>();
        List<Integer> cnt = new ArrayList<>();
        for (String s : atomSymbols) {
            if (!order.isEmpty() && order.get(order.size() - 1).equals(s)) cnt.set(cnt.size() - 1, cnt.get(cnt.size() - 1) + 1);
            else { order.add(s); cnt.add(1); }
        }
        return new Structure(comment, cell, order, cnt.stream().mapToInt(Integer::intValue).toArray(), cartesian, fractional, null);
    }

    public String comment() { return comment; }
    public Cell cell() { return cell; }
    public List<String> speciesOrder() { return speciesOrder; }
    public int[] counts() { return counts.clone(); }
    public int size() { return cartesian.length; }

    /** Species symbol of atom i (0-based, file order). */
    public String symbol(int i) {
        int k = i;
        for (int s = 0; s < counts.length; s++) {
            if (k < counts[s]) return speciesOrder.get(s);
            k -= counts[s];
        }
        throw new IndexOutOfBoundsException(i);
    }

    /** Per-atom symbols in file order. */
    public String[] atomSymbols() {
        String[] r = new String[size()];
        int i = 0;
        for (int s = 0; s < counts.length; s++) for (int c = 0; c < counts[s]; c++) r[i++] = speciesOrder.get(s);
        return r;
    }

    /** Atomic number of atom i, or -1 when its symbol is not an element. */
    public int atomicNumber(int i) { return Elements.atomicNumber(symbol(i)); }

    public double[][] cartesian() { return deepCopy(cartesian); }
    public double[][] fractional() { return deepCopy(fractional); }
    public double[] cartesian(int i) { return cartesian[i].clone(); }
    public double[] fractional(int i) { return fractional[i].clone(); }
    public boolean[][] selectiveDynamics() { return selective == null ? null : deepCopy(selective); }

    private static double[][] deepCopy(double[][] a) {
        double[][] r = new double[a.length][];
        for (int i = 0; i < a.length; i++) r[i] = a[i].clone();
        return r;
    }

    private static boolean[][] deepCopy(boolean[][] a) {
        boolean[][] r = new boolean[a.length][];
        for (int i = 0; i < a.length; i++) r[i] = a[i].clone();
        return r;
    }
}
