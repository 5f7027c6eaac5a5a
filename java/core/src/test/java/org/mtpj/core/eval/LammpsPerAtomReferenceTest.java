package org.mtpj.core.eval;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtpj.core.io.TestFiles;
import org.mtpj.core.model.Configuration;
import org.mtpj.core.model.MtpPotential;
import org.mtpj.testkit.Shared;

/**
 * Site energies and forces against MLIP-2's LAMMPS pair style (reference/lammps-mlip2/forces.dump,
 * step 0 of in.nve768: the 768-atom cell, pe/atom and forces printed with %.12g). The dump's
 * stress/atom includes the kinetic term, so it is not compared here.
 */
class LammpsPerAtomReferenceTest {

    @Test
    void siteEnergiesAndForcesMatchLammpsDump() throws IOException {
        MtpPotential pot = TestFiles.readMtp(Shared.file("data/amorphous-MgV2O5/pot.mtp"));
        List<String> lines = Files.readAllLines(Shared.file("reference/lammps-mlip2/forces.dump"));
        // first frame only: header of 9 lines, ids sorted (dump_modify sort id)
        assertEquals("ITEM: TIMESTEP", lines.get(0));
        int n = Integer.parseInt(lines.get(3).trim());
        assertTrue(lines.get(4).startsWith("ITEM: BOX BOUNDS"), lines.get(4));
        Configuration c = new Configuration(n);
        c.latticeRows = 3;
        for (int a = 0; a < 3; a++) {
            String[] w = lines.get(5 + a).trim().split("\\s+");
            c.lattice[a][a] = Double.parseDouble(w[1]) - Double.parseDouble(w[0]);
            assertEquals(0.0, Double.parseDouble(w[2]), "orthogonal box expected");
        }
        assertTrue(lines.get(8).startsWith("ITEM: ATOMS id type x y z fx fy fz c_peat"), lines.get(8));
        double[] refF = new double[3 * n], refE = new double[n];
        for (int i = 0; i < n; i++) {
            String[] w = lines.get(9 + i).trim().split("\\s+");
            assertEquals(i + 1, Integer.parseInt(w[0]));
            c.types[i] = Integer.parseInt(w[1]) - 1;
            for (int a = 0; a < 3; a++) {
                c.positions[3 * i + a] = Double.parseDouble(w[2 + a]);
                refF[3 * i + a] = Double.parseDouble(w[5 + a]);
            }
            refE[i] = Double.parseDouble(w[8]);
        }
        EvaluationResult r;
        r = new Evaluator(pot, ReversedBlocks.of(2)).evaluate(c);
        double maxE = 0, maxF = 0;
        for (int i = 0; i < n; i++) {
            // %.12g: 12 significant digits
            double dE = Math.abs(r.siteEnergies[i] - refE[i]);
            maxE = Math.max(maxE, dE);
            assertTrue(dE <= 1e-11 * Math.abs(refE[i]) + 1e-12, "atom " + (i + 1) + " pe/atom differs by " + dE);
            for (int a = 0; a < 3; a++) {
                double d = Math.abs(r.forces[3 * i + a] - refF[3 * i + a]);
                maxF = Math.max(maxF, d);
                assertTrue(d <= 1e-11 * Math.abs(refF[3 * i + a]) + 1e-11, "atom " + (i + 1) + " force " + a + " differs by " + d);
            }
        }
        System.out.printf("LAMMPS forces.dump step 0: max |d pe/atom| %.2e eV, max |dF| %.2e eV/A%n", maxE, maxF);
    }
}
