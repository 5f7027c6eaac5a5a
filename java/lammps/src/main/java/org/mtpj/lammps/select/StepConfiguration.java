package org.mtpj.lammps.select;

import java.util.Arrays;
import org.mtpj.core.model.Configuration;
import org.mtpj.lammps.bridge.StepView;

/**
 * The configuration of one MD step as a {@code .cfg} writes it (mtp-spec §5.2): positions as
 * LAMMPS holds them (Å), species as types, the cell from the LAMMPS box (rows a = (lx,0,0),
 * b = (xy,ly,0), c = (xz,yz,lz), only the periodic ones), atoms sorted by id; no energies or forces
 * (MLIP-2's copies can carry stale ones, spec §9 trap 26). Atoms of types mapped to NULL are left
 * out: they are not part of the potential. Under MPI every rank packs its local atoms and rank 0
 * assembles the gathered records.
 */
final class StepConfiguration {
    /** Doubles per packed atom: id, species, x, y, z, grade. */
    static final int RECORD = 6;

    private StepConfiguration() {}

    /** Packs this rank's local atoms (NULL types left out) into out; returns the atom count. */
    static int pack(StepView v, StepGrader grader, double[] out) {
        int m = 0;
        for (int ii = 0; ii < v.localCount(); ii++) {
            if (v.species(ii) < 0) continue;
            int i = v.atomIndex(ii), o = RECORD * m++;
            out[o] = v.atomId(ii);
            out[o + 1] = v.species(ii);
            out[o + 2] = v.position(i, 0);
            out[o + 3] = v.position(i, 1);
            out[o + 4] = v.position(i, 2);
            out[o + 5] = grader == null ? 0 : grader.atomGrade(ii);
        }
        return m;
    }

    /** Builds the configuration from m packed records; grades (if not null, length ≥ m) gets the atoms' grades in id order. */
    static Configuration assemble(double[] packed, int m, double[] box, boolean[] periodic, double[] grades) {
        Integer[] idx = new Integer[m];
        for (int k = 0; k < m; k++) idx[k] = k;
        Arrays.sort(idx, (p, q) -> Double.compare(packed[RECORD * p], packed[RECORD * q]));
        Configuration c = new Configuration(m);
        for (int k = 0; k < m; k++) {
            int o = RECORD * idx[k];
            c.ids[k] = (int) packed[o];
            c.types[k] = (int) packed[o + 1];
            c.positions[3 * k] = packed[o + 2];
            c.positions[3 * k + 1] = packed[o + 3];
            c.positions[3 * k + 2] = packed[o + 4];
            if (grades != null) grades[k] = packed[o + 5];
        }
        double[][] rows = {
                {box[3] - box[0], 0, 0},
                {box[6], box[4] - box[1], 0},
                {box[7], box[8], box[5] - box[2]}};
        int r = 0;
        for (int axis = 0; axis < 3; axis++) if (periodic[axis]) c.lattice[r++] = rows[axis].clone();
        c.latticeRows = r;
        return c;
    }
}
