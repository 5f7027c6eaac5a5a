package org.mtpj.lammps.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mtpj.lammps.it.NativeLammps.assertOk;
import static org.mtpj.lammps.it.NativeLammps.copy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mtpj.core.io.CfgWriter;
import org.mtpj.core.model.Configuration;
import org.mtpj.host.CfgFiles;
import org.mtpj.testkit.Shared;
import org.mtpj.train.cli.CalcGradeCommand;
import org.mtpj.train.grade.ActiveSetState;
import org.mtpj.train.grade.SelectionSession;
import picocli.CommandLine;

/**
 * mlip.ini {@code select TRUE} in real LAMMPS runs (mtp-spec §5.2): grades equal
 * {@code mtpj calc-grade} (neighbourhood mode) on the written configurations, the break threshold
 * stops the run with MLIP-2's message and the preselected file is appended to, a state made with
 * another potential is refused, MPI (2 ranks) gives the serial grades and configurations, per-atom
 * grades reach a dump and the configuration grade the thermo output, write-cfgs writes every
 * (skip+1)-th evaluation.
 */
class SelectionModeTest {
    @TempDir Path dir;

    private static Path ref(String name) { return Shared.file("reference/" + name); }

    /** in.nve768 shortened to {@code steps}, thermo every step, no dump. */
    private void inputs(int steps) throws IOException {
        Path in = copy(ref("lammps-mlip2/in.nve768"), dir, "in.nve768");
        String s = Files.readString(in).replaceAll("(?m)^run\\s+\\d+", "run " + steps).replaceAll("(?m)^dump.*\\n", "")
                .replaceAll("(?m)^thermo\\s+10", "thermo 1");
        Files.writeString(in, s);
        copy(Shared.file("data/amorphous-MgV2O5/input1.pos"), dir, "input1.pos");
        copy(Shared.file("data/amorphous-MgV2O5/pot.mtp"), dir, "pot.mtp");
    }

    /** The documented way to make a state: mtpj calc-grade ... --nbh-weight=1 --energy-weight=0 --als-filename. */
    private Path state(String pot, Path train, String name) {
        Path out = dir.resolve(name + ".graded.cfg");
        int rc = new CommandLine(new CalcGradeCommand()).execute(pot, train.toString(), train.toString(), out.toString(),
                "--nbh-weight=1", "--energy-weight=0", "--als-filename", dir.resolve(name).toString());
        assertEquals(0, rc, "calc-grade failed");
        return dir.resolve(name);
    }

    /** The first k frames of the MLIP-2 reference frames (a quick, well-filled active set). */
    private Path trainFrames(int k) {
        List<Configuration> all = CfgFiles.readAll(ref("mlip2/dump600K_frames00-09.cfg"));
        Path p = dir.resolve("train.cfg");
        CfgFiles.writeAll(p, all.subList(0, k), CfgWriter.Style.LOSSLESS);
        return p;
    }

    private void ini(String extra) throws IOException {
        Files.writeString(dir.resolve("mlip.ini"), "mtp-filename pot.mtp\ncalculate-efs TRUE\nselect TRUE\n" + extra);
    }

