package org.mtpj.cli.demo;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mtpj.core.model.Configuration;
import org.mtpj.host.CfgFiles;

/** Report phase 1: the oracle's training and held-out configurations (oracle/train.cfg, valid.cfg). */
final class OracleSection {
    final List<Configuration> train, valid;

    private OracleSection(List<Configuration> train, List<Configuration> valid) {
        this.train = train;
        this.valid = valid;
    }

    static OracleSection read(Path demo) {
        return new OracleSection(CfgFiles.readAll(demo.resolve("oracle/train.cfg")), CfgFiles.readAll(demo.resolve("oracle/valid.cfg")));
    }

    /** Atoms per configuration (every configuration of the demo has the same). */
    int atoms() { return train.get(0).size; }

    void putJson(Map<String, Object> json) {
        json.put("configurations_train", train.size());
        json.put("configurations_valid", valid.size());
    }

    String markdown(Map<String, String> p) {
        return "## 1. Reference data (oracle)\n\n" + String.format(Locale.ROOT, "Random start, soft push-off (%s steps), melt at %s K (%s steps), then ramps of %s steps to each of %s K " +
                        "with %s steps held at each; a configuration every %s steps (1 fs) with energy, forces and the virial (PlusStress, kinetic part excluded). " +
                        "%d training and %d held-out configurations (the last %s of every hold, later in time than its training frames).%n%n",
                p.get("npush"), p.get("Tmelt"), p.get("nmelt"), p.get("nramp"), p.get("hold_temps"), p.get("nhold"), p.get("every"), train.size(), valid.size(),
                String.format(Locale.ROOT, "%.0f %%", Double.parseDouble(p.get("valid_frac")) * 100));
    }
}
