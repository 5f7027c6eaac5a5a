package org.mtpj.lammps.select;

import java.util.Arrays;
import org.mtpj.core.model.Configuration;
import org.mtpj.lammps.bridge.StepView;

/**
 * The configuration of one MD step as a {@code .cfg} writes it (mtp-spec §5.2): positions as
 * LAMMPS holds them (Å), species as types, the cell from the LAMMPS box (rows a = (lx,0,0),
 * b = (xy,ly,0), c = (xz,yz,lz), only the periodic ones), atoms sorted by id; no energies or forces
 * (MLIP-2's copies can carry stale ones, spec §9 trap 26). Atoms of types mapped to NULL are left
 * out: they are not part of the potential. Serial only: the view must hold every atom.
 */
final class StepConfiguration {
    private StepConfiguration() {}

    /**
     * Builds the configuration; {@code order} receives, for each written atom, its local index
     * ii in the view (so per-atom values can be written in the same order).
     */
    static Configuration of(StepView v, int[] order) {
        int m = 0;
        Integer[] idx = new Integer[v.localCount()];
        for (int ii = 0; ii < v.localCount(); ii++) if (v.species(ii) >= 0) idx[m++] = ii;
        Arrays.sort(idx, 0, m, (p, q) -> Long.compare(v.atomId(p), v.atomId(q)));
        Configuration c = new Configuration(m);
        for (int k = 0; k < m; k++) {
            int ii = idx[k];
            order[k] = ii;
            int i = v.atomIndex(ii);
            c.ids[k] = (int) v.atomId(ii);
            c.types[k] = v.species(ii);
            for (int a = 0; a < 3; a++) c.positions[3 * k + a] = v.position(i, a);
        }
        double[] b = v.box();
        double[][] rows = {
                {b[3] - b[0], 0, 0},
                {b[6], b[4] - b[1], 0},
                {b[7], b[8], b[5] - b[2]}};
        int r = 0;
        for (int axis = 0; axis < 3; axis++) {
            if (!v.periodic(axis)) continue;
            c.lattice[r] = rows[axis].clone();
            r++;
        }
        c.latticeRows = r;
        return c;
    }
}