    @ParameterizedTest(name = "[{index}] LAMMPS {0}")
    @EnumSource(NativeLammps.class)
    void gradesDuringMdEqualCalcGradeOnTheWrittenConfigurations(NativeLammps lammps) throws IOException {
        lammps.requireNative();
        inputs(4);
        // per-atom grades into a dump (fix property/atom d_mvgrade) and the configuration grade into thermo (compute pair)
        NativeLammps.edit(dir.resolve("in.nve768"), "(?m)^fix\\s+1 all nve", "fix 1 all nve\nfix gr all property/atom d_mvgrade\n"
                + "compute mvg all pair mlip\ndump dg all custom 1 grades.dump id d_mvgrade\ndump_modify dg sort id format float %.15g",
                "(?m)^thermo_style.*$", "thermo_style custom step pe c_mvg[1]");
        state(dir.resolve("pot.mtp").toString(), trainFrames(3), "state.als");
        ini("select:threshold 1e-9\nselect:save-selected all.cfg\nselect:load-state state.als\nselect:nbh-grades TRUE\n"
                + "write-cfgs every.cfg\nwrite-cfgs:skip 1\n");
        NativeLammps.Result r = lammps.lmpMtpj(dir, "-in", "in.nve768", "-log", "log.sel", "-screen", "none");
        assertOk(r);
        List<Configuration> md = CfgFiles.readAll(dir.resolve("all.cfg"));
        assertEquals(5, md.size(), "one configuration per force evaluation (steps 0..4)");
        List<Configuration> every = CfgFiles.readAll(dir.resolve("every.cfg"));
        assertEquals(List.of("0", "2", "4"), every.stream().map(c -> c.features.get("step")).toList());

        DumpFrames dump = DumpFrames.read(dir.resolve("grades.dump"));
        List<double[]> thermo = org.mtpj.lammps.log.ThermoLog.read(dir.resolve("log.sel")).blocks.get(0).rows();
        assertEquals(5, thermo.size());
        for (Configuration c : md) {
            long step = Long.parseLong(c.features.get("step"));
            var frame = dump.frames.get(step);
            double max = 0;
            for (int i = 0; i < c.size; i++) {
                double want = c.extraColumns.get("nbh_grades")[i];
                double got = frame.get((long) c.ids[i])[dump.column("d_mvgrade")];
                assertEquals(want, got, 1e-13 * want, "dump d_mvgrade of atom " + c.ids[i] + " at step " + step);
                max = Math.max(max, want);
            }
            // the input's own 'thermo_modify format float %.10g' comes last: 10 significant digits
            assertEquals(max, thermo.get((int) step)[2], 1e-9 * max, "thermo c_mvg[1] at step " + step);
        }

        SelectionSession s = ActiveSetState.load(dir.resolve("state.als"));
        double worst = 0, worstAtom = 0;
        for (int k = 0; k < md.size(); k++) {
            Configuration c = md.get(k);
            assertEquals(Integer.toString(k), c.features.get("step"));
            assertEquals(768, c.size);
            assertTrue(Double.isNaN(c.energy) && c.forces == null, "no energies or forces in selected configurations");
            SelectionSession.Grade want = s.grade(c);
            double[] got = c.extraColumns.get("nbh_grades");
            double max = 0;
            for (int i = 0; i < c.size; i++) {
                worstAtom = Math.max(worstAtom, Math.abs(got[i] - want.atomGrades()[i]) / want.atomGrades()[i]);
                max = Math.max(max, got[i]);
            }
            worst = Math.max(worst, Math.abs(max - want.value()) / want.value());
            assertEquals(want.value(), Double.parseDouble(c.features.get("MV_grade")), 5e-7 + 1e-6 * want.value());
        }
        System.out.printf("select vs calc-grade: max relative difference %.2e (configurations), %.2e (atoms)%n", worst, worstAtom);
        assertTrue(worst < 1e-6, "configuration grades differ by " + worst + " relative");
        assertTrue(worstAtom < 1e-6, "atom grades differ by " + worstAtom + " relative");

        // and the command itself, as a user would check: same MV_grade text within the printed precision
        Path out = dir.resolve("regraded.cfg");
        assertEquals(0, new CommandLine(new CalcGradeCommand()).execute(dir.resolve("pot.mtp").toString(),
                dir.resolve("all.cfg").toString(), dir.resolve("all.cfg").toString(), out.toString(),
                "--load-state", dir.resolve("state.als").toString()));
        List<Configuration> regraded = CfgFiles.readAll(out);
        for (int k = 0; k < md.size(); k++) {
            double a = Double.parseDouble(md.get(k).features.get("MV_grade"));
            double b = Double.parseDouble(regraded.get(k).features.get("MV_grade"));
            assertEquals(b, a, 1e-6 * b + 1.01e-6, "configuration " + k);
        }
    }

