package org.mtpj.cli.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.mtpj.cli.core.ConvertCommand.Format;
import org.mtpj.core.UserError;
import org.mtpj.core.io.InputFormatException;

/**
 * The inputs of {@code convert}: files as given, and for a folder the runs inside it (all
 * subfolders, sorted by path): its files of the --from format, else per folder every OUTCAR*, or
 * the vasprun*.xml of a folder without an OUTCAR (one run is never taken twice). With --from of
 * another format (cfg, POSCAR, LAMMPS files) a folder stays as given.
 */
final class RunFolders {
    private RunFolders() {}

    static List<Path> expand(List<Path> given, Format from) {
        List<Path> out = new ArrayList<>();
        for (Path p : given) {
            // a folder is a set of runs only for the formats that come as runs (else the reader says what it expected)
            boolean runs = from == null || from.onlyIn() || from == Format.EXTXYZ;
            if (!runs || !Files.isDirectory(p)) {
                out.add(p);
                continue;
            }
            Map<Path, List<Path>> byFolder = new TreeMap<>();
            try (Stream<Path> s = Files.walk(p)) {
                s.filter(Files::isRegularFile).sorted().forEach(f -> byFolder.computeIfAbsent(f.getParent(), k -> new ArrayList<>()).add(f));
            } catch (IOException | UncheckedIOException e) {
                throw new UserError("cannot list folder " + p + ": " + e.getMessage());
            }
            int before = out.size();
            for (List<Path> fs : byFolder.values()) {
                if (from != null) {
                    for (Path f : fs) if (ConvertCommand.guessOrNull(f) == from) out.add(f);
                    continue;
                }
                List<Path> outcars = fs.stream().filter(f -> ConvertCommand.guessOrNull(f) == Format.OUTCAR).toList();
                out.addAll(outcars.isEmpty() ? fs.stream().filter(f -> ConvertCommand.guessOrNull(f) == Format.VASPRUN).toList() : outcars);
            }
            if (out.size() == before)
                throw new InputFormatException(p.toString(), 0, "is a directory, expected a file or a folder of VASP runs (it holds no "
                        + (from != null ? from.name().toLowerCase(java.util.Locale.ROOT) + " files" : "OUTCAR* or vasprun*.xml") + ")");
        }
        return out;
    }
}
