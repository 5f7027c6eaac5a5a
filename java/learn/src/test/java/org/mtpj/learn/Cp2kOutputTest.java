package org.mtpj.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtpj.core.io.InputFormatException;

/**
 * The CP2K output reader on the cases one real run does not show (Cp2kOracleTest reads real runs):
 * the {@code [hartree]} unit of newer CP2K versions, no stress printed, stress in bar, the text of an
 * {@code [ABORT]} box, a run that printed two energies, a cut force block. Fixtures written here
 * after CP2K 2023.1's layout.
 */
class Cp2kOutputTest {
    @TempDir Path dir;

    private static final String FORCES = """

             ATOMIC FORCES in [a.u.]

             # Atom   Kind   Element          X                     Y                     Z
                  1      1      H          0.012500000000000    -0.000000000000001     0.250000000000000
                  2      1      H         -0.012500000000000     0.000000000000001    -0.250000000000000
             SUM OF ATOMIC FORCES           0.000000000000000     0.000000000000000     0.000000000000000     0.000000000000000
            """;

    private Cp2kOutput read(String text) throws Exception {
        Path f = dir.resolve("mtpj.out");
        Files.writeString(f, text);
        return Cp2kOutput.read(f);
    }

    @Test
    void hartreeUnitAndNoStress() throws Exception {
        Cp2kOutput o = read(" SCF WAVEFUNCTION OPTIMIZATION\n  *** SCF run converged in     9 steps ***\n"
                + " ENERGY| Total FORCE_EVAL ( QS ) energy [hartree]              -1.166920453521744\n" + FORCES);
        assertEquals(-1.166920453521744, o.energyHartree());
        assertArrayEquals(new double[] {0.0125, -1e-15, 0.25, -0.0125, 1e-15, -0.25}, o.forcesHartreePerBohr());
        assertArrayEquals(new String[] {"H", "H"}, o.elements());
        assertNull(o.stressGpa());
        assertTrue(o.scfConverged() && o.scfStarted());
        assertNull(o.abort());
    }

    /** One line of CP2K's abort box: the drawing in columns 1-16, the message from column 17, '*' at column 80. */
    private static String boxLine(String drawing, String message) {
        return String.format("%-16s %-62s*%n", drawing, message);
    }

    @Test
    void stressInBarIsConvertedToGpa() throws Exception {
        Cp2kOutput o = read("""
                 STRESS| Numerical stress tensor [bar]
                 STRESS|                        x                   y                   z
                 STRESS|      x        1.5E+04            -2.0E+03             0.0E+00
                 STRESS|      y       -2.0E+03             2.5E+04             1.0E+03
                 STRESS|      z        0.0E+00             1.0E+03            -4.0E+04
                """);
        assertArrayEquals(new double[] {1.5, -0.2, 0}, o.stressGpa()[0], 1e-15);
        assertArrayEquals(new double[] {-0.2, 2.5, 0.1}, o.stressGpa()[1], 1e-15);
        assertArrayEquals(new double[] {0, 0.1, -4}, o.stressGpa()[2], 1e-15);
    }

    @Test
    void abortBoxGivesItsMessage() throws Exception {
        String stars = " " + "*".repeat(79) + "\n";
        Cp2kOutput o = read(stars + boxLine(" *   ___", "") + boxLine(" *  /   \\", "") + boxLine(" * [ABORT]", "")
                + boxLine(" *  \\___/", "Cholesky decompose failed: the matrix is not positive definite or")
                + boxLine(" *    |", "                                                 ill-conditioned")
                + boxLine(" *  O/|", "") + boxLine(" * /| |", "") + boxLine(" * / \\", "                                        fm/cp_fm_cholesky.F:95")
                + stars);
        assertEquals("Cholesky decompose failed: the matrix is not positive definite or ill-conditioned fm/cp_fm_cholesky.F:95", o.abort());
        assertFalse(o.scfStarted());
        assertTrue(Double.isNaN(o.energyHartree()));
    }

    @Test
    void twoEnergiesAreRefused() throws Exception {
        String e = " ENERGY| Total FORCE_EVAL ( QS ) energy [a.u.]:              -1.1\n";
        InputFormatException x = assertThrows(InputFormatException.class, () -> read(e + FORCES + e + FORCES));
        assertTrue(x.getMessage().contains("expected one energy (RUN_TYPE ENERGY_FORCE), found 2"), x.getMessage());
    }

    @Test
    void badNumberAndCutStressNameTheirLine() throws Exception {
        InputFormatException x = assertThrows(InputFormatException.class,
                () -> read(FORCES.replace("0.250000000000000\n", "0.25000000000000O\n")));
        assertTrue(x.getMessage().contains("mtpj.out:5: expected a number, got '0.25000000000000O'"), x.getMessage());
        InputFormatException s = assertThrows(InputFormatException.class, () -> read("""
                 STRESS| Analytical stress tensor [GPa]
                 STRESS|                        x                   y                   z
                 STRESS|      x        1.63614675272E+01   3.77156504228E-01   2.92733149050E-02
                """));
        assertTrue(s.getMessage().contains("mtpj.out:4: expected the stress row 'STRESS| y a b c'"), s.getMessage());
    }
}
