package org.mtpj.lammps.it;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mtpj.lammps.it.NativeLammps.assertOk;
import static org.mtpj.lammps.it.NativeLammps.copy;
import static org.mtpj.lammps.it.NativeLammps.edit;
import static org.mtpj.lammps.it.ReferenceRun.compareLogs;
import static org.mtpj.lammps.it.ReferenceRun.data;
import static org.mtpj.lammps.it.ReferenceRun.inputs;
import static org.mtpj.lammps.it.ReferenceRun.ref;
import static org.mtpj.lammps.it.ReferenceRun.thermoRows;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mtpj.testkit.Required;
import org.mtpj.lammps.log.ThermoLog;

/**
 * End-to-end checks of pair_style mtp/java in real LAMMPS (no mocks), on each LAMMPS version of
 * {@link NativeLammps}: the MLIP-2 reference run, MPI, Java threads, the study's own input through
 * the mlip alias, ML-MTP's input form, the project's MD input and the plugin. Run with
 * {@code scripts/mvn -Dmtpj.out=target-lammps -pl java/lammps -am test -Dtest='LammpsBridgeTest,LammpsErrorsTest'}
 * (or tests/lammps/run.sh, which also builds the native part).
 */
class LammpsBridgeTest {
    @TempDir Path dir;

    @ParameterizedTest(name = "[{index}] LAMMPS {0}")
    @EnumSource(NativeLammps.class)
    void nve768ReproducesMlip2ThermoForcesAndPerAtomTallies(NativeLammps lammps) throws IOException {
        lammps.requireNative();
        inputs(dir);
        NativeLammps.Result r = lammps.lmpMtpj(dir, "-in", "in.nve768", "-log", "log.mtpj", "-screen", "none");
        assertOk(r);
        StringWriter report = new StringWriter();
        assertEquals(0, compareLogs(ref("log.serial"), dir.resolve("log.mtpj"), 1e-8, report), report::toString);
        assertEquals(11, ThermoLog.read(dir.resolve("log.mtpj")).blocks.get(0).rows().size());

        DumpFrames want = DumpFrames.read(ref("forces.dump")), got = DumpFrames.read(dir.resolve("forces.dump"));
        assertEquals(want.frames.keySet(), got.frames.keySet());
        double maxDf = 0, maxDe = 0, maxDsRel = 0;
        for (long step : want.frames.keySet()) {
            Map<Long, double[]> a = want.frames.get(step), b = got.frames.get(step);
            assertEquals(768, b.size());
            for (long id : a.keySet()) {
                double[] x = a.get(id), y = b.get(id);
                for (String c : List.of("fx", "fy", "fz"))
                    maxDf = Math.max(maxDf, Math.abs(x[want.column(c)] - y[got.column(c)]));
                maxDe = Math.max(maxDe, Math.abs(x[want.column("c_peat")] - y[got.column("c_peat")]));
                for (int k = 1; k <= 6; k++) {
                    String c = "c_sat[" + k + "]";
                    double u = x[want.column(c)], v = y[got.column(c)];
                    maxDsRel = Math.max(maxDsRel, Math.abs(u - v) / Math.max(1e3, Math.abs(u)));
                }
            }
        }
        assertTrue(maxDf <= 1e-8, "max |dF| = " + maxDf + " eV/A");
        assertTrue(maxDe <= 1e-8, "max |d pe/atom| = " + maxDe + " eV");
        assertTrue(maxDsRel <= 1e-8, "max relative d stress/atom = " + maxDsRel);

        // sums of per-atom tallies = totals: c_spe == pe in every row; sum of stress/atom == -P V
        ThermoLog.Block b = ThermoLog.read(dir.resolve("log.mtpj")).blocks.get(0);
        int pe = b.columns().indexOf("PotEng"), spe = b.columns().indexOf("c_spe");
        for (double[] row : b.rows()) assertEquals(row[pe], row[spe], 1e-9 * Math.abs(row[pe]));
        double vol = 17.61966 * 21.53313 * 23.20344;
        int pxx = b.columns().indexOf("Pxx"), pxy = b.columns().indexOf("Pxy");
        for (long step : got.frames.keySet()) {
            double sxx = 0, sxy = 0;
            for (double[] row : got.frames.get(step).values()) {
                sxx += row[got.column("c_sat[1]")];
                sxy += row[got.column("c_sat[4]")];
            }
            double[] th = b.rows().stream().filter(row -> row[0] == step).findFirst().orElseThrow();
            assertEquals(-th[pxx] * vol, sxx, 1e-8 * Math.abs(sxx), "sum stress/atom xx at step " + step);
            assertEquals(-th[pxy] * vol, sxy, 1e-7 * Math.abs(th[pxx] * vol), "sum stress/atom xy at step " + step);
        }
    }

