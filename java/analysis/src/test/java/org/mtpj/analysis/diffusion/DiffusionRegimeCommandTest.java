package org.mtpj.analysis.diffusion;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtpj.analysis.cli.DiffusionCommand;
import org.mtpj.testkit.Shared;
import picocli.CommandLine;

/**
 * 'mtpj diffusion' end to end: the 600 K plateau is marked non-diffusive (TSV column, WARNING line)
 * and --strict fails with one line; a random walk gets a diffusive auto window, the same twice.
 */
class DiffusionRegimeCommandTest {
    @TempDir Path tmp;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        PrintStream o = System.out, e = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            CommandLine cl = new CommandLine(new DiffusionCommand());
            cl.setExecutionExceptionHandler((ex, c, p) -> {
                System.err.println("mtpj: " + ex.getMessage());
                return 2;
            });
            int code = cl.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(o);
            System.setErr(e);
        }
    }

    static final String DUMP = Shared.file("data/amorphous-MgV2O5/dump_600K.lammpstrj").toString();

    @Test
    void plateauIsMarkedNotDiffusiveAndStrictFails() throws Exception {
        Path tsv = tmp.resolve("d.tsv");
        Run r = run(DUMP, "--types", "Mg,V,O", "--species", "Mg", "--window", "10:40", "--tsv", tsv.toString(), "--json", tmp.resolve("d.json").toString());
        assertEquals(0, r.code(), r.err());
        // the JSON gives the parts of the check: both halves of the window, and the lags after it (none here: 40 ps
        // is beyond half of this 50 ps run, so null)
        var w = org.mtpj.host.Json.read(Files.readString(tmp.resolve("d.json"))).path("windows").path(0);
        for (String k : List.of("loglog_slope_first_half", "loglog_slope_second_half"))
            assertTrue(w.path(k).isNumber(), k + " in " + w);
        assertTrue(w.has("loglog_slope_later") && w.get("loglog_slope_later").isNull(), w.toString());
        assertFalse(w.path("diffusive").asBoolean(true));
        assertEquals(1, r.err().lines().filter(l -> l.startsWith("WARNING: the fit window 10:40 ps is not diffusive")).count(), r.err());
        List<String> lines = Files.readAllLines(tsv);
        List<String> head = List.of(lines.get(0).split("\t"));
        String[] tracer = lines.stream().filter(l -> l.contains("\tD_tracer\t")).findFirst().orElseThrow().split("\t", -1);
        assertEquals("no", tracer[head.indexOf("diffusive")]);
        assertEquals(0.17, Double.parseDouble(tracer[head.indexOf("loglog_slope")]), 0.03);
        // the reference columns are untouched: OLS D and error of correct_600K_D.tsv
        assertEquals(4.60562882307729e-08, Double.parseDouble(tracer[head.indexOf("value_cm2s")]), 1e-9 * 4.6e-8);
        assertEquals(5.286488522088133e-09, Double.parseDouble(tracer[head.indexOf("stderr_cm2s")]), 1e-9 * 5.3e-9);

        Run strict = run(DUMP, "--types", "Mg,V,O", "--species", "Mg", "--window", "10:40", "--strict");
        assertEquals(2, strict.code());
        List<String> errors = strict.err().lines().filter(l -> l.startsWith("mtpj:")).toList();
        assertEquals(1, errors.size(), strict.err());
        assertTrue(errors.get(0).contains("--strict: the fit window 10:40 ps is not diffusive: the log-log slope of the MSD there is 0.17"), errors.get(0));
    }

    @Test
    void autoWindowOfARandomWalkIsDiffusiveAndReproducible() throws Exception {
        Path dump = BlockDiffusionTest.walk(tmp.resolve("walk.dump"), 7);
        String[] args = {dump.toString(), "--types", "Li", "--species", "Li", "--drift", "none", "--timestep-ps", "0.001", "--window", "auto",
                "--json", tmp.resolve("a.json").toString()};
        Run a = run(args), b = run(args);
        assertEquals(0, a.code(), a.err());
        String chosen = a.out().lines().filter(l -> l.startsWith("window auto: ")).findFirst().orElseThrow();
        assertEquals(chosen, b.out().lines().filter(l -> l.startsWith("window auto: ")).findFirst().orElseThrow());
        assertFalse(a.err().contains("WARNING"), a.err());
        String json = Files.readString(tmp.resolve("a.json"));
        assertTrue(json.contains("\"diffusive\": true"), json);
        // >= 10 independent origins at the longest lag: 1001 frames 0.1 ps apart allow lags up to 10 ps
        double tMax = Double.parseDouble(chosen.replaceAll("window auto: [0-9.]+:([0-9.]+) ps.*", "$1"));
        assertTrue(tMax <= 10.0 + 1e-9 && tMax >= 5, chosen);
    }
}
