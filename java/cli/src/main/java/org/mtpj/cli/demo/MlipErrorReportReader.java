package org.mtpj.cli.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the text of an MLIP-2 error report (what {@code mlp calc-errors} and {@code mtpj calc-errors}
 * print, mtp-spec 7.5; {@code org.mtpj.core.io.ErrorReport} writes it) back into its numbers, keyed
 * "section/quantity", e.g. "Energy per atom/RMS absolute difference", "Forces/RMS(ForceDiff) / RMS(Force)".
 */
final class MlipErrorReportReader {
    private MlipErrorReportReader() {}

    static Map<String, Double> read(Path file) throws IOException {
        Map<String, Double> out = new LinkedHashMap<>();
        String section = null;
        for (String line : Files.readAllLines(file)) {
            String t = line.strip();
            if (t.endsWith(":") && !t.contains("=")) { section = t.substring(0, t.length() - 1); continue; }
            int eq = t.indexOf('=');
            if (section == null || eq < 0) continue;
            String key = t.substring(0, eq).strip().replaceAll("\\s+", " ");
            try {
                out.put(section + "/" + key, Double.parseDouble(t.substring(eq + 1).strip()));
            } catch (NumberFormatException e) {
                // "inf"/"nan" for clusters: keep as NaN so the report can say so
                out.put(section + "/" + key, Double.NaN);
            }
        }
        return out;
    }
}
