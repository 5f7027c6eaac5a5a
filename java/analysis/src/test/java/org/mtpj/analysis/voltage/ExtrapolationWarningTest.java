package org.mtpj.analysis.voltage;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtpj.host.CfgFiles;
import org.mtpj.analysis.cli.RelaxCommand;
import org.mtpj.analysis.cli.VoltageCommand;
import org.mtpj.core.io.CfgReader;
import org.mtpj.core.model.Configuration;
import org.mtpj.testkit.Shared;
import picocli.CommandLine;

/**
 * 'voltage' and 'relax' say so when a structure lies outside the training data: the Mg-free V24O60
 * cell against the study's x = 1 MD frames has a grade above 2 (one WARNING line, the TSV flag, the
 * .cfg feature); the study's own x = 1 cell does not.
 */
class ExtrapolationWarningTest {
    @TempDir Path dir;
    final Path pot = Shared.file("data/amorphous-MgV2O5/pot.mtp"), train = Shared.file("reference/mlip2/dump600K_frames00-09.cfg");
    final StringWriter out = new StringWriter(), err = new StringWriter();

    int run(Object command, String... args) {
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void voltageWarnsOnceForTheExtrapolatedStructureAndFlagsIt() throws Exception {
        Path src = Shared.file("data/amorphous-MgV2O5/pylro/POSCAR_300K");
        Path full = StructureEnergiesTest.withMg(src, 12, dir.resolve("full.POSCAR")), empty = StructureEnergiesTest.withMg(src, 0, dir.resolve("empty.POSCAR"));
        Path tsv = dir.resolve("v.tsv");
        assertEquals(0, run(new VoltageCommand(), empty.toString(), full.toString(), "--pot", pot.toString(), "--types", "Mg,V,O", "--mg-metal", "-1.5",
                "--grade-train", train.toString(), "--tsv", tsv.toString(), "--no-plot", "--threads", "1"), err.toString());
        List<String> warnings = err.toString().lines().filter(l -> l.startsWith("WARNING:")).toList();
        assertEquals(1, warnings.size(), err.toString());
        assertTrue(warnings.get(0).contains("empty.POSCAR (x = 0) has extrapolation grade") && warnings.get(0).contains("> 2"), warnings.get(0));
        List<String> lines = Files.readAllLines(tsv);
        assertEquals(1.0, StructureGradesTest.value(lines, "extrapolating_x0"));
        assertEquals(0.0, StructureGradesTest.value(lines, "extrapolating_x1"));
        assertTrue(out.toString().contains("(built on extrapolated energies: see the WARNING lines)"), out.toString());
    }

    @Test
    void relaxWarnsAndFlagsTheExtrapolatedResult() throws Exception {
        Path empty = StructureEnergiesTest.withMg(Shared.file("data/amorphous-MgV2O5/pylro/POSCAR_300K"), 0, dir.resolve("empty.POSCAR"));
        Path cfg = dir.resolve("relaxed.cfg");
        assertEquals(1, run(new RelaxCommand(), pot.toString(), empty.toString(), cfg.toString(), "--types", "Mg,V,O", "--steps", "3", "--threads", "1",
                "--grade-train", train.toString()));
        List<String> warnings = err.toString().lines().filter(l -> l.startsWith("WARNING:")).toList();
        assertEquals(1, warnings.size(), err.toString());
        assertTrue(warnings.get(0).contains("has extrapolation grade") && warnings.get(0).contains("relaxed energy"), warnings.get(0));
        Configuration r = CfgFiles.readAll(cfg).get(0);
        assertTrue(r.features.get("mtpj_grade").endsWith(" extrapolating"), r.features.toString());
        assertTrue(Double.parseDouble(r.features.get("mtpj_grade").split(" ")[0]) > 2);
    }
}
