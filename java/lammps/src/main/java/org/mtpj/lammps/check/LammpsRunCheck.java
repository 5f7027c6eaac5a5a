package org.mtpj.lammps.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.mtpj.core.eval.Blocks;
import org.mtpj.core.eval.Evaluator;
import org.mtpj.core.io.AtomicMasses;
import org.mtpj.core.io.InputFormatException;
import org.mtpj.core.io.LammpsDataReader;
import org.mtpj.core.model.Configuration;
import org.mtpj.core.model.MtpPotential;
import org.mtpj.host.LammpsDataFiles;
import org.mtpj.host.MtpFiles;
import org.mtpj.lammps.config.MlipIni;
import org.mtpj.train.grade.ActiveSetState;
import org.mtpj.train.grade.SelectionSession;

/**
 * Everything that would stop or surprise a LAMMPS run of an MTP input, found at once without
 * running it: the variables the command line would clash with, the files it reads (data,
 * includes, mlip.ini, the potential, the active-set state and its format), the type → species
 * mapping, the MLIP-2 settings and what mtpj does with them, and the expected cost per step
 * (measured on the input's own structure).
 */
public final class LammpsRunCheck {
    private final Path input;
    private final Path runDir;
    private final Map<String, List<String>> commandLineVars;
    private final boolean timing;
    private final List<Finding> findings = new ArrayList<>();

    private Configuration structure;
    private long atoms = -1;
    private MtpPotential pot;
    private String potName;
    private SelectionSession state;
    private long totalSteps;

    public LammpsRunCheck(Path input, Path runDir, Map<String, List<String>> commandLineVars, boolean timing) {
        this.input = input;
        this.runDir = runDir;
        this.commandLineVars = commandLineVars;
        this.timing = timing;
    }

    /** Runs every check; the findings in the order STOP, WARN, INFO. */
    public List<Finding> run() throws IOException {
        InputScan scan = InputScan.read(input, runDir, commandLineVars);
        findings.addAll(scan.findings);
        variables(scan);
        for (InputScan.Command c : scan.commands) {
            switch (c.name()) {
                case "read_data" -> readData(c);
                case "read_restart", "molecule", "read_dump" -> requireFile(c, c.name().equals("molecule") ? c.word(2) : c.word(1));
                case "replicate" -> replicate(c);
                case "pair_style" -> pairStyle(c);
                case "run" -> runSteps(c);
                default -> { }
            }
        }
        masses(scan);
        cost();
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(java.util.Comparator.comparing(Finding::severity));
        return sorted;
    }