    @ParameterizedTest(name = "[{index}] LAMMPS {0}")
    @EnumSource(NativeLammps.class)
    void configurationModeStateGradesTheEnergyRow(NativeLammps lammps) throws IOException {
        lammps.requireNative();
        inputs(2);
        Path out = dir.resolve("cfgmode.graded.cfg");
        Path train = trainFrames(10);
        assertEquals(0, new CommandLine(new CalcGradeCommand()).execute(dir.resolve("pot.mtp").toString(), train.toString(),
                train.toString(), out.toString(), "--als-filename", dir.resolve("cfg.als").toString()));
        ini("select:threshold 1e-9\nselect:save-selected all.cfg\nselect:load-state cfg.als\n");
        NativeLammps.edit(dir.resolve("in.nve768"), "(?m)^fix\\s+1 all nve", "fix 1 all nve\ncompute mvg all pair mlip",
                "(?m)^thermo_style.*$", "thermo_style custom step pe c_mvg[1]");
        assertOk(lammps.lmpMtpj(dir, "-in", "in.nve768", "-log", "log.sel", "-screen", "none"));
        List<Configuration> md = CfgFiles.readAll(dir.resolve("all.cfg"));
        List<double[]> thermo = org.mtpj.lammps.log.ThermoLog.read(dir.resolve("log.sel")).blocks.get(0).rows();
        SelectionSession s = ActiveSetState.load(dir.resolve("cfg.als"));
        assertEquals("cfg", s.weights().mode());
        assertEquals(3, md.size());
        for (int k = 0; k < md.size(); k++) {
            double want = s.grade(md.get(k)).value();
            assertEquals(want, thermo.get(k)[2], 1e-9 * want, "energy-row grade at step " + k);
        }
    }

    @ParameterizedTest(name = "[{index}] LAMMPS {0}")
    @EnumSource(NativeLammps.class)
    void breakThresholdStopsTheRunWithMlip2sMessageAndAppends(NativeLammps lammps) throws IOException {
        lammps.requireNative();
        inputs(10);
        // an active set from the small edge-case cells is far from filled: grades of the 768-atom cell are >> 10
        state(dir.resolve("pot.mtp").toString(), ref("mlip2/edge_cases.cfg"), "state.als");
        ini("select:threshold 2.1\nselect:threshold-break 10\nselect:save-selected preselected.cfg\nselect:load-state state.als\n");
        for (int run = 1; run <= 2; run++) {
            NativeLammps.Result r = lammps.lmpMtpj(dir, "-in", "in.nve768", "-log", "log.sel", "-screen", "none");
            assertNotEquals(0, r.exitCode(), "the run must stop");
            Matcher mm = Pattern.compile("Breaking threshold exceeded \\(MV-grade: ([0-9.e]+)\\)").matcher(r.all());
            assertTrue(mm.find(), r.all());
            assertTrue(!r.all().contains("Exception") && !r.all().contains("\tat "), "no stack trace: " + r.all());
            List<Configuration> saved = CfgFiles.readAll(dir.resolve("preselected.cfg"));
            assertEquals(run, saved.size(), "appended, not truncated");
            Configuration last = saved.get(saved.size() - 1);
            assertEquals("0", last.features.get("step"));
            assertEquals(mm.group(1), last.features.get("MV_grade"));
        }
    }

    /**
     * An MD far outside the training domain selects at every step; select:save-selected-max stops
     * the file at the cap (one warning, the run goes on) and -max-mb keeps it under a size.
     */
    @ParameterizedTest(name = "[{index}] LAMMPS {0}")
    @EnumSource(NativeLammps.class)
    void saveSelectedStopsGrowingAtTheCapWithOneWarning(NativeLammps lammps) throws IOException {
        lammps.requireNative();
        inputs(8);
        state(dir.resolve("pot.mtp").toString(), ref("mlip2/edge_cases.cfg"), "state.als");   // every step's grade >> 2.1
        ini("select:threshold 2.1\nselect:save-selected capped.cfg\nselect:save-selected-max 3\nselect:load-state state.als\n");
        NativeLammps.Result r = lammps.lmpMtpj(dir, "-in", "in.nve768", "-log", "log.cap", "-screen", "none");
        assertOk(r);
        List<Configuration> saved = CfgFiles.readAll(dir.resolve("capped.cfg"));
        assertEquals(List.of("0", "1", "2"), saved.stream().map(c -> c.features.get("step")).toList(), "the first 3 selections only");
        assertEquals(1, r.all().lines().filter(l -> l.contains("WARNING: select:save-selected-max 3 reached")).count(), r.all());
        assertTrue(Pattern.compile("9 above select:threshold 2.1, 3 appended to \\S*capped.cfg \\(cap reached\\)").matcher(r.all()).find(), r.all());

        // size: the file (already holding 3) may grow by one more 768-atom configuration, not two
        long before = Files.size(dir.resolve("capped.cfg"));
        long one = before / 3;
        ini("select:threshold 2.1\nselect:save-selected capped.cfg\nselect:load-state state.als\nselect:save-selected-max-mb "
                + (before + one + one / 2) / 1e6 + "\n");
        r = lammps.lmpMtpj(dir, "-in", "in.nve768", "-log", "log.cap2", "-screen", "none");
        assertOk(r);
        assertEquals(4, CfgFiles.readAll(dir.resolve("capped.cfg")).size(), "one appended, then the size cap");
        assertTrue(Files.size(dir.resolve("capped.cfg")) <= before + one + one / 2);
        assertEquals(1, r.all().lines().filter(l -> l.contains("WARNING: select:save-selected-max-mb")).count(), r.all());
    }

