package org.mtpj.learn;

import org.mtpj.host.Json;
import org.mtpj.host.AtomicOutput;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The table of rounds: on screen, {@code rounds.tsv} and {@code rounds.json} in the run folder
 * (one row per round: training set size, selected configurations, largest grade per temperature,
 * training and held-out errors, seconds per stage).
 */
final class LearnReport {
    private LearnReport() {}

    static String grade(double g) {
        return Double.isInfinite(g) ? "inf" : g >= 1e10 ? "9.9e99" : String.format(Locale.ROOT, "%.3f", g);
    }

    static void write(Path runDir, LearnConfig cfg, PrintStream out) {
        List<JsonNode> rounds = new ArrayList<>();
        try (Stream<Path> s = Files.list(runDir)) {
            for (Path d : s.filter(p -> p.getFileName().toString().matches("round-\\d{3}")).sorted().toList()) {
                Path f = d.resolve("round.json");
                if (Files.isRegularFile(f)) rounds.add(RoundRecord.JSON.readTree(f.toFile()));
            }
        } catch (IOException e) {
            return; // the report is a summary of files that are all kept; a listing failure loses nothing
        }
        List<String> temps = cfg.temperatureNames();
        StringBuilder tsv = new StringBuilder("round\tn_train\tn_candidates\tn_selected");
        for (String t : temps) tsv.append("\tmax_grade_T").append(t).append("\tbroke_T").append(t);
        tsv.append("\ttrain_force_rms_eV_A\ttrain_force_rel\tvalid_force_rms_eV_A\tvalid_force_rel\tvalid_energy_rms_eV_atom");
        tsv.append("\tseconds_train\tseconds_grade\tseconds_md\tseconds_select\tseconds_label\tconverged\n");
        StringBuilder screen = new StringBuilder(String.format(Locale.ROOT, "%n%5s %7s %7s %7s", "round", "n_train", "cands", "new"));
        for (String t : temps) screen.append(String.format(Locale.ROOT, " %12s", "grade@" + t + "K"));
        screen.append(String.format(Locale.ROOT, " %9s %9s %7s %7s%n", "F_rms", "F_rel_vd", "t_train", "t_md"));
        ArrayNode json = RoundRecord.JSON.createArrayNode();
        for (JsonNode r : rounds) {
            json.add(r);
            JsonNode sec = r.path("seconds");
            double mdSec = 0;
            for (String t : temps) mdSec += sec.path("md_T" + t).asDouble(0);
            tsv.append(r.path("round").asInt()).append('\t').append(r.path("n_train").asInt()).append('\t')
                    .append(r.path("n_candidates").asInt(0)).append('\t').append(r.path("n_selected").asInt(0));
            screen.append(String.format(Locale.ROOT, "%5d %7d %7d %7d", r.path("round").asInt(), r.path("n_train").asInt(),
                    r.path("n_candidates").asInt(0), r.path("n_selected").asInt(0)));
            for (String t : temps) {
                JsonNode m = r.path("md").path(t);
                String g = m.has("max_grade") ? grade(m.get("max_grade").asDouble()) : "";
                tsv.append('\t').append(g).append('\t').append(m.has("broke") ? m.get("broke").asBoolean() : "");
                screen.append(String.format(Locale.ROOT, " %12s", g + (m.path("broke").asBoolean(false) ? "*" : "")));
            }
            JsonNode et = r.path("errors_train"), ev = r.path("errors_valid");
            tsv.append('\t').append(num(et, "force_rms_eV_per_A")).append('\t').append(num(et, "force_rms_relative"))
                    .append('\t').append(num(ev, "force_rms_eV_per_A")).append('\t').append(num(ev, "force_rms_relative"))
                    .append('\t').append(num(ev, "energy_rms_eV_per_atom"));
            tsv.append('\t').append(sec.path("train").asDouble(0)).append('\t').append(sec.path("grade").asDouble(0))
                    .append('\t').append(Math.round(mdSec * 10) / 10.0).append('\t').append(sec.path("select").asDouble(0))
                    .append('\t').append(sec.path("label").asDouble(0)).append('\t').append(r.path("converged").asBoolean(false)).append('\n');
            screen.append(String.format(Locale.ROOT, " %9.4g %9s %7.0f %7.0f%n", et.path("force_rms_eV_per_A").asDouble(Double.NaN),
                    ev.has("force_rms_relative") ? String.format(Locale.ROOT, "%.4f", ev.get("force_rms_relative").asDouble()) : "-",
                    sec.path("train").asDouble(0), mdSec));
        }
        ObjectNode all = RoundRecord.JSON.createObjectNode();
        all.put("threshold", cfg.selection().threshold());
        all.put("threshold_break", cfg.selection().thresholdBreak());
        all.put("converged", Files.isRegularFile(runDir.resolve("final.mtp")));
        all.set("rounds", json);
        AtomicOutput.writeString(runDir.resolve("rounds.tsv"), tsv.toString(), java.nio.charset.StandardCharsets.UTF_8);
        AtomicOutput.writeString(runDir.resolve("rounds.json"), Json.pretty(all), java.nio.charset.StandardCharsets.UTF_8);
        out.print(screen);
        out.println("(* = MD stopped at the break threshold; tables: " + runDir.resolve("rounds.tsv") + ", rounds.json)");
    }

    private static String num(JsonNode n, String key) { return n.has(key) ? Double.toString(n.get(key).asDouble()) : ""; }
}
