package org.mtpj.analysis.traj;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtpj.core.io.Frame;
import org.mtpj.core.io.PositionKind;
import org.mtpj.core.model.Structure;

/**
 * Conversions between {@link Structure} (POSCAR) and {@link Frame} (trajectory): {@link #of} makes a
 * frame with ids 1..N in file order and type = species block index + 1; {@link #toStructure} makes a
 * POSCAR-ready structure from a dump frame (e.g. for {@code mtpj convert}).
 */
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

    /**
     * A structure from a frame: species blocks in order of first appearance (by id), atoms by id
     * within a block, Cartesian positions relative to the box origin, the frame's cell.
     */
    public static Structure toStructure(Frame f, SpeciesMap species, String comment) {
        String[] sp = species.speciesById(f);
        int[] order = f.orderById();
        Map<String, List<Integer>> blocks = new LinkedHashMap<>();
        for (int k = 0; k < f.size; k++) blocks.computeIfAbsent(sp[k], x -> new ArrayList<>()).add(order[k]);
        double[][] cart = new double[f.size][];
        List<String> names = new ArrayList<>(blocks.keySet());
        int[] counts = new int[names.size()];
        int i = 0, b = 0;
        for (List<Integer> rows : blocks.values()) {
            counts[b++] = rows.size();
            for (int r : rows) {
                cart[i++] = new double[] {f.positions[3 * r] - f.origin[0], f.positions[3 * r + 1] - f.origin[1], f.positions[3 * r + 2] - f.origin[2]};
            }
        }
        return new Structure(comment, f.cell, names, counts, cart, null, null);
    }
}