    /** Under MPI rank 0 writes and knows the file: its cap decision reaches every rank (no rank waits in a gather). */
    @ParameterizedTest(name = "[{index}] LAMMPS {0}")
    @EnumSource(NativeLammps.class)
    void saveSelectedCapUnderMpi(NativeLammps lammps) throws IOException {
        lammps.requireNative();
        NativeLammps.requireMpirun();
        inputs(3);
        state(dir.resolve("pot.mtp").toString(), ref("mlip2/edge_cases.cfg"), "state.als");
        ini("select:threshold 2.1\nselect:save-selected two.cfg\nselect:save-selected-max 2\nselect:load-state state.als\n");
        NativeLammps.Result r = lammps.mpirun(dir, 2, "-in", "in.nve768", "-log", "log.np2", "-screen", "none");
        assertOk(r);
        assertEquals(List.of("0", "1"), CfgFiles.readAll(dir.resolve("two.cfg")).stream().map(c -> c.features.get("step")).toList());
        assertEquals(768, CfgFiles.readAll(dir.resolve("two.cfg")).get(1).size);
        assertEquals(1, r.all().lines().filter(l -> l.contains("WARNING: select:save-selected-max 2 reached")).count(), r.all());

        // a size cap below one configuration: nothing written, one warning, the run completes
        ini("select:threshold 2.1\nselect:save-selected none.cfg\nselect:save-selected-max-mb 0.001\nselect:load-state state.als\n");
        r = lammps.mpirun(dir, 2, "-in", "in.nve768", "-log", "log.np2b", "-screen", "none");
        assertOk(r);
        assertFalse(Files.exists(dir.resolve("none.cfg")), "nothing appended");
        assertEquals(1, r.all().lines().filter(l -> l.contains("WARNING: select:save-selected-max-mb (1000 bytes) reached")).count(), r.all());
        assertTrue(r.all().contains("4 above select:threshold 2.1, 0 appended to "), r.all());
    }

    @ParameterizedTest(name = "[{index}] LAMMPS {0}")
    @EnumSource(NativeLammps.class)
    void stateOfAnotherPotentialIsRefused(NativeLammps lammps) throws IOException {
        lammps.requireNative();
        inputs(2);
        state(ref("mlip2/pot_perturbed.mtp").toString(), ref("mlip2/edge_cases.cfg"), "state.als");
        ini("select:threshold 2.1\nselect:save-selected preselected.cfg\nselect:load-state state.als\n");
        NativeLammps.Result r = lammps.lmpMtpj(dir, "-in", "in.nve768", "-log", "log.sel", "-screen", "none");
        assertNotEquals(0, r.exitCode());
        assertTrue(r.all().contains("the state was made with another potential than mtp-filename"), r.all());
    }

