package org.mtpj.analysis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtpj.testkit.Shared;
import picocli.CommandLine;

/**
 * Every TSV that diffusion, msd, lro, voltage and arrhenius write (and the diffusion-report page) holds its numbers at the precision
 * of their meaning: no binary noise such as 0.30000000000000004 (3 × 0.1 ps). The inputs are the
 * study's real files, run with settings whose labels are products of decimals (frames 0.1 ps apart,
 * a 0.0007 ps timestep, temperatures like 600.1 K), which is where such noise appears.
 *
 * <p>Two rules. In a label column (times, windows, quantity names, dims, ...: every column that
 * does not hold a computed quantity) no number has 15 or more significant digits. In every column,
 * also the computed ones (written with all their bits, as the Python references are), no number of
 * 15+ digits lies within {@value #NOISE_ULPS} ulps of a decimal of at most {@value #SHORT_DIGITS}
 * significant digits: that is a short decimal spoilt by one rounding, never a measured value.
 */
class TsvNumberArtefactTest {
    /** A product like k × 0.1 is off by at most an ulp or two from the decimal it means. */
    static final int NOISE_ULPS = 2;
    /** Digits of the decimals such noise spoils (0.3, 1.7, 12.5, 0.175). */
    static final int SHORT_DIGITS = 4;

    /** Columns that hold computed quantities (all their bits); every other column is a label. */
    static final Pattern COMPUTED_COLUMN = Pattern.compile("value.*|stderr.*|MSD.*|MSCD.*|loglog.*|blocks.*|order.*|sphere.*|n[xyz]");
    static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    @TempDir Path out;

    static void run(Object command, String... args) {
        CommandLine cl = new CommandLine(command);
        cl.setExecutionExceptionHandler((e, c, p) -> { throw e; });
        cl.setOut(new PrintWriter(new StringWriter()));
        assertEquals(0, cl.execute(args), String.join(" ", args));
    }

    @Test
    void analysisTablesHoldNoBinaryNoise() throws Exception {
        String dump = Shared.file("data/amorphous-MgV2O5/dump_600K.lammpstrj").toString();
        String poscar = Shared.file("data/amorphous-MgV2O5/pylro/POSCAR_300K").toString();
        String energies = Shared.file("reference/analysis/voltage_synthetic_A_energies.tsv").toString();
        Path d = out.resolve("diffusion");
        run(new DiffusionCommand(), dump, "--types", "Mg,V,O", "--frame-ps", "0.1", "--window", "0.3:1.7", "--window", "0.2:0.9",
                "--blocks", "2", "--abc", "--out", d.toString(), "--progress", "off");
        run(new DiffusionCommand(), "--compat", "study", dump, "--temperature", "600", "--timestep-ps", "0.0007",
                "--tsv", out.resolve("compat.tsv").toString(), "--table", out.resolve("compat_table.tsv").toString());
        run(new MsdCommand(), dump, "--types", "Mg,V,O", "--timestep-ps", "0.0001", "--out", out.resolve("msd").toString(), "--progress", "off");
        run(new LroCommand(), dump, "--types", "Mg,V,O", "--species", "Mg", "--timestep-ps", "0.0007", "--sphere", "40",
                "--plots", "none", "--progress", "off", "--threads", "1", "--out", out.resolve("lro").toString());
        run(new LroCommand(), poscar, "--species", "Mg", "--plots", "none", "--progress", "off", "--out", out.resolve("lro1").toString());
        run(new VoltageCommand(), energies, "--mg-metal", "-1.51", "--no-plot", "--tsv", out.resolve("voltage.tsv").toString());
        Path table = out.resolve("D.tsv");
        Files.write(table, List.of("T_K\tD_cm2s\tD_se_cm2s", "600.1\t1.1e-7\t0.3e-7", "900.3\t2.3e-6\t0.2e-6", "1200.7\t3.2e-5\t0.4e-5"));
        run(new ArrheniusCommand(), table.toString(), "--at", "300.3", "--out", out.resolve("arrhenius").toString());
        Path dt = d.resolve("diffusion.tsv");
        run(new ArrheniusCommand(), "600.1=" + dt, "700.3=" + dt, "800.7=" + dt, "--out", out.resolve("arrhenius2").toString());

        List<Path> tables;
        try (Stream<Path> s = Files.walk(out)) {
            tables = s.filter(p -> p.toString().endsWith(".tsv") && !p.equals(table)).sorted().toList();
        }
        assertTrue(tables.size() >= 10, "tables written: " + tables);
        List<String> artefacts = new ArrayList<>();
        for (Path t : tables) artefacts.addAll(artefacts(t));
        // the JSON's times (window bounds, frame spacing) are labels too
        Matcher times = Pattern.compile("\"(\\w+_ps)\": (" + NUMBER.pattern() + ")").matcher(Files.readString(d.resolve("diffusion.json")));
        int timesSeen = 0;
        for (; times.find(); timesSeen++)
            if (significantDigits(times.group(2)) >= 15) artefacts.add("diffusion.json " + times.group(1) + ": " + times.group(2));
        assertTrue(timesSeen >= 5, "times in diffusion.json: " + timesSeen);
        // the report page prints every number for reading: none has 15+ digits
        Path report = out.resolve("report");
        run(new DiffusionReportCommand(), dump, "--types", "Mg,V,O", "--frame-ps", "0.1", "--window", "0.3:1.7", "--out", report.toString(), "--progress", "off");
        List<String> page = Files.readAllLines(report.resolve("report.md"));
        for (int l = 0; l < page.size(); l++) {
            Matcher m = NUMBER.matcher(page.get(l));
            while (m.find()) if (significantDigits(m.group()) >= 15) artefacts.add("report.md:" + (l + 1) + ": " + m.group());
        }
        assertTrue(artefacts.isEmpty(), artefacts.size() + " numbers with binary noise, e.g.\n" + String.join("\n", artefacts.subList(0, Math.min(20, artefacts.size()))));
    }

