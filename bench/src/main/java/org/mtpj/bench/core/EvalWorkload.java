package org.mtpj.bench.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.mtpj.core.model.Configuration;
import org.mtpj.core.model.MtpPotential;
import org.mtpj.host.CfgFiles;
import org.mtpj.host.MtpFiles;

/**
 * The evaluation workload of the benchmarks: the study potential (level 16, 383 coefficients) and
 * the 768-atom MLIP-2 reference frames from the shared folder ($MTPJ_SHARED, else ../shared beside
 * the working directory or the repository). Without them: a generated 768-atom cell and a small
 * generated potential (then the numbers are not comparable with MLIP-2's).
 */
public final class EvalWorkload {
    public final MtpPotential potential;
    public final List<Configuration> frames;
    public final String description;

    private EvalWorkload(MtpPotential potential, List<Configuration> frames, String description) {
        this.potential = potential;
        this.frames = frames;
        this.description = description;
    }

    public static EvalWorkload load() {
        Path shared = sharedRoot();
        if (shared != null) {
            Path pot = shared.resolve("data/amorphous-MgV2O5/pot.mtp");
            Path cfg = shared.resolve("reference/mlip2/dump600K_frames00-09.cfg");
            if (Files.exists(pot) && Files.exists(cfg))
                return new EvalWorkload(MtpFiles.read(pot), CfgFiles.readAll(cfg), "study pot.mtp on " + cfg);
        }
        return new EvalWorkload(generatedPotential(), List.of(generatedCell()), "generated cell and potential (shared folder not found)");
    }

    public int atoms() {
        int n = 0;
        for (Configuration c : frames) n += c.size;
        return n;
    }

    static Path sharedRoot() {
        String env = System.getenv("MTPJ_SHARED");
        if (env != null && !env.isBlank()) return Path.of(env);
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path s = p.resolve("shared");
            if (Files.isDirectory(s.resolve("reference"))) return s;
            s = p.resolve("../shared").normalize();
            if (Files.isDirectory(s.resolve("reference"))) return s;
        }
        return null;
    }

    /** 768 atoms of 3 species at the study's density (17.6 Å cube), jittered simple-cubic positions. */
    static Configuration generatedCell() {
        Random rnd = new Random(42);
        int per = 9; // 729 sites + 39 extra = 768
        double l = 17.6;
        Configuration c = new Configuration(768);
        c.latticeRows = 3;
        for (int a = 0; a < 3; a++) c.lattice[a][a] = l;
        int i = 0;
        for (int x = 0; x < per && i < 768; x++)
            for (int y = 0; y < per && i < 768; y++)
                for (int z = 0; z < per && i < 768; z++, i++) {
                    c.positions[3 * i] = (x + 0.5 + 0.3 * (rnd.nextDouble() - 0.5)) * l / per;
                    c.positions[3 * i + 1] = (y + 0.5 + 0.3 * (rnd.nextDouble() - 0.5)) * l / per;
                    c.positions[3 * i + 2] = (z + 0.5 + 0.3 * (rnd.nextDouble() - 0.5)) * l / per;
                    c.types[i] = i % 3;
                }
        for (; i < 768; i++) {
            for (int a = 0; a < 3; a++) c.positions[3 * i + a] = (i - 729 + 0.25) * l / 39 * (a == 0 ? 1 : 0.5) + (a == 0 ? 0.05 : 0.9);
            c.types[i] = i % 3;
        }
        return c;
    }

    /** A small 3-species potential with moments of rank 0–2 (used only without the shared data). */
    static MtpPotential generatedPotential() {
        Random rnd = new Random(1);
        List<int[]> basic = new ArrayList<>();
        basic.add(new int[] {0, 0, 0, 0});
        for (int p = 1; p >= 0; p--) for (int q = 1 - p; q >= 0; q--) basic.add(new int[] {0, p, q, 1 - p - q});
        for (int p = 2; p >= 0; p--) for (int q = 2 - p; q >= 0; q--) basic.add(new int[] {1, p, q, 2 - p - q});
        List<int[]> times = new ArrayList<>();
        for (int a = 0; a < 3; a++) times.add(new int[] {1 + a, 1 + a, 1, 10});
        int[] m2 = {1, 2, 2, 1, 2, 1};
        for (int c = 0; c < 6; c++) times.add(new int[] {4 + c, 4 + c, m2[c], 11});
        int C = 3, K = 2, R = 8;
        double[] radial = new double[C * C * K * R];
        for (int k = 0; k < radial.length; k++) radial[k] = rnd.nextDouble() - 0.5;
        return new MtpPotential("generated", 0.02, C, MtpPotential.RadialBasisType.RBChebyshev, 1.4, 7.0, R, K, 12,
                basic.toArray(new int[0][]), times.toArray(new int[0][]), new int[] {0, 10, 11}, radial,
                new double[] {-6.7, -6.8, -6.5}, new double[] {0.1, -0.05, 0.02}, true, null);
    }
}
