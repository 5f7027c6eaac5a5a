package org.mtpj.analysis.traj;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mtpj.core.io.Frame;
import org.mtpj.core.io.InputFormatException;
import org.mtpj.core.io.PoscarReader;
import org.mtpj.core.io.TrajectoryReader;
import org.mtpj.core.model.Structure;
import org.mtpj.host.PoscarFiles;

/**
 * A series of POSCAR/CONTCAR files read as one trajectory, one file per frame, frame k has step k.
 * {@link #numericOrder} sorts by the integer in the file name (CONTCAR2 before CONTCAR10), as the
 * correct analysis does (analysis-spec §1.2). Cell, species order and counts must equal the first
 * file's, else an {@link InputFormatException} names the file.
 */
public final class PoscarSeriesReader implements TrajectoryReader {
    private static final Pattern DIGITS = Pattern.compile("(\\d+)");
    private final List<Path> files;
    private final List<String> symbolsIfMissing;
    private int next;
    private Structure first;
    private long bytes, total;

    /** Reads {@code files} in the given order. */
    public PoscarSeriesReader(List<Path> files, List<String> symbolsIfMissing) {
        this.files = List.copyOf(files);
        this.symbolsIfMissing = symbolsIfMissing;
        for (Path p : files) total += sizeOf(p);
    }

    /** Files sorted by the last integer in their name, then by name; names without digits last. */
    public static List<Path> numericOrder(List<Path> files) {
        List<Path> r = new ArrayList<>(files);
        r.sort(Comparator.comparingLong((Path p) -> lastInteger(p.getFileName().toString()))
                .thenComparing(p -> p.getFileName().toString()));
        return r;
    }

    static long lastInteger(String name) {
        Matcher m = DIGITS.matcher(name);
        String last = null;
        while (m.find()) last = m.group(1);
        if (last == null) return Long.MAX_VALUE;
        return last.length() > 18 ? Long.MAX_VALUE - 1 : Long.parseLong(last);
    }

    @Override
    public Frame next() {
        if (next >= files.size()) return null;
        Path p = files.get(next);
        Structure s = PoscarFiles.read(p, symbolsIfMissing);
        if (first == null) {
            first = s;
        } else {
            if (!s.speciesOrder().equals(first.speciesOrder()) || !java.util.Arrays.equals(s.counts(), first.counts()))
                throw new InputFormatException(p.toString(), 6, "species " + s.speciesOrder() + " " + java.util.Arrays.toString(s.counts())
                        + " differ from the first file's " + first.speciesOrder() + " " + java.util.Arrays.toString(first.counts()));
            if (!s.cell().sameAs(first.cell(), 1e-6))
                throw new InputFormatException(p.toString(), 3, "the cell differs from the first file of the series (" + files.get(0).getFileName() + ")");
        }
        bytes += sizeOf(p);
        return StructureFrames.of(s, p.toString(), 1, next++);
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    @Override public long bytesRead() { return bytes; }
    @Override public long totalBytes() { return total; }
    @Override public void close() {}
}
