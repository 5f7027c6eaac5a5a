package org.mtpj.analysis.lro;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mtpj.core.io.PoscarReader;
import org.mtpj.core.model.Structure;
import org.mtpj.host.PoscarFiles;
import org.mtpj.testkit.Shared;

/** Golden tests against shared/reference/analysis/lro.tsv and lro_sphere_300K.tsv (rtol 1e-9, dims and ticks exact). */
class LroReferenceTest {
    static final double RTOL = 1e-9;

    /** Tracked-species fractional coordinates and cell of a structure. */
    static LroResult compute(String input, int z, List<Direction> dirs, int sphere) {
        Structure s = PoscarFiles.read(Shared.file(input.replaceFirst("^shared/", "")));
        List<double[]> f = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) if (s.atomicNumber(i) == z) f.add(s.fractional(i));
        return LroResult.compute(input, z, f.toArray(double[][]::new), s.cell().rows(), dirs,
                FibonacciSphere.points(sphere), false);
    }

    @Test
    void reproducesLroTsv() throws IOException {
        List<String> lines = Files.readAllLines(Shared.file("reference/analysis/lro.tsv"));
        assertEquals(LroTables.HEADER.strip(), lines.get(0));
        Map<String, List<String[]>> byInput = new LinkedHashMap<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split("\t", -1);
            byInput.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f);
        }
        assertEquals(6, byInput.size());
        StringBuilder ours = new StringBuilder(LroTables.HEADER);
        for (var e : byInput.entrySet()) {
            List<String[]> rows = e.getValue();
            int z = Integer.parseInt(rows.get(0)[1]);
            List<Direction> dirs = new ArrayList<>();
            for (String[] r : rows) if (r[2].equals("order")) dirs.add(Direction.parse(r[4]));
            LroResult res = compute(e.getKey(), z, dirs, 700);
            String[] mine = LroTables.rows(res).split("\n");
            assertEquals(rows.size(), mine.length, e.getKey());
            for (int i = 0; i < mine.length; i++) {
                String[] want = rows.get(i), got = mine[i].split("\t", -1);
                String what = e.getKey() + " " + want[2] + " " + want[4];
                assertEquals(want[2], got[2], what);
                assertEquals(want[4], got[4], what);
                if (want[2].equals("dims") || want[2].equals("colorbar_ticks")) {
                    assertEquals(want[3], got[3], what);
                } else {
                    double w = Double.parseDouble(want[3]), g = Double.parseDouble(got[3]);
                    assertEquals(w, g, RTOL * Math.abs(w), what);
                }
            }
            ours.append(LroTables.rows(res));
        }
    }

    @Test
    void reproducesSphere300K() throws IOException {
        List<String> lines = Files.readAllLines(Shared.file("reference/analysis/lro_sphere_300K.tsv"));
        LroResult r = compute("shared/data/amorphous-MgV2O5/pylro/POSCAR_300K", 12, Direction.DEFAULTS, 700);
        assertEquals(701, lines.size());
        double[][] d = r.sphere().directions();
        for (int k = 0; k < 700; k++) {
            String[] f = lines.get(k + 1).split("\t");
            assertEquals(k, Integer.parseInt(f[0]));
            for (int a = 0; a < 3; a++) assertEquals(Double.parseDouble(f[1 + a]), d[k][a], 1e-12, "direction " + k);
            double want = Double.parseDouble(f[4]);
            assertEquals(want, r.sphere().order()[k], RTOL * Math.abs(want), "order " + k);
        }
        assertEquals("0.89 0.91 0.93 0.95 0.97", r.sphere().ticksText());
    }

    @Test
    void ticksOf1200KMatchStudyColourBar() {
        LroResult r = compute("shared/data/amorphous-MgV2O5/pylro/POSCAR_1200K", 12, Direction.DEFAULTS, 700);
        assertEquals("0.66 0.73 0.79 0.85 0.92", r.sphere().ticksText());
    }
}