    private void variables(InputScan scan) {
        List<String> settable = new ArrayList<>();
        for (InputScan.Variable v : scan.variables.values())
            if (v.style().equals("index") && !v.where().startsWith("command line")) settable.add(v.name() + " (" + v.value() + ")");
        boolean clash = false;
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            if (!f.text().contains("Cannot redefine variable") || settable.isEmpty()) continue;
            clash = true;
            findings.set(i, Finding.stop(f.where(), f.text() + "; set one of the input's own index variables instead: "
                    + String.join(", ", settable)));
        }
        if (!settable.isEmpty() && !clash)
            findings.add(Finding.info(null, "the input's index variables (-var NAME VALUE sets them): " + String.join(", ", settable)));
        String text = scan.rawText();
        for (String name : commandLineVars.keySet())
            if (!text.contains("${" + name + "}") && !(name.length() == 1 && text.contains("$" + name)))
                findings.add(Finding.warn("command line", "-var " + name + " is never used by the input"));
    }

    private Path resolve(String name) { return runDir.resolve(name); }

    private boolean requireFile(InputScan.Command c, String name) {
        if (name == null) return false;
        if (Files.isRegularFile(resolve(name))) return true;
        findings.add(Finding.stop(c.where(), c.name() + ": " + name + " not found in " + runDir
                + (Files.isRegularFile(input.toAbsolutePath().getParent().resolve(name)) ? " (it is next to " + input.getFileName()
                        + ": run LAMMPS in that folder)" : "") + " (LAMMPS reads it relative to the folder it runs in)"));
        return false;
    }

    private void readData(InputScan.Command c) {
        if (!requireFile(c, c.word(1))) return;
        try {
            LammpsDataReader d = LammpsDataFiles.read(resolve(c.word(1)));
            structure = d.configuration;
            atoms = structure.size;
        } catch (InputFormatException e) {
            findings.add(Finding.stop(c.where(), "read_data: " + e.getMessage()));
        }
    }

    private void replicate(InputScan.Command c) {
        int[] n = new int[3];
        for (int i = 0; i < 3; i++) {
            try {
                n[i] = Integer.parseInt(c.word(i + 1));
            } catch (RuntimeException e) {
                return;
            }
            if (n[i] < 1) return;
        }
        if (atoms > 0) atoms *= (long) n[0] * n[1] * n[2];
        if (structure != null && atoms <= 100_000) structure = replicated(structure, n);
    }

    /** The structure as LAMMPS' replicate makes it (for the cost measurement: per-atom costs depend on the cell). */
    private static Configuration replicated(Configuration c, int[] n) {
        int copies = n[0] * n[1] * n[2];
        Configuration r = new Configuration(c.size * copies);
        for (int a = 0; a < 3; a++)
            for (int b = 0; b < 3; b++) r.lattice[a][b] = c.lattice[a][b] * n[a];
        r.latticeRows = c.latticeRows;
        int k = 0;
        for (int i = 0; i < n[0]; i++)
            for (int j = 0; j < n[1]; j++)
                for (int l = 0; l < n[2]; l++)
                    for (int atom = 0; atom < c.size; atom++, k++) {
                        r.ids[k] = k + 1;
                        r.types[k] = c.types[atom];
                        for (int x = 0; x < 3; x++)
                            r.positions[3 * k + x] = c.positions[3 * atom + x] + i * c.lattice[0][x] + j * c.lattice[1][x] + l * c.lattice[2][x];
                    }
        return r;
    }

    private void runSteps(InputScan.Command c) {
        try {
            totalSteps += Long.parseLong(c.word(1));
        } catch (RuntimeException e) {
            findings.add(Finding.info(c.where(), "run " + c.word(1) + ": length known only when LAMMPS runs"));
        }
    }

    private void pairStyle(InputScan.Command c) {
        List<String> w = c.words();
        int k = Math.max(w.indexOf("mlip"), w.indexOf("mtp/java"));
        if (k < 0) {
            if (w.contains("mtp"))
                findings.add(Finding.info(c.where(), "pair_style mtp is LAMMPS's own ML-MTP; for mtpj write pair_style mtp/java"
                        + " (same .mtp file) and run ./lmp-mtpj"));
            return;
        }
        String file = c.word(k + 1);
        if (file == null) {
            findings.add(Finding.stop(c.where(), "pair_style " + w.get(k) + " needs a file: mlip.ini or a .mtp potential"));
            return;
        }
        if (!requireFile(c, file)) return;
        Path p = resolve(file);
        if (file.endsWith(".mtp")) potential(c.where(), p, file);
        else mlipIni(p, file);
    }

    private void mlipIni(Path ini, String name) {
        MlipIni m;
        try {
            m = MlipIni.read(ini, runDir, false);
        } catch (InputFormatException e) {
            findings.add(Finding.stop(null, e.getMessage()));
            return;
        }
        for (String w : m.warnings) findings.add(Finding.warn(null, w));
        String where = name + ":" + m.lines.getOrDefault("mtp-filename", 0);
        String mtp = m.values.get("mtp-filename");
        if (Files.isRegularFile(m.mtpFile)) {
            potential(where, m.mtpFile, mtp);
        } else {
            List<String> others = mtpFilesIn(runDir);
            String hint = others.isEmpty() ? "" : "; " + runDir + " has " + String.join(", ", others)
                    + (others.size() == 1 ? ": point mtp-filename at it (the rest of this check uses it)" : "");
            findings.add(Finding.stop(where, "mtp-filename " + mtp + " not found" + hint));
            if (others.size() == 1) potential(where, runDir.resolve(others.get(0)), others.get(0));
        }
        MlipIni.Selection s = m.select;
        if (!s.enabled()) {
            findings.add(Finding.info(null, "no extrapolation control (select FALSE): the MD cannot tell when it leaves the training domain"));
            return;
        }
        String potArg = mtp == null ? "POT.mtp" : mtp;
        String stateWhere = name + ":" + m.lines.getOrDefault("select:load-state", 0);
        if (s.loadState() == null) {
            findings.add(Finding.stop(name, "select TRUE needs select:load-state (an active-set state); make one with: "
                    + ActiveSetState.rebuildCommand(potArg, "TRAIN.cfg", "state.als")));
        } else if (!Files.isRegularFile(s.loadState())) {
            findings.add(Finding.stop(stateWhere, "select:load-state " + m.values.get("select:load-state")
                    + " not found; rebuild it from the training set: "
                    + ActiveSetState.rebuildCommand(potArg, "TRAIN.cfg", m.values.get("select:load-state"))));
        } else {
            state(stateWhere, s.loadState(), potArg, m.values.get("select:load-state"));
        }
        findings.add(Finding.info(stateWhere, String.format(Locale.ROOT, "selection: configurations with grade > %s %s%s",
                fmt(s.threshold()), s.saveSelected() == null ? "are only counted (no select:save-selected)"
                        : "are appended to " + m.values.get("select:save-selected") + capText(s.saveCap()),
                s.breaksRun() ? "; the run stops at grade > " + fmt(s.thresholdBreak()) : "")));
        if (s.saveSelected() != null && Files.isRegularFile(s.saveSelected())) {
            long bytes = size(s.saveSelected());
            findings.add(Finding.warn(name, m.values.get("select:save-selected") + " exists (" + bytes
                    + " bytes): new selections are appended to the old ones"));
        }
    }

    /** How select:save-selected is capped, as said after "are appended to FILE". */
    private static String capText(MlipIni.SaveCap cap) {
        if (!cap.any()) return " (no cap: select:save-selected-max N or select:save-selected-max-mb M sets one)";
        List<String> caps = new ArrayList<>();
        if (cap.maxConfigurations() > 0) caps.add("at most " + cap.maxConfigurations() + " configurations of this run");
        if (cap.maxBytes() > 0) caps.add("the file at most " + cap.maxBytes() + " bytes");
        return " (" + String.join(", ", caps) + ")";
    }

    private void state(String where, Path file, String potArg, String name) {
        ActiveSetState.Kind kind;
        try {
            kind = ActiveSetState.kindOf(file);
        } catch (IOException e) {
            findings.add(Finding.stop(where, "cannot read " + name + ": " + e.getMessage()));
            return;
        }
        switch (kind) {
            case MLIP2_BINARY -> findings.add(Finding.stop(where, name + " is a binary file: MLIP-2's state format, which mtpj does not"
                    + " read; rebuild it from the training set: " + ActiveSetState.rebuildCommand(potArg, "TRAIN.cfg", name)));
            case OTHER -> findings.add(Finding.stop(where, name + " is not an active-set state (it does not start with '"
                    + ActiveSetState.MAGIC + "')"));
            case MTPJ -> {
                try {
                    state = ActiveSetState.load(file);
                    findings.add(Finding.info(where, name + ": mtpj active-set state, " + state.configurations().size()
                            + " configurations own its rows"));
                    if (pot != null && state.potential().coefficientCount() != pot.coefficientCount())
                        findings.add(Finding.stop(where, name + " was made for a potential with " + state.potential().coefficientCount()
                                + " coefficients, " + potName + " has " + pot.coefficientCount() + ": rebuild it with "
                                + ActiveSetState.rebuildCommand(potArg, "TRAIN.cfg", name)));
                } catch (RuntimeException e) {
                    findings.add(Finding.stop(where, e.getMessage()));
                }
            }
        }
    }

    private void potential(String where, Path file, String name) {
        try {
            pot = MtpFiles.read(file);
            potName = name;
        } catch (InputFormatException e) {
            findings.add(Finding.stop(where, e.getMessage()));
            return;
        }
        if (!pot.fitted) findings.add(Finding.stop(where, name + " is untrained: train it first (mtpj train)"));
        findings.add(Finding.info(where, String.format(Locale.ROOT, "%s: %d species, R_cut %s Å, R_min %s Å, %d coefficients",
                name, pot.speciesCount, fmt(pot.maxDist), fmt(pot.minDist), pot.coefficientCount())));
    }

    private void masses(InputScan scan) {
        if (structure == null) return;
        int types = 0;
        for (int t : structure.types) types = Math.max(types, t + 1);
        if (pot != null && types > pot.speciesCount)
            findings.add(Finding.stop(null, "the data file has atoms of type " + types + ", the potential only "
                    + pot.speciesCount + " species (LAMMPS type t = MTP species t-1)"));
        StringBuilder map = new StringBuilder();
        for (int t = 1; t <= types; t++) {
            String el = null;
            for (InputScan.Command c : scan.commands)
                if (c.name().equals("mass") && String.valueOf(t).equals(c.word(1))) {
                    try {
                        el = AtomicMasses.nearest(Double.parseDouble(c.word(2)));
                    } catch (RuntimeException e) {
                        el = null;
                    }
                }
            map.append(t == 1 ? "" : ", ").append("type ").append(t).append(el != null ? " (" + el + ")" : "").append(" -> species ").append(t - 1);
        }
        findings.add(Finding.info(null, "mapping (pair_coeff * *): " + map + "; " + (atoms > 0 ? atoms + " atoms" : "")));
    }

    /** µs per atom and step of the potential (and of the grading) measured on the input's own structure, one thread. */
    private void cost() {
        if (!timing || pot == null || structure == null || !pot.fitted) return;
        double eval, grade = Double.NaN;
        try {
            Evaluator ev = new Evaluator(pot, Blocks.SERIAL);
            eval = microsPerAtom(() -> ev.evaluate(structure));
            if (state != null) grade = microsPerAtom(() -> state.grade(structure));
        } catch (RuntimeException e) {
            findings.add(Finding.warn(null, "cost not measured: " + e.getMessage()));
            return;
        }
        double perAtom = eval + (Double.isNaN(grade) ? 0 : grade);
        long n = atoms > 0 ? atoms : structure.size;
        String line = String.format(Locale.ROOT, "expected cost (CPU time measured here, warm, 1 thread): %.0f µs/atom-step for the MTP%s -> %.2f s per"
                + " 1000 steps for %d atoms", eval, Double.isNaN(grade) ? "" : String.format(Locale.ROOT, " + %.0f for the grades", grade),
                perAtom * n * 1000 * 1e-6, n);
        if (totalSteps > 0)
            line += String.format(Locale.ROOT, "; the input's runs (%d steps) ≈ %s (divide by threads × MPI ranks)", totalSteps,
                    duration(perAtom * n * totalSteps * 1e-6));
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        int cores = Runtime.getRuntime().availableProcessors();
        if (load > cores) line += String.format(Locale.ROOT, " [load %.1f on %d cores while measuring: an idle machine is faster]", load, cores);
        findings.add(Finding.info(null, line));
    }

    /**
     * Warm (compiled) cost of one call in µs of CPU time: runs for a second of CPU first, then
     * measures for half a second. CPU time of the process, not wall time, so that other jobs on a
     * busy machine do not inflate the estimate (what one idle core would take).
     */
    private static double microsPerCall(Runnable r) {
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long start = os.getProcessCpuTime();
        do r.run(); while (os.getProcessCpuTime() - start < 1_000_000_000L);
        long t0 = os.getProcessCpuTime();
        int k = 0;
        do {
            r.run();
            k++;
        } while (os.getProcessCpuTime() - t0 < 500_000_000L);
        return (os.getProcessCpuTime() - t0) * 1e-3 / k;
    }

    private double microsPerAtom(java.util.function.Supplier<?> s) {
        return microsPerCall(s::get) / structure.size;
    }

    private static String duration(double s) {
        if (s < 120) return String.format(Locale.ROOT, "%.0f s", s);
        if (s < 7200) return String.format(Locale.ROOT, "%.0f min", s / 60);
        return String.format(Locale.ROOT, "%.1f h", s / 3600);
    }

    private static List<String> mtpFilesIn(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".mtp") && Files.isRegularFile(p))
                    .map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    private static String fmt(double v) {
        return org.mtpj.core.io.PythonNumbers.compact(v);
    }
}
