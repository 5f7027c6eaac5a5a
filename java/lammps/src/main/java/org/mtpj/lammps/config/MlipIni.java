package org.mtpj.lammps.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mtpj.core.io.InputFormatException;
import org.mtpj.host.InputFiles;

/**
 * MLIP-2's settings file {@code mlip.ini} (mtp-spec.md §5.1) as the LAMMPS pair style reads it:
 * {@code KEY VALUE} per line, the rest of the line ignored, {@code #} starts a comment, a value
 * starting with {@code #} counts as absent, the last of repeated keys wins, booleans are exactly
 * TRUE or FALSE. Unknown keys give a warning (MLIP-2 ignores them silently); learning-on-the-fly
 * keys ({@code fit}, {@code check-errors}, {@code abinitio}) are refused. Relative file names
 * are resolved against {@code baseDir} (the LAMMPS working directory, as MLIP-2 does).
 *
 * <p>The {@code select} keys are parsed and validated here (plus mtpj's {@code select:nbh-grades
 * TRUE|FALSE}); the extrapolation control itself is {@code org.mtpj.lammps.select}, plugged in
 * through {@link org.mtpj.lammps.bridge.StepHook}.
 */
public final class MlipIni {
    /** Known keys with their MLIP-2 meaning; see mtp-spec.md §5.1. */
    private static final Set<String> KNOWN = Set.of("mtp-filename", "calculate-efs", "select", "select:threshold",
            "select:threshold-break", "select:threshold-init", "select:threshold-swap", "select:save-selected",
            "select:save-selected-max", "select:save-selected-max-mb", "select:load-state", "select:save-state", "select:site-en-weight", "select:energy-weight",
            "select:force-weight", "select:stress-weight", "select:weighting", "select:efs-ignored", "select:log",
            "write-cfgs", "write-cfgs:skip", "select:nbh-grades", "fit", "check-errors", "abinitio", "log");

    public final Path file;
    /** The potential file (resolved), never null. */
    public final Path mtpFile;
    /** calculate-efs as given, or null when absent. */
    public final Boolean calculateEfs;
    public final Selection select;
    /** write-cfgs file (resolved) or null; every (skip+1)-th evaluated configuration. */
    public final Path writeCfgs;
    public final int writeCfgsSkip;
    /** Human-readable warnings (unknown keys, ignored keys), one per line. */
    public final List<String> warnings;
    /** All key/value pairs as read (last wins), for hooks that need more. */
    public final Map<String, String> values;
    /** The line of each key's (last) entry, for messages. */
    public final Map<String, Integer> lines;

    /** The {@code select} block; {@code enabled} false means the MD runs without grades. */
    public record Selection(boolean enabled, double threshold, double thresholdBreak, double thresholdInit,
                            double thresholdSwap, Path saveSelected, SaveCap saveCap, Path loadState, Path saveState,
                            Double siteEnergyWeight, Double energyWeight, Double forceWeight, Double stressWeight,
                            String weighting) {
        /** MLIP-2's "save and stop" mode of the study (threshold-break > 1, spec §5.2). */
        public boolean breaksRun() { return enabled && thresholdBreak > 1; }
    }

    /**
     * mtpj's cap on {@code select:save-selected} (an MD that leaves the training domain selects at
     * every step: 3.3 MB in 1000 steps of heating): {@code select:save-selected-max N} configurations
     * appended by this run, {@code select:save-selected-max-mb M} for the file's size (10^6 bytes; an
     * append that would pass it is not made). 0 = no cap, the default (MLIP-2 has none).
     */
    public record SaveCap(long maxConfigurations, long maxBytes) {
        public static final SaveCap NONE = new SaveCap(0, 0);

        public boolean any() { return maxConfigurations > 0 || maxBytes > 0; }
    }

    private MlipIni(Path file, Path mtpFile, Boolean calculateEfs, Selection select, Path writeCfgs, int writeCfgsSkip,
                    List<String> warnings, Map<String, String> values, Map<String, Integer> lines) {
        this.file = file;
        this.mtpFile = mtpFile;
        this.calculateEfs = calculateEfs;
        this.select = select;
        this.writeCfgs = writeCfgs;
        this.writeCfgsSkip = writeCfgsSkip;
        this.warnings = List.copyOf(warnings);
        this.values = Map.copyOf(values);
        this.lines = Map.copyOf(lines);
    }

