package org.mtpj.analysis.traj;

import java.util.List;
import org.mtpj.core.io.Frame;
import org.mtpj.core.io.InputFormatException;

/**
 * Species of each atom: from the user's type list ({@code --types Mg,V,O}: type 1 = Mg, 2 = V,
 * 3 = O) or else from the frame's element symbols (dump {@code element} column, POSCAR symbols).
 */
public final class SpeciesMap {
    private final List<String> typeNames;

    /** @param typeNames names of types 1, 2, ...; null or empty to use the element symbols of the frames */
    public SpeciesMap(List<String> typeNames) {
        this.typeNames = typeNames == null || typeNames.isEmpty() ? null : List.copyOf(typeNames);
    }

    /** Species of the rows of {@code f} in id order. */
    public String[] speciesById(Frame f) {
        int[] order = f.orderById();
        String[] s = new String[f.size];
        for (int k = 0; k < f.size; k++) {
            int r = order[k];
            if (typeNames != null && (f.types[r] > 0 || f.elements == null)) {
                int t = f.types[r];
                if (t < 1) throw new InputFormatException(f.file, f.line, "the frame has no 'type' column, so --types cannot be applied");
                if (t > typeNames.size())
                    throw new InputFormatException(f.file, f.lineOfRow(r), "atom id " + f.ids[r] + " has type " + t + " but --types names only "
                            + typeNames.size() + " (" + String.join(",", typeNames) + ")");
                s[k] = typeNames.get(t - 1);
            } else if (f.elements != null) {
                s[k] = f.elements[r];
            } else {
                throw new InputFormatException(f.file, f.line, "atoms have types but no element names; give --types, e.g. --types Mg,V,O for type 1 = Mg");
            }
        }
        return s;
    }
}
