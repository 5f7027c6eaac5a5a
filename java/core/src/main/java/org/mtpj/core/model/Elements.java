package org.mtpj.core.model;

import java.util.HashMap;
import java.util.Map;

/** Chemical element symbols and atomic numbers (Z = 1..103). */
public final class Elements {
    private Elements() {}

    private static final String[] SYMBOLS = (
            "H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn Ga Ge As Se Br Kr "
            + "Rb Sr Y Zr Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba La Ce Pr Nd Pm Sm Eu Gd Tb Dy Ho Er Tm Yb "
            + "Lu Hf Ta W Re Os Ir Pt Au Hg Tl Pb Bi Po At Rn Fr Ra Ac Th Pa U Np Pu Am Cm Bk Cf Es Fm Md No Lr").split(" ");
    private static final Map<String, Integer> Z = new HashMap<>();

    static {
        for (int i = 0; i < SYMBOLS.length; i++) Z.put(SYMBOLS[i], i + 1);
    }

    /** Atomic number of a symbol such as "Mg", or -1 when it is not an element. */
    public static int atomicNumber(String symbol) {
        return Z.getOrDefault(symbol, -1);
    }

    public static boolean isElement(String symbol) {
        return Z.containsKey(symbol);
    }

    /** The symbol of atomic number z (1-based). */
    public static String symbol(int z) {
        if (z < 1 || z > SYMBOLS.length) throw new IllegalArgumentException("no element with Z=" + z);
        return SYMBOLS[z - 1];
    }

    /** Standard atomic weights (g/mol) of Z = 1..56 (IUPAC abridged values). */
    private static final double[] MASS = {1.008, 4.0026, 6.94, 9.0122, 10.81, 12.011, 14.007, 15.999, 18.998, 20.180, 22.990, 24.305,
            26.982, 28.085, 30.974, 32.06, 35.45, 39.948, 39.098, 40.078, 44.956, 47.867, 50.942, 51.996, 54.938, 55.845, 58.933,
            58.693, 63.546, 65.38, 69.723, 72.630, 74.922, 78.971, 79.904, 83.798, 85.468, 87.62, 88.906, 91.224, 92.906, 95.95, 97.0,
            101.07, 102.91, 106.42, 107.87, 112.41, 114.82, 118.71, 121.76, 127.60, 126.90, 131.29, 132.91, 137.33};

    /** Standard atomic weight of a symbol, or NaN when not tabulated (Z > 56 or not an element). */
    public static double mass(String symbol) {
        int z = atomicNumber(symbol);
        return z >= 1 && z <= MASS.length ? MASS[z - 1] : Double.NaN;
    }
}
