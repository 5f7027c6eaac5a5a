package org.mtpj.analysis.voltage;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtpj.core.UserError;
import org.mtpj.core.io.InputFormatException;

/** Random, truncated and garbled energy tables: either read or a clear error, never anything else. */
class EnergyTableFuzzTest {
    static final String GOOD = "x\tE_eV_per_V2O5\n0.0\t-45.000\n0.25\t-46.700\n0.5\t-48.300\n0.75\t-49.650\n1.0\t-51.000\n";

    @Test
    void mutationsGiveATableOrAClearError(@TempDir Path dir) throws IOException {
        Random r = new Random(11);
        String alphabet = "0123456789.-+eE \t\n,#xabcnaninf";
        int read = 0, refused = 0;
        for (int iter = 0; iter < 1500; iter++) {
            StringBuilder s = new StringBuilder(GOOD);
            int edits = 1 + r.nextInt(4);
            for (int k = 0; k < edits && s.length() > 0; k++) {
                int pos = r.nextInt(s.length());
                switch (r.nextInt(4)) {
                    case 0 -> s.deleteCharAt(pos);
                    case 1 -> s.insert(pos, alphabet.charAt(r.nextInt(alphabet.length())));
                    case 2 -> s.setCharAt(pos, alphabet.charAt(r.nextInt(alphabet.length())));
                    default -> s.setLength(pos); // truncation
                }
            }
            Path f = dir.resolve("t" + iter + ".tsv");
            Files.writeString(f, s.toString(), StandardCharsets.UTF_8);
            try {
                EnergyTable t = EnergyTable.read(f);
                for (int i = 1; i < t.size(); i++) assertTrue(t.x()[i] > t.x()[i - 1]);
                for (double e : t.energy()) assertTrue(Double.isFinite(e));
                new VoltageProfile(t, -1.51);
                read++;
            } catch (InputFormatException | UserError e) {
                assertFalse(e.getMessage().isBlank());
                assertFalse(e.getMessage().contains("\n"), "one-line message");
                refused++;
            }
        }
        assertTrue(read > 50 && refused > 50, read + " read, " + refused + " refused");
    }
}
