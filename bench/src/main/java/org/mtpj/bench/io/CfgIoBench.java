package org.mtpj.bench.io;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.mtpj.core.io.CfgReader;
import org.mtpj.core.io.CfgWriter;
import org.mtpj.core.io.MtpReader;
import org.mtpj.core.io.MtpWriter;
import org.mtpj.core.model.Configuration;
import org.mtpj.core.model.MtpPotential;
import org.mtpj.train.basis.MomentBasis;
import org.mtpj.train.basis.MomentBasisGenerator;
import org.openjdk.jmh.annotations.*;

/**
 * .cfg and .mtp text speed, in memory (no disk): one operation = one pass over ten 768-atom frames
 * (the reference dump600K_frames00-09.cfg, 1.17 MB; MB/s = 1.17 / (ms/op) * 1000), or one study
 * potential, or one untrained level-28 potential for 3 species (2.56 MB of text, 120,208 products
 * on one line; generated in setup, so it needs no shared folder). Without the shared folder a
 * random 10 x 768-atom file of the same layout is used and the study-potential cases return 0.
 * Run: {@code java -jar build/benchmarks.jar CfgIoBench -f 1 -wi 3 -i 3}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class CfgIoBench {
    String cfgText;
    List<Configuration> cfgs;
    String mtpText;
    MtpPotential pot;
    String level28Text;

    static Path shared(String rel) {
        String env = System.getenv("MTPJ_SHARED");
        Path root = env != null && !env.isBlank() ? Path.of(env) : Path.of("../shared");
        Path p = root.resolve(rel);
        return Files.exists(p) ? p : null;
    }

    @Setup
    public void setup() throws Exception {
        Path cfg = shared("reference/mlip2/dump600K_frames00-09.cfg");
        if (cfg != null) {
            cfgText = Files.readString(cfg, StandardCharsets.ISO_8859_1);
        } else {
            Random r = new Random(1);
            List<Configuration> l = new ArrayList<>();
            for (int f = 0; f < 10; f++) {
                Configuration c = new Configuration(768);
                c.latticeRows = 3;
                for (int k = 0; k < 3; k++) c.lattice[k][k] = 20;
                c.forces = new double[3 * 768];
                for (int i = 0; i < 3 * 768; i++) { c.positions[i] = 20 * r.nextDouble(); c.forces[i] = r.nextGaussian(); }
                for (int i = 0; i < 768; i++) c.types[i] = i % 3;
                c.energy = -5000 * r.nextDouble();
                c.plusStress = new double[] {1, 2, 3, 4, 5, 6};
                l.add(c);
            }
            cfgText = CfgWriter.format(l, CfgWriter.Style.LOSSLESS);
        }
        cfgs = CfgReader.parse(cfgText, "bench.cfg", w -> { });
        Path mtp = shared("data/amorphous-MgV2O5/pot.mtp");
        if (mtp != null) {
            mtpText = Files.readString(mtp, StandardCharsets.ISO_8859_1);
            pot = MtpReader.parse(mtpText, "pot.mtp");
        }
        MomentBasis basis = MomentBasisGenerator.generate(28);
        level28Text = MtpWriter.formatUntrained(MomentBasisGenerator.untrainedPotential(basis, "MTP1m", 3, 1.4, 7, 8, null));
        System.out.printf("%nworkload: %.2f MB of .cfg text, %d configurations; level-28 .mtp %.2f MB%n",
                cfgText.length() / 1e6, cfgs.size(), level28Text.length() / 1e6);
    }

    @Benchmark
    public int readCfg() {
        int n = 0;
        try (CfgReader r = CfgReader.of(new StringReader(cfgText), "bench.cfg", w -> { })) {
            for (Configuration c; (c = r.next()) != null; ) n += c.size;
        }
        return n;
    }

    @Benchmark
    public int writeCfgLossless() {
        StringWriter w = new StringWriter(cfgText.length() + 1024);
        try (CfgWriter cw = CfgWriter.of(w, CfgWriter.Style.LOSSLESS)) {
            for (Configuration c : cfgs) cw.write(c);
        }
        return w.getBuffer().length();
    }

    @Benchmark
    public int readMtp() {
        return pot == null ? 0 : MtpReader.parse(mtpText, "pot.mtp").momentProducts.length;
    }

    /** MB/s = 2.56 / (ms/op) * 1000. */
    @Benchmark
    public int readMtpLevel28Untrained() {
        return MtpReader.parse(level28Text, "l28.mtp").momentProducts.length;
    }

    @Benchmark
    public int readWriteMtp() {
        if (pot == null) return 0;
        return MtpWriter.format(MtpReader.parse(mtpText, "pot.mtp"), MtpWriter.Precision.MLIP2).length();
    }
}
