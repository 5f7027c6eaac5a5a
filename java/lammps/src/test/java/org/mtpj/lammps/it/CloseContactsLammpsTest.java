package org.mtpj.lammps.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mtpj.lammps.it.NativeLammps.assertOk;
import static org.mtpj.lammps.it.NativeLammps.copy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mtpj.core.eval.CloseContacts;
import org.mtpj.host.LammpsDataFiles;
import org.mtpj.host.MtpFiles;
import org.mtpj.lammps.log.ThermoLog;
import org.mtpj.testkit.Shared;

/**
 * Neighbours closer than the potential's min_dist in real LAMMPS runs: the count per step as
 * {@code c_ID[2]} of {@code compute ID all pair mtp/java}, the same serial and under
 * {@code mpirun -np 2} (pairs across the ranks' boundary included) and equal to the count of
 * core's {@link CloseContacts} on the same data file (its own neighbour search, not the bridge's);
 * one warning per run in log.lammps naming the closest pair; {@code min_dist error} stops the run
 * on every rank with a LAMMPS error.
 */
class CloseContactsLammpsTest {
    @TempDir Path dir;

    /** Extra atoms (type 3): pairs 0.8-1.1 Å apart straddling the middle planes and the periodic x boundary. */
    private static final String[] EXTRA = {
        "4.00 5.00 3.00", "4.80 5.00 3.00",   // across x = Lx/2, the closest
        "2.00 4.90 8.00", "2.00 5.90 8.00",   // across y = Ly/2
        "6.50 2.00 5.30", "6.50 2.00 6.40",   // across z = Lz/2
        "0.30 8.00 2.00", "8.01 8.00 2.00",   // across x = 0 (periodic image)
    };

    @BeforeEach
    void setUp() throws IOException {
        copy(Shared.file("data/amorphous-MgV2O5/pot.mtp"), dir, "pot.mtp");
        Path pos = copy(Shared.file("data/amorphous-MgV2O5/input1.pos"), dir, "input1.pos");
        String data = Files.readString(pos);
        StringBuilder rows = new StringBuilder();
        for (int k = 0; k < EXTRA.length; k++) rows.append(97 + k).append(" 3 ").append(EXTRA[k]).append('\n');
        String close = data.replace("96 atoms", (96 + EXTRA.length) + " atoms").stripTrailing() + "\n" + rows;
        assertNotEquals(data.length(), close.length());
        Files.writeString(dir.resolve("close.data"), close);
    }

    /** Two static runs (no fix: the count stays) with the count and the grade in thermo. */
    private Path input(String data, String pairOptions) throws IOException {
        Path in = dir.resolve("in.close");
        Files.writeString(in, "units metal\natom_style atomic\nboundary p p p\nread_data " + data + "\n"
                + "mass 1 24.305\nmass 2 50.9415\nmass 3 15.9999\n"
                + "pair_style mtp/java pot.mtp " + pairOptions + "\npair_coeff * *\n"
                + "compute pc all pair mtp/java\nneighbor 0.5 bin\n"
                + "thermo_style custom step pe c_pc[1] c_pc[2]\nthermo 1\nrun 2\nrun 1\n");
        return in;
    }

    /** core's count and closest pair ("atoms I and J at D") on the same data file. */
    private static CloseContacts expected(Path data) {
        CloseContacts c = new CloseContacts(MtpFiles.read(data.resolveSibling("pot.mtp")).minDist);
        c.scan(LammpsDataFiles.read(data).configuration, data.toString());
        return c;
    }

    private static final Pattern PAIR = Pattern.compile("atoms (\\d+) and (\\d+) at ([0-9.eE+-]+) (?:A|Å)");

    /** {ids as a set, the printed distance} of the closest pair named in a message. */
    private static List<Object> closest(String message) {
        Matcher m = PAIR.matcher(message);
        assertTrue(m.find(), "no closest pair in: " + message);
        return List.of(Set.of(m.group(1), m.group(2)), Double.parseDouble(m.group(3)));
    }

    private static List<String> warnings(Path log) throws IOException {
        return Files.readAllLines(log).stream().filter(l -> l.startsWith("WARNING") && l.contains("min_dist")).toList();
    }

