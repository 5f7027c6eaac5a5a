package org.mtpj.learn;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What {@code mtpj learn} does, read from a TOML file (docs/learn.md lists every key). Units:
 * Å, eV, K, ps. Relative paths are relative to the configuration file.
 */
public record LearnConfig(Path file, Run run, Data data, Sample sample, Potential potential, Training training, Md md,
                          Selection selection, OracleSettings oracle) {

    /** The run folder and the limits of the loop. */
    public record Run(Path dir, int maxRounds, int maxNewPerRound, double wallTimeMinutes, int threads, long seed) {}

    /** Labelled configurations: the initial training set (null when sampled) and an optional held-out set. */
    public record Data(Path train, Path valid) {}

    /**
     * The initial set sampled by NVT MD with the oracle (LAMMPS oracles only): from a LAMMPS data
     * file, a snapshot every {@code every} of {@code steps} steps at each temperature. Null = none.
     */
    public record Sample(Path start, List<Double> temperatures, int steps, int every, double timestepPs) {}

    /** The starting potential: a .mtp file, or a new untrained one of this level. */
    public record Potential(Path start, String[] species, int level, double minDist, double maxDist, int radialBasisSize) {}

    /** Training settings of every round (mtpj train's meaning); maxIterFirst for round 1, the others start from the last potential. */
    public record Training(int maxIter, int maxIterFirst, int pretrainIter, double energyWeight, double forceWeight, double stressWeight,
                           String init) {}

    /**
     * MD with extrapolation control at every temperature. {@code input} null = mtpj's own NVT input;
     * {@code starts} maps a temperature to a LAMMPS data file (key 0 = every temperature; empty = the
     * last training configuration).
     */
    public record Md(List<Double> temperatures, int steps, double timestepPs, int thermoEvery, Map<Double, Path> starts,
                     Path input, List<String> lammps, int mpiRanks, int threads, Map<String, String> variables) {}

    /** select:threshold and select:threshold-break of the MD. */
    public record Selection(double threshold, double thresholdBreak) {}

    /**
     * The oracle: {@code lammps} (pair lines, run by {@code lmp}), {@code command} (IN.cfg → OUT.cfg),
     * {@code cp2k} ({@link #cp2k}) or {@code vasp} ({@link #vasp}; its {@code command} runs VASP);
     * {@code parallel}: how many configurations are labelled at once (default 1).
     */
    public record OracleSettings(String type, List<String> pair, List<String> lammps, List<String> command,
                                 Cp2kOracle.Settings cp2k, VaspOracle.Settings vasp, int parallel) {}

    /** [oracle] keys of each type (a key of another type is a mistake, not something to ignore). */
    private static final Map<String, Set<String>> ORACLE_KEYS = Map.of(
            "lammps", Set.of("type", "parallel", "pair", "lammps"),
            "command", Set.of("type", "parallel", "command"),
            "cp2k", Set.of("type", "parallel", "cp2k", "template", "basis", "cutoff_ry", "rel_cutoff_ry", "mpi_ranks", "threads", "timeout_minutes"),
            "vasp", Set.of("type", "parallel", "command", "incar", "kpoints", "potcar", "timeout_minutes"));

    private static final Map<String, Set<String>> KEYS = Map.of(
            "run", Set.of("dir", "max_rounds", "max_new_per_round", "wall_time_minutes", "threads", "seed"),
            "data", Set.of("train", "valid"),
            "sample", Set.of("start", "temperatures", "steps", "every", "timestep_ps"),
            "potential", Set.of("start", "species", "level", "min_dist", "max_dist", "radial_basis_size"),
            "train", Set.of("max_iter", "max_iter_first", "pretrain_iter", "energy_weight", "force_weight", "stress_weight", "init_params"),
            "md", Set.of("temperatures", "steps", "timestep_ps", "thermo_every", "start", "input", "lammps", "mpi_ranks",
                    "threads", "variables"),
            "selection", Set.of("threshold", "threshold_break"),
            "oracle", ORACLE_KEYS.values().stream().flatMap(Set::stream).collect(java.util.stream.Collectors.toUnmodifiableSet()));

    public static LearnConfig read(Path file) {
        ConfigFile c = ConfigFile.read(file);
        c.checkKeys(KEYS);
        int cores = Runtime.getRuntime().availableProcessors();
        String stem = file.getFileName().toString().replaceFirst("\\.toml$", "");
        Path dir = c.path("run", "dir");
        Run run = new Run(dir != null ? dir : c.base().resolve(stem + ".run"),
                c.integer("run", "max_rounds", 10, 1), c.integer("run", "max_new_per_round", 0, 0),
                c.number("run", "wall_time_minutes", 0), c.integer("run", "threads", cores, 1),
                c.integer("run", "seed", 1, 0));

        Path train = c.path("data", "train");
        boolean sampled = c.node("sample", "start").isValueNode();
        if (train == null && !sampled)
            throw c.missing("data", "train", "the initial training set, .cfg (or a [sample] table: oracle MD to sample it)");
        if (train != null) requireFile(c, "data", "train", train);
        Path valid = c.path("data", "valid");
        if (valid != null) requireFile(c, "data", "valid", valid);
        Data data = new Data(train, valid);

        List<String> speciesList = c.strings("potential", "species");
        if (speciesList == null) throw c.missing("potential", "species", "element names in species order, e.g. [\"Si\", \"O\"]");
        for (String s : speciesList)
            if (!s.matches("[A-Z][a-z]?"))
                throw c.error("potential", "species", "expected element symbols like \"Si\", got \"" + s + "\"");
        Path start = c.path("potential", "start");
        if (start != null) requireFile(c, "potential", "start", start);
        int level = c.integer("potential", "level", 0, 0);
        if (start == null && level < 2) throw c.missing("potential", "start", "a .mtp file, or 'level' (>= 2) for a new one");
        double maxDist = c.number("potential", "max_dist", 5.0);
        double minDist = c.number("potential", "min_dist", Double.NaN);
        if (!Double.isNaN(minDist) && !(minDist > 0 && minDist < maxDist))
            throw c.error("potential", "min_dist", "must be positive and below max_dist (" + maxDist + " Å)");
        Potential pot = new Potential(start, speciesList.toArray(new String[0]), level, minDist, maxDist,
                c.integer("potential", "radial_basis_size", 8, 2));

        String init = c.string("train", "init_params", "same").toLowerCase(Locale.ROOT);
        if (!init.equals("same") && !init.equals("random")) throw c.error("train", "init_params", "expected \"same\" or \"random\"");
        int maxIter = c.integer("train", "max_iter", 200, 0);
        Training training = new Training(maxIter, c.integer("train", "max_iter_first", maxIter, 0), c.integer("train", "pretrain_iter", 75, 0),
                c.number("train", "energy_weight", 1), c.number("train", "force_weight", 0.01),
                c.number("train", "stress_weight", 0.001), init);

        List<Double> temps = c.numbers("md", "temperatures");
        if (temps == null) throw c.missing("md", "temperatures", "list of temperatures in K");
        for (double t : temps) if (!(t > 0)) throw c.error("md", "temperatures", "temperatures must be positive (K)");
        int steps = c.integer("md", "steps", 0, 0);
        if (steps < 1) throw c.missing("md", "steps", "MD steps per temperature and round");
        double dt = c.number("md", "timestep_ps", 0.001);
        if (!(dt > 0 && dt < 0.1)) throw c.error("md", "timestep_ps", "expected a time step in ps, e.g. 0.001");
        Map<Double, Path> starts = new TreeMap<>();
        var startNode = c.node("md", "start");
        if (startNode.isString()) {
            Path p = c.path("md", "start");
            requireFile(c, "md", "start", p);
            starts.put(0.0, p);
        } else if (startNode.isObject()) {
            for (var e : startNode.properties()) {
                double t;
                try {
                    t = Double.parseDouble(e.getKey());
                } catch (NumberFormatException ex) {
                    throw c.error("md", "start", "table keys must be temperatures, got \"" + e.getKey() + "\"");
                }
                if (!e.getValue().isString()) throw c.error("md", "start", "expected a data file name for " + e.getKey() + " K");
                Path p = c.base().resolve(e.getValue().asString()).normalize();
                requireFile(c, "md", "start", p);
                starts.put(t, p);
            }
            for (double t : temps)
                if (!starts.containsKey(t)) throw c.error("md", "start", "no start file for " + t + " K");
        } else if (!startNode.isMissingNode()) {
            throw c.error("md", "start", "expected a LAMMPS data file or a table {\"<T>\" = \"file\"}");
        }
        Path input = c.path("md", "input");
        if (input != null) requireFile(c, "md", "input", input);
        Map<String, String> vars = new LinkedHashMap<>();
        var varNode = c.node("md", "variables");
        if (varNode.isObject()) {
            for (var e : varNode.properties()) {
                if (!e.getValue().isValueNode()) throw c.error("md", "variables", "values must be strings or numbers");
                vars.put(e.getKey(), e.getValue().asString());
            }
        } else if (!varNode.isMissingNode()) {
            throw c.error("md", "variables", "expected a table of LAMMPS variables {name = value}");
        }
        Md md = new Md(List.copyOf(temps), steps, dt, c.integer("md", "thermo_every", Math.max(1, steps / 20), 1), starts, input,
                c.strings("md", "lammps"), c.integer("md", "mpi_ranks", 1, 1), c.integer("md", "threads", 1, 1), vars);

        double threshold = c.number("selection", "threshold", 2.0);
        double brk = c.number("selection", "threshold_break", 10.0);
        if (!(threshold > 1)) throw c.error("selection", "threshold", "must be above 1 (grade 1 = inside the training set)");
        if (!(brk > threshold)) throw c.error("selection", "threshold_break", "must be above threshold (" + threshold + ")");
        Selection sel = new Selection(threshold, brk);

        OracleSettings oracle = oracle(c);
        String type = oracle.type();
        Sample sample = sampled ? sample(c, md, type) : null;
        refuseInputsInside(c, run.dir(), "data", "train", train);
        refuseInputsInside(c, run.dir(), "data", "valid", valid);
        refuseInputsInside(c, run.dir(), "potential", "start", start);
        refuseInputsInside(c, run.dir(), "md", "input", input);
        for (Path p : starts.values()) refuseInputsInside(c, run.dir(), "md", "start", p);
        if (sample != null) refuseInputsInside(c, run.dir(), "sample", "start", sample.start());
        return new LearnConfig(file, run, data, sample, pot, training, md, sel, oracle);
    }

    private static OracleSettings oracle(ConfigFile c) {
        String type = c.string("oracle", "type", null);
        if (type == null) throw c.missing("oracle", "type", "\"lammps\", \"command\", \"cp2k\" or \"vasp\"");
        Set<String> allowed = ORACLE_KEYS.get(type);
        if (allowed == null) throw c.error("oracle", "type", "expected \"lammps\", \"command\", \"cp2k\" or \"vasp\", got \"" + type + "\"");
        List<String> pair = c.strings("oracle", "pair");
        List<String> command = c.strings("oracle", "command");
        Cp2kOracle.Settings cp2k = null;
        VaspOracle.Settings vasp = null;
        double timeout = c.number("oracle", "timeout_minutes", 0);
        if (!(timeout >= 0)) throw c.error("oracle", "timeout_minutes", "expected minutes per configuration, 0 = no limit");
        switch (type) {
            case "lammps" -> {
                if (pair == null) throw c.missing("oracle", "pair", "the pair_style/pair_coeff lines of the reference potential");
            }
            case "command" -> {
                if (command == null) throw c.missing("oracle", "command", "a command that labels {in} (.cfg) into {out} (.cfg)");
            }
            case "cp2k" -> {
                Path template = c.path("oracle", "template");
                if (template != null) {
                    requireFile(c, "oracle", "template", template);
                    String text;
                    try {
                        text = Files.readString(template, java.nio.charset.StandardCharsets.UTF_8);
                    } catch (java.io.IOException | java.io.UncheckedIOException e) {
                        throw c.error("oracle", "template", "cannot read " + template + " as UTF-8 text: " + e.getMessage());
                    }
                    List<String> missing = Cp2kInput.missingPlaceholders(text);
                    if (!missing.isEmpty())
                        throw c.error("oracle", "template", template + " lacks " + String.join(" and ", missing)
                                + " (mtpj puts the configuration's &CELL and &COORD sections there)");
                }
                List<String> program = c.strings("oracle", "cp2k");
                double cutoff = c.number("oracle", "cutoff_ry", 400), rel = c.number("oracle", "rel_cutoff_ry", 50);
                if (!(cutoff > 0)) throw c.error("oracle", "cutoff_ry", "expected the plane-wave cutoff in Ry, e.g. 400");
                if (!(rel > 0)) throw c.error("oracle", "rel_cutoff_ry", "expected the relative cutoff in Ry, e.g. 50");
                cp2k = new Cp2kOracle.Settings(program != null ? program : List.of("cp2k"), template,
                        c.string("oracle", "basis", "DZVP-MOLOPT-SR-GTH"), cutoff, rel,
                        c.integer("oracle", "mpi_ranks", 1, 1), c.integer("oracle", "threads", 1, 1), timeout);
            }
            default -> { // vasp
                if (command == null) throw c.missing("oracle", "command", "how VASP runs in the configuration's folder, e.g. \"mpirun -np 32 vasp_std\"");
                Path incar = c.path("oracle", "incar"), kpoints = c.path("oracle", "kpoints"), potcar = c.path("oracle", "potcar");
                if (incar == null) throw c.missing("oracle", "incar", "your INCAR (NSW = 0: one single point per configuration)");
                requireFile(c, "oracle", "incar", incar);
                if (kpoints != null) requireFile(c, "oracle", "kpoints", kpoints);
                if (potcar == null) throw c.missing("oracle", "potcar", "a POTCAR for every species in order, or a folder with <El>/POTCAR");
                if (!Files.exists(potcar)) throw c.error("oracle", "potcar", potcar + " not found");
                vasp = new VaspOracle.Settings(incar, kpoints, potcar, command, timeout);
            }
        }
        for (String key : new java.util.TreeSet<>(KEYS.get("oracle")))
            if (c.has("oracle", key) && !allowed.contains(key))
                throw c.error("oracle", key, "'" + key + "' is not a setting of oracle type \"" + type + "\"; its settings: " + new java.util.TreeSet<>(allowed));
        return new OracleSettings(type, pair, c.strings("oracle", "lammps"), command, cp2k, vasp, c.integer("oracle", "parallel", 1, 1));
    }

    private static Sample sample(ConfigFile c, Md md, String oracleType) {
        if (!oracleType.equals("lammps"))
            throw c.error("sample", "start", "sampling by oracle MD needs oracle type \"lammps\"; with an ab initio oracle give"
                    + " data.train (e.g. your AIMD converted to .cfg)");
        Path start = c.path("sample", "start");
        requireFile(c, "sample", "start", start);
        List<Double> temps = c.numbers("sample", "temperatures");
        if (temps == null) temps = md.temperatures();
        for (double t : temps) if (!(t > 0)) throw c.error("sample", "temperatures", "temperatures must be positive (K)");
        int steps = c.integer("sample", "steps", 0, 0);
        if (steps < 1) throw c.missing("sample", "steps", "oracle MD steps per temperature");
        int every = c.integer("sample", "every", Math.max(1, steps / 10), 1);
        if (every > steps) throw c.error("sample", "every", "must not exceed steps (" + steps + ")");
        double dt = c.number("sample", "timestep_ps", md.timestepPs());
        if (!(dt > 0 && dt < 0.1)) throw c.error("sample", "timestep_ps", "expected a time step in ps, e.g. 0.001");
        return new Sample(start, List.copyOf(temps), steps, every, dt);
    }

    /**
     * The run folder is learn's own: it writes, renames and clears (*.tmp) files there, so an input
     * inside it could be replaced or removed. Compared as real paths (links, "..").
     */
    private static void refuseInputsInside(ConfigFile c, Path runDir, String table, String key, Path input) {
        if (input == null) return;
        Path dir = realOrNormal(runDir), in = realOrNormal(input);
        if (in.startsWith(dir))
            throw c.error(table, key, input + " is inside the run folder " + runDir + ", which mtpj learn writes and clears;"
                    + " keep inputs outside it (or set [run] dir elsewhere)");
    }

    private static Path realOrNormal(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        try {
            return abs.toRealPath();
        } catch (java.io.IOException e) {
            Path parent = abs.getParent();
            return parent == null || parent.equals(abs) ? abs : realOrNormal(parent).resolve(abs.getFileName());
        }
    }

    private static void requireFile(ConfigFile c, String table, String key, Path p) {
        if (!Files.isRegularFile(p)) throw c.error(table, key, "file " + p + " not found");
    }

    /** Temperatures as names for folders and columns: 4000 -> "4000", 350.5 -> "350.5". */
    public static String kelvin(double t) {
        return org.mtpj.core.io.PythonNumbers.compact(t);
    }

    public List<String> temperatureNames() {
        List<String> out = new ArrayList<>();
        for (double t : md.temperatures) out.add(kelvin(t));
        return out;
    }
}
