package org.mtpj.lammps.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mtpj.lammps.it.NativeLammps.copy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mtpj.testkit.Shared;

/**
 * User mistakes end LAMMPS with an error line naming the problem and a non-zero exit code; a Java
 * exception during a step becomes a LAMMPS error too (no JVM crash file, no hang under MPI).
 */
class LammpsErrorsTest {
    @TempDir Path dir;

    @BeforeEach
    void setUp() throws IOException {
        copy(Shared.file("data/amorphous-MgV2O5/input1.pos"), dir, "input1.pos");
        copy(Shared.file("data/amorphous-MgV2O5/pot.mtp"), dir, "pot.mtp");
        String pot = Files.readString(dir.resolve("pot.mtp"));
        Files.writeString(dir.resolve("broken.mtp"), pot.substring(0, pot.length() / 2));
        Files.writeString(dir.resolve("select.ini"), "mtp-filename pot.mtp\ncalculate-efs TRUE\nselect TRUE\n"
                + "select:threshold 2.1\nselect:load-state state.als\n");
        Files.writeString(dir.resolve("badbool.ini"), "mtp-filename pot.mtp\ncalculate-efs yes\n");
        Files.writeString(dir.resolve("nopot.ini"), "calculate-efs TRUE\n");
    }

    /** A small input: the study cell (3 types), then the lines of the case. */
    private Path input(String setup, String pair) throws IOException {
        String text = "units metal\natom_style atomic\nboundary p p p\n" + setup + "\n"
                + "mass 1 24.305\nmass 2 50.9415\nmass 3 15.9999\n" + pair + "\n"
                + "neighbor 0.5 bin\nthermo 1\nrun 1\n";
        Path in = dir.resolve("in.case");
        Files.writeString(in, text);
        return in;
    }

    static Stream<Arguments> cases() {
        String data = "read_data input1.pos";
        return Stream.of(
                Arguments.of("no arguments", data, "pair_style mtp/java\npair_coeff * *", "expected"),
                Arguments.of("missing file", data, "pair_style mtp/java nothere.mtp\npair_coeff * *", "'nothere.mtp' not found"),
                Arguments.of("broken potential", data, "pair_style mtp/java broken.mtp\npair_coeff * *", "broken.mtp"),
                Arguments.of("bad threads", data, "pair_style mtp/java pot.mtp threads two\npair_coeff * *", "threads"),
                Arguments.of("unknown keyword", data, "pair_style mtp/java pot.mtp speed 3\npair_coeff * *", "unknown keyword 'speed'"),
                Arguments.of("more types than species", "read_data input1.pos extra/atom/types 1\nmass 4 1.0",
                        "pair_style mtp/java pot.mtp\npair_coeff * *", "4 atom types but the potential only 3 species"),
                Arguments.of("element names without names in the file", data,
                        "pair_style mtp/java pot.mtp\npair_coeff * * Mg V O", "no species names"),
                Arguments.of("wrong name count", data, "pair_style mtp/java pot.mtp\npair_coeff * * 0 1", "one element name"),
                Arguments.of("newton off", "newton off\n" + data, "pair_style mtp/java pot.mtp\npair_coeff * *", "newton on"),
                Arguments.of("mlip.ini select without state", data, "pair_style mlip select.ini\npair_coeff * *", "state.als not found"),
                Arguments.of("mlip.ini bad boolean", data, "pair_style mlip badbool.ini\npair_coeff * *", "TRUE or FALSE"),
                Arguments.of("mlip.ini without mtp-filename", data, "pair_style mlip nopot.ini\npair_coeff * *", "mtp-filename"),
                Arguments.of("Java exception during a step", data + "\ncreate_atoms 1 single 8.15056 8.97629 11.56861 units box",
                        "pair_style mtp/java pot.mtp\npair_coeff * *", "same position"),
                Arguments.of("Java exception with 2 Java threads", data + "\ncreate_atoms 1 single 8.15056 8.97629 11.56861 units box",
                        "pair_style mtp/java pot.mtp threads 2\npair_coeff * *", "same position"));
    }

    /** Every case on every LAMMPS version. */
    static Stream<Arguments> casesOnEachLammps() {
        return Stream.of(NativeLammps.values()).flatMap(l -> cases().map(c -> {
            Object[] a = c.get(), withLammps = new Object[a.length + 1];
            withLammps[0] = l;
            System.arraycopy(a, 0, withLammps, 1, a.length);
            return Arguments.of(withLammps);
        }));
    }