    @ParameterizedTest(name = "[{index}] LAMMPS {0}")
    @EnumSource(NativeLammps.class)
    void countPerStepWarningOncePerRunSameSerialAndUnderMpi(NativeLammps lammps) throws IOException {
        lammps.requireNative();
        NativeLammps.requireMpirun();
        CloseContacts want = expected(dir.resolve("close.data"));
        assertTrue(want.pairs() >= EXTRA.length / 2, "the test's pairs are closer than min_dist: " + want.warning());

        Path in = input("close.data", "threads 2");
        assertOk(lammps.lmpMtpj(dir, "-in", in.toString(), "-log", "log.np1", "-screen", "none"));
        assertOk(lammps.mpirun(dir, 2, "-in", in.toString(), "-log", "log.np2", "-screen", "none"));
        assertTrue(Files.readString(dir.resolve("log.np2")).contains("on 2 procs"), "np 2 run did not use 2 ranks");

        for (String log : List.of("log.np1", "log.np2")) {
            ThermoLog t = ThermoLog.read(dir.resolve(log));
            assertEquals(2, t.blocks.size(), log);
            for (ThermoLog.Block b : t.blocks)
                for (double count : b.values("c_pc[2]")) assertEquals(want.pairs(), (long) count, log + ": c_pc[2]");
            List<String> w = warnings(dir.resolve(log));
            assertEquals(2, w.size(), log + ": one warning per run, not per step or rank: " + w);
            assertTrue(w.get(0).contains(want.pairs() + " neighbour pairs closer than the potential's min_dist"), w.get(0));
            assertEquals(closest(want.warning()), closest(w.get(0)), log + ": closest pair as core finds it");
        }
        // same energies in both runs (the warning changes nothing)
        assertArrayEquals(ThermoLog.read(dir.resolve("log.np1")).blocks.get(0).values("PotEng"),
                ThermoLog.read(dir.resolve("log.np2")).blocks.get(0).values("PotEng"), 1e-6);
    }

    @ParameterizedTest(name = "[{index}] LAMMPS {0}")
    @EnumSource(NativeLammps.class)
    void noClosePairNoWarningAndACountOfZero(NativeLammps lammps) throws IOException {
        lammps.requireNative();
        assertEquals(0, expected(dir.resolve("input1.pos")).pairs());
        assertOk(lammps.lmpMtpj(dir, "-in", input("input1.pos", "").toString(), "-log", "log.plain", "-screen", "none"));
        for (double count : ThermoLog.read(dir.resolve("log.plain")).blocks.get(0).values("c_pc[2]")) assertEquals(0, count);
        assertEquals(List.of(), warnings(dir.resolve("log.plain")));
    }

    @ParameterizedTest(name = "[{index}] LAMMPS {0}")
    @EnumSource(NativeLammps.class)
    void minDistErrorStopsTheRunOnEveryRank(NativeLammps lammps) throws IOException {
        lammps.requireNative();
        Path in = input("close.data", "min_dist error");
        CloseContacts want = expected(dir.resolve("close.data"));
        NativeLammps.requireMpirun();
        List<NativeLammps.Result> runs = List.of(lammps.lmpMtpj(dir, "-in", in.toString(), "-log", "none"),
                lammps.mpirun(dir, 2, "-in", in.toString(), "-log", "none"));
        for (NativeLammps.Result r : runs) {
            assertNotEquals(0, r.exitCode(), NativeLammps.tail(r.all()));
            String error = r.all().lines().filter(l -> l.startsWith("ERROR")).findFirst().orElse("");
            assertTrue(error.contains(want.pairs() + " neighbour pairs closer than the potential's min_dist")
                    && error.contains("'min_dist error'"), NativeLammps.tail(r.all()));
            assertEquals(closest(want.warning()), closest(error));
            assertFalse(r.all().contains("Step "), "the run started: " + NativeLammps.tail(r.all()));
            assertFalse(r.all().contains("Exception in thread") || r.all().contains("\tat org.mtpj"), "Java stack trace shown");
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().startsWith("hs_err")), "JVM crash file written");
        }
    }
}
