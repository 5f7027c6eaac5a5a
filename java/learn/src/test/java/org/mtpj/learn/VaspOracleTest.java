package org.mtpj.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtpj.core.UserError;
import org.mtpj.core.model.Configuration;
import org.mtpj.testkit.SyntheticVaspRun;

/**
 * The VASP oracle's plumbing. Real VASP is not available here (licensed): the "VASP" command is a
 * shell script that checks its inputs are in place and copies an OUTCAR of VASP's format written by
 * testkit's {@link SyntheticVaspRun} (known numbers) for the configuration asked. What is tested:
 * POSCAR grouped by species and POTCAR concatenated in that order (only the species present),
 * numbers read back into the configuration's own atom order, a non-converged electronic loop
 * skipped, a failing command and an OUTCAR of other positions refused.
 */
class VaspOracleTest {
    @TempDir Path tmp;

    /** Inputs of the user: INCAR, KPOINTS, a POTCAR folder (Mg/POTCAR, O/POTCAR), and the fake VASP. */
    private VaspOracle oracle(Path outcarToCopy) throws Exception {
        Path incar = Files.writeString(tmp.resolve("INCAR"), "NSW = 0\nISIF = 2\n");
        Path kpoints = Files.writeString(tmp.resolve("KPOINTS"), "Gamma\n0\nGamma\n1 1 1\n");
        for (String el : List.of("Mg", "O")) {
            Files.createDirectories(tmp.resolve("potcars").resolve(el));
            Files.writeString(tmp.resolve("potcars").resolve(el).resolve("POTCAR"), "PAW_PBE " + el + " (test)\nEnd of Dataset\n");
        }
        Path script = Files.writeString(tmp.resolve("fake-vasp.sh"), """
                #!/bin/sh
                # stands in for VASP: needs its four inputs, "computes" by copying a prepared OUTCAR
                for f in INCAR KPOINTS POSCAR POTCAR; do [ -s $f ] || { echo "no $f"; exit 3; }; done
                echo "fake VASP running"
                cp "$1" OUTCAR
                """);
        return new VaspOracle(new VaspOracle.Settings(incar, kpoints, tmp.resolve("potcars"),
                List.of("sh", script.toString(), outcarToCopy.toString()), 1), new String[] {"Mg", "O"});
    }

    /** Atom i of the configuration is atom POSCAR_OF[i] of the POSCAR (Mg 0-2, O 3-4). */
    private static final int[] POSCAR_OF = {3, 0, 4, 1, 2};

    /** The configuration whose label the synthetic run holds: species interleaved, atom 0 one lattice vector away. */
    private static Configuration interleaved(SyntheticVaspRun.Step st) {
        Configuration c = new Configuration(5);
        c.latticeRows = 3;
        for (int a = 0; a < 3; a++) c.lattice[a] = st.lattice[a].clone();
        for (int i = 0; i < 5; i++) {
            int k = POSCAR_OF[i];
            c.types[i] = k < 3 ? 0 : 1;
            for (int a = 0; a < 3; a++) c.positions[3 * i + a] = st.positions[3 * k + a] + (i == 0 ? st.lattice[0][a] : 0);
        }
        return c;
    }

    private Path outcar(SyntheticVaspRun run, String name) throws Exception {
        return Files.writeString(tmp.resolve(name), run.outcar());
    }

    @Test
    void labelsFromTheOutcarInTheConfigurationsAtomOrder() throws Exception {
        SyntheticVaspRun run = SyntheticVaspRun.random(5, new String[] {"Mg", "O"}, new int[] {3, 2}, 1, true, false);
        SyntheticVaspRun.Step st = run.steps.get(0);
        Path work = Files.createDirectories(tmp.resolve("work"));
        Configuration got = oracle(outcar(run, "OUTCAR.canned")).label(interleaved(st), work);

        assertEquals(st.energy, got.energy);
        for (int i = 0; i < 5; i++)
            for (int a = 0; a < 3; a++) assertEquals(st.forces[3 * POSCAR_OF[i] + a], got.forces[3 * i + a], "force " + i + "," + a);
        double[] t = st.totalVasp; // XX YY ZZ XY YZ ZX -> xx yy zz yz xz xy
        assertArrayEquals(new double[] {t[0], t[1], t[2], t[4], t[5], t[3]}, got.plusStress);
        assertEquals("VASP", got.features.get("EFS_by"));
        List<String> poscar = Files.readAllLines(work.resolve("POSCAR"));
        assertEquals("Mg O", poscar.get(5));
        assertEquals("3 2", poscar.get(6));
        assertEquals("PAW_PBE Mg (test)\nEnd of Dataset\nPAW_PBE O (test)\nEnd of Dataset\n", Files.readString(work.resolve("POTCAR")));
        assertEquals(Files.readString(tmp.resolve("INCAR")), Files.readString(work.resolve("INCAR")));
        assertTrue(Files.readString(work.resolve("vasp.log")).contains("fake VASP running"));
    }

