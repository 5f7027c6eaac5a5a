package org.mtpj.cli.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtpj.core.UserError;

/**
 * The demo's parameters: parameters.tsv as scripts/demo wrote it, then what the report derives
 * (min_dist, wall_list, fit_hi_block), in that order, which is the order inputs.json records.
 */
final class DemoParameters {
    private final Path file;
    private final Map<String, String> map;

    private DemoParameters(Path file, Map<String, String> map) {
        this.file = file;
        this.map = map;
    }

    static DemoParameters read(Path demo) throws IOException {
        Path file = demo.resolve("parameters.tsv");
        if (!Files.exists(file)) throw new UserError("demo report: " + file + " not found (written by scripts/demo)");
        Map<String, String> p = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            int tab = line.indexOf('\t');
            if (tab > 0) p.put(line.substring(0, tab), line.substring(tab + 1));
        }
        Path minDist = demo.resolve("train/min_dist.txt");
        p.put("min_dist", Files.exists(minDist) ? Files.readString(minDist).strip() : "?");
        Path walls = demo.resolve("train/walls.txt");
        p.put("wall_list", Files.exists(walls) ? String.join(", ", Files.readAllLines(walls).stream()
                .map(l -> l.replaceFirst(" ", " r_c = ") + " Å").toList()) : "?");
        return new DemoParameters(file, p);
    }

    /** The value of a parameter the report needs. */
    String get(String key) {
        String v = map.get(key);
        if (v == null) throw new UserError("demo report: parameter '" + key + "' missing in " + file);
        return v;
    }

    double number(String key) { return Double.parseDouble(get(key)); }

    List<String> mdTemperatures() { return List.of(get("md_temps").trim().split("\\s+")); }

    /** The oracle's species in LAMMPS type order (parameter species, e.g. "Si O"). */
    List<String> species() { return List.of(get("species").trim().split("\\s+")); }

    /** The oracle's short name for tables and legends (parameter oracle_short, e.g. "SW"). */
    String oracleName() { return get("oracle_short"); }

    boolean has(String key) { return map.containsKey(key); }

    void put(String key, String value) { map.put(key, value); }

    /** Every parameter, for the text (a missing one shows as null) and inputs.json. */
    Map<String, String> all() { return map; }
}
