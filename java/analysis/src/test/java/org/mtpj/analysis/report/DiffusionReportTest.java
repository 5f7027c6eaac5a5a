package org.mtpj.analysis.report;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtpj.analysis.cli.DiffusionReportCommand;
import org.mtpj.testkit.Shared;
import picocli.CommandLine;
import org.mtpj.analysis.compat.StudyMsdTable;
import org.mtpj.analysis.compat.StudyParameters;
import org.mtpj.analysis.compat.StudyPipeline;
import org.mtpj.analysis.compat.StudyRedifferencing;
import org.mtpj.analysis.diffusion.DiffusionResult;

class DiffusionReportTest {
    @Test
    void pageShowsCorrectAndCompatSideBySide() {
        DiffusionResult d = new DiffusionResult(10, 40, 16, 4.6e-8, 5e-9, 6.1e-8, 1.8e-8, 0.75, 0.2, 1.3e-7, 1e-8, -7e-9, 6e-9, 1e-8, 6e-9, 1);
        var part = new DiffusionReport.CorrectPart("dump.lammpstrj", "Mg", 26, 2.0, 96, 768, "framework", List.of(d), "msd.png");
        double[] col = {0, 60, 120, 180, 240};
        StudyMsdTable t = new StudyMsdTable(new double[] {0, 1, 2, 3, 4}, col, col, col, col, col);
        StudyRedifferencing.Result stageD = StudyRedifferencing.run(t, 300, 1500, 1500);
        var o = new StudyPipeline.Outcome("exported.txt", "exported table (stage D only)", List.of(), null, stageD, StudyParameters.builtIn(600));
        DiffusionReport r = new DiffusionReport(part, o, "compat.png");
        String md = r.markdown();
        // stage D by hand: lags m·300 ps, y(m) = 60·m Å² exactly, so the slope is 60/300 = 0.2 Å²/ps
        // and D = 0.2/6 × 1e-4 cm²/s = 3.3333e-06 cm²/s
        assertTrue(md.contains("| D_tracer (cm²/s) | 4.6000e-08 ± 5.00e-09 | 3.3333e-06"), md);
        assertTrue(md.contains("not physical"));
        assertTrue(md.contains("![MSD](msd.png)") && md.contains("compat.png"));
        assertTrue(md.contains("fewer than 10"));
        String html = r.html();
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains("<img src=\"msd.png\"") && html.contains("</table>"));
    }

    @TempDir Path tmp;

    /** The study's 600 K dump plateaus over 10–40 ps: the page flags the table's window and explains the plateau; a diffusive window says so. */
    @Test
    void plateauWindowIsFlaggedInTheTableAndExplained() throws Exception {
        String dump = Shared.file("data/amorphous-MgV2O5/dump_600K.lammpstrj").toString();
        CommandLine cl = new CommandLine(new DiffusionReportCommand());
        cl.setExecutionExceptionHandler((e, c, p) -> { throw e; });
        int code = cl.execute(dump, "--types", "Mg,V,O", "--species", "Mg", "--window", "10:40", "--window", "2:50", "--out", tmp.toString());
        assertEquals(0, code);
        String md = Files.readString(tmp.resolve("report.md"));
        assertTrue(md.contains("| quantity | correct (10–40 ps, MSD NOT diffusive) |"), md);
        assertTrue(md.contains("Window 10–40 ps") && md.contains("log-log slope 0.17 ± 0.05: NOT diffusive — the MSD flattens"), md);
        assertTrue(md.contains("Window 2–50 ps") && md.contains("log-log slope 0.20 ± 0.03: NOT diffusive"), md);
        assertTrue(Files.readString(tmp.resolve("report.html")).contains("MSD NOT diffusive"));
    }
}
