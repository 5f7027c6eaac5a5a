package org.mtpj.analysis.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mtpj.analysis.lro.PyNumbers;
import org.mtpj.analysis.voltage.EnergyTable;
import org.mtpj.analysis.voltage.VoltagePlot;
import org.mtpj.analysis.voltage.VoltageProfile;
import org.mtpj.analysis.voltage.VoltageReport;
import org.mtpj.analysis.voltage.StructureEnergies;
import org.mtpj.analysis.voltage.StructureGrades;
import org.mtpj.host.ThreadsOption;
import org.mtpj.core.UserError;
import org.mtpj.host.AtomicOutput;
import org.mtpj.host.OutputGuard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mtpj voltage}: average intercalation voltages, lower hull and plateaus of Mg_x V2O5. */
@Command(name = "voltage", mixinStandardHelpOptions = true,
        description = {
                "Mg intercalation voltages and convex hull of MgxV2O5.",
                "",
                "Average Mg intercalation voltage of MgxV2O5 for every pair of compositions x1 < x2, V = -[E(x2) - E(x1) - (x2-x1) E_Mg] / (2 (x2-x1)) in volts vs Mg/Mg2+ (2 electrons per Mg), the lower convex hull of (x, E) with one plateau voltage per segment, formation energies E_f(x) against the end members and each point's energy above the hull.",
                "",
                "Input: a TSV of x and total energy per V2O5 unit (eV), header line first, x strictly increasing; or relaxed structures (POSCAR/.cfg) with --pot and --types, whose MTP energies are normalised per V2O5 unit (E_cell * 2 / N_V, x = 2 N_Mg / N_V).",
                "",
                "Output: a table on stdout, --tsv (case, quantity, value; quantities V_avg_<x1>_<x2>, hull_<a>_<b>, Ef_x<x>, E_above_hull_x<x>, with --grade-train also MV_grade_x<x> and MV_grade_Mg_metal; compositions in shortest form) and a step plot (PNG + SVG).",
                "",
                "With --grade-train TRAIN.cfg (structure inputs): MaxVol extrapolation grade of each structure against the potential's training set, as `mtpj calc-grade` (dimensionless; 1 = inside the training data, above ~2 = extrapolation: that energy and the voltages using it are not trustworthy). A structure above --grade-threshold is marked EXTRAPOLATING in the table, gets a WARNING line on stderr and extrapolating_x<x> = 1 in the TSV.",
                ""})
