package org.mtpj.lammps.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mtpj.lammps.it.NativeLammps.assertOk;
import static org.mtpj.lammps.it.NativeLammps.edit;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtpj.lammps.log.ThermoLog;

/**
 * {@code mtpj lammps}: LAMMPS inside the JVM (org.mtpj.lammps.host.LammpsHost), on Debian's
 * liblammps.so.0 only: it is loaded by that name, and a LAMMPS whose errors throw would report them
 * through the library interface, which Java-host mode does not read.
 */
class JavaHostModeTest {
    private static final NativeLammps LAMMPS = NativeLammps.DEBIAN_29SEP2021;
    @TempDir Path dir;

    @BeforeEach
    void needNative() { LAMMPS.requireNative(); }

    @Test
    void javaHostModeRunsLammpsInsideTheJvm() throws IOException {
        // the MTP reference run, shortened, with LAMMPS inside the JVM: same thermo as MLIP-2
        ReferenceRun.inputs(dir);
        edit(dir.resolve("in.nve768"), "run\\s+100", "run 20", "dump\\s+d all.*\\n", "", "dump_modify.*\\n", "");
        NativeLammps.Result host = LAMMPS.javaHost(dir, "-in", "in.nve768", "-log", "log.host", "-screen", "none");
        assertOk(host);
        StringWriter rep = new StringWriter();
        assertEquals(0, ReferenceRun.compareLogs(ReferenceRun.ref("log.serial"), dir.resolve("log.host"), 1e-8, rep), rep::toString);
        assertEquals(3, ThermoLog.read(dir.resolve("log.host")).blocks.get(0).rows().size());
        // and the soft test potential gives the launcher's numbers exactly
        Path in = NativeLammps.repo().resolve("lammps-inputs/tests/soft-vs-builtin.lmp");
        assertOk(LAMMPS.lmpMtpj(dir, "-in", in.toString(), "-var", "nsteps", "50", "-log", "log.launcher", "-screen", "none"));
        assertOk(LAMMPS.javaHost(dir, "-in", in.toString(), "-var", "nsteps", "50", "-log", "log.hostsoft", "-screen", "none"));
        assertEquals(ReferenceRun.thermoRows(dir.resolve("log.launcher")), ReferenceRun.thermoRows(dir.resolve("log.hostsoft")));
    }
}
