package org.mtpj.learn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mtpj.core.UserError;
import org.mtpj.core.io.LammpsBox;
import org.mtpj.core.io.LammpsUnits;
import org.mtpj.core.model.Configuration;
import org.mtpj.host.LammpsDataFiles;

/**
 * An oracle that is a LAMMPS pair style (e.g. Debian's lmp with a potential from lammps-data):
 * one {@code run 0} per configuration, energy {@code pe}, forces from a dump, PlusStress from the
 * virial-only pressure. The cell is rotated into LAMMPS' frame and the forces and the virial are
 * rotated back, so any right-handed periodic cell works.
 */
public final class LammpsOracle implements Oracle {
    private final List<String> lammps;
    private final List<String> pairLines;
    private final String[] species;

    public LammpsOracle(List<String> lammps, List<String> pairLines, String[] species) {
        this.lammps = lammps == null || lammps.isEmpty() ? List.of("lmp") : List.copyOf(lammps);
        this.pairLines = List.copyOf(pairLines);
        this.species = species.clone();
    }

    /** The command that runs LAMMPS (e.g. {@code lmp}). */
    List<String> command() { return lammps; }

    /** The pair_style/pair_coeff lines of the reference potential. */
    List<String> pairLines() { return pairLines; }

    @Override
    public String describe() { return "LAMMPS (" + String.join(" ", lammps) + "): " + String.join("; ", pairLines); }

    @Override
    public Configuration label(Configuration cfg, Path work) {
        Configuration q = LabelCheck.unlabelled(cfg);
        LammpsBox box = LammpsBox.of(q.lattice);
        LammpsDataFiles.write(q, species, species.length, "mtpj learn: configuration to label", work.resolve("cfg.data"));
        write(work.resolve("in.label"), input());
        List<String> cmd = new ArrayList<>(lammps);
        cmd.addAll(List.of("-in", "in.label", "-log", "log.lammps", "-screen", "none"));
        int rc = ExternalProcess.run(cmd, work, work.resolve("lmp.out"));
        Path log = work.resolve("log.lammps");
        if (rc != 0) throw new UserError("LAMMPS oracle failed (exit " + rc + "): " + lastError(log, work.resolve("lmp.out")) + "; see " + log);
        double[] thermo = thermoRow(log);
        double[] f = forces(work.resolve("forces.dump"), q.size);
        double[][] r = box.rotation();
        q.energy = thermo[0];
        q.forces = new double[3 * q.size];
        for (int i = 0; i < q.size; i++)
            for (int a = 0; a < 3; a++)
                q.forces[3 * i + a] = f[3 * i] * r[a][0] + f[3 * i + 1] * r[a][1] + f[3 * i + 2] * r[a][2];
        // virial in eV = P_virial(bar)·V(Å³)/nktv2p; LAMMPS order xx yy zz xy xz yz
        double s = thermo[1] / LammpsUnits.BAR_A3_PER_EV;
        double[][] w = {{thermo[2] * s, thermo[5] * s, thermo[6] * s},
                {thermo[5] * s, thermo[3] * s, thermo[7] * s},
                {thermo[6] * s, thermo[7] * s, thermo[4] * s}};
        double[][] back = new double[3][3];
        for (int a = 0; a < 3; a++)
            for (int b = 0; b < 3; b++) {
                double v = 0;
                for (int k = 0; k < 3; k++)
                    for (int l = 0; l < 3; l++) v += r[a][k] * w[k][l] * r[b][l];
                back[a][b] = v;
            }
        q.plusStress = new double[] {back[0][0], back[1][1], back[2][2], back[1][2], back[0][2], back[0][1]};
        q.features.put("EFS_by", "mtpj-learn-lammps-oracle");
        return LabelCheck.check(cfg, q, log.toString());
    }

    private String input() {
        StringBuilder sb = new StringBuilder("# mtpj learn: label one configuration (energy, forces, virial) with the oracle\n");
        sb.append("units metal\natom_style atomic\natom_modify map array sort 0 0.0\nboundary p p p\nread_data cfg.data\n");
        for (String line : pairLines) sb.append(line).append('\n');
        sb.append("compute mtpj_virial all pressure NULL virial\n");
        sb.append("thermo_style custom step pe vol c_mtpj_virial[1] c_mtpj_virial[2] c_mtpj_virial[3] c_mtpj_virial[4] c_mtpj_virial[5] c_mtpj_virial[6]\n");
        sb.append("thermo_modify format float %.17g\n");
        sb.append("dump mtpj_forces all custom 1 forces.dump id fx fy fz\ndump_modify mtpj_forces sort id format float %.17g\n");
        sb.append("run 0\n");
        return sb.toString();
    }

    /** pe, vol and the six virial pressures of the thermo line after the header that starts with "Step PotEng Volume". */
    private static double[] thermoRow(Path log) {
        List<String> lines = readLines(log);
        for (int i = 0; i + 1 < lines.size(); i++) {
            String[] h = lines.get(i).trim().split("\\s+");
            if (h.length == 9 && h[0].equals("Step") && h[1].equals("PotEng") && h[2].equals("Volume")) {
                String[] v = lines.get(i + 1).trim().split("\\s+");
                if (v.length != 9) break;
                double[] out = new double[8];
                try {
                    for (int k = 0; k < 8; k++) out[k] = Double.parseDouble(v[k + 1]);
                } catch (NumberFormatException e) {
                    throw new UserError(log + ":" + (i + 2) + ": expected 9 numbers in the thermo line of the oracle run");
                }
                return out;
            }
        }
        throw new UserError(log + ": no thermo line 'Step PotEng Volume ...' in the oracle run");
    }

    private static double[] forces(Path dump, int n) {
        List<String> lines = readLines(dump);
        int start = -1;
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).startsWith("ITEM: ATOMS id fx fy fz")) { start = i + 1; break; }
        if (start < 0 || lines.size() < start + n) throw new UserError(dump + ": expected " + n + " atom rows after 'ITEM: ATOMS id fx fy fz'");
        double[] f = new double[3 * n];
        for (int k = 0; k < n; k++) {
            String[] t = lines.get(start + k).trim().split("\\s+");
            try {
                int id = Integer.parseInt(t[0]);
                if (t.length != 4 || id != k + 1) throw new NumberFormatException();
                for (int a = 0; a < 3; a++) f[3 * k + a] = Double.parseDouble(t[a + 1]);
            } catch (NumberFormatException e) {
                throw new UserError(dump + ":" + (start + k + 1) + ": expected 'id fx fy fz' with id " + (k + 1));
            }
        }
        return f;
    }

    static String lastError(Path log, Path out) {
        for (Path p : List.of(log, out)) {
            if (!Files.isRegularFile(p)) continue;
            for (String line : readLines(p)) if (line.startsWith("ERROR")) return line.trim();
        }
        return "no ERROR line";
    }

    private static List<String> readLines(Path p) {
        try {
            return Files.readAllLines(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError("cannot read " + p + ": " + e.getMessage());
        }
    }

    private static void write(Path p, String text) {
        try {
            Files.writeString(p, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError("cannot write " + p + ": " + e.getMessage());
        }
    }
}
