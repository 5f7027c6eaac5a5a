package org.mtpj.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.mtpj.core.io.LammpsDataReader;
import org.mtpj.core.io.LammpsDataWriter;
import org.mtpj.core.model.Configuration;

/** LAMMPS data files: the core's reader and writer on a path (atomic output). */
public final class LammpsDataFiles {
    private LammpsDataFiles() {}

    public static LammpsDataReader read(Path path) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw InputFiles.cannotRead(path.toString(), 0, e);
        }
        return LammpsDataReader.parse(lines, path.toString());
    }

    public static void write(Configuration c, String[] typeNames, int typeCount, String comment, Path path) {
        AtomicOutput.writeString(path, LammpsDataWriter.format(c, typeNames, typeCount, comment), StandardCharsets.UTF_8);
    }
}
