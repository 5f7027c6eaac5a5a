package org.mtpj.cli.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Thermo blocks of a LAMMPS log file (one per {@code run}): the header words after "Step", the
 * numeric rows, and the "Loop time" of the run. The demo reads averages and LAMMPS' own MSD from it.
 */
final class LammpsLog {
    /** One run: column names (as LAMMPS prints them), rows, loop time (s), steps. */
    record Block(List<String> columns, List<double[]> rows, double loopSeconds, long steps) {
        int column(String name) {
            for (int i = 0; i < columns.size(); i++) if (columns.get(i).equalsIgnoreCase(name)) return i;
            throw new IllegalArgumentException("no thermo column " + name + " in " + columns);
        }

        double[] values(String name) {
            int c = column(name);
            return rows.stream().mapToDouble(r -> r[c]).toArray();
        }

        double mean(String name) {
            return Arrays.stream(values(name)).average().orElse(Double.NaN);
        }
    }

    private LammpsLog() {}

    static List<Block> read(Path log) throws IOException {
        List<Block> blocks = new ArrayList<>();
        List<String> cols = null;
        List<double[]> rows = null;
        for (String line : Files.readAllLines(log)) {
            String t = line.strip();
            if (t.startsWith("Step ") || t.equals("Step")) {
                cols = List.of(t.split("\\s+"));
                rows = new ArrayList<>();
                continue;
            }
            if (cols == null) continue;
            if (t.startsWith("Loop time of")) {
                String[] w = t.split("\\s+");
                double loop = Double.parseDouble(w[3]);
                long steps = Long.parseLong(w[8]);
                blocks.add(new Block(cols, rows, loop, steps));
                cols = null;
                continue;
            }
            String[] w = t.split("\\s+");
            if (w.length != cols.size()) continue;   // warnings between thermo lines
            double[] r = new double[w.length];
            try {
                for (int i = 0; i < w.length; i++) r[i] = Double.parseDouble(w[i]);
            } catch (NumberFormatException e) {
                continue;
            }
            rows.add(r);
        }
        return blocks;
    }
}
