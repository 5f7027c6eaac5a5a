package org.mtpj.train.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtpj.core.UserError;
import org.mtpj.core.model.MtpPotential;
import org.mtpj.host.MtpFiles;
import org.mtpj.train.basis.MomentBasis;
import org.mtpj.train.basis.MomentBasisGenerator;
import picocli.CommandLine;

class NewPotentialCommandTest {
    @TempDir Path dir;

    private String run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new NewPotentialCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        int rc = cl.execute(args);
        assertEquals(0, rc, out.toString());
        return out.toString();
    }

    /** Parses and calls the command directly, so its exceptions reach the test. */
    private static void call(String... args) {
        NewPotentialCommand cmd = new NewPotentialCommand();
        CommandLine cl = new CommandLine(cmd);
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(new StringWriter()));
        cl.parseArgs(args);
        cmd.call();
    }

    @Test
    void writesAnUntrainedFileThatReadsBack() throws Exception {
        Path f = dir.resolve("p16.mtp");
        String out = run("--level", "16", "--species", "Mg,V,O", "--min-dist", "1.4", "--max-dist", "7", f.toString());
        assertTrue(out.contains("S = 92"), out);
        String text = Files.readString(f, StandardCharsets.ISO_8859_1);
        assertFalse(text.contains("radial_coeffs") || text.contains("species_coeffs") || text.contains("moment_coeffs"));
        assertTrue(text.startsWith("MTP\nversion = 1.1.0\npotential_name = MTP1m\nspecies_count = 3\npotential_tag = \n"));
        assertTrue(text.endsWith("}\n") && text.substring(text.lastIndexOf("\nalpha_")).startsWith("\nalpha_moment_mapping = {"),
                "file ends after alpha_moment_mapping");
        MtpPotential pot = MtpFiles.read(f);
        MomentBasis basis = MomentBasisGenerator.generate(16);
        assertFalse(pot.fitted);
        assertEquals(3, pot.speciesCount);
        assertEquals(1.4, pot.minDist);
        assertEquals(7.0, pot.maxDist);
        assertEquals(8, pot.radialBasisSize);
        assertEquals(4, pot.radialFuncsCount);
        assertEquals(basis.momentsCount(), pot.momentsCount);
        assertArrayEquals(basis.basic(), pot.basicMoments);
        assertArrayEquals(basis.products(), pot.momentProducts);
        assertArrayEquals(basis.mapping(), pot.scalarMoments);
        assertEquals(3 * 3 * 4 * 8 + 3 + 92, pot.coefficientCount());
        // the generator's defaults are the reader's defaults for untrained files (spec §1.4)
        MtpPotential direct = MomentBasisGenerator.untrainedPotential(basis, "MTP1m", 3, 1.4, 7, 8, null);
        assertArrayEquals(direct.coefficients(), pot.coefficients());
    }

    @Test
    void jsonSummaryAndSpeciesCount() {
        Path f = dir.resolve("p8.mtp");
        String out = run("--level", "8", "--species", "2", "--min-dist", "2", "--max-dist", "5", "--radial-basis-size", "6",
                "--json", f.toString());
        assertTrue(out.startsWith("{") && out.contains("\"scalar_functions\": 9") && out.contains("\"species_count\": 2"), out);
        MtpPotential pot = MtpFiles.read(f);
        assertEquals(2, pot.speciesCount);
        assertEquals(6, pot.radialBasisSize);
    }

    /**
     * The JSON summary names the output file as it is, whatever its characters: a quote, a
     * backslash, a tab, a control character and non-ASCII letters are escaped as JSON requires,
     * so a JSON parser gives back exactly the path (the hand-built writer escaped only \\ and ").
     */
    @Test
    void jsonEscapesEveryCharacterOfTheFileName() {
        Path f = dir.resolve("we\"ird\\ na\tme\u0001 Mg\u00e9\u00b5.mtp");
        String out = run("--level", "2", "--species", "2", "--min-dist", "2", "--max-dist", "5", "--json", f.toString());
        String line = out.strip();
        assertTrue(line.contains("\\\"ird\\\\ na\\tme\\u0001 Mg\u00e9\u00b5.mtp"), line);
        tools.jackson.databind.JsonNode parsed = new tools.jackson.databind.json.JsonMapper().readTree(line);
        assertEquals(f.toString(), parsed.get("file").asString());
        assertEquals(2, parsed.get("species_count").asInt());
    }

    @Test
    void everyEvenLevelWritesAReadableFile() {
        for (int level = 2; level <= 28; level += 2) {
            Path f = dir.resolve("l" + level + ".mtp");
            run("--level", "" + level, "--species", "Mg,V,O", "--min-dist", "1.4", "--max-dist", "7", "--skip-validation", f.toString());
            assertEquals(MomentBasisGenerator.generate(level).scalarCount(), MtpFiles.read(f).scalarCount());
        }
    }

    @Test
    void badInputIsAUserError() {
        String f = dir.resolve("x.mtp").toString();
        assertThrows(UserError.class, () -> call("--level", "16", "--species", "Mg,V,O", "--min-dist", "7", "--max-dist", "7", f));
        assertThrows(UserError.class, () -> call("--level", "1", "--species", "Mg", "--min-dist", "1", "--max-dist", "7", f));
        assertThrows(UserError.class, () -> call("--level", "8", "--species", "Mg,,O", "--min-dist", "1", "--max-dist", "7", f));
        assertThrows(UserError.class, () -> call("--level", "8", "--species", "Mg,Mg", "--min-dist", "1", "--max-dist", "7", f));
        assertThrows(UserError.class, () -> call("--level", "8", "--species", "Mg", "--min-dist", "1", "--max-dist", "7",
                "--radial-basis-size", "1", f));
        assertThrows(UserError.class, () -> call("--level", "8", "--species", "Mg", "--min-dist", "1", "--max-dist", "7",
                dir.resolve("no/such/dir/x.mtp").toString()));
    }
}
