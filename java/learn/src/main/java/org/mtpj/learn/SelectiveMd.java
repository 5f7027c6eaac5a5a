package org.mtpj.learn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mtpj.core.UserError;
import org.mtpj.core.io.AtomicMasses;
import org.mtpj.core.io.CfgReader;
import org.mtpj.host.CfgFiles;

/**
 * One MD run with extrapolation control (mlip.ini {@code select TRUE}) through LAMMPS with
 * {@code pair_style mtp/java}: mtpj's own NVT input, or the user's, which gets the variables
 * {@code data mlipini T steps seed threads dt tdamp thermo} and runs in the folder that holds
 * {@code mlip.ini}. Configurations above the threshold go to {@code preselected.cfg}; a grade above
 * the break threshold stops the run, which is an answer here, not a failure.
 */
final class SelectiveMd {
    /** What the run showed: the largest grade, how many configurations were saved, whether it stopped early. */
    record Result(double maxGrade, int preselected, boolean broke, double seconds) {}

    private static final Pattern MAX_GRADE = Pattern.compile("max MV-grade ([-+0-9.eE]+|inf|nan)");
    private static final Pattern BREAK = Pattern.compile("Breaking threshold exceeded \\(MV-grade: ([-+0-9.eE]+)\\)");

    private final LearnConfig cfg;
    private final List<String> lammps;

    SelectiveMd(LearnConfig cfg) {
        this.cfg = cfg;
        this.lammps = cfg.md().lammps() != null ? cfg.md().lammps() : List.of(Installation.lmpMtpj());
    }

    String describe() { return String.join(" ", command()); }

    private List<String> command() {
        return ExternalProcess.underMpi(cfg.md().mpiRanks(), lammps);
    }

    /** Runs in dir (empty); pot and state are absolute paths. */
    Result run(Path dir, Path pot, Path state, Path startData, double temperature, long seed) {
        long t0 = System.nanoTime();
        String ini = "# mtpj learn: the MTP of this round with extrapolation control\n"
                + "mtp-filename " + pot.toAbsolutePath() + "\n"
                + "calculate-efs TRUE\n"
                + "select TRUE\n"
                + String.format(Locale.ROOT, "    select:threshold %s%n    select:threshold-break %s%n",
                        cfg.selection().threshold(), cfg.selection().thresholdBreak())
                + "    select:save-selected preselected.cfg\n"
                + "    select:load-state " + state.toAbsolutePath() + "\n";
        write(dir.resolve("mlip.ini"), ini);
        Path input = cfg.md().input();
        if (input == null) {
            input = dir.resolve("in.md");
            write(input, builtInInput());
        }
        double dt = cfg.md().timestepPs();
        List<String> cmd = command();
        cmd.addAll(List.of("-in", input.toAbsolutePath().toString(), "-log", "log.lammps", "-screen", "none"));
        var vars = new java.util.LinkedHashMap<String, String>();
        vars.put("data", startData.toAbsolutePath().toString());
        vars.put("mlipini", "mlip.ini");
        vars.put("T", LearnConfig.kelvin(temperature));
        vars.put("steps", Integer.toString(cfg.md().steps()));
        vars.put("seed", Long.toString(seed));
        vars.put("threads", Integer.toString(cfg.md().threads()));
        vars.put("dt", Double.toString(dt));
        vars.put("tdamp", Double.toString(100 * dt));
        vars.put("thermo", Integer.toString(cfg.md().thermoEvery()));
        vars.putAll(cfg.md().variables());
        for (var e : vars.entrySet()) cmd.addAll(List.of("-var", e.getKey(), e.getValue()));
        int rc = ExternalProcess.run(cmd, dir, dir.resolve("lmp.out"));
        String log = read(dir.resolve("log.lammps")) + "\n" + read(dir.resolve("lmp.out"));
        Matcher b = BREAK.matcher(log);
        boolean broke = b.find();
        if (rc != 0 && !broke) {
            String err = log.lines().filter(l -> l.startsWith("ERROR")).findFirst().orElse("exit code " + rc);
            throw new UserError("LAMMPS failed: " + err.trim() + " (see " + dir.resolve("log.lammps") + ")");
        }
        double max = broke ? Double.parseDouble(b.group(1)) : Double.NaN;
        Matcher m = MAX_GRADE.matcher(log);
        while (m.find()) {
            double g = parseGrade(m.group(1));
            max = Double.isNaN(max) ? g : Math.max(max, g);
        }
        Path sel = dir.resolve("preselected.cfg");
        int n = 0;
        if (Files.isRegularFile(sel)) {
            try (CfgReader r = CfgFiles.open(sel)) {
                for (var c : r) {
                    n++;
                    String g = c.features.get("MV_grade");
                    if (g != null) max = Double.isNaN(max) ? parseGrade(g) : Math.max(max, parseGrade(g));
                }
            }
        }
        if (Double.isNaN(max))
            throw new UserError(dir.resolve("log.lammps") + ": no extrapolation grade reported; does the input use"
                    + " 'pair_style mtp/java ${mlipini}' (or 'pair_style mlip mlip.ini')?");
        return new Result(max, n, broke, (System.nanoTime() - t0) * 1e-9);
    }

    private static double parseGrade(String s) {
        if (s.equals("inf")) return Double.POSITIVE_INFINITY;
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.POSITIVE_INFINITY;
        }
    }

    /** NVT (Nosé–Hoover, damping 100 time steps) from the start structure, velocities at T. */
    private String builtInInput() {
        StringBuilder sb = new StringBuilder();
        sb.append("# mtpj learn: NVT MD with extrapolation control (variables set by mtpj learn)\n");
        sb.append("units metal\natom_style atomic\nboundary p p p\nread_data ${data}\n");
        String[] species = cfg.potential().species();
        for (int t = 0; t < species.length; t++) {
            double m = AtomicMasses.of(species[t]);
            if (Double.isNaN(m)) throw new UserError("no atomic mass known for species '" + species[t] + "'; give your own [md] input");
            sb.append("mass ").append(t + 1).append(' ').append(m).append("  # ").append(species[t]).append('\n');
        }
        sb.append("pair_style mtp/java ${mlipini} threads ${threads}\npair_coeff * *\n");
        sb.append("neighbor 1.0 bin\nneigh_modify every 1 delay 0 check yes\ntimestep ${dt}\n");
        sb.append("velocity all create ${T} ${seed} mom yes rot yes dist gaussian\n");
        sb.append("fix mtpj_nvt all nvt temp ${T} ${T} ${tdamp}\n");
        sb.append("compute mtpj_grade all pair mtp/java\n");
        sb.append("thermo_style custom step temp pe press c_mtpj_grade[1]\nthermo_modify flush yes\nthermo ${thermo}\n");
        sb.append("run ${steps}\n");
        return sb.toString();
    }

    private static String read(Path p) {
        try {
            return Files.isRegularFile(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void write(Path p, String text) {
        try {
            Files.writeString(p, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + p + ": " + e.getMessage(), e);
        }
    }
}
