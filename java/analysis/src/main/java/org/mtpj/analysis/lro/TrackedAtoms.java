package org.mtpj.analysis.lro;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mtpj.core.UserError;
import org.mtpj.core.io.PoscarReader;
import org.mtpj.core.model.Structure;
import org.mtpj.host.InputFiles;
import org.mtpj.host.PoscarFiles;

/**
 * The atoms of the tracked species in one structure or dump frame: fractional coordinates and
 * the cell rows, with the label written in the TSV's {@code input} column.
 */
public record TrackedAtoms(String label, double[][] fractional, double[][] cell) {

    /**
     * One unit of work: a POSCAR file (read when loaded, frame −1), or one frame of a LAMMPS dump
     * (frame index from 0, its step, the tracked atoms already extracted); the same for XDATCAR and extxyz frames.
     */
    public record Source(Path file, String name, int frame, long step, TrackedAtoms preloaded) {
        public boolean isDumpFrame() { return frame >= 0; }

        public TrackedAtoms load(int z, String symbol, List<String> poscarSymbols) {
            if (preloaded != null) return preloaded;
            Structure s = PoscarFiles.read(file, poscarSymbols);
            return select(file.toString(), s, z, symbol);
        }
    }

    /** Picks the atoms with atomic number z; refuses a structure without any. */
    public static TrackedAtoms select(String label, Structure s, int z, String symbol) {
        List<double[]> f = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) if (s.atomicNumber(i) == z) f.add(s.fractional(i));
        if (f.isEmpty())
            throw new UserError("no " + symbol + " atoms in " + label + " (it has " + String.join(", ", s.speciesOrder()) + ")");
        return new TrackedAtoms(label, f.toArray(double[][]::new), s.cell().rows());
    }

    /** The units of work for the given files: POSCARs as they are, trajectories split into frames. */
    public static List<Source> sources(List<Path> files, List<String> names, Integer frame, List<String> types,
                                       List<String> poscarSymbols, int z, String symbol,
                                       java.util.function.Consumer<String> warnings) throws IOException {
        List<Source> out = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            if (TrajectoryFrames.isFrameFile(f, isLammpsDump(f))) {
                out.addAll(TrajectoryFrames.sources(f, names.get(i), frame, types, poscarSymbols, z, symbol, warnings));
            } else {
                if (frame != null) throw new UserError("--frame is for trajectories (LAMMPS dump, XDATCAR, extxyz); " + f + " is one structure");
                out.add(new Source(f, names.get(i), -1, 0, null));
            }
        }
        return out;
    }

    /** A LAMMPS text dump starts with "ITEM:". */
    static boolean isLammpsDump(Path f) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(InputFiles.openStream(f), StandardCharsets.UTF_8))) {
            String first = r.readLine();
            return first != null && first.strip().startsWith("ITEM:");
        }
    }
}
