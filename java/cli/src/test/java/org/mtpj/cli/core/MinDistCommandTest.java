package org.mtpj.cli.core;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtpj.core.eval.ClosestPairs;
import org.mtpj.core.model.Configuration;
import org.mtpj.host.CfgFiles;
import org.mtpj.testkit.Shared;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code mtpj mindist} on the reference files: text, per pair, TSV and JSON agree with each configuration's closest pairs. */
class MinDistCommandTest {
    @TempDir Path tmp;

    static final String FRAMES = "reference/mlip2/dump600K_frames00-09.cfg", EDGES = "reference/mlip2/edge_cases.cfg";

    @Test
    void overallPerPairTsvAndJsonOfTwoFiles() throws Exception {
        String frames = Shared.file(FRAMES).toString(), edges = Shared.file(EDGES).toString();
        // the expected values, configuration by configuration
        double[][] best = new double[3][3];
        for (double[] row : best) java.util.Arrays.fill(row, Double.POSITIVE_INFINITY);
        int configurations = 0;
        for (String f : List.of(frames, edges))
            for (Configuration c : CfgFiles.readAll(Path.of(f))) {
                configurations++;
                double[][] d = ClosestPairs.of(c);
                for (int a = 0; a < d.length; a++) for (int b = 0; b < d.length; b++) best[a][b] = Math.min(best[a][b], d[a][b]);
            }
        double overall = Double.POSITIVE_INFINITY;
        for (double[] row : best) for (double v : row) overall = Math.min(overall, v);

        CoreCommandsTest.Run one = CoreCommandsTest.run("mindist", frames, edges);
        assertEquals(0, one.code(), one.err());
        assertEquals(String.format(java.util.Locale.ROOT, "%.6f%n", overall), one.out());

        Path tsv = tmp.resolve("pairs.tsv");
        CoreCommandsTest.Run per = CoreCommandsTest.run("mindist", "--per-pair", "--tsv", tsv.toString(), frames, edges);
        assertEquals(0, per.code(), per.err());
        List<String> lines = per.out().lines().toList();
        assertEquals(List.of("0-0", "0-1", "0-2", "1-1", "1-2", "2-2"), lines.stream().map(l -> l.split(" ")[0]).toList());
        for (String l : lines) {
            String[] w = l.split(" ");
            int a = w[0].charAt(0) - '0', b = w[0].charAt(2) - '0';
            assertEquals(String.format(java.util.Locale.ROOT, "%.6f", best[a][b]), w[1], l);
        }
        List<String> rows = Files.readAllLines(tsv);
        assertEquals("species_a\tspecies_b\tmin_dist_A\tfile\tconfiguration", rows.get(0));
        assertEquals(7, rows.size());
        for (String r : rows.subList(1, rows.size())) {
            String[] w = r.split("\t");
            int a = Integer.parseInt(w[0]), b = Integer.parseInt(w[1]);
            assertEquals(best[a][b], Double.parseDouble(w[2]), r);   // full precision
            // the named configuration holds that pair
            Configuration where = CfgFiles.readAll(Path.of(w[3])).get(Integer.parseInt(w[4]) - 1);
            assertEquals(best[a][b], ClosestPairs.of(where)[a][b], r);
        }

        CoreCommandsTest.Run js = CoreCommandsTest.run("mindist", "--json", frames, edges);
        assertEquals(0, js.code(), js.err());
        JsonNode n = JsonMapper.builder().build().readTree(js.out());
        assertEquals(overall, n.path("min_dist").asDouble());
        assertEquals(configurations, n.path("configurations").asInt());
        assertEquals(6, n.path("pairs").size());
        assertEquals(best[0][2], n.path("pairs").get(2).path("min_dist").asDouble());
    }

    @Test
    void filesWithoutPairsAndBadFilesAreUserErrors() throws Exception {
        Path lone = tmp.resolve("lone.cfg");
        Files.writeString(lone, "BEGIN_CFG\n Size\n 1\n AtomData: id type cartes_x cartes_y cartes_z\n 1 0 0 0 0\nEND_CFG\n");
        CoreCommandsTest.Run r = CoreCommandsTest.run("mindist", lone.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no pair of atoms"), r.err());
        Path clash = tmp.resolve("clash.cfg");
        Files.writeString(clash, "BEGIN_CFG\n Size\n 2\n AtomData: id type cartes_x cartes_y cartes_z\n 1 0 1 1 1\n 2 1 1 1 1\nEND_CFG\n");
        CoreCommandsTest.Run c = CoreCommandsTest.run("mindist", clash.toString());
        assertEquals(2, c.code());
        assertTrue(c.err().contains("clash.cfg:1: configuration 1: atoms 1 and 2"), c.err());
    }
}
