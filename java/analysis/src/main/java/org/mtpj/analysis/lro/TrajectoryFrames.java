package org.mtpj.analysis.lro;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.mtpj.core.model.Elements;
import org.mtpj.core.io.Frame;
import org.mtpj.analysis.traj.TrajectoryFiles;
import org.mtpj.core.io.TrajectoryReader;
import org.mtpj.analysis.traj.SpeciesMap;
import org.mtpj.core.UserError;

/**
 * Trajectory frames as LRO inputs (LAMMPS dumps, XDATCAR, extended XYZ): the file is streamed once
 * and only the tracked species' fractional coordinates (s = (r − origin)·M⁻¹, atoms in id order)
 * and the cell of each frame are kept.
 */
final class TrajectoryFrames {
    private TrajectoryFrames() {}

    /** Whether a file holds frames rather than one structure: a LAMMPS dump, XDATCAR or (ext)XYZ. */
    static boolean isFrameFile(Path f, boolean startsWithItem) {
        String n = f.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return startsWithItem || n.contains("xdatcar") || n.endsWith(".xyz") || n.endsWith(".extxyz")
                || n.endsWith(".xyz.gz") || n.endsWith(".extxyz.gz");
    }

    static List<TrackedAtoms.Source> sources(Path dump, String name, Integer frame, List<String> types, List<String> symbols,
                                             int z, String symbol, Consumer<String> warnings) {
        if (frame != null && frame < 0) throw new UserError("--frame must be >= 0 (frames count from 0), got " + frame);
        SpeciesMap species = new SpeciesMap(types);
        List<TrackedAtoms.Source> out = new ArrayList<>();
        try (TrajectoryReader r = TrajectoryFiles.open(List.of(dump), symbols, warnings)) {
            int k = 0;
            for (Frame f; (f = r.next()) != null; k++) {
                if (frame != null && k != frame) {
                    if (k > frame) break;
                    continue;
                }
                TrackedAtoms atoms = track(f, species, dump + "#frame" + k, z, symbol);
                out.add(new TrackedAtoms.Source(dump, name + "_frame" + k, k, f.step, atoms));
            }
            if (frame != null && out.isEmpty())
                throw new UserError("--frame " + frame + ": " + dump + " has only " + k + " complete frame" + (k == 1 ? "" : "s")
                        + " (frames count from 0)");
            if (out.isEmpty()) throw new UserError(dump + " holds no complete frame");
        }
        return out;
    }

    static TrackedAtoms track(Frame f, SpeciesMap species, String label, int z, String symbol) {
        String[] s = species.speciesById(f);
        int[] order = f.orderById();
        List<double[]> frac = new ArrayList<>();
        java.util.Set<String> present = new java.util.TreeSet<>();
        for (int k = 0; k < f.size; k++) {
            present.add(s[k]);
            if (Elements.atomicNumber(s[k]) != z) continue;
            int row = order[k];
            double[] out = new double[3];
            f.cell.toFractional(f.positions[3 * row] - f.origin[0], f.positions[3 * row + 1] - f.origin[1],
                    f.positions[3 * row + 2] - f.origin[2], out, 0);
            frac.add(out);
        }
        if (frac.isEmpty())
            throw new UserError("no " + symbol + " atoms in " + label + " (it has " + String.join(", ", present) + ")");
        return new TrackedAtoms(label, frac.toArray(double[][]::new), f.cell.rows());
    }
}
