package org.mtpj.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtpj.core.UserError;
import org.mtpj.core.io.InputFormatException;

/** learn.toml: defaults, paths relative to the file, and one clear file:line message for every mistake. */
class LearnConfigTest {
    @TempDir Path dir;

    private static final String GOOD = """
            [run]
            max_rounds = 4

            [data]
            train = "train.cfg"

            [potential]
            species = ["Si", "O"]
            level = 8

            [md]
            temperatures = [3000, 4000.5]
            steps = 500

            [md.start]
            "3000" = "a.data"
            "4000.5" = "b.data"

            [selection]
            threshold = 2.1
            threshold_break = 10

            [oracle]
            type = "lammps"
            pair = ["pair_style vashishta", "pair_coeff * * SiO.1990.vashishta Si O"]
            """;

    private Path write(String text) throws Exception {
        for (String f : List.of("train.cfg", "a.data", "b.data")) Files.writeString(dir.resolve(f), "");
        Path p = dir.resolve("learn.toml");
        Files.writeString(p, text);
        return p;
    }

    @Test
    void readsAndFillsDefaults() throws Exception {
        LearnConfig c = LearnConfig.read(write(GOOD));
        assertEquals(4, c.run().maxRounds());
        assertEquals(dir.resolve("learn.run"), c.run().dir());
        assertEquals(dir.resolve("train.cfg"), c.data().train());
        assertEquals(List.of(3000.0, 4000.5), c.md().temperatures());
        assertEquals(dir.resolve("b.data"), c.md().starts().get(4000.5));
        assertEquals(List.of("3000", "4000.5"), c.temperatureNames());
        assertEquals(0.001, c.md().timestepPs());
        assertEquals(2.1, c.selection().threshold());
        assertEquals("lammps", c.oracle().type());
        assertEquals(8, c.potential().level());
        assertTrue(Double.isNaN(c.potential().minDist()));
    }

