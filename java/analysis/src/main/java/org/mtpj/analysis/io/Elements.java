package org.mtpj.analysis.io;

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
}