    @Test
    void potcarHasOnlyTheSpeciesPresent() throws Exception {
        SyntheticVaspRun run = SyntheticVaspRun.random(6, new String[] {"O"}, new int[] {2}, 1, false, false);
        SyntheticVaspRun.Step st = run.steps.get(0);
        Configuration c = new Configuration(2);
        c.latticeRows = 3;
        for (int a = 0; a < 3; a++) c.lattice[a] = st.lattice[a].clone();
        System.arraycopy(st.positions, 0, c.positions, 0, 6);
        c.types[0] = c.types[1] = 1;
        Path work = Files.createDirectories(tmp.resolve("work"));
        Configuration got = oracle(outcar(run, "OUTCAR.O")).label(c, work);
        assertEquals("O", Files.readAllLines(work.resolve("POSCAR")).get(5));
        assertEquals("PAW_PBE O (test)\nEnd of Dataset\n", Files.readString(work.resolve("POTCAR")));
        assertEquals(null, got.plusStress); // ISIF=0: no stress block, no PlusStress
        assertEquals(st.forces[5], got.forces[5]);
    }

    @Test
    void electronicLoopAtNelmIsSkipped() throws Exception {
        SyntheticVaspRun run = SyntheticVaspRun.random(7, new String[] {"Mg", "O"}, new int[] {3, 2}, 1, true, false);
        run.steps.get(0).iterations = run.nelm;
        Path work = Files.createDirectories(tmp.resolve("work"));
        VaspOracle o = oracle(outcar(run, "OUTCAR.nelm"));
        LabelSkipped e = assertThrows(LabelSkipped.class, () -> o.label(interleaved(run.steps.get(0)), work));
        assertTrue(e.getMessage().contains("did not converge"), e.getMessage());
    }

    @Test
    void failingCommandStopsWithItsLog() throws Exception {
        SyntheticVaspRun run = SyntheticVaspRun.random(8, new String[] {"Mg", "O"}, new int[] {3, 2}, 1, true, false);
        VaspOracle o = oracle(outcar(run, "OUTCAR.x"));
        Files.delete(tmp.resolve("KPOINTS")); // the user's file vanished: copying it is refused before VASP runs
        Path work = Files.createDirectories(tmp.resolve("work"));
        UserError e = assertThrows(UserError.class, () -> o.label(interleaved(run.steps.get(0)), work));
        assertTrue(e.getMessage().contains("KPOINTS"), e.getMessage());

        Files.writeString(tmp.resolve("KPOINTS"), "");  // empty: the fake VASP exits 3 as VASP would fail
        Path work2 = Files.createDirectories(tmp.resolve("work2"));
        UserError e2 = assertThrows(UserError.class, () -> o.label(interleaved(run.steps.get(0)), work2));
        assertTrue(e2.getMessage().contains("exit 3") && e2.getMessage().contains("vasp.log"), e2.getMessage());
    }

    @Test
    void outcarOfOtherPositionsIsRefused() throws Exception {
        SyntheticVaspRun run = SyntheticVaspRun.random(9, new String[] {"Mg", "O"}, new int[] {3, 2}, 1, true, false);
        Configuration c = interleaved(run.steps.get(0));
        c.positions[7] += 0.01; // atom 3 (O, POSCAR atom 5) moved: the OUTCAR is not of this POSCAR
        Path work = Files.createDirectories(tmp.resolve("work"));
        VaspOracle o = oracle(outcar(run, "OUTCAR.stale"));
        UserError e = assertThrows(UserError.class, () -> o.label(c, work));
        assertTrue(e.getMessage().contains("POSCAR atom 5 (configuration atom 3) is not where the POSCAR put it"), e.getMessage());
    }
}