    @ParameterizedTest(name = "[{index}] LAMMPS {0}: {1}")
    @MethodSource("casesOnEachLammps")
    void userMistakeGivesALammpsErrorNamingIt(NativeLammps lammps, String name, String setup, String pair, String expected)
            throws IOException {
        lammps.requireNative();
        Path in = input(setup, pair);
        NativeLammps.Result r = lammps.lmpMtpj(dir, "-in", in.toString(), "-log", "none");
        assertNotEquals(0, r.exitCode(), name + ": expected a failure\n" + NativeLammps.tail(r.all()));
        assertTrue(r.all().lines().anyMatch(l -> l.contains("ERROR") && l.contains(expected)),
                name + ": no ERROR line containing '" + expected + "'\n" + NativeLammps.tail(r.all()));
        assertFalse(r.all().contains("Exception in thread") || r.all().contains("\tat org.mtpj"), "Java stack trace shown");
        assertNoCrashFiles();
    }

    /** LAMMPS itself refuses it (one_coeff); its words changed between the two versions. */
    @ParameterizedTest(name = "[{index}] LAMMPS {0}")
    @EnumSource(NativeLammps.class)
    void pairCoeffWithoutStarStarIsRefusedByLammps(NativeLammps lammps) throws IOException {
        lammps.requireNative();
        Path in = input("read_data input1.pos", "pair_style mtp/java pot.mtp\npair_coeff 1 1");
        NativeLammps.Result r = lammps.lmpMtpj(dir, "-in", in.toString(), "-log", "none");
        assertNotEquals(0, r.exitCode());
        String expected = lammps == NativeLammps.DEBIAN_29SEP2021 ? "Incorrect args for pair coefficients"
                : "Pair_coeff must start with * * for pair style mtp/java";
        assertTrue(r.all().lines().anyMatch(l -> l.contains("ERROR") && l.contains(expected)), NativeLammps.tail(r.all()));
    }

    @ParameterizedTest(name = "[{index}] LAMMPS {0}")
    @EnumSource(NativeLammps.class)
    void javaExceptionUnderMpiStopsAllRanksWithoutHanging(NativeLammps lammps) throws IOException {
        lammps.requireNative();
        NativeLammps.requireMpirun();
        Path in = input("read_data input1.pos\ncreate_atoms 1 single 8.15056 8.97629 11.56861 units box",
                "pair_style mtp/java pot.mtp\npair_coeff * *");
        NativeLammps.Result r = lammps.mpirun(dir, 2, "-in", in.toString(), "-log", "none");
        assertNotEquals(0, r.exitCode());
        assertTrue(r.all().contains("same position"), NativeLammps.tail(r.all()));
        assertNoCrashFiles();
    }

    @ParameterizedTest(name = "[{index}] LAMMPS {0}")
    @EnumSource(NativeLammps.class)
    void unitsOtherThanMetalAreRefused(NativeLammps lammps) throws IOException {
        lammps.requireNative();
        Path in = dir.resolve("in.real");
        Files.writeString(in, "units real\natom_style atomic\nread_data input1.pos\nmass * 1.0\n"
                + "pair_style mtp/java pot.mtp\npair_coeff * *\nrun 0\n");
        NativeLammps.Result r = lammps.lmpMtpj(dir, "-in", in.toString(), "-log", "none");
        assertNotEquals(0, r.exitCode());
        assertTrue(r.all().contains("units metal"), NativeLammps.tail(r.all()));
    }

    @ParameterizedTest(name = "[{index}] LAMMPS {0}")
    @EnumSource(NativeLammps.class)
    void clearDropsTheStylesWithAWarningAndAClearError(NativeLammps lammps) throws IOException {
        lammps.requireNative();
        Path in = dir.resolve("in.clear");
        Files.writeString(in, "units metal\natom_style atomic\nread_data input1.pos\nmass * 1.0\n"
                + "pair_style mtp/java pot.mtp\npair_coeff * *\nrun 0\nclear\nunits metal\natom_style atomic\n"
                + "read_data input1.pos\nmass * 1.0\npair_style mtp/java pot.mtp\n");
        NativeLammps.Result r = lammps.lmpMtpj(dir, "-in", in.toString(), "-log", "none");
        assertNotEquals(0, r.exitCode());
        assertTrue(r.stderr().contains("uses 'clear'"), NativeLammps.tail(r.all()));
        assertTrue(r.all().contains("Unrecognized pair style 'mtp/java'"), NativeLammps.tail(r.all()));
    }

    private void assertNoCrashFiles() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().startsWith("hs_err")), "JVM crash file written");
        }
    }
}