    /** Reads and validates {@code file}; relative names inside resolve against {@code baseDir}. */
    public static MlipIni read(Path file, Path baseDir) {
        return read(file, baseDir, true);
    }

    /**
     * As {@link #read(Path, Path)}; with {@code requireFiles} false the files it names (the state to
     * load) need not exist yet: for a check that reports every missing file at once.
     */
    public static MlipIni read(Path file, Path baseDir, boolean requireFiles) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            throw new InputFormatException(file.toString(), 0, "file not found");
        } catch (IOException e) {
            throw InputFiles.cannotRead(file.toString(), 0, e);
        }
        return parse(lines, file, baseDir, requireFiles);
    }

    static MlipIni parse(List<String> lines, Path file, Path baseDir) {
        return parse(lines, file, baseDir, true);
    }

    private static MlipIni parse(List<String> lines, Path file, Path baseDir, boolean requireFiles) {
        String name = file.toString();
        Map<String, String> vals = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        for (int ln = 0; ln < lines.size(); ln++) {
            String[] w = lines.get(ln).trim().split("\\s+");
            if (w.length == 0 || w[0].isEmpty() || w[0].startsWith("#")) continue;
            String key = w[0];
            String value = w.length > 1 && !w[1].startsWith("#") ? w[1] : null;
            if (!KNOWN.contains(key)) {
                warnings.add(name + ":" + (ln + 1) + ": unknown key '" + key + "' ignored");
                continue;
            }
            if (value == null) { vals.remove(key); lineOf.put(key, ln + 1); continue; }
            vals.put(key, value);
            lineOf.put(key, ln + 1);
        }
        Reader r = new Reader(name, vals, lineOf);

        // learning on the fly and ab-initio calls belong to MLIP-2's own driver, not to an MD run
        if (Boolean.TRUE.equals(r.bool("fit")))
            throw r.error("fit", "learning on the fly ('fit TRUE') is not supported by mtpj's pair style; "
                    + "select configurations in MD and train with 'mtpj train'");
        if (Boolean.TRUE.equals(r.bool("check-errors")))
            throw r.error("check-errors", "'check-errors TRUE' needs ab-initio data and is not supported in MD");
        if (vals.containsKey("abinitio") && !Set.of("void", "FALSE", "0").contains(vals.get("abinitio")))
            throw r.error("abinitio", "ab-initio models ('abinitio " + vals.get("abinitio")
                    + "') are not supported by mtpj's pair style");
        if (vals.containsKey("log"))
            warnings.add(name + ":" + lineOf.get("log") + ": key 'log' ignored (mtpj writes to the LAMMPS log)");

        String mtp = vals.get("mtp-filename");
        if (mtp == null) throw new InputFormatException(name, 0, "key 'mtp-filename' missing (the potential file)");
        Boolean efs = r.bool("calculate-efs");
        if (Boolean.FALSE.equals(efs))
            throw r.error("calculate-efs", "'calculate-efs FALSE' would leave LAMMPS without forces; set it TRUE");
        if (efs == null) warnings.add(name + ": 'calculate-efs' absent; computing energy, forces and stress anyway");

        boolean sel = Boolean.TRUE.equals(r.bool("select"));
        double threshold = r.number("select:threshold", 1.001);
        double thresholdBreak = r.number("select:threshold-break", 0);
        double thresholdInit = r.number("select:threshold-init", 1e-7);
        double thresholdSwap = r.number("select:threshold-swap", 1.001);
        if (!(threshold > 0)) throw r.error("select:threshold", "must be a positive number");
        if (thresholdBreak < 0) throw r.error("select:threshold-break", "must be >= 0 (0 = never stop)");
        if (!(thresholdInit > 0)) throw r.error("select:threshold-init", "must be a positive number");
        if (thresholdSwap <= 1) thresholdSwap = threshold; // MLIP-2: <= 1 means "same as select:threshold"
        Path loadState = r.path("select:load-state", baseDir);
        if (requireFiles && sel && loadState != null && !Files.isRegularFile(loadState))
            throw r.error("select:load-state", "state file " + loadState + " not found");
        if (sel && thresholdBreak > 1 && thresholdBreak < threshold)
            warnings.add(name + ": select:threshold-break " + thresholdBreak + " < select:threshold " + threshold
                    + ": the run stops before a configuration is saved");
        String weighting = vals.get("select:weighting");
        if (weighting != null && !Set.of("vibrations", "molecules", "structures").contains(weighting))
            throw r.error("select:weighting", "expected vibrations, molecules or structures, got '" + weighting + "'");
        Selection selection = new Selection(sel, threshold, thresholdBreak, thresholdInit, thresholdSwap,
                r.path("select:save-selected", baseDir), saveCap(r), loadState, r.path("select:save-state", baseDir),
                r.optNumber("select:site-en-weight"), r.optNumber("select:energy-weight"),
                r.optNumber("select:force-weight"), r.optNumber("select:stress-weight"),
                weighting == null ? "vibrations" : weighting);
        r.bool("select:nbh-grades"); // mtpj: nbh_grades AtomData column in written configurations (validated here)
        if (sel && selection.saveState() != null)
            warnings.add(name + ": select:save-state ignored: mtpj grades against the loaded active set without changing it");
        if (sel && selection.saveSelected() == null)
            warnings.add(name + ": select TRUE without select:save-selected: grades are computed but no configuration is saved");
        if (selection.saveCap().any() && !(sel && selection.saveSelected() != null))
            warnings.add(name + ": select:save-selected-max / -max-mb ignored: they cap select:save-selected under select TRUE");
        if (vals.containsKey("select:efs-ignored") || vals.containsKey("select:log"))
            warnings.add(name + ": select:efs-ignored / select:log are ignored by mtpj");

        double skip = r.number("write-cfgs:skip", 0);
        if (skip < 0 || skip != Math.rint(skip)) throw r.error("write-cfgs:skip", "must be a non-negative integer");
        return new MlipIni(file, baseDir.resolve(mtp), efs, selection, r.path("write-cfgs", baseDir), (int) skip,
                warnings, vals, lineOf);
    }

    private static SaveCap saveCap(Reader r) {
        double count = r.number("select:save-selected-max", 0), mb = r.number("select:save-selected-max-mb", 0);
        if (count < 0 || count != Math.rint(count) || count > Long.MAX_VALUE)
            throw r.error("select:save-selected-max", "must be a whole number of configurations >= 0 (0 = no cap)");
        if (!(mb >= 0) || mb * 1e6 > Long.MAX_VALUE) throw r.error("select:save-selected-max-mb", "must be a size in MB >= 0 (0 = no cap)");
        return new SaveCap((long) count, Math.round(mb * 1e6));
    }

    /** Typed access with file:line errors. */
    private record Reader(String file, Map<String, String> vals, Map<String, Integer> lineOf) {
        InputFormatException error(String key, String what) {
            return new InputFormatException(file, lineOf.getOrDefault(key, 0), key + ": " + what);
        }

        Boolean bool(String key) {
            String v = vals.get(key);
            if (v == null) return null;
            if (v.equals("TRUE")) return true;
            if (v.equals("FALSE")) return false;
            throw error(key, "expected TRUE or FALSE (exactly), got '" + v + "'");
        }

        double number(String key, double dflt) {
            Double d = optNumber(key);
            return d == null ? dflt : d;
        }

        Double optNumber(String key) {
            String v = vals.get(key);
            if (v == null) return null;
            try {
                double d = Double.parseDouble(v);
                if (Double.isNaN(d) || Double.isInfinite(d)) throw new NumberFormatException();
                return d;
            } catch (NumberFormatException e) {
                throw error(key, "expected a number, got '" + v + "'");
            }
        }

        Path path(String key, Path base) {
            String v = vals.get(key);
            return v == null ? null : base.resolve(v);
        }
    }
}