    /** The artefacts of one table, each as file:line column: number. */
    static List<String> artefacts(Path tsv) throws Exception {
        List<String> lines = Files.readAllLines(tsv);
        String[] header = lines.get(0).split("\t", -1);
        List<String> found = new ArrayList<>();
        for (int l = 1; l < lines.size(); l++) {
            String[] cells = lines.get(l).split("\t", -1);
            for (int c = 0; c < cells.length; c++) {
                boolean label = c >= header.length || !COMPUTED_COLUMN.matcher(header[c]).matches();
                Matcher m = NUMBER.matcher(cells[c]);
                while (m.find()) {
                    String n = m.group();
                    if (label ? significantDigits(n) >= 15 : isShortDecimalWithNoise(n))
                        found.add(tsv.getFileName() + ":" + (l + 1) + " " + (c < header.length ? header[c] : "column " + (c + 1)) + ": " + n);
                }
            }
        }
        return found;
    }

    static int significantDigits(String number) {
        String mantissa = number.replaceFirst("^[-+]", "").split("[eE]")[0].replace(".", "");
        return mantissa.replaceFirst("^0+", "").length();
    }

    static boolean isShortDecimalWithNoise(String number) {
        if (significantDigits(number) < 15) return false;
        double v = Double.parseDouble(number);
        double shortDecimal = new BigDecimal(v).round(new MathContext(SHORT_DIGITS)).doubleValue();
        return v != shortDecimal && Math.abs(v - shortDecimal) <= NOISE_ULPS * Math.ulp(shortDecimal);
    }

    /** The rules themselves, on the numbers they are for. */
    @Test
    void theRulesTellNoiseFromMeasuredValues() {
        assertEquals(17, significantDigits("0.30000000000000004"));
        assertEquals(17, significantDigits("-1.7000000000000002e-05"));
        assertEquals(1, significantDigits("0.3"));
        assertTrue(isShortDecimalWithNoise(Double.toString(3 * 0.1)));
        assertTrue(isShortDecimalWithNoise(Double.toString(6 * 0.1)));
        assertTrue(isShortDecimalWithNoise(Double.toString(7 * 0.025)));
        assertFalse(isShortDecimalWithNoise("0.3"));
        assertFalse(isShortDecimalWithNoise("0.5474163000000026"));     // a computed LRO order: not a short decimal
        assertFalse(isShortDecimalWithNoise("1.0708755733661024e-07")); // a D
    }
}
