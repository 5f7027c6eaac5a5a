package org.mtpj.train.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.mtpj.core.model.Configuration;
import org.mtpj.host.CfgFiles;
import org.mtpj.testkit.Shared;
import picocli.CommandLine;

/** select-add of edge_cases onto frames 0–9: same configurations in the same order as MLIP-2. */
class SelectAddCommandTest {
    @TempDir Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"cfg", "nbh"})
    void matchesReference(String mode) throws Exception {
        List<String> ref = Files.readAllLines(Shared.file("reference/mlip2/select_add_edge_cases.txt"));
        int start = ref.indexOf(ref.stream().filter(l -> l.startsWith("## mode " + mode)).findFirst().orElseThrow());
        List<String> expected = new ArrayList<>();
        int selectedCount = -1;
        boolean inDiff = false;
        for (String l : ref.subList(start + 1, ref.size())) {
            if (l.startsWith("## mode")) break;
            if (l.startsWith("### diff.cfg")) { inDiff = true; continue; }
            if (l.startsWith("### selected.cfg")) {
                inDiff = false;
                selectedCount = Integer.parseInt(l.substring(l.lastIndexOf(' ') + 1).trim());
                continue;
            }
            if (inDiff && l.startsWith("  ")) expected.add(l.trim());
        }
        List<String> args = new ArrayList<>(List.of(
                Shared.file("data/amorphous-MgV2O5/pot.mtp").toString(),
                Shared.file("reference/mlip2/dump600K_frames00-09.cfg").toString(),
                Shared.file("reference/mlip2/edge_cases.cfg").toString(),
                dir.resolve("diff.cfg").toString(),
                "--als-filename=" + dir.resolve("state.als"), "--selected-filename=" + dir.resolve("selected.cfg")));
        if (mode.equals("nbh")) args.addAll(List.of("--nbh-weight=1", "--energy-weight=0"));
        assertEquals(0, new CommandLine(new SelectAddCommand()).execute(args.toArray(String[]::new)));
        List<String> ours = CfgFiles.readAll(dir.resolve("diff.cfg")).stream().map(c -> c.features.get("note")).toList();
        assertEquals(expected, ours);
        List<Configuration> selected = CfgFiles.readAll(dir.resolve("selected.cfg"));
        assertEquals(selectedCount, selected.size());
    }
}
