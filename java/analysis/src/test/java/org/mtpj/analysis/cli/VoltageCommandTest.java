package org.mtpj.analysis.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtpj.core.UserError;
import org.mtpj.testkit.Shared;
import picocli.CommandLine;

class VoltageCommandTest {
    static VoltageCommand parse(String... args) {
        CommandLine cl = new CommandLine(new VoltageCommand());
        cl.setOut(new java.io.PrintWriter(new java.io.StringWriter()));
        cl.parseArgs(args);
        return cl.getCommand();
    }

    @Test
    void reproducesTheReferenceFileAndDrawsThePlot(@TempDir Path out) throws Exception {
        Path energies = Shared.file("reference/analysis/voltage_synthetic_A_energies.tsv");
        Path tsv = out.resolve("v.tsv");
        assertEquals(0, parse(energies.toString(), "--mg-metal", "-1.5100", "--case", "A", "--tsv", tsv.toString()).call());
        List<String> ref = Files.readAllLines(Shared.file("reference/analysis/voltage_synthetic.tsv"));
        List<String> ours = Files.readAllLines(tsv);
        assertEquals(ref, ours.subList(0, ref.size())); // same numbers, digit for digit
        assertTrue(Files.size(out.resolve("v.png")) > 5_000);
        assertTrue(Files.exists(out.resolve("v.svg")));
        assertTrue(Files.exists(out.resolve("v_hull.png")));
    }

    /** Numbers are written with a decimal point whatever the user's locale (a German one writes 2,6450). */
    @Test
    void printedNumbersIgnoreTheLocale(@TempDir Path out) {
        Path energies = Shared.file("reference/analysis/voltage_synthetic_A_energies.tsv");
        java.util.Locale before = java.util.Locale.getDefault();
        java.io.StringWriter text = new java.io.StringWriter();
        try {
            java.util.Locale.setDefault(java.util.Locale.GERMANY);
            CommandLine cl = new CommandLine(new VoltageCommand());
            cl.setOut(new java.io.PrintWriter(text));
            assertEquals(0, cl.execute(energies.toString(), "--mg-metal", "-1.51", "--no-plot"));
        } finally {
            java.util.Locale.setDefault(before);
        }
        // plateau 0 -> 0.25 of the synthetic case: 2.645 V (reference/analysis/voltage_synthetic.tsv)
        assertTrue(text.toString().contains("2.6450"), text.toString());
        assertFalse(text.toString().contains("2,6450"), text.toString());
    }

    @Test
    void badMgEnergyOrMissingPotential(@TempDir Path out) {
        Path energies = Shared.file("reference/analysis/voltage_synthetic_A_energies.tsv");
        assertThrows(UserError.class, () -> parse(energies.toString(), "--mg-metal", "nonsense").call());
        assertThrows(UserError.class, () -> parse("a.POSCAR", "b.POSCAR", "--mg-metal", "-1.5").call());
    }
}
