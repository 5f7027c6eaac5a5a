package org.mtpj.lammps.it;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mtpj.lammps.it.NativeLammps.assertOk;
import static org.mtpj.lammps.it.NativeLammps.copy;
import static org.mtpj.lammps.it.NativeLammps.edit;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtpj.lammps.cli.CompareLammpsLog;
import org.mtpj.testkit.Required;
import org.mtpj.lammps.log.ThermoLog;
import org.mtpj.testkit.Shared;

/**
 * End-to-end checks of pair_style mtp/java in Debian's real LAMMPS (no mocks): the MLIP-2
 * reference run, MPI, Java threads, the study's own input through the mlip alias, the project's
 * MD input, Java-host mode and the plugin. Run with
 * {@code scripts/mvn -Dmtpj.out=target-lammps -pl java/lammps -am test -Dtest='LammpsBridgeTest,LammpsErrorsTest'}
 * (or tests/lammps/run.sh, which also builds the native part).
 */
class LammpsBridgeTest {
    @TempDir Path dir;

    @BeforeEach
    void needNative() { NativeLammps.requireNative(); }

    private Path ref(String name) { return Shared.file("reference/lammps-mlip2/" + name); }
    private Path data(String name) { return Shared.file("data/amorphous-MgV2O5/" + name); }

    /** The reference input unchanged (pair_style mlip mlip.ini through the alias) + our mlip.ini. */
    private void nve768Inputs() throws IOException {
        copy(ref("in.nve768"), dir, "in.nve768");
        copy(data("input1.pos"), dir, "input1.pos");
        copy(data("pot.mtp"), dir, "pot.mtp");
        Files.writeString(dir.resolve("mlip.ini"), "mtp-filename pot.mtp\ncalculate-efs TRUE\n");
    }

    private static int compareLogs(Path a, Path b, double rtol, StringWriter sink) {
        return CompareLammpsLog.compare(a, b, rtol, 0, null, false, new PrintWriter(sink));
    }