    @ParameterizedTest(name = "[{index}] LAMMPS {0}")
    @EnumSource(NativeLammps.class)
    void mpiGivesTheSameGradesAndConfigurationsAsSerialAndBreaksToo(NativeLammps lammps) throws IOException {
        lammps.requireNative();
        NativeLammps.requireMpirun();
        inputs(3);
        NativeLammps.edit(dir.resolve("in.nve768"), "(?m)^fix\\s+1 all nve", "fix 1 all nve\nfix gr all property/atom d_mvgrade\n"
                + "compute mvg all pair mlip\ncompute pg all property/atom d_mvgrade\ncompute gmax all reduce max c_pg",
                "(?m)^thermo_style.*$", "thermo_style custom step pe c_mvg[1] c_gmax");
        state(dir.resolve("pot.mtp").toString(), trainFrames(3), "state.als");
        ini("select:threshold 1e-9\nselect:save-selected all.cfg\nselect:load-state state.als\nselect:nbh-grades TRUE\n"
                + "write-cfgs every.cfg\n");
        assertOk(lammps.lmpMtpj(dir, "-in", "in.nve768", "-log", "log.np1", "-screen", "none"));
        Files.move(dir.resolve("all.cfg"), dir.resolve("serial.cfg"));
        assertOk(lammps.mpirun(dir, 2, "-in", "in.nve768", "-log", "log.np2", "-screen", "none"));
        List<Configuration> one = CfgFiles.readAll(dir.resolve("serial.cfg")), two = CfgFiles.readAll(dir.resolve("all.cfg"));
        assertEquals(4, two.size());
        assertEquals(8, CfgFiles.readAll(dir.resolve("every.cfg")).size(), "write-cfgs: 4 serial + 4 MPI evaluations, appended");
        for (int k = 0; k < one.size(); k++) {
            Configuration a = one.get(k), b = two.get(k);
            assertEquals(a.features.get("step"), b.features.get("step"));
            assertEquals(768, b.size);
            double[] ga = a.extraColumns.get("nbh_grades"), gb = b.extraColumns.get("nbh_grades");
            for (int i = 0; i < a.size; i++) {
                assertEquals(a.ids[i], b.ids[i]);
                assertEquals(a.types[i], b.types[i]);
                for (int x = 0; x < 3; x++) assertEquals(a.positions[3 * i + x], b.positions[3 * i + x], 1e-9);
                assertEquals(ga[i], gb[i], 1e-6 * ga[i], "atom grade, id " + a.ids[i]);
            }
            assertEquals(Double.parseDouble(a.features.get("MV_grade")), Double.parseDouble(b.features.get("MV_grade")), 2e-6);
        }
        List<double[]> t1 = org.mtpj.lammps.log.ThermoLog.read(dir.resolve("log.np1")).blocks.get(0).rows();
        List<double[]> t2 = org.mtpj.lammps.log.ThermoLog.read(dir.resolve("log.np2")).blocks.get(0).rows();
        for (int k = 0; k < t1.size(); k++) {
            assertEquals(t1.get(k)[2], t2.get(k)[2], 1e-8 * t1.get(k)[2], "compute pair grade (rank 0 reports, LAMMPS sums)");
            assertEquals(t1.get(k)[2], t2.get(k)[3], 1e-8 * t1.get(k)[2], "max of d_mvgrade = configuration grade");
        }

        // the break threshold under MPI: every rank stops with the same message
        ini("select:threshold 1e-9\nselect:threshold-break 1.0000001\nselect:save-selected brk.cfg\nselect:load-state state.als\n");
        NativeLammps.Result r = lammps.mpirun(dir, 2, "-in", "in.nve768", "-log", "log.brk", "-screen", "none");
        assertNotEquals(0, r.exitCode());
        assertTrue(r.all().contains("Breaking threshold exceeded (MV-grade: "), r.all());
        List<Configuration> brk = CfgFiles.readAll(dir.resolve("brk.cfg"));
        assertEquals(1, brk.size());
        assertEquals(768, brk.get(0).size);
    }

    @ParameterizedTest(name = "[{index}] LAMMPS {0}")
    @EnumSource(NativeLammps.class)
    void writeCfgsWorksWithoutSelection(NativeLammps lammps) throws IOException {
        lammps.requireNative();
        inputs(3);
        Files.writeString(dir.resolve("mlip.ini"), "mtp-filename pot.mtp\ncalculate-efs TRUE\nwrite-cfgs md.cfg\n");
        assertOk(lammps.lmpMtpj(dir, "-in", "in.nve768", "-log", "log.w", "-screen", "none"));
        List<String> steps = new ArrayList<>();
        for (Configuration c : CfgFiles.readAll(dir.resolve("md.cfg"))) {
            steps.add(c.features.get("step"));
            assertEquals(null, c.features.get("MV_grade"));
        }
        assertEquals(List.of("0", "1", "2", "3"), steps);
    }
}
