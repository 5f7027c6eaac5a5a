package org.mtpj.cli.demo;

import java.util.Locale;

/** How the demo report writes numbers and turns its TSV tables into markdown. */
final class ReportFormat {
    private ReportFormat() {}

    /** Six significant digits, "nan" for NaN: every number of the report's tables and JSON. */
    static String g(double v) { return Double.isNaN(v) ? "nan" : String.format(Locale.ROOT, "%.6g", v); }

    static String f1(double v) { return String.format(Locale.ROOT, "%.1f", v); }

    static String f3(double v) { return String.format(Locale.ROOT, "%.3f", v); }

    /** A TSV with one header line as a markdown table. */
    static String tsvToMarkdown(String tsv) {
        String[] lines = tsv.strip().split("\n");
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String[] w = lines[i].split("\t", -1);
            s.append("| ").append(String.join(" | ", w)).append(" |\n");
            if (i == 0) s.append("|").append("---|".repeat(w.length)).append('\n');
        }
        return s.toString();
    }
}
