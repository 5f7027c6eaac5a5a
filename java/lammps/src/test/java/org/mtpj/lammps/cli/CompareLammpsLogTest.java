package org.mtpj.lammps.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtpj.core.io.InputFormatException;
import org.mtpj.testkit.Shared;
import picocli.CommandLine;

class CompareLammpsLogTest {
    @TempDir Path dir;

    private static final String LOG = """
            LAMMPS (29 Sep 2021 - Update 2)
            Step Temp PotEng Press
                   0 600 -8420.234652 -10064.02129
            WARNING: something in the middle (src/x.cpp:1)
                  10 1256.345779 -8485.529148 -73903.77427
            Loop time of 1 on 1 procs for 10 steps with 768 atoms
            Step Temp PotEng Press
                  10 1256.345779 -8485.529148 -73903.77427
                  20 1300 -8490 -70000
            Loop time of 1 on 1 procs for 10 steps with 768 atoms
            """;

    private int run(String a, String b, String... opts) throws IOException {
        Files.writeString(dir.resolve("a.log"), a);
        Files.writeString(dir.resolve("b.log"), b);
        String[] args = new String[opts.length + 2];
        args[0] = dir.resolve("a.log").toString();
        args[1] = dir.resolve("b.log").toString();
        System.arraycopy(opts, 0, args, 2, opts.length);
        return new CommandLine(new CompareLammpsLog()).setOut(new PrintWriter(new StringWriter())).execute(args);
    }

    @Test
    void identicalPassesAndSmallChangeFailsOrPassesByTolerance() throws IOException {
        assertEquals(0, run(LOG, LOG));
        String changed = LOG.replace("-8490 ", "-8490.0001 ");
        assertEquals(1, run(LOG, changed));                      // 1.2e-8 relative > 1e-8
        assertEquals(0, run(LOG, changed, "--rtol", "2e-8"));
        assertEquals(0, run(LOG, changed, "--columns", "Temp,Press"));
    }

    @Test
    void readsTheReferenceLog() {
        Path ref = Shared.file("reference/lammps-mlip2/log.serial");
        StringWriter out = new StringWriter();
        assertEquals(0, CompareLammpsLog.compare(ref, ref, 0, 0, null, true, new PrintWriter(out)));
        assertTrue(out.toString().contains("1\tc_sst[4]\t0.000e+00"), out.toString());
        assertEquals(15, out.toString().lines().count()); // header + 14 columns
    }

    @Test
    void noThermoIsABadFile() throws IOException {
        Files.writeString(dir.resolve("x.log"), "nothing here\n");
        assertThrows(InputFormatException.class, () -> CompareLammpsLog.compare(dir.resolve("x.log"), dir.resolve("x.log"),
                1e-8, 0, null, false, new PrintWriter(new StringWriter())));
    }
}
