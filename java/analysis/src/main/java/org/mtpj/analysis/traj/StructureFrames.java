package org.mtpj.analysis.traj;

import org.mtpj.analysis.io.Structure;

/** Converts a POSCAR-like {@link Structure} to a {@link Frame}: ids 1..N in file order, type = species block index + 1. */
public final class StructureFrames {
    private StructureFrames() {}

    public static Frame of(Structure s, String file, long line, long step) {
        int n = s.size();
        int[] ids = new int[n];
        int[] types = new int[n];
        double[] pos = new double[3 * n];
        String[] el = s.atomSymbols();
        int[] counts = s.counts();
        int i = 0;
        for (int b = 0; b < counts.length; b++) for (int c = 0; c < counts[b]; c++) types[i++] = b + 1;
        double[][] cart = s.cartesian();
        for (int k = 0; k < n; k++) {
            ids[k] = k + 1;
            System.arraycopy(cart[k], 0, pos, 3 * k, 3);
        }
        return new Frame(file, line, step, s.cell(), new double[3], n, ids, types, el, pos, PositionKind.WRAPPED, null);
    }
}
