package org.mtpj.cli.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The report's JSON files (maps, lists, numbers, strings, booleans), numbers to six significant
 * digits as in the TSV tables and NaN as null, keys in insertion order so the files diff cleanly.
 */
final class ReportJson {
    private ReportJson() {}

    static void write(Path file, Object value) throws IOException {
        StringBuilder sb = new StringBuilder();
        json(sb, value, "");
        Files.writeString(file, sb.append('\n'));
    }

    private static void json(StringBuilder sb, Object v, String ind) {
        if (v instanceof Map<?, ?> m) {
            sb.append("{");
            String sep = "\n";
            for (Map.Entry<?, ?> e : m.entrySet()) {
                sb.append(sep).append(ind).append("  ");
                str(sb, e.getKey().toString());
                sb.append(": ");
                json(sb, e.getValue(), ind + "  ");
                sep = ",\n";
            }
            sb.append(m.isEmpty() ? "}" : "\n" + ind + "}");
        } else if (v instanceof List<?> l) {
            sb.append("[");
            String sep = "\n";
            for (Object o : l) { sb.append(sep).append(ind).append("  "); json(sb, o, ind + "  "); sep = ",\n"; }
            sb.append(l.isEmpty() ? "]" : "\n" + ind + "]");
        } else if (v instanceof Double d) {
            sb.append(d.isNaN() || d.isInfinite() ? "null" : ReportFormat.g(d));
        } else if (v instanceof Number || v instanceof Boolean) {
            sb.append(v);
        } else if (v == null) {
            sb.append("null");
        } else {
            str(sb, v.toString());
        }
    }

    private static void str(StringBuilder sb, String s) {
        sb.append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> { if (c < 0x20) sb.append(String.format("\\u%04x", (int) c)); else sb.append(c); }
            }
        }
        sb.append('"');
    }
}
