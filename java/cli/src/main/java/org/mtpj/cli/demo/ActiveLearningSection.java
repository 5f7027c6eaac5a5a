package org.mtpj.cli.demo;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.mtpj.analysis.plot.Plots;
import org.mtpj.host.Json;
import tools.jackson.databind.JsonNode;

/**
 * Report phase 2a: the rounds of {@code mtpj learn} (learn/run/rounds.json) as a table and a
 * grade-per-round plot.
 */
final class ActiveLearningSection {
    private final JsonNode rounds;
    private final String status;

    private ActiveLearningSection(JsonNode rounds, String status) {
        this.rounds = rounds;
        this.status = status;
    }

    /** Reads demo/learn/run/rounds.json, or null when the demo did not run active learning. */
    static ActiveLearningSection read(Path demo) throws IOException {
        Path f = demo.resolve("learn/run/rounds.json");
        if (!Files.exists(f)) return null;
        Path st = demo.resolve("learn/status.txt");
        return new ActiveLearningSection(Json.read(Files.readString(f)),
                Files.exists(st) ? Files.readString(st).strip() : "?");
    }

    int roundCount() { return rounds.path("rounds").size(); }

    double threshold() { return rounds.path("threshold").asDouble(); }

    boolean converged() { return rounds.path("converged").asBoolean(false); }

    /** Largest grade of the last round's MD over all temperatures. */
    double finalMaxGrade() {
        JsonNode last = rounds.path("rounds").get(roundCount() - 1);
        double g = 0;
        for (JsonNode m : last.path("md")) g = Math.max(g, m.path("max_grade").asDouble());
        return g;
    }

    /** summary.json entries. */
    void putJson(Map<String, Object> json) {
        json.put("al_rounds", roundCount());
        json.put("al_converged", converged());
        json.put("threshold", threshold());
        json.put("final_max_grade", finalMaxGrade());
    }

    /** The section text; oracle is the oracle's short name (labels come from it). */
    String markdown(List<String> temps, String oracle) {
        StringBuilder s = new StringBuilder("## 2a. Active learning (`mtpj learn`)\n\n");
        s.append(String.format(Locale.ROOT, "Each round: train (warm start), MD at every temperature with extrapolation control "
                        + "(threshold %s, stop above %s), select-add (MaxVol) over the configurations above the threshold, label them with "
                        + "%s (`lmp`, `run 0`), add them. %s after %d round(s); largest grade of the last round's MD: %.3f.%n%n",
                g(threshold()), g(rounds.path("threshold_break").asDouble()), oracle,
                converged() ? "**Converged**" : "**Not converged** (" + status + ")", roundCount(), finalMaxGrade()));
        s.append("| round | training cfgs | above threshold | added |");
        for (String t : temps) s.append(" max grade ").append(t).append(" K |");
        s.append(" force RMSE train (eV/Å) | held-out rel. force RMSE |\n|---|---|---|---|");
        s.append("---|".repeat(temps.size())).append("---|---|\n");
        for (JsonNode r : rounds.path("rounds")) {
            s.append("| ").append(r.path("round").asInt()).append(" | ").append(r.path("n_train").asInt()).append(" | ")
                    .append(r.path("n_candidates").asInt(0)).append(" | ").append(r.path("n_selected").asInt(0)).append(" |");
            for (String t : temps) {
                JsonNode m = r.path("md").path(t);
                s.append(' ').append(m.has("max_grade") ? g(m.get("max_grade").asDouble()) + (m.path("broke").asBoolean() ? " (stopped)" : "") : "")
                        .append(" |");
            }
            s.append(String.format(Locale.ROOT, " %.4f | %.4f |%n", r.path("errors_train").path("force_rms_eV_per_A").asDouble(),
                    r.path("errors_valid").path("force_rms_relative").asDouble()));
        }
        s.append("\n![grade per round](al_grades.png)\n\n");
        return s.toString();
    }

    /** Largest grade per temperature against the round, log scale, with the threshold. */
    void plot(List<String> temps, Path base) throws IOException {
        XYChart c = new XYChartBuilder().width(640).height(420).title("Active learning: largest extrapolation grade of the MD")
                .xAxisTitle("round").yAxisTitle("max MV grade").build();
        int n = roundCount();
        double top = threshold();
        for (JsonNode r : rounds.path("rounds")) for (JsonNode m : r.path("md")) top = Math.max(top, m.path("max_grade").asDouble());
        // a log axis labels decades only: use it only when the grades span them
        c.getStyler().setYAxisLogarithmic(top > 50).setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE)
                .setChartBackgroundColor(Color.WHITE);
        if (top <= 50) c.getStyler().setYAxisMin(0.0);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = i + 1;
        for (String t : temps) {
            double[] y = new double[n];
            for (int i = 0; i < n; i++) y[i] = Math.max(1e-3, rounds.path("rounds").get(i).path("md").path(t).path("max_grade").asDouble(Double.NaN));
            c.addSeries(t + " K", x, y).setMarker(SeriesMarkers.CIRCLE);
        }
        c.addSeries("threshold", new double[] {1, Math.max(1.0001, n)}, new double[] {threshold(), threshold()})
                .setMarker(SeriesMarkers.NONE).setLineColor(Color.DARK_GRAY);
        Plots.save(c, base);   // PNG + SVG through AtomicOutput
    }

    private static String g(double v) { return String.format(Locale.ROOT, "%.3g", v); }
}
