package org.mtpj.learn;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mtpj.core.UserError;
import org.mtpj.core.io.AtomicMasses;
import org.mtpj.core.io.CfgWriter;
import org.mtpj.core.model.Configuration;
import org.mtpj.host.CfgFiles;
import org.mtpj.host.LammpsDataFiles;

/**
 * The initial training set sampled by MD with the oracle itself (config table {@code [sample]}):
 * NVT from a LAMMPS data file at each temperature, a snapshot every {@code every} steps written
 * with {@code write_data}. The snapshots are unlabelled positions; {@link Learner} labels them
 * like any other initial configuration. Only a LAMMPS oracle can run MD; an ab initio user brings
 * the configurations of their own AIMD instead.
 *
 * <p>Each temperature runs in {@code sample/T<T>.tmp} and becomes {@code sample/T<T>.cfg} when
 * done, so a killed sampling continues at the temperature it was at.
 */
final class OracleSampler {
    private final LearnConfig cfg;
    private final LammpsOracle oracle;
    private final PrintStream out;

    OracleSampler(LearnConfig cfg, LammpsOracle oracle, PrintStream out) {
        this.cfg = cfg;
        this.oracle = oracle;
        this.out = out;
    }

    /** Snapshots of every temperature, in temperature order (runs what is not done yet). */
    List<Configuration> sample(Path dir) {
        LearnConfig.Sample s = cfg.sample();
        mkdirs(dir);
        List<Configuration> all = new ArrayList<>();
        for (int k = 0; k < s.temperatures().size(); k++) {
            double T = s.temperatures().get(k);
            String name = LearnConfig.kelvin(T);
            Path done = dir.resolve("T" + name + ".cfg");
            if (!Files.isRegularFile(done)) {
                long t0 = System.nanoTime();
                Path tmp = dir.resolve("T" + name + ".tmp");
                RunFiles.deleteTree(tmp);
                mkdirs(tmp);
                List<Configuration> frames = run(tmp, T, cfg.run().seed() * 1000 + 17 * k + 1);
                CfgFiles.writeAll(done, frames, CfgWriter.Style.LOSSLESS);
                try {
                    RunFiles.move(tmp, dir.resolve("T" + name));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                out.printf(Locale.ROOT, "sampled %d configurations by oracle MD at %s K (%.1f s)%n", frames.size(), name,
                        (System.nanoTime() - t0) * 1e-9);
            }
            all.addAll(CfgFiles.readAll(done));
        }
        return all;
    }

    private List<Configuration> run(Path work, double temperature, long seed) {
        LearnConfig.Sample s = cfg.sample();
        write(work.resolve("in.sample"), input(s, temperature, seed));
        List<String> cmd = new ArrayList<>(oracle.command());
        cmd.addAll(List.of("-in", "in.sample", "-log", "log.lammps", "-screen", "none"));
        int rc = ExternalProcess.run(cmd, work, work.resolve("lmp.out"));
        if (rc != 0)
            throw new UserError("oracle MD at " + LearnConfig.kelvin(temperature) + " K failed (exit " + rc + "): "
                    + LammpsOracle.lastError(work.resolve("log.lammps"), work.resolve("lmp.out")) + "; see " + work.resolve("log.lammps"));
        int n = s.steps() / s.every();
        List<Configuration> frames = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            Path f = work.resolve("frame-" + i + ".data");
            if (!Files.isRegularFile(f)) throw new UserError(f + ": snapshot missing after the oracle MD; see " + work.resolve("log.lammps"));
            Configuration c = LammpsDataFiles.read(f).configuration;
            c.features.put("sampled_by", "oracle MD " + LearnConfig.kelvin(temperature) + " K step " + (i * s.every()));
            frames.add(c);
        }
        return frames;
    }

    /** NVT (Nosé–Hoover, damping 100 time steps) with the oracle's pair lines, a data file every 'every' steps. */
    private String input(LearnConfig.Sample s, double temperature, long seed) {
        String[] species = cfg.potential().species();
        StringBuilder sb = new StringBuilder("# mtpj learn: sample the initial training set by MD with the oracle\n");
        sb.append("units metal\natom_style atomic\natom_modify map array sort 0 0.0\nboundary p p p\n");
        sb.append("read_data ").append(s.start().toAbsolutePath()).append('\n');
        for (int t = 0; t < species.length; t++) {
            double m = AtomicMasses.of(species[t]);
            if (Double.isNaN(m)) throw new UserError("no atomic mass known for species '" + species[t] + "'");
            sb.append("mass ").append(t + 1).append(' ').append(m).append("  # ").append(species[t]).append('\n');
        }
        for (String line : oracle.pairLines()) sb.append(line).append('\n');
        double dt = s.timestepPs();
        String T = LearnConfig.kelvin(temperature);
        sb.append("neighbor 1.0 bin\nneigh_modify every 1 delay 0 check yes\n");
        sb.append("timestep ").append(dt).append('\n');
        sb.append("velocity all create ").append(T).append(' ').append(seed).append(" mom yes rot yes dist gaussian\n");
        sb.append("fix mtpj_nvt all nvt temp ").append(T).append(' ').append(T).append(' ').append(100 * dt).append('\n');
        sb.append("thermo ").append(s.every()).append('\n');
        sb.append("variable k loop ").append(s.steps() / s.every()).append('\n');
        sb.append("label mtpj_next\n");
        sb.append("run ").append(s.every()).append('\n');
        sb.append("write_data frame-${k}.data\n");
        sb.append("next k\njump SELF mtpj_next\n");
        return sb.toString();
    }

    private static void mkdirs(Path p) {
        try {
            Files.createDirectories(p);
        } catch (IOException e) {
            throw new UserError("cannot create " + p + ": " + e.getMessage());
        }
    }

    private static void write(Path p, String text) {
        try {
            Files.writeString(p, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError("cannot write " + p + ": " + e.getMessage());
        }
    }
}
