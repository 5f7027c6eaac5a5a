package org.mtpj.lammps.log;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mtpj.core.io.InputFormatException;
import org.mtpj.host.InputFiles;

/**
 * The thermo tables of a LAMMPS log file: every block that starts with a header line whose first
 * word is {@code Step} and ends at {@code Loop time} (or at the first line that is not a row of
 * numbers: warnings in the middle of a run are skipped). One block per {@code run}.
 */
public final class ThermoLog {
    /**
     * One run's table. {@code rows[r][c]}; column 0 is Step. From the run's "Loop time of S on P procs
     * for N steps" line: {@code loopSeconds} S and {@code loopSteps} N (NaN and -1 for a run that did not finish).
     */
    public record Block(List<String> columns, List<double[]> rows, List<Integer> lines, double loopSeconds, long loopSteps) {
        /** Every row's value of the column named {@code name} (as LAMMPS prints it, case ignored). */
        public double[] values(String name) {
            for (int c = 0; c < columns.size(); c++) {
                if (columns.get(c).equalsIgnoreCase(name)) {
                    int col = c;
                    return rows.stream().mapToDouble(r -> r[col]).toArray();
                }
            }
            throw new IllegalArgumentException("no thermo column " + name + " in " + columns);
        }

        public double mean(String name) {
            return java.util.Arrays.stream(values(name)).average().orElse(Double.NaN);
        }
    }

    public final Path file;
    public final List<Block> blocks;

    private ThermoLog(Path file, List<Block> blocks) {
        this.file = file;
        this.blocks = blocks;
    }

    public static ThermoLog read(Path file) {
        return parse(lines(file), file);
    }

    /** All lines of a LAMMPS output file (bytes as Latin-1: LAMMPS writes ASCII); a missing file is an input error. */
    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            throw new InputFormatException(file.toString(), 0, "file not found");
        } catch (IOException e) {
            throw InputFiles.cannotRead(file.toString(), 0, e);
        }
    }

    static ThermoLog parse(List<String> lines, Path file) {
        List<Block> blocks = new ArrayList<>();
        Block cur = null;
        int at = -1;   // index of cur in blocks, replaced when its Loop time line is read
        for (int ln = 0; ln < lines.size(); ln++) {
            String t = lines.get(ln).trim();
            String[] w = t.isEmpty() ? new String[0] : t.split("\\s+");
            if (w.length > 0 && w[0].equals("Step") && w.length >= 1) {
                cur = new Block(List.of(w), new ArrayList<>(), new ArrayList<>(), Double.NaN, -1);
                blocks.add(cur);
                at = blocks.size() - 1;
                continue;
            }
            if (cur == null) continue;
            if (t.startsWith("Loop time")) {
                // "Loop time of S on P procs for N steps with A atoms"
                double sec = Double.NaN;
                long steps = -1;
                if (w.length > 8) {
                    try {
                        sec = Double.parseDouble(w[3]);
                        steps = Long.parseLong(w[8]);
                    } catch (NumberFormatException e) {
                        sec = Double.NaN;
                    }
                }
                blocks.set(at, new Block(cur.columns(), cur.rows(), cur.lines(), sec, steps));
                cur = null;
                continue;
            }
            if (w.length != cur.columns().size()) continue;
            double[] row = new double[w.length];
            boolean numeric = true;
            for (int c = 0; c < w.length && numeric; c++) {
                try {
                    row[c] = Double.parseDouble(w[c]);
                } catch (NumberFormatException e) {
                    numeric = false;
                }
            }
            if (numeric) {
                cur.rows().add(row);
                cur.lines().add(ln + 1);
            }
        }
        if (blocks.isEmpty())
            throw new InputFormatException(file.toString(), 0, "no thermo table (a line starting with 'Step' followed by rows of numbers)");
        return new ThermoLog(file, blocks);
    }
}
