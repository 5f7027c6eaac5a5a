package org.mtpj.analysis.voltage;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.mtpj.analysis.relax.MtpModel;
import org.mtpj.analysis.relax.StructureConversion;
import org.mtpj.core.UserError;
import org.mtpj.core.io.PoscarReader;
import org.mtpj.core.model.Configuration;
import org.mtpj.host.CfgFiles;
import org.mtpj.host.MtpFiles;
import org.mtpj.host.PoscarFiles;

/**
 * Energies per V2O5 unit of Mg_x V2O5 structures computed with an MTP, as given (relax them first):
 * x = 2·N_Mg/N_V, E = E_cell·2/N_V. Structures are POSCARs (species named by {@code types}, the
 * potential's species in order) or single-configuration .cfg files (types = species indices).
 */
public final class StructureEnergies {
    private StructureEnergies() {}

    /** One evaluated structure. */
    public record Entry(Path file, int nMg, int nV, int atoms, double cellEnergy, double x, double energyPerV2O5) {}

    public static List<Entry> evaluate(List<Path> structures, Path potFile, List<String> types, int threads) {
        if (types == null || types.isEmpty())
            throw new UserError("structure inputs need --types with the potential's species in order, e.g. --types Mg,V,O");
        int mg = types.indexOf("Mg"), v = types.indexOf("V");
        if (v < 0) throw new UserError("--types " + String.join(",", types) + " has no V: cannot count V2O5 units");
        List<Entry> out = new ArrayList<>();
        try (MtpModel model = new MtpModel(MtpFiles.read(potFile), threads)) {
            for (Path f : structures) {
                Configuration c = load(f, types);
                model.check(c, f.toString());
                int nMg = 0, nV = 0;
                for (int i = 0; i < c.size; i++) { if (c.types[i] == mg) nMg++; if (c.types[i] == v) nV++; }
                if (nV == 0) throw new UserError(f + " has no V atoms: not a Mg_x V2O5 cell");
                double e = model.evaluate(c).energy();
                out.add(new Entry(f, nMg, nV, c.size, e, 2.0 * nMg / nV, e * 2 / nV));
            }
        }
        out.sort(Comparator.comparingDouble(Entry::x));
        for (int i = 1; i < out.size(); i++)
            if (out.get(i).x() == out.get(i - 1).x())
                throw new UserError(out.get(i - 1).file() + " and " + out.get(i).file() + " have the same composition x="
                        + out.get(i).x() + " (give one structure per x)");
        return out;
    }

    public static EnergyTable compute(List<Path> structures, Path potFile, List<String> types, int threads, PrintWriter log) {
        List<Entry> es = evaluate(structures, potFile, types, threads);
        if (es.size() < 2) throw new UserError("need at least two compositions, got " + es.size());
        log.printf("%-40s %6s %6s %18s %8s %18s%n", "structure", "N_Mg", "N_V", "E_cell (eV)", "x", "E per V2O5 (eV)");
        double[] x = new double[es.size()], e = new double[es.size()];
        for (int i = 0; i < es.size(); i++) {
            Entry en = es.get(i);
            log.printf(Locale.ROOT, "%-40s %6d %6d %18.8f %8s %18.8f%n", en.file().getFileName(), en.nMg(), en.nV(), en.cellEnergy(),
                    org.mtpj.analysis.lro.PyNumbers.shortest(en.x()), en.energyPerV2O5());
            x[i] = en.x();
            e[i] = en.energyPerV2O5();
        }
        return new EnergyTable(x, e);
    }

    /** Energy per atom of a Mg metal structure (every atom must be Mg). */
    public static double energyPerAtom(Path structure, Path potFile, List<String> types, int threads) {
        if (types == null || types.isEmpty())
            throw new UserError("--mg-metal as a structure needs --types with the potential's species in order, e.g. --types Mg,V,O");
        try (MtpModel model = new MtpModel(MtpFiles.read(potFile), threads)) {
            Configuration c = load(structure, types);
            model.check(c, structure.toString());
            int mg = types.indexOf("Mg");
            for (int i = 0; i < c.size; i++)
                if (c.types[i] != mg) throw new UserError(structure + " is used as Mg metal but contains " + types.get(c.types[i]));
            return model.evaluate(c).energy() / c.size;
        }
    }

    static Configuration load(Path f, List<String> types) {
        if (f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".cfg")) {
            List<Configuration> all = CfgFiles.readAll(f);
            if (all.size() != 1) throw new UserError(f + " holds " + all.size() + " configurations; give one structure per file");
            return all.get(0);
        }
        return StructureConversion.toConfiguration(PoscarFiles.read(f), types, f.toString());
    }
}
