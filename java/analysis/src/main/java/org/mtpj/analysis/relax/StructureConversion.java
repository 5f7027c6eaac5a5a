package org.mtpj.analysis.relax;

import java.util.ArrayList;
import java.util.List;
import org.mtpj.core.model.Cell;
import org.mtpj.core.model.Structure;
import org.mtpj.core.UserError;
import org.mtpj.core.model.Configuration;

/**
 * POSCAR structures ↔ MTP configurations. The potential knows species only by index, so the user
 * names them: {@code species.get(k)} is MTP type k (the study: Mg,V,O = 0,1,2).
 */
public final class StructureConversion {
    private StructureConversion() {}

    public static Configuration toConfiguration(Structure s, List<String> species, String name) {
        if (species == null || species.isEmpty())
            throw new UserError(name + " is a POSCAR: give --types with the potential's species in order, e.g. --types Mg,V,O");
        Configuration c = new Configuration(s.size());
        double[][] rows = s.cell().rows();
        for (int r = 0; r < 3; r++) c.lattice[r] = rows[r].clone();
        c.latticeRows = 3;
        for (int i = 0; i < s.size(); i++) {
            String sym = s.symbol(i);
            int t = species.indexOf(sym);
            if (t < 0)
                throw new UserError(name + " contains " + sym + " but the potential's species are " + String.join(",", species)
                        + " (--types): it cannot describe this structure");
            c.types[i] = t;
            double[] p = s.cartesian(i);
            System.arraycopy(p, 0, c.positions, 3 * i, 3);
        }
        return c;
    }

    /** A POSCAR structure of a configuration (atoms grouped by species in the order of --types). */
    public static Structure toStructure(Configuration c, List<String> species, String comment) {
        List<String> order = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        List<double[]> pos = new ArrayList<>();
        for (int t = 0; t < species.size(); t++) {
            int cnt = 0;
            for (int i = 0; i < c.size; i++)
                if (c.types[i] == t) { pos.add(new double[] {c.positions[3 * i], c.positions[3 * i + 1], c.positions[3 * i + 2]}); cnt++; }
            if (cnt > 0) { order.add(species.get(t)); counts.add(cnt); }
        }
        double[][] rows = new double[3][];
        for (int r = 0; r < 3; r++) rows[r] = c.lattice[r].clone();
        return new Structure(comment, new Cell(rows), order, counts.stream().mapToInt(Integer::intValue).toArray(),
                pos.toArray(double[][]::new), null, null);
    }
}