    private String error(String text) throws Exception {
        Path p = write(text);
        RuntimeException e = assertThrows(RuntimeException.class, () -> LearnConfig.read(p));
        assertTrue(e instanceof InputFormatException || e instanceof UserError, e.toString());
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void unknownKeyNamesItsLine() throws Exception {
        String m = error(GOOD.replace("steps = 500", "steps = 500\ntemprature = 3"));
        assertTrue(m.startsWith(dir.resolve("learn.toml") + ":14: [md] temprature: unknown key"), m);
    }

    @Test
    void wrongTypeNamesItsLine() throws Exception {
        String m = error(GOOD.replace("steps = 500", "steps = \"many\""));
        assertTrue(m.endsWith("learn.toml:13: [md] steps: expected a whole number"), m);
    }

    @Test
    void missingKeyNamesTheTable() throws Exception {
        String m = error(GOOD.replace("train = \"train.cfg\"", ""));
        assertTrue(m.contains("learn.toml:4: [data] needs 'train'"), m);
    }

    @Test
    void missingFileIsNamed() throws Exception {
        String m = error(GOOD.replace("\"b.data\"", "\"nothere.data\""));
        assertTrue(m.contains("[md] start: file ") && m.contains("nothere.data not found"), m);
    }

    @Test
    void startTableMustCoverEveryTemperature() throws Exception {
        String m = error(GOOD.replace("\"4000.5\" = \"b.data\"\n", ""));
        assertTrue(m.contains("no start file for 4000.5 K"), m);
    }

    @Test
    void brokenTomlGivesItsLine() throws Exception {
        String m = error(GOOD.replace("max_rounds = 4", "max_rounds = = 4"));
        assertTrue(m.contains("learn.toml:2: invalid TOML"), m);
    }

    @Test
    void badOracleTypeAndThresholds() throws Exception {
        assertTrue(error(GOOD.replace("type = \"lammps\"", "type = \"gaussian\"")).contains(
                "[oracle] type: expected \"lammps\", \"command\", \"cp2k\" or \"vasp\", got \"gaussian\""));
        assertTrue(error(GOOD.replace("threshold_break = 10", "threshold_break = 1.5")).contains("must be above threshold"));
        assertTrue(error(GOOD.replace("[oracle]\ntype = \"lammps\"", "[oracle]\ntype = \"command\"")).contains("[oracle] needs 'command'"));
    }

    private static final String LAMMPS_ORACLE = "type = \"lammps\"\npair = [\"pair_style vashishta\", \"pair_coeff * * SiO.1990.vashishta Si O\"]\n";

    @Test
    void cp2kOracleWithItsDefaults() throws Exception {
        LearnConfig c = LearnConfig.read(write(GOOD.replace(LAMMPS_ORACLE, "type = \"cp2k\"\n")));
        Cp2kOracle.Settings s = c.oracle().cp2k();
        assertEquals("cp2k", c.oracle().type());
        assertEquals(new Cp2kOracle.Settings(List.of("cp2k"), null, "DZVP-MOLOPT-SR-GTH", 400, 50, 1, 1, 0), s);
        assertEquals(null, c.oracle().vasp());
    }

    @Test
    void cp2kOracleWithATemplateAndEverySetting() throws Exception {
        Files.writeString(dir.resolve("mine.inp"), "&FORCE_EVAL\n &SUBSYS\n{cell}\n{coord}\n{kinds}\n &END SUBSYS\n&END FORCE_EVAL\n");
        LearnConfig c = LearnConfig.read(write(GOOD.replace(LAMMPS_ORACLE, """
                type = "cp2k"
                template = "mine.inp"
                cp2k = ["cp2k.psmp"]
                basis = "SZV-MOLOPT-SR-GTH"
                cutoff_ry = 300
                rel_cutoff_ry = 40
                mpi_ranks = 2
                threads = 3
                timeout_minutes = 20
                """)));
        assertEquals(new Cp2kOracle.Settings(List.of("cp2k.psmp"), dir.resolve("mine.inp"), "SZV-MOLOPT-SR-GTH", 300, 40, 2, 3, 20),
                c.oracle().cp2k());
    }

    @Test
    void cp2kTemplateWithoutPlaceholdersAndKeysOfAnotherType() throws Exception {
        Files.writeString(dir.resolve("fixed.inp"), "&FORCE_EVAL\n &SUBSYS\n  {cell}\n &END SUBSYS\n&END FORCE_EVAL\n");
        String m = error(GOOD.replace(LAMMPS_ORACLE, "type = \"cp2k\"\ntemplate = \"fixed.inp\"\n"));
        assertTrue(m.contains("learn.toml:25: [oracle] template: ") && m.contains("fixed.inp lacks {coord}"), m);
        String k = error(GOOD.replace("type = \"lammps\"", "type = \"cp2k\""));
        assertTrue(k.contains("learn.toml:25: [oracle] pair: 'pair' is not a setting of oracle type \"cp2k\""), k);
        assertTrue(error(GOOD.replace(LAMMPS_ORACLE, "type = \"cp2k\"\ncutoff_ry = -5\n")).contains("[oracle] cutoff_ry"));
    }

    @Test
    void vaspOracle() throws Exception {
        Files.writeString(dir.resolve("INCAR"), "NSW = 0\n");
        Files.createDirectories(dir.resolve("potcars"));
        String vasp = """
                type = "vasp"
                incar = "INCAR"
                potcar = "potcars"
                command = "mpirun -np 32 vasp_std"
                timeout_minutes = 90
                """;
        LearnConfig c = LearnConfig.read(write(GOOD.replace(LAMMPS_ORACLE, vasp)));
        assertEquals(new VaspOracle.Settings(dir.resolve("INCAR"), null, dir.resolve("potcars"), List.of("mpirun -np 32 vasp_std"), 90),
                c.oracle().vasp());
        assertTrue(error(GOOD.replace(LAMMPS_ORACLE, vasp.replace("incar = \"INCAR\"\n", ""))).contains("[oracle] needs 'incar'"));
        assertTrue(error(GOOD.replace(LAMMPS_ORACLE, vasp.replace("\"potcars\"", "\"nowhere\""))).contains("nowhere not found"));
        assertTrue(error(GOOD.replace(LAMMPS_ORACLE, vasp + "basis = \"SZV\"\n")).contains("'basis' is not a setting of oracle type \"vasp\""));
    }

    @Test
    void theExampleOfLearnExampleIsValid() throws Exception {
        for (String f : List.of("train.cfg", "valid.cfg", "start.data")) Files.writeString(dir.resolve(f), "");
        Path p = dir.resolve("learn.toml");
        try (var in = LearnConfig.class.getResourceAsStream("example-learn.toml")) {
            Files.write(p, in.readAllBytes());
        }
        LearnConfig c = LearnConfig.read(p);
        assertEquals(List.of("Mg", "V", "O"), List.of(c.potential().species()));
        assertEquals(1000, c.training().maxIterFirst());
        assertEquals(200, c.training().maxIter());
        assertEquals("command", c.oracle().type());
    }

    @Test
    void missingFileIsOneLine() {
        UserError e = assertThrows(UserError.class, () -> LearnConfig.read(dir.resolve("none.toml")));
        assertTrue(e.getMessage().endsWith("none.toml: configuration file not found"));
    }

    @Test
    void sampleReplacesTheInitialSet() throws Exception {
        String text = GOOD.replace("[data]\ntrain = \"train.cfg\"\n", "[sample]\nstart = \"a.data\"\nsteps = 1000\n");
        LearnConfig c = LearnConfig.read(write(text));
        assertEquals(null, c.data().train());
        assertEquals(dir.resolve("a.data"), c.sample().start());
        assertEquals(List.of(3000.0, 4000.5), c.sample().temperatures());
        assertEquals(100, c.sample().every());
        assertEquals(0.001, c.sample().timestepPs());
    }

    @Test
    void sampleNeedsAnOracleThatRunsMd() throws Exception {
        String text = GOOD.replace("[data]\ntrain = \"train.cfg\"\n", "[sample]\nstart = \"a.data\"\nsteps = 1000\n")
                .replace(LAMMPS_ORACLE, "type = \"command\"\ncommand = [\"label\", \"{in}\", \"{out}\"]\n");
        String m = error(text);
        assertTrue(m.contains("[sample]") && m.contains("lammps"), m);
    }

    @Test
    void noInitialSetAtAll() throws Exception {
        String m = error(GOOD.replace("[data]\ntrain = \"train.cfg\"\n", ""));
        assertTrue(m.contains("[data]") && m.contains("train") && m.contains("[sample]"), m);
    }

    @Test
    void refusesAnInputInsideTheRunFolder() throws Exception {
        Files.createDirectories(dir.resolve("learn.run"));
        Files.writeString(dir.resolve("learn.run/old.cfg"), "");
        String m = error(GOOD.replace("train = \"train.cfg\"", "train = \"learn.run/../learn.run/old.cfg\""));
        assertTrue(m.contains("[data] train") || m.contains("train"), m);
        assertTrue(m.contains("inside the run folder"), m);
    }
}