    @ParameterizedTest(name = "[{index}] LAMMPS {0}")
    @EnumSource(NativeLammps.class)
    void twoMpiRanksAndTwoJavaThreadsGiveTheSameThermo(NativeLammps lammps) throws IOException {
        lammps.requireNative();
        NativeLammps.requireMpirun();
        inputs(dir);
        edit(dir.resolve("in.nve768"), "run\\s+100", "run 20", "dump\\s+d all.*\\n", "", "dump_modify.*\\n", "");
        NativeLammps.Result one = lammps.lmpMtpj(dir, "-in", "in.nve768", "-log", "log.np1", "-screen", "none");
        assertOk(one);
        NativeLammps.Result two = lammps.mpirun(dir, 2, "-in", "in.nve768", "-log", "log.np2", "-screen", "none");
        assertOk(two);
        assertTrue(Files.readString(dir.resolve("log.np2")).contains("2 MPI tasks")
                || Files.readString(dir.resolve("log.np2")).contains("on 2 procs"), "np 2 run did not use 2 ranks");
        edit(dir.resolve("in.nve768"), "pair_style\\s+mlip mlip.ini", "pair_style mlip mlip.ini threads 2");
        NativeLammps.Result threads = lammps.lmpMtpj(dir, "-in", "in.nve768", "-log", "log.t2", "-screen", "none");
        assertOk(threads);
        assertTrue(Files.readString(dir.resolve("log.t2")).contains("2 Java thread(s)"));

        StringWriter rep = new StringWriter();
        assertEquals(0, compareLogs(ref("log.serial"), dir.resolve("log.np1"), 1e-8, rep), rep::toString);
        assertEquals(0, compareLogs(dir.resolve("log.np1"), dir.resolve("log.np2"), 1e-8, rep), rep::toString);
        // threads: the same numbers bit for bit (phase 2 runs in a fixed order), so the same printed rows
        assertEquals(thermoRows(dir.resolve("log.np1")), thermoRows(dir.resolve("log.t2")));
    }

    /**
     * An input written for LAMMPS's own ML-MTP ('pair_style mtp', potential and species indices in
     * pair_coeff) runs unchanged where LAMMPS has no ML-MTP (neither version tested has), says so in the
     * log, and gives MLIP-2's numbers; a NULL type is not handled (pair_coeff then sets no pair).
     */
    @ParameterizedTest(name = "[{index}] LAMMPS {0}")
    @EnumSource(NativeLammps.class)
    void mlMtpInputFormRunsUnchanged(NativeLammps lammps) throws IOException {
        lammps.requireNative();
        inputs(dir);
        edit(dir.resolve("in.nve768"), "run\\s+100", "run 20", "dump\\s+d all.*\\n", "", "dump_modify.*\\n", "",
                "pair_style\\s+mlip mlip.ini", "pair_style mtp", "pair_coeff\\s+\\* \\*", "pair_coeff * * pot.mtp 0 1 2");
        NativeLammps.Result r = lammps.lmpMtpj(dir, "-in", "in.nve768", "-log", "log.mlmtp", "-screen", "none");
        assertOk(r);
        assertTrue(Files.readString(dir.resolve("log.mlmtp")).contains("'pair_style mtp' runs mtpj's mtp/java"),
                "the log says which pair style runs");
        StringWriter rep = new StringWriter();
        assertEquals(0, compareLogs(ref("log.serial"), dir.resolve("log.mlmtp"), 1e-8, rep), rep::toString);

        edit(dir.resolve("in.nve768"), "pot.mtp 0 1 2", "pot.mtp 0 1 NULL");
        NativeLammps.Result partial = lammps.lmpMtpj(dir, "-in", "in.nve768", "-log", "log.null", "-screen", "none");
        assertNotEquals(0, partial.exitCode(), "type 3 without a species and no other pair style: LAMMPS must stop");
        String log = Files.readString(dir.resolve("log.null"));
        assertTrue(log.contains("pair coeffs are not set"), NativeLammps.tail(log));
    }