    @Test
    void nve768ReproducesMlip2ThermoForcesAndPerAtomTallies() throws IOException {
        nve768Inputs();
        NativeLammps.Result r = NativeLammps.lmpMtpj(dir, "-in", "in.nve768", "-log", "log.mtpj", "-screen", "none");
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

    @Test
    void twoMpiRanksAndTwoJavaThreadsGiveTheSameThermo() throws IOException {
        NativeLammps.requireMpirun();
        nve768Inputs();
        edit(dir.resolve("in.nve768"), "run\\s+100", "run 20", "dump\\s+d all.*\\n", "", "dump_modify.*\\n", "");
        NativeLammps.Result one = NativeLammps.lmpMtpj(dir, "-in", "in.nve768", "-log", "log.np1", "-screen", "none");
        assertOk(one);
        NativeLammps.Result two = NativeLammps.mpirun(dir, 2, "-in", "in.nve768", "-log", "log.np2", "-screen", "none");
        assertOk(two);
        assertTrue(Files.readString(dir.resolve("log.np2")).contains("2 MPI tasks")
                || Files.readString(dir.resolve("log.np2")).contains("on 2 procs"), "np 2 run did not use 2 ranks");
        edit(dir.resolve("in.nve768"), "pair_style\\s+mlip mlip.ini", "pair_style mlip mlip.ini threads 2");
        NativeLammps.Result threads = NativeLammps.lmpMtpj(dir, "-in", "in.nve768", "-log", "log.t2", "-screen", "none");
        assertOk(threads);
        assertTrue(Files.readString(dir.resolve("log.t2")).contains("2 Java thread(s)"));

        StringWriter rep = new StringWriter();
        assertEquals(0, compareLogs(ref("log.serial"), dir.resolve("log.np1"), 1e-8, rep), rep::toString);
        assertEquals(0, compareLogs(dir.resolve("log.np1"), dir.resolve("log.np2"), 1e-8, rep), rep::toString);
        // threads: the same numbers bit for bit (phase 2 runs in a fixed order), so the same printed rows
        assertEquals(rows(dir.resolve("log.np1")), rows(dir.resolve("log.t2")));
    }

    /**
     * An input written for LAMMPS's own ML-MTP ('pair_style mtp', potential and species indices in
     * pair_coeff) runs unchanged where LAMMPS has no ML-MTP (Debian's 2021 build), says so in the
     * log, and gives MLIP-2's numbers; a NULL type is not handled (pair_coeff then sets no pair).
     */
    @Test
    void mlMtpInputFormRunsUnchanged() throws IOException {
        nve768Inputs();
        edit(dir.resolve("in.nve768"), "run\\s+100", "run 20", "dump\\s+d all.*\\n", "", "dump_modify.*\\n", "",
                "pair_style\\s+mlip mlip.ini", "pair_style mtp", "pair_coeff\\s+\\* \\*", "pair_coeff * * pot.mtp 0 1 2");
        NativeLammps.Result r = NativeLammps.lmpMtpj(dir, "-in", "in.nve768", "-log", "log.mlmtp", "-screen", "none");
        assertOk(r);
        assertTrue(Files.readString(dir.resolve("log.mlmtp")).contains("'pair_style mtp' runs mtpj's mtp/java"),
                "the log says which pair style runs");
        StringWriter rep = new StringWriter();
        assertEquals(0, compareLogs(ref("log.serial"), dir.resolve("log.mlmtp"), 1e-8, rep), rep::toString);

        edit(dir.resolve("in.nve768"), "pot.mtp 0 1 2", "pot.mtp 0 1 NULL");
        NativeLammps.Result partial = NativeLammps.lmpMtpj(dir, "-in", "in.nve768", "-log", "log.null", "-screen", "none");
        assertNotEquals(0, partial.exitCode(), "type 3 without a species and no other pair style: LAMMPS must stop");
        String log = Files.readString(dir.resolve("log.null"));
        assertTrue(log.contains("pair coeffs are not set"), NativeLammps.tail(log));
    }

    private static List<String> rows(Path log) throws IOException {
        List<String> l = Files.readAllLines(log);
        int s = 0;
        while (!l.get(s).startsWith("Step")) s++;
        int e = s;
        while (!l.get(e).startsWith("Loop time")) e++;
        return l.subList(s, e);
    }

    @Test
    void studyInputRunsUnchangedThroughTheMlipAlias() throws IOException {
        Path md = copy(data("md.lmp"), dir, "md.lmp");
        copy(data("input1.pos"), dir, "input1.pos");
        copy(data("pot.mtp"), dir, "curr.mtp");
        // the study's mlip.ini names curr.mtp and an active-learning state we do not have: our own, EFS only
        Files.writeString(dir.resolve("mlip.ini"), "mtp-filename curr.mtp\ncalculate-efs TRUE\n");
        // only the run lengths are shortened; pair_style mlip mlip.ini / pair_coeff * * stay as they are
        edit(md, "run\\s+25000\\b", "run 20", "run\\s+2500000\\b", "run 20", "thermo 1000\\b", "thermo 10");
        assertTrue(Files.readString(md).contains("pair_style mlip mlip.ini"));
        NativeLammps.Result r = NativeLammps.lmpMtpj(dir, "-in", "md.lmp", "-log", "log.md", "-screen", "none");
        assertOk(r);
        List<ThermoLog.Block> blocks = ThermoLog.read(dir.resolve("MSDfile.txt")).blocks;
        ThermoLog.Block prod = blocks.get(blocks.size() - 1);
        assertTrue(prod.columns().contains("c_msdisp[4]"), prod.columns().toString());
        assertTrue(prod.rows().size() >= 2, "production thermo rows: " + prod.rows().size());
        assertTrue(Files.size(dir.resolve("msd.txt")) > 0 && Files.size(dir.resolve("dump.nb")) > 0);
        double temp = ThermoLog.read(dir.resolve("log.md")).blocks.get(0).rows().get(1)[1];
        assertTrue(temp > 300 && temp < 3000, "temperature after 20 Langevin steps: " + temp);
    }

    @Test
    void projectMdInputRunsOnTheStudyStructure() throws IOException {
        copy(data("input1.pos"), dir, "input1.pos");
        copy(data("pot.mtp"), dir, "pot.mtp");
        Path in = NativeLammps.repo().resolve("lammps-inputs/md-mtpj.lmp");
        NativeLammps.Result r = NativeLammps.lmpMtpj(dir, "-in", in.toString(), "-var", "data", "input1.pos",
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

    @Test
    void softTestPotentialMatchesLammpsBuiltinSoft() throws IOException {
        Path in = NativeLammps.repo().resolve("lammps-inputs/tests/soft-vs-builtin.lmp");
        assertOk(NativeLammps.lmp(dir, "-in", in.toString(), "-var", "ps", "builtin", "-log", "log.builtin", "-screen", "none"));
        assertOk(NativeLammps.lmpMtpj(dir, "-in", in.toString(), "-log", "log.java", "-screen", "none"));
        StringWriter rep = new StringWriter();
        // full- vs half-list summation order: differences ~1e-12 relative
        assertEquals(0, compareLogs(dir.resolve("log.builtin"), dir.resolve("log.java"), 1e-9, rep), rep::toString);
    }

    @Test
    void javaHostModeRunsLammpsInsideTheJvm() throws IOException {
        // the MTP reference run, shortened, with LAMMPS inside the JVM: same thermo as MLIP-2
        nve768Inputs();
        edit(dir.resolve("in.nve768"), "run\\s+100", "run 20", "dump\\s+d all.*\\n", "", "dump_modify.*\\n", "");
        NativeLammps.Result host = NativeLammps.javaHost(dir, "-in", "in.nve768", "-log", "log.host", "-screen", "none");
        assertOk(host);
        StringWriter rep = new StringWriter();
        assertEquals(0, compareLogs(ref("log.serial"), dir.resolve("log.host"), 1e-8, rep), rep::toString);
        assertEquals(3, ThermoLog.read(dir.resolve("log.host")).blocks.get(0).rows().size());
        // and the soft test potential gives the launcher's numbers exactly
        Path in = NativeLammps.repo().resolve("lammps-inputs/tests/soft-vs-builtin.lmp");
        assertOk(NativeLammps.lmpMtpj(dir, "-in", in.toString(), "-var", "nsteps", "50", "-log", "log.launcher", "-screen", "none"));
        assertOk(NativeLammps.javaHost(dir, "-in", in.toString(), "-var", "nsteps", "50", "-log", "log.hostsoft", "-screen", "none"));
        assertEquals(rows(dir.resolve("log.launcher")), rows(dir.resolve("log.hostsoft")));
    }

    @Test
    void pluginExportsLammpspluginInitAndRunsWhenLoaded() throws IOException {
        Path plugin = NativeLammps.nativeDir().resolve("mtpjplugin.so");
        Path check = NativeLammps.nativeDir().resolve("plugin-load-check");
        assertTrue(Files.exists(plugin) && Files.isExecutable(check), "plugin not built: " + plugin);
        NativeLammps.Result nm = NativeLammps.run(dir, List.of("nm", "-D", "--defined-only", plugin.toString()), 60);
        assertOk(nm);
        assertTrue(nm.stdout().lines().anyMatch(l -> l.endsWith(" T lammpsplugin_init")), nm.stdout());
        Path in = NativeLammps.repo().resolve("lammps-inputs/tests/soft-vs-builtin.lmp");
        assertOk(NativeLammps.lmpMtpj(dir, "-in", in.toString(), "-var", "nsteps", "50", "-log", "log.launcher", "-screen", "none"));
        NativeLammps.Result r = NativeLammps.run(dir, List.of(check.toString(), plugin.toString(), "-in", in.toString(),
                "-var", "nsteps", "50", "-log", "log.plugin", "-screen", "none"), 300);
        assertOk(r);
        // mtp/java, mlip, and mtp (ML-MTP's input form: this LAMMPS has no ML-MTP of its own)
        assertTrue(r.stderr().contains("3 pair styles registered"), r.stderr());
        assertEquals(rows(dir.resolve("log.launcher")), rows(dir.resolve("log.plugin")));
    }

    /**
     * Real 'plugin load' in a PLUGIN-enabled LAMMPS built from the same source (Debian's has no
     * PLUGIN package): set MTPJ_PLUGIN_LMP to its lmp executable. Same thermo as the launcher.
     */
    @Test
    void pluginLoadInAPluginEnabledLammps() throws IOException {
        String lmp = Required.executableFromEnv("MTPJ_PLUGIN_LMP",
                "a PLUGIN-enabled lmp of the same LAMMPS version; ./run-tests builds it with scripts/setup-lammps --plugin-lammps").toString();
        Path plugin = NativeLammps.nativeDir().resolve("mtpjplugin.so");
        Path in = dir.resolve("in.plugin");
        Files.writeString(in, "plugin load " + plugin + "\n"
                + Files.readString(NativeLammps.repo().resolve("lammps-inputs/tests/soft-vs-builtin.lmp")));
        Files.writeString(dir.resolve("in.launcher"), Files.readString(NativeLammps.repo().resolve("lammps-inputs/tests/soft-vs-builtin.lmp")));
        assertOk(NativeLammps.lmpMtpj(dir, "-in", "in.launcher", "-var", "nsteps", "50", "-log", "log.launcher", "-screen", "none"));
        NativeLammps.Result r = NativeLammps.run(dir, List.of(lmp, "-in", in.toString(), "-var", "nsteps", "50",
                "-log", "log.plugin", "-screen", "none"), 300);
        assertOk(r);
        assertTrue(Files.readString(dir.resolve("log.plugin")).contains("Loading plugin"), "no 'Loading plugin' in the log");
        assertEquals(rows(dir.resolve("log.launcher")), rows(dir.resolve("log.plugin")));

        // 'clear' unloads the plugin; loaded again it finds the running JVM and gives the same energy
        nve768Inputs();
        String once = "plugin load " + plugin + "\nunits metal\natom_style atomic\nread_data input1.pos\nmass * 20.0\n"
                + "pair_style mlip mlip.ini\npair_coeff * *\nthermo_style custom step pe press\n"
                + "thermo_modify format float %.12g\nrun 0\n";
        Files.writeString(dir.resolve("in.reload"), once + "clear\n" + once);
        assertOk(NativeLammps.run(dir, List.of(lmp, "-in", "in.reload", "-log", "log.reload", "-screen", "none"), 300));
        List<ThermoLog.Block> blocks = ThermoLog.read(dir.resolve("log.reload")).blocks;
        assertEquals(2, blocks.size());
        assertEquals(java.util.Arrays.toString(blocks.get(0).rows().get(0)), java.util.Arrays.toString(blocks.get(1).rows().get(0)));
    }

    /** Optional (slow, ~1 min CPU): MTPJ_SLOW_TESTS=1. Energy drift over 2000 NVE steps. */
    @Test
    void nve2000StepsDriftsNoMoreThanMlip2() throws IOException {
        Required.slowTests();
        nve768Inputs();
        copy(ref("in.nve768_2000steps"), dir, "in.2000");
        NativeLammps.Result r = NativeLammps.lmpMtpj(dir, "-in", "in.2000", "-log", "log.2000", "-screen", "none");
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
