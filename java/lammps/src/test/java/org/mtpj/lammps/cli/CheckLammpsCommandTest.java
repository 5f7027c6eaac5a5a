package org.mtpj.lammps.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtpj.core.model.Configuration;
import org.mtpj.host.CfgFiles;
import org.mtpj.host.MtpFiles;
import org.mtpj.testkit.Shared;
import org.mtpj.train.grade.ActiveSetState;
import org.mtpj.train.grade.RowWeights;
import org.mtpj.train.grade.SelectionSession;
import picocli.CommandLine;

/** check-lammps on the study's own MD input: every obstacle at once, as an MLIP-2 user moving the study meets them. */
class CheckLammpsCommandTest {
    @TempDir Path dir;

    private record Result(int exit, String out) {
        List<String> lines(String severity) {
            List<String> l = new ArrayList<>();
            for (String s : out.split("\n")) if (s.startsWith(severity)) l.add(s);
            return l;
        }
    }

    private static Result run(String... args) {
        StringWriter sw = new StringWriter();
        CommandLine cl = new CommandLine(new CheckLammpsCommand());
        cl.setOut(new PrintWriter(sw, true));
        int rc = cl.execute(args);
        return new Result(rc, sw.toString());
    }

    private static Path study() {
        return Shared.file("data/amorphous-MgV2O5/md.lmp").getParent();
    }

    @Test
    void theStudyFolderAsItIsWithTheReadmesTemperatureVariable() {
        Path s = study();
        Result r = run(s.resolve("md.lmp").toString(), "-var", "T", "600", "--run-dir", s.toString(), "--no-timing");
        assertEquals(1, r.exit(), r.out());
        List<String> stops = r.lines("STOP");
        assertEquals(3, stops.size(), r.out());
        // the study defines 'variable T equal temp' on line 13; its temperature is the index variable Tequil
        assertTrue(stops.get(0).contains("md.lmp:13:") && stops.get(0).contains("Cannot redefine variable")
                && stops.get(0).contains("Tequil (900.0)"), stops.get(0));
        assertTrue(stops.get(1).contains("mlip.ini:1:") && stops.get(1).contains("curr.mtp not found")
                && stops.get(1).contains("pot.mtp"), stops.get(1));
        assertTrue(stops.get(2).contains("mlip.ini:7:") && stops.get(2).contains("state.als not found")
                && stops.get(2).contains("mtpj calc-grade curr.mtp TRAIN.cfg TRAIN.cfg graded.cfg --nbh-weight=1 --energy-weight=0"
                        + " --als-filename=state.als"), stops.get(2));
        // the data file: 96 atoms, replicate 2 2 2; masses 24.305, 50.9415, 15.9999
        assertTrue(r.out().contains("type 1 (Mg) -> species 0, type 2 (V) -> species 1, type 3 (O) -> species 2; 768 atoms"), r.out());
        assertTrue(r.out().contains("pot.mtp: 3 species, R_cut 7 Å"), r.out());
    }

    @Test
    void aMovedStudyWithMlip2sBinaryStateThenMtpjsState() throws Exception {
        Path s = study();
        for (String f : List.of("md.lmp", "input1.pos", "mlip.ini")) Files.copy(s.resolve(f), dir.resolve(f));
        Files.copy(s.resolve("pot.mtp"), dir.resolve("curr.mtp"));
        byte[] binary = new byte[256];
        for (int i = 0; i < binary.length; i++) binary[i] = (byte) (i * 7);
        Files.write(dir.resolve("state.als"), binary);
        Result r = run("-in", dir.resolve("md.lmp").toString(), "-var", "Tequil", "600", "--run-dir", dir.toString(), "--no-timing");
        assertEquals(1, r.exit(), r.out());
        assertEquals(1, r.lines("STOP").size(), r.out());
        assertTrue(r.lines("STOP").get(0).contains("binary") && r.lines("STOP").get(0).contains("MLIP-2")
                && r.lines("STOP").get(0).contains("mtpj calc-grade curr.mtp"), r.out());

        // the rebuilt state (two study frames as the training set): nothing stops the run, and the cost includes the grades
        var pot = MtpFiles.read(dir.resolve("curr.mtp"));
        List<Configuration> train = CfgFiles.readAll(Shared.file("reference/mlip2/dump600K_frames00-09.cfg")).subList(0, 2);
        SelectionSession session = new SelectionSession(pot, RowWeights.NEIGHBOURHOOD_MODE, 1e-5);
        session.selectFrom(train, 1.1, 1.0000001, 0);
        Files.delete(dir.resolve("state.als"));
        ActiveSetState.save(session, dir.resolve("state.als"));
        Files.writeString(dir.resolve("preselected.cfg"), "BEGIN_CFG\nEND_CFG\n");
        r = run(dir.resolve("md.lmp").toString(), "-var", "Tequil", "600", "-var", "unused", "1", "--run-dir", dir.toString());
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("state.als: mtpj active-set state"), r.out());
        assertTrue(r.lines("WARN").stream().anyMatch(l -> l.contains("-var unused is never used")), r.out());
        assertTrue(r.lines("WARN").stream().anyMatch(l -> l.contains("preselected.cfg exists")), r.out());
        assertTrue(r.out().contains("are appended to preselected.cfg (no cap: select:save-selected-max N or select:save-selected-max-mb M sets one)"), r.out());
        assertTrue(r.out().matches("(?s).*µs/atom-step for the MTP \\+ \\d+ for the grades -> .* for 768 atoms; the input's runs"
                + " \\(2525000 steps\\).*"), r.out());
    }

    @Test
    void continuationsCommentsIncludesAndDataFaults() throws Exception {
        Files.writeString(dir.resolve("in.lmp"), """
                variable T index 300   # the temperature
                units metal
                include settings.lmp
                read_data   &
                  missing.data  # continued
                pair_style mtp/java pot.mtp threads 2
                run ${T}
                """);
        Result r = run(dir.resolve("in.lmp").toString(), "--run-dir", dir.toString(), "--no-timing");
        assertEquals(1, r.exit(), r.out());
        List<String> stops = r.lines("STOP");
        assertTrue(stops.stream().anyMatch(l -> l.contains("in.lmp:3:") && l.contains("include file settings.lmp not found")), r.out());
        assertTrue(stops.stream().anyMatch(l -> l.contains("in.lmp:4:") && l.contains("read_data: missing.data not found")), r.out());
        assertTrue(stops.stream().anyMatch(l -> l.contains("in.lmp:6:") && l.contains("pot.mtp not found")), r.out());
        assertTrue(r.out().contains("the input's index variables (-var NAME VALUE sets them): T (300)"), r.out());
    }
}
