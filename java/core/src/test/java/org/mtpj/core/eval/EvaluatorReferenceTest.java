package org.mtpj.core.eval;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mtpj.core.io.TestFiles;
import org.mtpj.core.model.Configuration;
import org.mtpj.core.model.MtpPotential;
import org.mtpj.testkit.Shared;

/**
 * Energies, forces and PlusStress of MLIP-2 (lossless build) for the study potential, read in
 * place from ../shared (tolerances of reference/mlip2/README.md: 1e-9 eV/atom, 1e-8 eV/Å, 1e-7 eV).
 */
class EvaluatorReferenceTest {

    @ParameterizedTest
    @ValueSource(strings = {"reference/mlip2/dump600K_frames00-09.cfg", "reference/mlip2/edge_cases.cfg"})
    void reproducesMlip2(String file) {
        MtpPotential pot = TestFiles.readMtp(Shared.file("data/amorphous-MgV2O5/pot.mtp"));
        List<Configuration> cfgs = TestFiles.readCfgs(Shared.file(file));
        assertFalse(cfgs.isEmpty());
        double maxE = 0, maxF = 0, maxS = 0;
        {
            Evaluator ev = new Evaluator(pot, ReversedBlocks.of(2));
            for (int c = 0; c < cfgs.size(); c++) {
                Configuration ref = cfgs.get(c);
                assertTrue(ref.hasEnergy() && ref.forces != null && ref.plusStress != null, "reference data in cfg " + c);
                EvaluationResult r = ev.evaluate(ref);
                String where = file + " configuration " + (c + 1) + " (" + ref.size + " atoms)";
                double dE = Math.abs(r.energy - ref.energy) / Math.max(1, ref.size);
                maxE = Math.max(maxE, dE);
                assertTrue(dE <= 1e-9, where + ": |dE|/atom = " + dE);
                for (int k = 0; k < 3 * ref.size; k++) {
                    double d = Math.abs(r.forces[k] - ref.forces[k]);
                    maxF = Math.max(maxF, d);
                    assertTrue(d <= 1e-8, where + ": force component " + k + " differs by " + d);
                }
                for (int v = 0; v < 6; v++) {
                    double d = Math.abs(r.plusStress[v] - ref.plusStress[v]);
                    maxS = Math.max(maxS, d);
                    assertTrue(d <= 1e-7, where + ": PlusStress component " + v + " differs by " + d);
                }
                double sum = 0;
                for (double s : r.siteEnergies) sum += s;
                assertEquals(r.energy, sum, 1e-12 * Math.abs(r.energy));
            }
        }
        System.out.printf("%s: %d cfgs, max |dE|/atom %.2e eV, max |dF| %.2e eV/A, max |dPlusStress| %.2e eV%n",
                file, cfgs.size(), maxE, maxF, maxS);
    }

    /** Spec §3.9: with the study potential, dimers at 7.0 and 7.5 Å are exactly two isolated atoms. */
    @Test
    void dimersAtAndBeyondTheCutoffAreIsolated() {
        MtpPotential pot = TestFiles.readMtp(Shared.file("data/amorphous-MgV2O5/pot.mtp"));
        {
            Evaluator ev = new Evaluator(pot, Blocks.SERIAL);
            for (int a = 0; a < 2; a++) {
                double isolated = pot.speciesCoeffs[a] + pot.speciesCoeffs[2];
                for (double d : new double[] {7.0, 7.5, 7.000000000000001}) {
                    EvaluationResult r = ev.evaluate(dimer(a, 2, d));
                    assertEquals(isolated, r.energy, 0.0, "dimer " + a + "-2 at " + d);
                    assertArrayEquals(new double[6], r.forces, 0.0);
                }
                assertNotEquals(isolated, ev.evaluate(dimer(a, 2, 6.999)).energy);
            }
        }
    }

    static Configuration dimer(int a, int b, double d) {
        Configuration c = new Configuration(2);
        c.types[0] = a;
        c.types[1] = b;
        c.positions[3] = d;
        return c;
    }
}
