package org.mtpj.train.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtpj.core.model.Configuration;
import org.mtpj.host.CfgFiles;
import org.mtpj.testkit.Shared;
import picocli.CommandLine;

/** calc-grade end to end: the --tsv output has the reference layout and values. */
class CalcGradeCommandTest {
    @TempDir Path dir;

    @Test
    void configurationModeTsvMatchesReference() throws Exception {
        Path pot = Shared.file("data/amorphous-MgV2O5/pot.mtp");
        Path train = Shared.file("reference/mlip2/dump600K_frames00-09.cfg");
        Path in = Shared.file("reference/mlip2/edge_cases.cfg");
        Path out = dir.resolve("out.cfg"), tsv = dir.resolve("g.tsv");
        int rc = new CommandLine(new CalcGradeCommand()).execute(pot.toString(), train.toString(), in.toString(),
                out.toString(), "--tsv=" + tsv, "--als-filename=" + dir.resolve("state.als"));
        assertEquals(0, rc);
        List<String> ours = Files.readAllLines(tsv);
        List<String> ref = Files.readAllLines(Shared.file("reference/mlip2/grades_visible.tsv")).stream()
                .filter(l -> l.startsWith("mode") || l.startsWith("cfg\tedge_cases\t")).toList();
        assertEquals(ref.size(), ours.size());
        for (int i = 0; i < ref.size(); i++) {
            String[] a = ref.get(i).split("\t"), b = ours.get(i).split("\t");
            assertEquals(List.of(a).subList(0, 4), List.of(b).subList(0, 4), "line " + i);
            if (i > 0 && !a[4].equals(b[4])) {
                double x = Double.parseDouble(a[4]), y = Double.parseDouble(b[4]);
                assertEquals(x, y, 1e-6 * x + 5e-7, "line " + i);
            }
        }
        List<Configuration> graded = CfgFiles.readAll(out);
        assertEquals(26, graded.size());
        assertTrue(graded.get(0).features.containsKey("MV_grade"));
        assertTrue(Files.size(dir.resolve("state.als")) > 1000);
    }
}
