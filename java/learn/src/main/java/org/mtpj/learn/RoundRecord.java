package org.mtpj.learn;

import java.nio.file.Files;
import java.nio.file.Path;
import org.mtpj.host.Json;
import org.mtpj.core.UserError;
import org.mtpj.host.AtomicOutput;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What one round measured (sizes, errors, grades per temperature, seconds per stage), kept as
 * {@code round.json} in the round's folder and saved after every stage, so a resumed run
 * reports the stages an earlier process did.
 */
final class RoundRecord {
    static final JsonMapper JSON = JsonMapper.builder().build();

    final Path file;
    final ObjectNode node;

    private RoundRecord(Path file, ObjectNode node) {
        this.file = file;
        this.node = node;
    }

    static RoundRecord open(Path roundDir, int round) {
        Path f = roundDir.resolve("round.json");
        if (Files.isRegularFile(f)) {
            try {
                JsonNode n = JSON.readTree(f.toFile());
                if (n instanceof ObjectNode o) return new RoundRecord(f, o);
            } catch (JacksonException e) {
                throw new UserError(f + ": unreadable round record (" + e.getOriginalMessage() + "); delete it to redo the round's report");
            }
        }
        ObjectNode o = JSON.createObjectNode();
        o.put("round", round);
        return new RoundRecord(f, o);
    }

    ObjectNode md(String kelvin) {
        ObjectNode md = node.has("md") ? (ObjectNode) node.get("md") : node.putObject("md");
        return md.has(kelvin) ? (ObjectNode) md.get(kelvin) : md.putObject(kelvin);
    }

    void seconds(String stage, double s) {
        ObjectNode t = node.has("seconds") ? (ObjectNode) node.get("seconds") : node.putObject("seconds");
        t.put(stage, Math.round(s * 10) / 10.0);
    }

    void save() { AtomicOutput.writeString(file, Json.pretty(node), java.nio.charset.StandardCharsets.UTF_8); }
}
