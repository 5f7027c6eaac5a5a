package org.mtpj.cli.core;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.mtpj.core.UserError;

/**
 * Species numbers for element names, the same for every input of one convert call: --types when
 * given, else in order of first appearance (so runs that list Mg,O and O,Mg still agree).
 */
final class SpeciesByName {
    private final List<String> order = new ArrayList<>();
    private final boolean fixed;
    private final Consumer<String> warn;
    private int calls;

    SpeciesByName(String[] types, Consumer<String> warn) {
        this.fixed = types != null;
        if (types != null) order.addAll(List.of(types));
        this.warn = warn;
    }

    /** Element names of species 0, 1, ...: a live view that grows as inputs name new elements. */
    List<String> names() { return java.util.Collections.unmodifiableList(order); }

    /** Where warnings go (the readers' too). */
    Consumer<String> warnings() { return warn; }

    /** For a file whose species t is element elements[t]: our species number of each t. */
    int[] map(List<String> elements, String file) {
        int[] map = new int[elements.size()];
        boolean grew = false, renumbered = false;
        for (int t = 0; t < elements.size(); t++) {
            String e = elements.get(t);
            int k = order.indexOf(e);
            if (k < 0) {
                if (fixed) throw new UserError(file + ": element " + e + " is not in --types " + String.join(",", order));
                order.add(e);
                k = order.size() - 1;
                grew = true;
            }
            map[t] = k;
            renumbered |= k != t;
        }
        // a first file's own order is what MLIP-2 would use: said only when files disagree
        if ((grew && calls > 0) || (renumbered && !fixed))
            warn.accept("no --types: species numbered in order of appearance " + String.join(",", order) + " (" + file + " lists "
                    + String.join(",", elements) + "; give --types to fix the order)");
        calls++;
        return map;
    }
}
