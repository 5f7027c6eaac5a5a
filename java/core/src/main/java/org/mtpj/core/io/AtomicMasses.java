package org.mtpj.core.io;

import java.util.Map;

/** Standard atomic weights (g/mol, IUPAC abridged) of common elements, for LAMMPS data files. */
public final class AtomicMasses {
    private AtomicMasses() {}

    private static final Map<String, Double> MASS = Map.ofEntries(
            Map.entry("H", 1.008), Map.entry("He", 4.0026), Map.entry("Li", 6.94), Map.entry("Be", 9.0122),
            Map.entry("B", 10.81), Map.entry("C", 12.011), Map.entry("N", 14.007), Map.entry("O", 15.999),
            Map.entry("F", 18.998), Map.entry("Ne", 20.180), Map.entry("Na", 22.990), Map.entry("Mg", 24.305),
            Map.entry("Al", 26.982), Map.entry("Si", 28.085), Map.entry("P", 30.974), Map.entry("S", 32.06),
            Map.entry("Cl", 35.45), Map.entry("Ar", 39.948), Map.entry("K", 39.098), Map.entry("Ca", 40.078),
            Map.entry("Sc", 44.956), Map.entry("Ti", 47.867), Map.entry("V", 50.942), Map.entry("Cr", 51.996),
            Map.entry("Mn", 54.938), Map.entry("Fe", 55.845), Map.entry("Co", 58.933), Map.entry("Ni", 58.693),
            Map.entry("Cu", 63.546), Map.entry("Zn", 65.38), Map.entry("Ga", 69.723), Map.entry("Ge", 72.630),
            Map.entry("As", 74.922), Map.entry("Se", 78.971), Map.entry("Br", 79.904), Map.entry("Kr", 83.798),
            Map.entry("Rb", 85.468), Map.entry("Sr", 87.62), Map.entry("Y", 88.906), Map.entry("Zr", 91.224),
            Map.entry("Nb", 92.906), Map.entry("Mo", 95.95), Map.entry("Ru", 101.07), Map.entry("Rh", 102.91),
            Map.entry("Pd", 106.42), Map.entry("Ag", 107.87), Map.entry("Cd", 112.41), Map.entry("In", 114.82),
            Map.entry("Sn", 118.71), Map.entry("Sb", 121.76), Map.entry("Te", 127.60), Map.entry("I", 126.90),
            Map.entry("Xe", 131.29), Map.entry("Cs", 132.91), Map.entry("Ba", 137.33), Map.entry("La", 138.91),
            Map.entry("Hf", 178.49), Map.entry("Ta", 180.95), Map.entry("W", 183.84), Map.entry("Pt", 195.08),
            Map.entry("Au", 196.97), Map.entry("Pb", 207.2));

    /** The mass of an element symbol, or NaN when unknown. */
    public static double of(String symbol) {
        Double m = MASS.get(symbol);
        return m == null ? Double.NaN : m;
    }

    /** The element whose standard weight is within 0.05 g/mol of mass, or null (e.g. for isotopes or coarse masses). */
    public static String nearest(double mass) {
        String best = null;
        double bestDiff = 0.05;
        for (var e : MASS.entrySet()) {
            double d = Math.abs(e.getValue() - mass);
            if (d <= bestDiff) {
                best = e.getKey();
                bestDiff = d;
            }
        }
        return best;
    }
}
