package org.mtpj.core.io.vasp;

import static org.junit.jupiter.api.Assertions.*;

import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.mtpj.core.io.InputFormatException;

/** OSZICAR lines as VASP prints them in a relaxation and in MD: F= of each ionic step, in order. */
class OszicarEnergiesTest {
    static final String RELAX = "       N       E                     dE             d eps       ncg     rms          rms(c)\n"
            + "DAV:   1     0.425663649478E+02    0.42566E+02   -0.37184E+03   112   0.121E+02\n"
            + "DAV:   2    -0.433818062518E+02   -0.85948E+02   -0.81862E+02   128   0.329E+01    0.100E+01\n"
            + "   1 F= -.43381806E+02 E0= -.43381806E+02  d E =-.433818E+02\n"
            + "DAV:   1    -0.433820000000E+02   -0.20000E-03   -0.11E-03   112   0.121E-01\n"
            + "   2 F= -.43382106E+02 E0= -.43382106E+02  d E =-.300000E-03\n"
            + "   4 F= -.43390000E+02 E0= -.43390000E+02  d E =-.300000E-03\n";

    @Test
    void freeEnergyOfEachIonicStep() {
        try (OszicarEnergies o = OszicarEnergies.of(new StringReader(RELAX), "OSZICAR")) {
            assertEquals(-43.381806, o.energyOfStep(1));
            assertEquals(-43.382106, o.energyOfStep(2));
            assertTrue(Double.isNaN(o.energyOfStep(3)), "no line for step 3");
            assertEquals(-43.39, o.energyOfStep(4));
            assertTrue(Double.isNaN(o.energyOfStep(5)), "the file ended");
        }
        String md = "   7 T=   600. E= -.76332618E+03 F= -.76400413E+03 E0= -.76400421E+03  EK= 0.67788E+00 SP= 0.00E+00 SK= 0.00E+00\n";
        try (OszicarEnergies o = OszicarEnergies.of(new StringReader(md), "OSZICAR")) {
            assertEquals(-764.00413, o.energyOfStep(7));
        }
    }

    @Test
    void badNumberIsAnErrorAtItsLine() {
        String bad = RELAX.replace("2 F= -.43382106E+02", "2 F= -.4338x106E+02");
        try (OszicarEnergies o = OszicarEnergies.of(new StringReader(bad), "OSZICAR")) {
            InputFormatException e = assertThrows(InputFormatException.class, () -> o.energyOfStep(2));
            assertEquals("OSZICAR:6: expected a number after 'F=' (the free energy of ionic step 2)", e.getMessage());
        }
    }
}
