package org.mtpj.cli.core;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.mtpj.core.io.Frame;
import org.mtpj.core.io.XdatcarReader;
import org.mtpj.core.io.vasp.OszicarEnergies;
import org.mtpj.core.model.Configuration;

/**
 * XDATCAR frames as configurations for {@code convert}: cell and positions of each
 * "configuration= k", species by element name, and Energy = the OSZICAR's F of ionic step k when
 * the run's OSZICAR is given (no forces or stress: an XDATCAR has none).
 */
final class XdatcarSource implements ConvertCommand.Source {
    private final XdatcarReader reader;
    private final OszicarEnergies energies;
    private final SpeciesByName species;
    private final Consumer<String> warn;
    private Frame last;
    private List<String> elements;
    private int[] map;
    private int unlabelled;

    XdatcarSource(XdatcarReader reader, OszicarEnergies energies, SpeciesByName species, Consumer<String> warn) {
        this.reader = reader;
        this.energies = energies;
        this.species = species;
        this.warn = warn;
    }

    @Override
    public Configuration next() {
        Frame f = reader.next();
        if (f == null) {
            if (unlabelled > 0) warn.accept(unlabelled + " XDATCAR configuration(s) have no ionic step in the OSZICAR: written without Energy");
            return null;
        }
        last = f;
        List<String> els = new ArrayList<>();
        for (String e : f.elements) if (!els.contains(e)) els.add(e);
        if (!els.equals(elements)) {
            elements = els;
            map = species.map(els, f.file);
        }
        Configuration c = new Configuration(f.size);
        c.latticeRows = 3;
        for (int k = 0; k < 3; k++) c.lattice[k] = f.cell.row(k);
        System.arraycopy(f.positions, 0, c.positions, 0, 3 * f.size);
        for (int i = 0; i < f.size; i++) c.types[i] = map[els.indexOf(f.elements[i])];
        if (energies != null) {
            c.energy = energies.energyOfStep(f.step);
            if (!c.hasEnergy()) unlabelled++;
        }
        return c;
    }

    @Override
    public String where() { return last == null ? "XDATCAR" : last.file + ":" + last.line + ": configuration " + last.step; }

    @Override
    public void close() {
        reader.close();
        if (energies != null) energies.close();
    }
}