public final class VoltageCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "INPUT",
            description = "ENERGIES.tsv (columns x, E_eV_per_V2O5), or structure files (POSCAR/CONTCAR/.cfg) with --pot.")
    List<Path> inputs;

    @Option(names = "--mg-metal", required = true, paramLabel = "E|STRUCTURE",
            description = "Energy of Mg metal per atom (eV), e.g. -1.51, or a Mg structure (hcp) evaluated with --pot.")
    String mgMetal;

    @Option(names = "--pot", paramLabel = "POT.mtp", description = "MTP for structure inputs (energies computed as given; relax them first with `mtpj relax`).")
    Path pot;

    @Option(names = "--case", paramLabel = "NAME", description = "Label of the rows in the TSV (default: the input file name).")
    String caseName;

    @Option(names = "--tsv", paramLabel = "OUT.tsv", description = "Write the machine-readable table here.")
    Path tsv;

    @Option(names = "--plot", paramLabel = "BASE", description = "Plot files BASE.png/.svg and BASE_hull.png/.svg (default: the --tsv path without .tsv).")
    Path plot;

    @Option(names = "--no-plot", description = "Do not draw the plots.")
    boolean noPlot;

    @Option(names = "--types", split = ",", paramLabel = "S0,S1,..",
            description = "For structure inputs: element of MTP species 0, 1, ... (the study's pot.mtp: Mg,V,O).")
    List<String> types;

    @Option(names = "--energies-out", paramLabel = "ENERGIES.tsv", description = "With structure inputs: also write the computed x, E per V2O5 table.")
    Path energiesOut;

    @Option(names = "--grade-train", paramLabel = "TRAIN.cfg",
            description = "Structure inputs: also print the MaxVol extrapolation grade of each structure (and of a Mg metal structure) against this training set.")
    Path gradeTrain;

    @Option(names = "--grade-threshold", defaultValue = "2", paramLabel = "G",
            description = "With --grade-train: a structure graded above G gets a WARNING line and the TSV flag extrapolating_x<x> = 1 (default ${DEFAULT-VALUE}).")
    double gradeThreshold;

    @Option(names = "--grade-mode", defaultValue = "nbh", paramLabel = "nbh|cfg",
            description = "Rows of the active set for --grade-train: nbh = one per atom (the MD workflow, --nbh-weight=1 --energy-weight=0), cfg = one energy row per configuration (needs at least as many training configurations as the potential has coefficients). Default ${DEFAULT-VALUE}.")
    String gradeMode;

    @Mixin ThreadsOption threads;

    @Override
    public Integer call() throws Exception {
        Path base = plot;
        if (base == null && tsv != null) base = Path.of(stripExt(tsv.toString()));
        OutputGuard guard = OutputGuard.of("voltage").inputs(inputs).input(pot).input(gradeTrain)
                .input(isNumber(mgMetal) ? null : Path.of(mgMetal)).output(tsv).output(energiesOut);
        if (!noPlot && base != null)
            for (String suffix : new String[] {".png", ".svg", "_hull.png", "_hull.svg"}) guard.output(Path.of(base + suffix));
        guard.check();
        PrintWriter out = spec.commandLine().getOut();
        EnergyTable table;
        List<VoltageReport.Row> gradeRows = List.of();
        boolean single = inputs.size() == 1;
        if (single && looksLikeTable(inputs.get(0))) {
            if (pot != null) throw new UserError("--pot is for structure inputs; " + inputs.get(0) + " is an energy table");
            if (gradeTrain != null) throw new UserError("--grade-train grades structures; " + inputs.get(0) + " is an energy table");
            table = EnergyTable.read(inputs.get(0));
        } else {
            if (pot == null) throw new UserError("structure inputs need --pot POT.mtp to compute their energies (or give an energy TSV)");
            table = StructureEnergies.compute(inputs, pot, types, nThreads(), out);
            if (energiesOut != null) writeEnergies(energiesOut, table);
            if (gradeTrain != null) gradeRows = grades(out);
        }
        double eMg = mgMetalEnergy();
        VoltageProfile p = new VoltageProfile(table, eMg);
        String name = caseName != null ? caseName : stripExt(inputs.get(0).getFileName().toString());
        List<VoltageReport.Row> rows = new java.util.ArrayList<>(VoltageReport.rows(p));
        rows.addAll(gradeRows);

        out.printf("Mg metal: %s eV/atom; %d compositions; case %s%n", PyNumbers.repr(eMg), p.size(), name);
        out.printf("%-10s %-10s %12s%n", "x1", "x2", "plateau (V)");
        for (VoltageProfile.Plateau pl : p.plateaus())
            out.printf("%-10s %-10s %12.4f%n", PyNumbers.shortest(pl.x1()), PyNumbers.shortest(pl.x2()), pl.voltage());
        out.printf("%-10s %16s %18s%n", "x", "E_f (eV/V2O5)", "above hull (eV)");
        for (int i = 0; i < p.size(); i++)
            out.printf("%-10s %16.6f %18.6f%n", PyNumbers.shortest(p.x()[i]), p.formationEnergy(i), p.aboveHull(i));
        out.printf("average voltage %s -> %s: %.4f V%s%n", PyNumbers.shortest(p.x()[0]),
                PyNumbers.shortest(p.x()[p.size() - 1]), p.averageVoltage(0, p.size() - 1),
                warnings.isEmpty() ? "" : " (built on extrapolated energies: see the WARNING lines)");
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        for (String w : warnings) err.println(w);
        err.flush();
        if (tsv != null) {
            VoltageReport.write(tsv, name, rows);
            out.println("wrote " + tsv);
        }
        if (!noPlot && base != null) {
            VoltagePlot.write(p, name, base);
            out.println("wrote " + base + ".png/.svg and " + base + "_hull.png/.svg");
        }
        out.flush();
        return 0;
    }

    /** WARNING lines of structures graded above --grade-threshold (filled by {@link #grades}). */
    private final List<String> warnings = new java.util.ArrayList<>();

    /** Prints and returns the extrapolation grade of every structure (sorted by x) and of a Mg metal structure. */
    private List<VoltageReport.Row> grades(PrintWriter out) {
        StructureGrades g = new StructureGrades(pot, gradeTrain, gradeMode, types);
        List<VoltageReport.Row> rows = new java.util.ArrayList<>();
        out.printf("extrapolation grades (MaxVol, %s mode, training set %s; > ~2 = extrapolation)%n", g.mode(), gradeTrain);
        out.printf("%-40s %8s %14s%n", "structure", "x", "MV_grade");
        for (StructureEnergies.Entry e : StructureEnergies.evaluate(inputs, pot, types, nThreads())) {
            double grade = g.grade(e.file());
            String x = PyNumbers.shortest(e.x());
            out.printf(java.util.Locale.ROOT, "%-40s %8s %14.6f%s%n", e.file().getFileName(), x, grade, grade > gradeThreshold ? "  EXTRAPOLATING" : "");
            rows.add(new VoltageReport.Row("MV_grade_x" + x, grade));
            rows.add(new VoltageReport.Row("extrapolating_x" + x, grade > gradeThreshold ? 1 : 0));
            String w = StructureGrades.warning(e.file() + " (x = " + x + ")", grade, gradeThreshold,
                    "its energy and every voltage using it are not trustworthy");
            if (w != null) warnings.add(w);
        }
        Path mg = Path.of(mgMetal);
        if (!isNumber(mgMetal) && Files.exists(mg)) {
            double grade = g.grade(mg);
            out.printf(java.util.Locale.ROOT, "%-40s %8s %14.6f%s%n", mg.getFileName(), "Mg", grade, grade > gradeThreshold ? "  EXTRAPOLATING" : "");
            rows.add(new VoltageReport.Row("MV_grade_Mg_metal", grade));
            rows.add(new VoltageReport.Row("extrapolating_Mg_metal", grade > gradeThreshold ? 1 : 0));
            String w = StructureGrades.warning(mg + " (Mg metal)", grade, gradeThreshold, "E_Mg, and so every voltage, is not trustworthy");
            if (w != null) warnings.add(w);
        }
        return rows;
    }

    private static boolean isNumber(String s) {
        try { Double.parseDouble(s); return true; } catch (NumberFormatException e) { return false; }
    }

    private double mgMetalEnergy() throws Exception {
        try {
            return Double.parseDouble(mgMetal);
        } catch (NumberFormatException notNumber) {
            Path f = Path.of(mgMetal);
            if (!Files.exists(f)) throw new UserError("--mg-metal: '" + mgMetal + "' is neither a number (eV/atom) nor an existing structure file");
            if (pot == null) throw new UserError("--mg-metal " + mgMetal + " is a structure: give --pot POT.mtp to compute its energy");
            return StructureEnergies.energyPerAtom(f, pot, types, nThreads());
        }
    }

    private int nThreads() { return threads.workers(); }

    private static void writeEnergies(Path file, EnergyTable t) throws java.io.IOException {
        StringBuilder sb = new StringBuilder("x\tE_eV_per_V2O5\n");
        for (int i = 0; i < t.size(); i++) sb.append(PyNumbers.repr(t.x()[i])).append('\t').append(PyNumbers.repr(t.energy()[i])).append('\n');
        AtomicOutput.writeString(file, sb, StandardCharsets.UTF_8);
    }

    private static boolean looksLikeTable(Path p) {
        String n = p.getFileName().toString().toLowerCase();
        return n.endsWith(".tsv") || n.endsWith(".txt") || n.endsWith(".dat") || n.endsWith(".csv");
    }

    private static String stripExt(String s) {
        int dot = s.lastIndexOf('.');
        int slash = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
        return dot > slash + 0 && dot > 0 ? s.substring(0, dot) : s;
    }
}
