package org.mtpj.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user whose locale writes decimal commas (de_DE) gets the same C-style numbers as everyone:
 * mtpj runs in a child JVM started with that locale, and `compare` prints its differences with
 * printf-style formats that would follow the default locale.
 */
class LocaleIndependenceTest {
    @TempDir Path dir;

    private static String cfg(double energy, double fx) {
        return "BEGIN_CFG\n Size\n 1\n Supercell\n 5 0 0\n 0 5 0\n 0 0 5\n"
                + " AtomData: id type cartes_x cartes_y cartes_z fx fy fz\n 1 0 0.5 0.5 0.5 " + fx + " 0 0\n"
                + " Energy\n " + energy + "\nEND_CFG\n";
    }

    @Test
    void numbersAreCStyleUnderAGermanLocale() throws Exception {
        Path a = Files.writeString(dir.resolve("a.cfg"), cfg(-1.0, 0.25));
        Path b = Files.writeString(dir.resolve("b.cfg"), cfg(-1.5, 0.75));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Duser.language=de", "-Duser.country=DE", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "compare", a.toString(), b.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "finished");
        assertEquals(1, p.exitValue(), out);   // beyond the default tolerances
        assertTrue(out.contains("5.000e-01"), out);   // |dE|/atom and max |dF| of the one atom
        assertFalse(out.matches("(?s).*\\d,\\d.*"), out);
    }
}
