package org.mtpj.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtpj.core.io.CfgWriter;
import org.mtpj.core.model.Configuration;
import org.mtpj.host.CfgFiles;

/**
 * A configuration the oracle cannot label (here: a command oracle whose answer is marked
 * {@code EFS_by VASP_not_converged}, as CP2K's and VASP's unconverged runs are skipped) is
 * reported, recorded as {@code NNNN.skipped} and left out of the training set, the others are
 * used, and a rerun does not ask the oracle again. The run stops after round 1's training
 * ({@code wall_time_minutes}), before any MD.
 */
class SkippedLabelsTest {
    @TempDir Path dir;

    @Test
    void unconvergedAnswerIsLeftOutRecordedAndNotRetried() throws Exception {
        double l = 10.862;
        List<Configuration> init = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            Configuration c = LammpsOracleTest.diamond(new double[][] {{l, 0, 0}, {0, l, 0}, {0, 0, l}}, 20 + k);
            c.features.put("note", k == 1 ? "scf-fails" : "fine");
            init.add(c);
        }
        CfgFiles.writeAll(dir.resolve("init.cfg"), init, CfgWriter.Style.LOSSLESS);
        Configuration good = init.get(0).copy(), failed = init.get(0).copy();
        good.energy = failed.energy = -270.5;
        good.forces = new double[3 * good.size];
        failed.forces = new double[3 * good.size];
        for (int i = 0; i < good.forces.length; i++) good.forces[i] = failed.forces[i] = 0.01 * Math.sin(i);
        failed.features.put("EFS_by", "VASP_not_converged");
        CfgFiles.writeAll(dir.resolve("good.cfg"), List.of(good), CfgWriter.Style.LOSSLESS);
        CfgFiles.writeAll(dir.resolve("failed.cfg"), List.of(failed), CfgWriter.Style.LOSSLESS);
        Files.writeString(dir.resolve("label.sh"), """
                #!/bin/sh
                # a labelling command: answers "not converged" for the configuration noted scf-fails
                echo call >> "%s"
                if grep -q scf-fails "$1"; then cp "%s" "$2"; else cp "%s" "$2"; fi
                """.formatted(dir.resolve("calls.log"), dir.resolve("failed.cfg"), dir.resolve("good.cfg")));
        Path toml = Files.writeString(dir.resolve("learn.toml"), """
                [run]
                dir = "run"
                wall_time_minutes = 1e-9
                [data]
                train = "init.cfg"
                [potential]
                species = ["Si"]
                level = 2
                max_dist = 4.5
                [train]
                max_iter = 2
                pretrain_iter = 0
                [md]
                temperatures = [1000]
                steps = 10
                [oracle]
                type = "command"
                command = ["sh", "%s", "{in}", "{out}"]
                """.formatted(dir.resolve("label.sh")));

        String out = learn(toml);
        Path labels = dir.resolve("run/initial-label");
        assertTrue(out.contains("configuration 2 of 3 (?) skipped, left out of the training set:"), out);
        assertTrue(Files.readString(labels.resolve("0002.skipped")).contains("VASP_not_converged"));
        assertTrue(Files.isRegularFile(labels.resolve("0001.cfg")) && Files.isRegularFile(labels.resolve("0003.cfg")));
        List<Configuration> train = CfgFiles.readAll(dir.resolve("run/round-001/train.cfg"));
        assertEquals(2, train.size());
        for (Configuration c : train) assertEquals(-270.5, c.energy);
        assertEquals(3, Files.readAllLines(dir.resolve("calls.log")).size());

        // a rerun that has to rebuild the initial set asks the oracle nothing: labels and skips are kept
        Files.delete(dir.resolve("run/round-001/train.cfg"));
        learn(toml);
        assertEquals(2, CfgFiles.readAll(dir.resolve("run/round-001/train.cfg")).size());
        assertEquals(3, Files.readAllLines(dir.resolve("calls.log")).size());
    }

    private static String learn(Path toml) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int rc = new Learner(LearnConfig.read(toml), new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(1, rc, out); // stopped at the wall-time limit after round 1's training
        return out;
    }
}
