package org.mtpj.learn;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mtpj.core.UserError;
import org.mtpj.core.io.PoscarWriter;
import org.mtpj.core.io.vasp.OutcarReader;
import org.mtpj.core.model.Cell;
import org.mtpj.core.model.Configuration;
import org.mtpj.core.model.Structure;
import org.mtpj.host.AtomicOutput;
import org.mtpj.host.InputFiles;
import org.mtpj.host.PoscarFiles;
import org.mtpj.host.Warnings;

/**
 * VASP by template: per configuration a work folder with POSCAR (atoms grouped by species in the
 * potential's order, only the species present), the user's INCAR and KPOINTS, and a POTCAR (the
 * user's file when every species is present, or concatenated from a folder of per-element
 * {@code <El>/POTCAR} as VASP's PAW sets are distributed); then the user's command (e.g.
 * {@code mpirun -np 32 vasp_std}, or a batch submit that waits), and the first ionic step of
 * its OUTCAR read by core's {@link OutcarReader} (shared/docs/vasp-io.md). Forces go back to the
 * configuration's atom order.
 *
 * <p>An electronic loop that hit NELM ({@code VASP_not_converged}) or a run past the time limit is
 * {@link LabelSkipped}; a command that fails or leaves no OUTCAR stops the round.
 */
public final class VaspOracle implements Oracle {
    /** [oracle] settings of type "vasp" (docs/learn.md); kpoints may be null (KSPACING in INCAR). */
    public record Settings(Path incar, Path kpoints, Path potcar, List<String> command, double timeoutMinutes) {}

    private final Settings settings;
    private final String[] species;

    public VaspOracle(Settings settings, String[] species) {
        List<String> words = settings.command().size() == 1 ? List.of(settings.command().get(0).trim().split("\\s+")) : settings.command();
        if (words.isEmpty() || words.get(0).isBlank()) throw new UserError("[oracle] command (how VASP runs) is empty");
        this.settings = new Settings(settings.incar(), settings.kpoints(), settings.potcar(), List.copyOf(words), settings.timeoutMinutes());
        this.species = species.clone();
    }

    @Override
    public String describe() {
        return "VASP (" + String.join(" ", settings.command()) + "): INCAR " + settings.incar() + ", POTCAR " + settings.potcar();
    }

