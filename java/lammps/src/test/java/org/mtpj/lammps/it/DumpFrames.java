package org.mtpj.lammps.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Minimal reader of LAMMPS text dumps sorted by id (tests only): step -> id -> column values. */
final class DumpFrames {
    final Map<Long, Map<Long, double[]>> frames = new LinkedHashMap<>();
    final List<String> columns = new ArrayList<>();

    static DumpFrames read(Path file) throws IOException {
        DumpFrames d = new DumpFrames();
        List<String> lines = Files.readAllLines(file);
        for (int k = 0; k < lines.size(); k++) {
            if (!lines.get(k).startsWith("ITEM: TIMESTEP")) continue;
            long step = Long.parseLong(lines.get(k + 1).trim());
            int n = Integer.parseInt(lines.get(k + 3).trim());
            int h = k + 4;
            while (!lines.get(h).startsWith("ITEM: ATOMS")) h++;
            String[] cols = lines.get(h).substring("ITEM: ATOMS".length()).trim().split("\\s+");
            d.columns.clear();
            d.columns.addAll(List.of(cols));
            Map<Long, double[]> rows = new LinkedHashMap<>();
            for (int r = 0; r < n; r++) {
                String[] w = lines.get(h + 1 + r).trim().split("\\s+");
                double[] v = new double[w.length];
                for (int c = 0; c < w.length; c++) v[c] = Double.parseDouble(w[c]);
                rows.put((long) v[0], v);
            }
            d.frames.put(step, rows);
            k = h + n;
        }
        return d;
    }

    int column(String name) {
        int c = columns.indexOf(name);
        if (c < 0) throw new IllegalArgumentException("no column " + name + " in " + columns);
        return c;
    }
}
