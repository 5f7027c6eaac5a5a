package org.mtpj.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtpj.lammps.log.ThermoLog;
import org.mtpj.testkit.Shared;

/** The demo report's readers and small numerics. */
class ReportReadersTest {
    @TempDir Path dir;

    @Test
    void mlipErrorReportOfMlip2ItselfIsReadBack() throws IOException {
        Map<String, Double> m = MlipErrorReportReader.read(Shared.file("reference/mlip2/calc_errors_perturbed_frames00-09.txt"));
        assertEquals(2.56064, m.get("Energy/RMS absolute difference"));
        assertEquals(0.00277222, m.get("Forces/RMS absolute difference"));
        assertEquals(0.0024434, m.get("Forces/RMS(ForceDiff) / RMS(Force)"));
        assertEquals(0.0385279, m.get("Stresses (in GPa)/RMS absolute difference"));
        assertEquals(0.705633, m.get("Stresses (in eV)/Average absolute difference"));
    }

    @Test
    void errorReportAndLammpsDiffusionCrossCheck() throws IOException {
        Path rep = dir.resolve("errors.txt");
        Files.writeString(rep, "MTPR from p.mtp, Database: v.cfg\n\n\t\t* * * TRAIN ERRORS * * *\n\n_________________Errors report_________________\n"
                + "Energy per atom:\n\tErrors checked for 2 configurations\n\tRMS     absolute difference = 0.0125\n"
                + "Forces:\n\tRMS     absolute difference = 0.7\n\tRMS(ForceDiff) / RMS(Force) = 0.19\n");
        Map<String, Double> m = MlipErrorReportReader.read(rep);
        assertEquals(0.0125, m.get("Energy per atom/RMS absolute difference"));
        assertEquals(0.19, m.get("Forces/RMS(ForceDiff) / RMS(Force)"));
        Path log = dir.resolve("log.lammps");
        Files.writeString(log, "Step Temp PotEng\n       0   4000   -3000\nWARNING: something\n     100   4100   -2990\n"
                + "Loop time of 1.5 on 1 procs for 100 steps with 384 atoms\n\nStep Temp c_msdO[4]\n 100 4000 0\n 200 4010 1.5\n 300 3990 3\n"
                + "Loop time of 2 on 1 procs for 200 steps with 384 atoms\n");
        List<ThermoLog.Block> b = ThermoLog.read(log).blocks;
        // D from LAMMPS' MSD: slope 1.5 Å² per 100 steps of 1 fs = 15 Å²/ps -> D = 2.5 Å²/ps
        assertEquals(2.5, DiffusionSection.lammpsD(b.get(1), "c_msdO[4]", 0.001, 0, 0.2), 1e-12);
    }
}
