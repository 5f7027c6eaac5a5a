package org.mtpj.analysis.traj;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.mtpj.core.UserError;
import org.mtpj.core.io.InputFormatException;
import org.mtpj.core.io.Frame;
import org.mtpj.core.io.LammpsDumpReader;
import org.mtpj.core.io.TrajectoryReader;
import org.mtpj.core.io.XdatcarReader;
import org.mtpj.host.InputFiles;
import org.mtpj.host.LammpsDumpFiles;
import org.mtpj.host.PoscarFiles;

/**
 * Opens trajectory inputs as one stream of frames, in the order given: LAMMPS dumps (recognised by
 * "ITEM:" on the first line, .gz allowed), XDATCAR (name contains XDATCAR), extended XYZ (.xyz,
 * .extxyz), POSCAR/CONTCAR files
 * (name contains POSCAR or CONTCAR or ends in .vasp; consecutive ones form one series sorted
 * numerically by the integer in the name) and folders (their POSCAR/CONTCAR files as a series).
 * When one file ends the next continues; a frame repeating the previous step is dropped.
 */
public final class TrajectoryFiles {
    private TrajectoryFiles() {}

    public static TrajectoryReader open(List<Path> inputs, List<String> symbols, Consumer<String> warnings) {
        if (inputs.isEmpty()) throw new UserError("no trajectory files given");
        List<Object> parts = new ArrayList<>();
        List<Path> series = new ArrayList<>();
        for (Path p : inputs) {
            if (!Files.exists(p)) throw new InputFormatException(p.toString(), 0, "file not found");
            if (Files.isDirectory(p)) {
                flush(series, parts);
                List<Path> inDir = structureFilesIn(p);
                if (inDir.isEmpty()) throw new UserError(p + ": the folder holds no POSCAR/CONTCAR files");
                parts.add(PoscarSeriesReader.numericOrder(inDir));
            } else if (isStructureFile(p)) {
                series.add(p);
            } else {
                flush(series, parts);
                parts.add(p);
            }
        }
        flush(series, parts);
        return new Chain(parts, symbols, warnings);
    }

    private static void flush(List<Path> series, List<Object> parts) {
        if (!series.isEmpty()) {
            parts.add(PoscarSeriesReader.numericOrder(series));
            series.clear();
        }
    }

    /** POSCAR/CONTCAR files of a folder (any order). */
    public static List<Path> structureFilesIn(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).filter(TrajectoryFiles::isStructureFile).toList();
        } catch (IOException e) {
            throw new UserError("cannot list " + dir + ": " + e.getMessage());
        }
    }

    /** Whether the name marks a POSCAR/CONTCAR-type file. */
    public static boolean isStructureFile(Path p) {
        String n = p.getFileName().toString().toUpperCase();
        return (n.contains("POSCAR") || n.contains("CONTCAR") || n.endsWith(".VASP")) && !n.contains("XDATCAR");
    }

    static boolean isXdatcar(Path p) {
        return p.getFileName().toString().toUpperCase().contains("XDATCAR");
    }

    static TrajectoryReader openSingle(Path p, List<String> symbols, Consumer<String> warnings) {
        if (isXdatcar(p)) return PoscarFiles.openXdatcar(p, symbols, warnings);
        String lower = p.getFileName().toString().toLowerCase();
        if (lower.endsWith(".xyz") || lower.endsWith(".extxyz") || lower.endsWith(".xyz.gz") || lower.endsWith(".extxyz.gz"))
            return new ExtxyzReader(p, warnings);
        if (!looksLikeDump(p) && !p.getFileName().toString().contains("dump") && !p.getFileName().toString().contains("lammpstrj")) {
            // not a dump by content: an oddly named POSCAR?
            if (looksLikePoscar(p)) return new PoscarSeriesReader(List.of(p), symbols);
        }
        return LammpsDumpFiles.open(p, warnings);
    }

    private static boolean looksLikeDump(Path p) {
        try (InputStream in = InputFiles.openStream(p)) {
            byte[] b = in.readNBytes(5);
            return new String(b, StandardCharsets.ISO_8859_1).equals("ITEM:");
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean looksLikePoscar(Path p) {
        try (InputStream in = InputFiles.openStream(p)) {
            String head = new String(in.readNBytes(4096), StandardCharsets.ISO_8859_1);
            String[] lines = head.split("\n");
            if (lines.length < 8) return false;
            String[] l3 = lines[2].strip().split("\\s+");
            Double.parseDouble(lines[1].strip().split("\\s+")[0]);
            return l3.length >= 3;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Reads the parts one after another. */
    private static final class Chain implements TrajectoryReader {
        private final List<Object> parts;
        private final List<String> symbols;
        private final Consumer<String> warnings;
        private int index;
        private TrajectoryReader current;
        private long doneBytes;
        private final long total;
        private Long lastStep;
        private String lastFile;

        Chain(List<Object> parts, List<String> symbols, Consumer<String> warnings) {
            this.parts = parts;
            this.symbols = symbols;
            this.warnings = warnings;
            long t = 0;
            for (Object o : parts) {
                if (o instanceof Path p) t += size(p);
                else for (Object q : (List<?>) o) t += size((Path) q);
            }
            this.total = t;
        }

        private static long size(Path p) {
            try { return Files.size(p); } catch (IOException e) { return 0; }
        }

        @Override
        @SuppressWarnings("unchecked")
        public Frame next() {
            while (true) {
                if (current == null) {
                    if (index >= parts.size()) return null;
                    Object o = parts.get(index++);
                    current = o instanceof Path p ? openSingle(p, symbols, warnings) : new PoscarSeriesReader((List<Path>) o, symbols);
                }
                Frame f = current.next();
                if (f == null) {
                    doneBytes += current.totalBytes() > 0 ? current.totalBytes() : current.bytesRead();
                    current.close();
                    current = null;
                    continue;
                }
                boolean newFile = lastFile != null && !lastFile.equals(f.file);
                if (newFile && lastStep != null && f.step == lastStep && !(current instanceof PoscarSeriesReader)) {
                    lastFile = f.file;
                    continue; // a restart dump repeats the last step of the previous file
                }
                lastStep = f.step;
                lastFile = f.file;
                return f;
            }
        }

        @Override public long bytesRead() { return doneBytes + (current == null ? 0 : current.bytesRead()); }
        @Override public long totalBytes() { return total; }
        @Override public void close() { if (current != null) current.close(); }
    }
}
