package org.mtpj.cli.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtpj.host.Json;

/**
 * The report's JSON files through the one JSON writer ({@link Json}): numbers to six significant
 * digits as in the TSV tables (the report's precision), NaN as null, keys in insertion order so
 * the files diff cleanly.
 */
final class ReportJson {
    private ReportJson() {}

    static void write(Path file, Object value) throws IOException {
        Files.writeString(file, Json.pretty(sixDigits(value)));
    }

    private static Object sixDigits(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> r = new LinkedHashMap<>();
            m.forEach((k, x) -> r.put(k.toString(), sixDigits(x)));
            return r;
        }
        if (v instanceof List<?> l) {
            List<Object> r = new ArrayList<>(l.size());
            for (Object x : l) r.add(sixDigits(x));
            return r;
        }
        if (v instanceof Double d && Double.isFinite(d)) return Json.decimal(ReportFormat.g(d));
        return v;
    }
}
