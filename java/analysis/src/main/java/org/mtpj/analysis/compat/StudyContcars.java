package org.mtpj.analysis.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.mtpj.core.io.Frame;
import org.mtpj.core.io.LammpsDumpReader;
import org.mtpj.core.UserError;
import org.mtpj.host.AtomicOutput;
import org.mtpj.core.io.CNumbers;
import org.mtpj.host.LammpsDumpFiles;

/**
 * Stage A of the study: one CONTCAR per dump frame, in dump order (CONTCAR1, CONTCAR2, ...).
 * Cell = diag(xhi−xlo, yhi−ylo, zhi−zlo); type 1 = Mg, 2 = V, 3 = O; only the first 12 Mg, 24 V
 * and 60 O rows <em>in file order</em> are kept (the 768-atom cell is cut to 96 atoms; rows are
 * not sorted by id); fractional (r − lo)/L written with '%.6f'. Byte-identical to the study's
 * files. Not physical: the kept atoms change from frame to frame when the dump is unsorted.
 */
public final class StudyContcars {
    private StudyContcars() {}

    public static final List<String> SPECIES = List.of("Mg", "V", "O");
    public static final int[] KEEP = {12, 24, 60};

    /** The text of one CONTCAR from a frame. */
    public static String contcar(Frame f) {
        double lx = f.cell.get(0, 0), ly = f.cell.get(1, 1), lz = f.cell.get(2, 2);
        double[] lo = f.origin;
        double[] len = {lx, ly, lz};
        StringBuilder[] blocks = {new StringBuilder(), new StringBuilder(), new StringBuilder()};
        int[] have = new int[3];
        for (int r = 0; r < f.size; r++) {
            int t = f.types[r] - 1;
            if (t < 0 || t > 2) continue;
            if (have[t] == KEEP[t]) continue;
            have[t]++;
            StringBuilder b = blocks[t];
            for (int ax = 0; ax < 3; ax++) {
                double frac = (f.positions[3 * r + ax] - lo[ax]) / len[ax];
                b.append(CNumbers.fixed(frac, 0, 6)).append(ax < 2 ? ' ' : '\n');
            }
        }
        for (int t = 0; t < 3; t++) {
            if (have[t] < KEEP[t])
                throw new UserError(f.file + ":" + f.line + ": study-compat stage A needs " + KEEP[t] + " atoms of type " + (t + 1) + " ("
                        + SPECIES.get(t) + ") per frame, the frame has " + have[t]);
        }
        StringBuilder s = new StringBuilder(4096);
        s.append("Generated from LAMMPS dump file\n1.0\n");
        s.append(CNumbers.fixed(lx, 0, 6)).append(" 0.000000 0.000000\n");
        s.append("0.000000 ").append(CNumbers.fixed(ly, 0, 6)).append(" 0.000000\n");
        s.append("0.000000 0.000000 ").append(CNumbers.fixed(lz, 0, 6)).append('\n');
        s.append("Mg V O\n").append(KEEP[0]).append(' ').append(KEEP[1]).append(' ').append(KEEP[2]).append("\nDirect\n");
        for (StringBuilder b : blocks) s.append(b);
        return s.toString();
    }

    /** All frames of a dump as CONTCAR texts, in dump order. */
    public static List<String> fromDump(Path dump, Consumer<String> warnings) {
        List<String> out = new ArrayList<>();
        try (LammpsDumpReader r = LammpsDumpFiles.open(dump, warnings)) {
            me.tongfei.progressbar.ProgressBar bar = r.totalBytes() > (100L << 20)
                    ? new me.tongfei.progressbar.ProgressBarBuilder().setTaskName("stage A").setInitialMax(r.totalBytes())
                            .setUnit(" MB", 1 << 20).setUpdateIntervalMillis(500).build()
                    : null;
            try {
                for (Frame f; (f = r.next()) != null; ) {
                    out.add(contcar(f));
                    if (bar != null) bar.stepTo(r.bytesRead());
                }
            } finally {
                if (bar != null) bar.close();
            }
        }
        if (out.isEmpty()) throw new UserError(dump + ": no complete frame");
        return out;
    }

    /** Writes texts as dir/CONTCAR1, CONTCAR2, ... */
    public static List<Path> write(List<String> texts, Path dir) {
        List<Path> files = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            for (int i = 0; i < texts.size(); i++) {
                Path p = dir.resolve("CONTCAR" + (i + 1));
                AtomicOutput.writeString(p, texts.get(i), StandardCharsets.UTF_8);
                files.add(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write CONTCARs to " + dir + ": " + e.getMessage(), e);
        }
        return files;
    }
}