    @ParameterizedTest(name = "[{index}] LAMMPS {0}")
    @EnumSource(NativeLammps.class)
    void studyInputRunsUnchangedThroughTheMlipAlias(NativeLammps lammps) throws IOException {
        lammps.requireNative();
        Path md = copy(data("md.lmp"), dir, "md.lmp");
        copy(data("input1.pos"), dir, "input1.pos");
        copy(data("pot.mtp"), dir, "curr.mtp");
        // the study's mlip.ini names curr.mtp and an active-learning state we do not have: our own, EFS only
        Files.writeString(dir.resolve("mlip.ini"), "mtp-filename curr.mtp\ncalculate-efs TRUE\n");
        // only the run lengths are shortened; pair_style mlip mlip.ini / pair_coeff * * stay as they are
        edit(md, "run\\s+25000\\b", "run 20", "run\\s+2500000\\b", "run 20", "thermo 1000\\b", "thermo 10");
        assertTrue(Files.readString(md).contains("pair_style mlip mlip.ini"));
        NativeLammps.Result r = lammps.lmpMtpj(dir, "-in", "md.lmp", "-log", "log.md", "-screen", "none");
        assertOk(r);
        List<ThermoLog.Block> blocks = ThermoLog.read(dir.resolve("MSDfile.txt")).blocks;
        ThermoLog.Block prod = blocks.get(blocks.size() - 1);
        assertTrue(prod.columns().contains("c_msdisp[4]"), prod.columns().toString());
        assertTrue(prod.rows().size() >= 2, "production thermo rows: " + prod.rows().size());
        assertTrue(Files.size(dir.resolve("msd.txt")) > 0 && Files.size(dir.resolve("dump.nb")) > 0);
        double temp = ThermoLog.read(dir.resolve("log.md")).blocks.get(0).rows().get(1)[1];
        assertTrue(temp > 300 && temp < 3000, "temperature after 20 Langevin steps: " + temp);
    }

    @ParameterizedTest(name = "[{index}] LAMMPS {0}")
    @EnumSource(NativeLammps.class)
    void projectMdInputRunsOnTheStudyStructure(NativeLammps lammps) throws IOException {
        lammps.requireNative();
        copy(data("input1.pos"), dir, "input1.pos");
        copy(data("pot.mtp"), dir, "pot.mtp");
        Path in = NativeLammps.repo().resolve("lammps-inputs/md-mtpj.lmp");
        NativeLammps.Result r = lammps.lmpMtpj(dir, "-in", in.toString(), "-var", "data", "input1.pos",
                "-var", "pot", "pot.mtp", "-var", "T", "600", "-var", "rep", "1", "-var", "nequil", "20",
                "-var", "nprod", "20", "-var", "nthermo", "10", "-var", "ndump", "10", "-log", "log.md", "-screen", "none");
        assertOk(r);
        ThermoLog log = ThermoLog.read(dir.resolve("log.md"));
        assertEquals(2, log.blocks.size());
        assertEquals(3, log.blocks.get(1).rows().size());
        DumpFrames traj = DumpFrames.read(dir.resolve("md.lammpstrj"));
        assertEquals(3, traj.frames.size());
        assertTrue(traj.columns.containsAll(List.of("id", "type", "xu", "yu", "zu")));
        assertEquals(4, Files.readAllLines(dir.resolve("md_msd.txt")).size());
        assertTrue(Files.exists(dir.resolve("md_final.data")));
    }

    @ParameterizedTest(name = "[{index}] LAMMPS {0}")
    @EnumSource(NativeLammps.class)
    void softTestPotentialMatchesLammpsBuiltinSoft(NativeLammps lammps) throws IOException {
        lammps.requireNative();
        Path in = NativeLammps.repo().resolve("lammps-inputs/tests/soft-vs-builtin.lmp");
        assertOk(lammps.lmp(dir, "-in", in.toString(), "-var", "ps", "builtin", "-log", "log.builtin", "-screen", "none"));
        assertOk(lammps.lmpMtpj(dir, "-in", in.toString(), "-log", "log.java", "-screen", "none"));
        StringWriter rep = new StringWriter();
        // full- vs half-list summation order: differences ~1e-12 relative
        assertEquals(0, compareLogs(dir.resolve("log.builtin"), dir.resolve("log.java"), 1e-9, rep), rep::toString);
    }

    @ParameterizedTest(name = "[{index}] LAMMPS {0}")
    @EnumSource(NativeLammps.class)
    void pluginExportsLammpspluginInitAndRunsWhenLoaded(NativeLammps lammps) throws IOException {
        lammps.requireNative();
        Path plugin = lammps.nativeDir().resolve("mtpjplugin.so");
        Path check = lammps.nativeDir().resolve("plugin-load-check");
        assertTrue(Files.exists(plugin) && Files.isExecutable(check), "plugin not built: " + plugin);
        NativeLammps.Result nm = lammps.run(dir, List.of("nm", "-D", "--defined-only", plugin.toString()), 60);
        assertOk(nm);
        assertTrue(nm.stdout().lines().anyMatch(l -> l.endsWith(" T lammpsplugin_init")), nm.stdout());
        Path in = NativeLammps.repo().resolve("lammps-inputs/tests/soft-vs-builtin.lmp");
        assertOk(lammps.lmpMtpj(dir, "-in", in.toString(), "-var", "nsteps", "50", "-log", "log.launcher", "-screen", "none"));
        NativeLammps.Result r = lammps.run(dir, List.of(check.toString(), plugin.toString(), "-in", in.toString(),
                "-var", "nsteps", "50", "-log", "log.plugin", "-screen", "none"), 300);
        assertOk(r);
        // mtp/java, mlip, and mtp (ML-MTP's input form: this LAMMPS has no ML-MTP of its own)
        assertTrue(r.stderr().contains("3 pair styles registered"), r.stderr());
        assertEquals(thermoRows(dir.resolve("log.launcher")), thermoRows(dir.resolve("log.plugin")));
    }

