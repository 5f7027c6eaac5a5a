package org.mtpj.lammps.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mtpj.core.UserError;
import org.mtpj.lammps.log.ThermoLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mtpj compare-logs A.log B.log [--rtol 1e-8]}: compares the thermo output of two LAMMPS
 * runs column by column and step by step (e.g. mtpj's pair style against MLIP-2's): mtpj's one
 * log comparison ({@code compare} is for .cfg files).
 */
@Command(name = "compare-logs", mixinStandardHelpOptions = true,
        description = {"Compare the thermo tables of two LAMMPS logs step by step.",
                "Every run (thermo block) and every column present in both logs is compared at equal Step values;"
                        + " a value passes when |a-b| <= rtol*max(|a|,|b|) + atol.",
                "Units are whatever the logs print (metal: eV, bar, K); the tolerances are relative/absolute numbers.",
                "Exit code 0: all within tolerance; 1: a difference beyond it (or no common steps); 2: bad input."})
public final class CompareLammpsLog implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A.log", description = "first log (e.g. the reference)")
    Path a;

    @Parameters(index = "1", paramLabel = "B.log", description = "second log")
    Path b;

    @Option(names = "--rtol", defaultValue = "1e-8", description = "relative tolerance (default: ${DEFAULT-VALUE})")
    double rtol;

    @Option(names = "--atol", defaultValue = "0", description = "absolute tolerance added to it (default: ${DEFAULT-VALUE})")
    double atol;

    @Option(names = "--columns", split = ",", paramLabel = "NAME",
            description = "compare only these columns (default: all common ones)")
    List<String> columns;

    @Option(names = "--tsv", description = "machine-readable output: one TSV row per column (run, column, max_rel, max_abs, worst_step, pass)")
    boolean tsv;

    @Override
    public Integer call() {
        return compare(a, b, rtol, atol, columns, tsv, spec.commandLine().getOut());
    }

    /** The comparison itself (also called by tests); returns the exit code (0 or 1). */
    public static int compare(Path a, Path b, double rtol, double atol, List<String> onlyColumns, boolean tsv, PrintWriter out) {
        if (!(rtol >= 0) || !(atol >= 0)) throw new UserError("--rtol and --atol must be >= 0");
        ThermoLog la = ThermoLog.read(a), lb = ThermoLog.read(b);
        if (la.blocks.size() != lb.blocks.size() && !tsv)
            out.printf("note: %s has %d thermo tables, %s has %d; comparing the first %d%n", a, la.blocks.size(), b,
                    lb.blocks.size(), Math.min(la.blocks.size(), lb.blocks.size()));
        boolean ok = true;
        int compared = 0;
        if (tsv) out.println("run\tcolumn\tmax_rel\tmax_abs\tworst_step\tsteps\tpass");
        else out.printf("%-4s %-14s %12s %12s %10s %6s  %s%n", "run", "column", "max_rel", "max_abs", "worst_step", "steps", "");
        for (int k = 0; k < Math.min(la.blocks.size(), lb.blocks.size()); k++) {
            ThermoLog.Block ba = la.blocks.get(k), bb = lb.blocks.get(k);
            List<String> missing = new ArrayList<>();
            for (int ca = 1; ca < ba.columns().size(); ca++) {
                String name = ba.columns().get(ca);
                if (onlyColumns != null && !onlyColumns.contains(name)) continue;
                int cb = bb.columns().indexOf(name);
                if (cb < 0) { missing.add(name); continue; }
                double maxRel = 0, maxAbs = 0, worstStep = Double.NaN;
                int steps = 0;
                boolean pass = true;
                int jb = 0;
                for (double[] ra : ba.rows()) {
                    double[] rb = null;
                    for (int t = 0; t < bb.rows().size(); t++) {
                        double[] cand = bb.rows().get((jb + t) % bb.rows().size());
                        if (cand[0] == ra[0]) { rb = cand; jb = (jb + t + 1) % bb.rows().size(); break; }
                    }
                    if (rb == null) continue;
                    steps++;
                    double x = ra[ca], y = rb[cb], d = Math.abs(x - y), scale = Math.max(Math.abs(x), Math.abs(y));
                    double rel = scale == 0 ? 0 : d / scale;
                    boolean within = d <= rtol * scale + atol || (Double.isNaN(x) && Double.isNaN(y));
                    if (!within) pass = false;
                    if (rel > maxRel || Double.isNaN(rel)) { maxRel = rel; worstStep = ra[0]; }
                    maxAbs = Math.max(maxAbs, d);
                }
                if (steps == 0) pass = false;
                ok &= pass;
                compared++;
                if (tsv)
                    out.printf(Locale.ROOT, "%d\t%s\t%.3e\t%.3e\t%s\t%d\t%s%n", k + 1, name, maxRel, maxAbs, fmtStep(worstStep), steps, pass);
                else
                    out.printf(Locale.ROOT, "%-4d %-14s %12.3e %12.3e %10s %6d  %s%n", k + 1, name, maxRel, maxAbs,
                            fmtStep(worstStep), steps, pass ? "ok" : "BEYOND rtol=" + rtol + (atol > 0 ? " atol=" + atol : ""));
            }
            if (!missing.isEmpty() && !tsv) out.println("note: run " + (k + 1) + ": columns only in " + a + ": " + missing);
            if (!tsv && ba.rows().size() != bb.rows().size())
                out.println("note: run " + (k + 1) + ": " + ba.rows().size() + " thermo rows in " + a + ", "
                        + bb.rows().size() + " in " + b + "; only steps present in both are compared");
        }
        if (compared == 0) {
            out.println("no common thermo columns to compare");
            ok = false;
        }
        if (!tsv) out.println(ok ? "PASS: all compared values within tolerance" : "FAIL: differences beyond tolerance");
        out.flush();
        return ok ? 0 : 1;
    }

    private static String fmtStep(double s) {
        return Double.isNaN(s) ? "-" : String.valueOf((long) s);
    }
}
