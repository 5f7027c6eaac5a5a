package org.mtpj.train.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtpj.core.io.CfgWriter;
import org.mtpj.core.io.MtpWriter;
import org.mtpj.core.model.Configuration;
import org.mtpj.core.model.MtpPotential;
import org.mtpj.host.CfgFiles;
import org.mtpj.host.MtpFiles;
import org.mtpj.train.fit.LossFunction;
import org.mtpj.train.fit.LossWeights;
import org.mtpj.train.fit.TestPotentials;
import org.mtpj.train.fit.TrainingSet;
import picocli.CommandLine;

/** mtpj train end to end on a small synthetic problem; options in MLIP-2 spelling. */
class TrainCommandTest {
    @TempDir Path dir;

    @Test
    void trainsAndWritesThePotential() throws Exception {
        MtpPotential teacher = TestPotentials.small(31);
        List<Configuration> cfgs = new ArrayList<>();
        TrainingSet raw = TrainingSet.of(org.mtpj.train.fit.LossFunctionTestAccess.configurations(21, 5), teacher.cutoff());
        try (LossFunction l = new LossFunction(teacher, raw, LossWeights.MLIP2_DEFAULTS, 1)) {
            for (int i = 0; i < raw.size(); i++) {
                Configuration c = raw.items().get(i).cfg();
                double[] f = l.forcesEnergyStress(teacher.coefficients(), i);
                c.energy = f[0];
                c.plusStress = java.util.Arrays.copyOfRange(f, 1, 7);
                c.forces = java.util.Arrays.copyOfRange(f, 7, f.length);
                cfgs.add(c);
            }
        }
        Path train = dir.resolve("train.cfg"), start = dir.resolve("start.mtp"), out = dir.resolve("out.mtp");
        CfgFiles.writeAll(train, cfgs, CfgWriter.Style.LOSSLESS);
        double[] th = teacher.coefficients();
        for (int i = 0; i < teacher.radialCoeffs.length; i++) th[i] *= 1.1 + 0.05 * Math.sin(i);
        MtpFiles.write(teacher.withCoefficients(th), start, MtpWriter.Precision.LOSSLESS);
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true));
        int rc;
        try {
            rc = new CommandLine(new TrainCommand()).execute(start.toString(), train.toString(), "--trained-pot-name=" + out,
                    "--max-iter=20", "--threads=2", "--force-weight", "0.1");
        } finally {
            System.setOut(old);
        }
        assertEquals(0, rc, buf.toString());
        String log = buf.toString();
        assertTrue(log.contains("BFGS iter 0: f="), log);
        assertTrue(log.contains("* * * TRAIN ERRORS * * *") && log.contains("Errors report"), log);
        MtpPotential trained = MtpFiles.read(out);
        TrainingSet set = TrainingSet.read(train, teacher.cutoff());
        LossWeights w = new LossWeights(1, 0.1, 0.001, 0, org.mtpj.train.fit.Weighting.VIBRATIONS);
        double f0, f1;
        try (LossFunction l = new LossFunction(trained, set, w, 1)) {
            l.setScaling(teacher.scaling);
            f0 = l.evaluate(th, null);
            l.setScaling(trained.scaling);
            f1 = l.evaluate(trained.coefficients(), null);
        }
        assertTrue(f1 < 0.1 * f0, "loss " + f0 + " -> " + f1);
        assertTrue(Files.size(out) > 100);
    }

    @Test
    void badInitParamsIsAUserError() {
        CommandLine cl = new CommandLine(new TrainCommand());
        cl.setErr(new java.io.PrintWriter(new java.io.StringWriter()));
        int rc = cl.execute("a.mtp", "b.cfg", "--init-params=zero");
        assertTrue(rc != 0);
    }
}
