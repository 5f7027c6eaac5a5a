package org.mtpj.cli.core;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mtpj.core.io.CNumbers;
import org.mtpj.core.io.CfgReader;
import org.mtpj.core.model.Configuration;
import org.mtpj.host.AtomicOutput;
import org.mtpj.host.CfgFiles;
import org.mtpj.host.OutputGuard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mtpj compare REF.cfg CAND.cfg}: per-configuration differences against tolerances. */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compare energies, forces and stresses of two .cfg files.",
            "",
            "Configuration by configuration: |dE|/atom (eV/atom), max over atoms of |F_cand - F_ref|"
                    + " (vector norm, eV/Å; atoms matched by id), max |dPlusStress| component (eV)."
                    + " Quantities the reference lacks are skipped (shown as -); a quantity the reference has"
                    + " but the candidate lacks fails. The worst configuration of each column is printed last.",
            "Exit code 0 when everything is within the tolerances, 1 otherwise. Both files are streamed.",
            "Two LAMMPS logs (thermo tables step by step): mtpj compare-logs.", ""})
public final class CompareCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "REF", description = "Reference configurations (.cfg).")
    Path ref;

    @Parameters(index = "1", paramLabel = "CAND", description = "Candidate configurations (same order).")
    Path cand;

    @Option(names = "--e-tol", defaultValue = "1e-9", paramLabel = "EV", description = "Tolerance of |dE|/atom in eV/atom (default ${DEFAULT-VALUE}).")
    double eTol;

    @Option(names = "--f-tol", defaultValue = "1e-8", paramLabel = "EV_PER_A", description = "Tolerance of max |dF| in eV/Å (default ${DEFAULT-VALUE}).")
    double fTol;

    @Option(names = "--s-tol", defaultValue = "1e-7", paramLabel = "EV", description = "Tolerance of max |dPlusStress| in eV (default ${DEFAULT-VALUE}).")
    double sTol;

    @Option(names = "--tsv", paramLabel = "FILE", description = "Write cfg, atoms, dE_per_atom, max_dF, max_dPlusStress, ok (one row per configuration).")
    Path tsv;

    @Option(names = "--only-failures", description = "Print only failing configurations and the summary.")
    boolean quiet;

    // --quiet means "no progress bar" elsewhere: compare's old name for --only-failures stays hidden for a release
    @Option(names = "--quiet", hidden = true, description = "Old spelling of --only-failures.")
    void oldQuiet(boolean on) { quiet = on; }

    @Override
    public Integer call() {
        OutputGuard.of("compare").input(ref).input(cand).output(tsv).check();
        PrintWriter out = spec.commandLine().getOut();
        List<String[]> rows = new ArrayList<>();
        CfgComparison worstE = null, worstF = null, worstS = null;
        int n = 0, failed = 0;
        String countProblem = null;
        out.printf("%6s %7s %14s %14s %14s  %s%n", "cfg", "atoms", "dE/atom(eV)", "max|dF|(eV/A)", "max|dW|(eV)", "status");
        try (CfgReader a = CfgFiles.open(ref); CfgReader b = CfgFiles.open(cand)) {
            while (true) {
                Configuration r = a.next(), c = b.next();
                if (r == null || c == null) {
                    if (r != null || c != null) {
                        countProblem = (r == null ? cand : ref) + " has more configurations than " + (r == null ? ref : cand)
                                + " (compared " + n + ")";
                        failed++;
                    }
                    break;
                }
                n++;
                CfgComparison d = CfgComparison.of(n, r, c);
                boolean ok = d.within(eTol, fTol, sTol);
                if (!ok) failed++;
                if (!quiet || !ok)
                    out.printf("%6d %7d %14s %14s %14s  %s%n", n, d.atoms(), fmt(d.dEnergyPerAtom()), fmt(d.maxForce()),
                            fmt(d.maxStress()), ok ? "ok" : (d.problem() != null ? "FAIL: " + d.problem() : "FAIL"));
                rows.add(new String[] {Integer.toString(n), Integer.toString(d.atoms()), Double.toString(d.dEnergyPerAtom()),
                        Double.toString(d.maxForce()), Double.toString(d.maxStress()), ok ? "1" : "0"});
                if (worse(d.dEnergyPerAtom(), worstE == null ? Double.NaN : worstE.dEnergyPerAtom())) worstE = d;
                if (worse(d.maxForce(), worstF == null ? Double.NaN : worstF.maxForce())) worstF = d;
                if (worse(d.maxStress(), worstS == null ? Double.NaN : worstS.maxStress())) worstS = d;
            }
        }
        if (countProblem != null) out.println("FAIL: " + countProblem);
        out.printf("worst |dE|/atom   = %s eV/atom%s (tolerance %s)%n", worstE == null ? "-" : fmt(worstE.dEnergyPerAtom()),
                worstE == null ? "" : " in cfg " + worstE.index(), CNumbers.general(eTol, 6));
        out.printf("worst max|dF|     = %s eV/A%s (tolerance %s)%n", worstF == null ? "-" : fmt(worstF.maxForce()),
                worstF == null ? "" : " in cfg " + worstF.index(), CNumbers.general(fTol, 6));
        out.printf("worst max|dW|     = %s eV%s (tolerance %s)%n", worstS == null ? "-" : fmt(worstS.maxStress()),
                worstS == null ? "" : " in cfg " + worstS.index(), CNumbers.general(sTol, 6));
        out.printf("%d configurations compared, %d beyond tolerance: %s%n", n, failed, failed == 0 ? "PASS" : "FAIL");
        out.flush();
        if (tsv != null) CliSupport.writeTsv(tsv, new String[] {"cfg", "atoms", "dE_per_atom", "max_dF", "max_dPlusStress", "ok"}, rows);
        return failed == 0 ? 0 : 1;
    }

    private static boolean worse(double d, double worst) {
        if (Double.isNaN(d)) return false;
        return Double.isNaN(worst) || d > worst;
    }

    private static String fmt(double d) { return Double.isNaN(d) ? "-" : String.format("%.3e", d); }
}