    /**
     * Real 'plugin load' in a PLUGIN-enabled lmp of the same LAMMPS version (for Debian's, which has no
     * PLUGIN package, MTPJ_PLUGIN_LMP: one built from the same source). Same thermo as the launcher.
     */
    @ParameterizedTest(name = "[{index}] LAMMPS {0}")
    @EnumSource(NativeLammps.class)
    void pluginLoadInAPluginEnabledLammps(NativeLammps lammps) throws IOException {
        lammps.requireNative();
        String lmp = lammps.pluginLmp().toString();
        Path plugin = lammps.nativeDir().resolve("mtpjplugin.so");
        Path in = dir.resolve("in.plugin");
        Files.writeString(in, "plugin load " + plugin + "\n"
                + Files.readString(NativeLammps.repo().resolve("lammps-inputs/tests/soft-vs-builtin.lmp")));
        Files.writeString(dir.resolve("in.launcher"), Files.readString(NativeLammps.repo().resolve("lammps-inputs/tests/soft-vs-builtin.lmp")));
        assertOk(lammps.lmpMtpj(dir, "-in", "in.launcher", "-var", "nsteps", "50", "-log", "log.launcher", "-screen", "none"));
        NativeLammps.Result r = lammps.run(dir, List.of(lmp, "-in", in.toString(), "-var", "nsteps", "50",
                "-log", "log.plugin", "-screen", "none"), 300);
        assertOk(r);
        assertTrue(Files.readString(dir.resolve("log.plugin")).contains("Loading plugin"), "no 'Loading plugin' in the log");
        assertEquals(thermoRows(dir.resolve("log.launcher")), thermoRows(dir.resolve("log.plugin")));

        // 'clear' unloads the plugin; loaded again it finds the running JVM and gives the same energy
        inputs(dir);
        String once = "plugin load " + plugin + "\nunits metal\natom_style atomic\nread_data input1.pos\nmass * 20.0\n"
                + "pair_style mlip mlip.ini\npair_coeff * *\nthermo_style custom step pe press\n"
                + "thermo_modify format float %.12g\nrun 0\n";
        Files.writeString(dir.resolve("in.reload"), once + "clear\n" + once);
        assertOk(lammps.run(dir, List.of(lmp, "-in", "in.reload", "-log", "log.reload", "-screen", "none"), 300));
        List<ThermoLog.Block> blocks = ThermoLog.read(dir.resolve("log.reload")).blocks;
        assertEquals(2, blocks.size());
        assertEquals(java.util.Arrays.toString(blocks.get(0).rows().get(0)), java.util.Arrays.toString(blocks.get(1).rows().get(0)));
    }

    /** Optional (slow, ~1 min CPU): MTPJ_SLOW_TESTS=1. Energy drift over 2000 NVE steps. */
    @ParameterizedTest(name = "[{index}] LAMMPS {0}")
    @EnumSource(NativeLammps.class)
    void nve2000StepsDriftsNoMoreThanMlip2(NativeLammps lammps) throws IOException {
        lammps.requireNative();
        Required.slowTests();
        inputs(dir);
        copy(ref("in.nve768_2000steps"), dir, "in.2000");
        NativeLammps.Result r = lammps.lmpMtpj(dir, "-in", "in.2000", "-log", "log.2000", "-screen", "none");
        assertOk(r);
        double want = drift(ref("log.nve768_2000steps")), got = drift(dir.resolve("log.2000"));
        assertTrue(got <= want * 1.05 + 1e-6, "etotal spread " + got + " eV vs MLIP-2 " + want + " eV");
    }

    private static double drift(Path log) {
        ThermoLog.Block b = ThermoLog.read(log).blocks.get(0);
        int c = b.columns().indexOf("TotEng");
        double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
        for (double[] row : b.rows()) { lo = Math.min(lo, row[c]); hi = Math.max(hi, row[c]); }
        return hi - lo;
    }
}