    @Override
    public Configuration label(Configuration cfg, Path work) {
        Configuration q = LabelCheck.unlabelled(cfg);
        if (q.latticeRows != 3) throw new UserError("the VASP oracle labels 3-D periodic cells; this configuration has "
                + q.latticeRows + " Supercell row(s)");
        // POSCAR needs each species in one block: order[k] = the configuration's atom at POSCAR position k
        Integer[] order = new Integer[q.size];
        for (int i = 0; i < q.size; i++) {
            order[i] = i;
            if (q.types[i] < 0 || q.types[i] >= species.length) throw new UserError("species " + q.types[i] + " is not named by [potential] species");
        }
        Arrays.sort(order, (a, b) -> Integer.compare(q.types[a], q.types[b]));
        String[] symbols = new String[q.size];
        double[][] cart = new double[q.size][];
        for (int k = 0; k < q.size; k++) {
            int i = order[k];
            symbols[k] = species[q.types[i]];
            cart[k] = new double[] {q.positions[3 * i], q.positions[3 * i + 1], q.positions[3 * i + 2]};
        }
        Cell cell = new Cell(q.lattice);
        Structure s = Structure.ofBlocks("mtpj learn: configuration to label", cell, symbols, cart, null);
        PoscarFiles.write(new PoscarWriter().decimals(12), s, work.resolve("POSCAR"));
        copy(settings.incar(), work.resolve("INCAR"));
        if (settings.kpoints() != null) copy(settings.kpoints(), work.resolve("KPOINTS"));
        writePotcar(s.speciesOrder(), work.resolve("POTCAR"));

        Path log = work.resolve("vasp.log"), outcar = work.resolve("OUTCAR");
        int rc = ExternalProcess.runLimited(settings.command(), work, log, Map.of(), settings.timeoutMinutes() * 60);
        if (rc == ExternalProcess.TIMED_OUT)
            throw new LabelSkipped(String.format(Locale.ROOT, "VASP ran past the time limit of %s min ([oracle] timeout_minutes); see %s",
                    settings.timeoutMinutes(), log));
        if (rc != 0) throw new UserError("VASP command '" + String.join(" ", settings.command()) + "' failed (exit " + rc + "); see " + log);
        if (!Files.isRegularFile(outcar)) throw new UserError("VASP command '" + settings.command().get(0) + "' left no " + outcar + "; see " + log);
        Configuration step;
        try (OutcarReader r = OutcarReader.of(InputFiles.openStream(outcar), outcar.toString(), Warnings.STDERR)) {
            step = r.next(); // the first ionic step is the configuration asked (INCAR: NSW = 0 for a single point)
        }
        if (step == null) throw new UserError(outcar + ": no complete ionic step; see " + log);
        if ("VASP_not_converged".equals(step.features.get("EFS_by")))
            throw new LabelSkipped("VASP's electronic loop did not converge (NELM reached); see " + outcar);
        if (step.size != q.size) throw new UserError(outcar + ": " + step.size + " atoms, expected " + q.size + " (the POSCAR's)");
        List<String> present = s.speciesOrder();
        double[] frac = new double[3];
        q.forces = new double[3 * q.size];
        for (int k = 0; k < q.size; k++) {
            int i = order[k];
            if (step.types[k] >= present.size() || !present.get(step.types[k]).equals(species[q.types[i]]))
                throw new UserError(outcar + ": atom " + (k + 1) + " is of species " + step.types[k] + ", expected " + symbols[k]);
            // the OUTCAR must be of this POSCAR (not a stale one): same position up to a lattice vector, at VASP's 5 decimals
            cell.toFractional(step.positions[3 * k] - cart[k][0], step.positions[3 * k + 1] - cart[k][1], step.positions[3 * k + 2] - cart[k][2], frac, 0);
            for (int a = 0; a < 3; a++) frac[a] -= Math.rint(frac[a]);
            double[] d = new double[3];
            cell.toCartesian(frac[0], frac[1], frac[2], d, 0);
            if (Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]) > 1e-3)
                throw new UserError(outcar + ": in the first ionic step, POSCAR atom " + (k + 1) + " (configuration atom " + (i + 1)
                        + ") is not where the POSCAR put it; is this the OUTCAR of this run?");
            for (int a = 0; a < 3; a++) q.forces[3 * i + a] = step.forces[3 * k + a];
        }
        q.energy = step.energy;
        q.plusStress = step.plusStress == null ? null : step.plusStress.clone();
        q.features.put("EFS_by", "VASP");
        return LabelCheck.check(cfg, q, outcar.toString());
    }

    /** The user's POTCAR when it covers every species of the potential, else the per-element files of the folder. */
    private void writePotcar(List<String> present, Path target) {
        Path p = settings.potcar();
        if (Files.isRegularFile(p)) {
            if (present.size() != species.length)
                throw new UserError("[oracle] potcar " + p + " is one file for all species " + String.join(" ", species) + ", but this"
                        + " configuration has only " + String.join(" ", present) + "; give a folder with <El>/POTCAR instead");
            copy(p, target);
            return;
        }
        List<Path> parts = new ArrayList<>();
        for (String el : present) {
            Path f = p.resolve(el).resolve("POTCAR");
            if (!Files.isRegularFile(f)) throw new UserError("[oracle] potcar: no " + f + " for " + el);
            parts.add(f);
        }
        AtomicOutput.writeBytes(target, os -> {
            for (Path f : parts) Files.copy(f, os);
        });
    }

    private static void copy(Path from, Path to) {
        if (!Files.isRegularFile(from)) throw new UserError("cannot read " + from + ": file not found");
        AtomicOutput.writeBytes(to, os -> Files.copy(from, os));
    }
}
