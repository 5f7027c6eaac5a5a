package org.mtpj.lammps.bridge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.mtpj.core.UserError;
import org.mtpj.lammps.config.MlipIni;
import org.mtpj.host.InputFiles;

/**
 * The arguments of {@code pair_style mtp/java} (or {@code mlip}):
 * <pre>
 *   pair_style mtp/java POTENTIAL.mtp [threads N] [min_dist warn|error]
 *   pair_style mtp/java mlip.ini      [threads N] [min_dist warn|error]  (MLIP-2 settings: mtp-filename, select ...)
 *   pair_style mtp/java soft A RC     [threads N]     (test potential = LAMMPS's pair_style soft)
 * </pre>
 * A file is a potential when its first word after {@code #} comment lines is {@code MTP}, else it is
 * read as mlip.ini.
 *
 * @param potentialFile the .mtp file, or null for the soft test potential
 * @param ini the mlip.ini settings, or null when a potential was given directly
 * @param softPrefactor,softCutoff the soft test potential's A (eV) and rc (Å)
 * @param threads Java threads of this MPI rank (results do not depend on it)
 * @param closeContacts what a neighbour pair closer than the potential's min_dist does
 */
public record PairSettings(Path potentialFile, MlipIni ini, double softPrefactor, double softCutoff, int threads,
                           CloseContactPolicy closeContacts) {

    static final String USAGE = "expected 'POTENTIAL.mtp [threads N] [min_dist warn|error]', 'mlip.ini [threads N]"
            + " [min_dist warn|error]' or 'soft A RC [threads N]'";

    /** Neighbours closer than min_dist: counted every step; a warning once per run, or an error. Values are the shim's codes. */
    public enum CloseContactPolicy {
        WARN(1), ERROR(2);

        final int code;

        CloseContactPolicy(int code) { this.code = code; }
    }

    public boolean isSoft() { return potentialFile == null; }

    /** Parses the pair_style words; relative file names resolve against cwd. */
    public static PairSettings parse(List<String> args, Path cwd) {
        if (args.isEmpty()) throw new UserError("no arguments: " + USAGE);
        int pos;
        Path pot = null;
        MlipIni ini = null;
        double a = 0, rc = 0;
        if (args.get(0).equals("soft")) {
            if (args.size() < 3) throw new UserError("soft needs A (eV) and RC (Angstrom): " + USAGE);
            a = number(args.get(1), "soft A");
            rc = number(args.get(2), "soft RC");
            if (!(rc > 0)) throw new UserError("soft RC must be > 0, got " + args.get(2));
            pos = 3;
        } else {
            Path file = cwd.resolve(args.get(0));
            if (Files.isDirectory(file))
                throw new UserError("'" + args.get(0) + "' is a directory (in " + cwd + "), expected a .mtp potential or an mlip.ini file: " + USAGE);
            if (!Files.isRegularFile(file))
                throw new UserError("file '" + args.get(0) + "' not found (looked in " + cwd + "): " + USAGE);
            if (isPotentialFile(file)) {
                pot = file;
            } else {
                ini = MlipIni.read(file, cwd);
                pot = ini.mtpFile;
                if (!Files.isRegularFile(pot))
                    throw new UserError(file + ": mtp-filename " + pot + " not found");
            }
            pos = 1;
        }
        int threads = 1;
        CloseContactPolicy close = CloseContactPolicy.WARN;
        while (pos < args.size()) {
            String kw = args.get(pos);
            if (kw.equals("threads")) {
                if (pos + 1 >= args.size()) throw new UserError("'threads' needs a number (Java threads per MPI rank)");
                String v = args.get(pos + 1);
                try {
                    threads = Integer.parseInt(v);
                } catch (NumberFormatException e) {
                    throw new UserError("threads: expected a whole number >= 1, got '" + v + "'");
                }
                if (threads < 1 || threads > 1024) throw new UserError("threads: expected 1..1024, got " + threads);
                pos += 2;
            } else if (kw.equals("min_dist")) {
                String v = pos + 1 < args.size() ? args.get(pos + 1) : "";
                if (v.equals("warn")) close = CloseContactPolicy.WARN;
                else if (v.equals("error")) close = CloseContactPolicy.ERROR;
                else throw new UserError("min_dist: expected 'warn' or 'error' (what neighbours closer than the potential's"
                        + " min_dist do), got " + (v.isEmpty() ? "nothing" : "'" + v + "'"));
                pos += 2;
            } else {
                throw new UserError("unknown keyword '" + kw + "' (after the potential only 'threads N' and 'min_dist warn|error'"
                        + " are allowed)");
            }
        }
        return new PairSettings(pot, ini, a, rc, threads, close);
    }

    private static boolean isPotentialFile(Path file) {
        try (var r = Files.newBufferedReader(file, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            for (String line; (line = r.readLine()) != null; ) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) continue; // both kinds may open with comments
                return t.equals("MTP") || t.startsWith("MTP ") || t.startsWith("MTP\t");
            }
            return false;
        } catch (IOException e) {
            throw InputFiles.cannotRead(file.toString(), 0, e);
        }
    }

    private static double number(String s, String what) {
        try {
            double d = Double.parseDouble(s);
            if (Double.isFinite(d)) return d;
        } catch (NumberFormatException ignored) {
            // fall through
        }
        throw new UserError(what + ": expected a number, got '" + s + "'");
    }
}
