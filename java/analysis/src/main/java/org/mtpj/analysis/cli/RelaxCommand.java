package org.mtpj.analysis.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mtpj.analysis.relax.CellMode;
import org.mtpj.analysis.relax.MtpModel;
import org.mtpj.analysis.relax.RelaxResult;
import org.mtpj.analysis.relax.Relaxer;
import org.mtpj.analysis.relax.StructureConversion;
import org.mtpj.analysis.voltage.StructureGrades;
import org.mtpj.host.ThreadsOption;
import org.mtpj.core.UserError;
import org.mtpj.core.eval.CloseContacts;
import org.mtpj.core.io.CfgReader;
import org.mtpj.core.io.CfgWriter;
import org.mtpj.core.io.PoscarReader;
import org.mtpj.core.io.PoscarWriter;
import org.mtpj.core.model.Configuration;
import org.mtpj.core.model.MtpPotential;
import org.mtpj.host.CfgFiles;
import org.mtpj.host.MtpFiles;
import org.mtpj.host.OutputGuard;
import org.mtpj.host.PoscarFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mtpj relax}: FIRE relaxation of positions and optionally the cell with an MTP. */
@Command(name = "relax", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Relax positions (and the cell) with an MTP.",
                "",
                "Relaxes atomic positions and, with --cell iso|full, the cell with an MTP (forces and stress from the core evaluator) using FIRE or L-BFGS. Converged when the largest atomic force is <= --fmax (eV/Å) and, when the cell moves, the pressure (iso) or every stress component (full) is within --smax (GPa). Prints progress and the final energy (eV).",
                "",
                "A run that reaches --steps without converging is still written, marked NOT CONVERGED (POSCAR comment, .cfg Feature mtpj_relax), and the command exits with code 1.",
                "",
                "IN: a .cfg (every configuration is relaxed; types are the potential's species indices) or a POSCAR/CONTCAR (needs --types, the potential's species in order, e.g. Mg,V,O). OUT: .cfg (energy, forces, PlusStress) or else a POSCAR (Direct).",
                "",
                "With --grade-train TRAIN.cfg the relaxed structure is graded (MaxVol extrapolation grade against the training set, nbh mode, as 'mtpj calc-grade'); above --grade-threshold its energy is an extrapolation: a WARNING line on stderr, and the flag in the output (.cfg Feature mtpj_grade '<grade> extrapolating', POSCAR comment).",
                ""})
public final class RelaxCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "POT.mtp", description = "The potential.")
    Path potFile;

    @Parameters(index = "1", paramLabel = "IN", description = "Structure to relax: .cfg, or POSCAR/CONTCAR.")
    Path in;

    @Parameters(index = "2", paramLabel = "OUT", description = "Relaxed structure: .cfg, or POSCAR for any other name.")
    Path outFile;

    @Option(names = "--cell", defaultValue = "fixed", paramLabel = "fixed|iso|full",
            description = "Cell degrees of freedom: fixed (positions only), iso (uniform scaling), full (all 9) (default ${DEFAULT-VALUE}).")
    String cell;

    @Option(names = "--method", defaultValue = "fire", paramLabel = "fire|lbfgs",
            description = "Minimiser: fire (robust) or lbfgs (L-BFGS with an energy line search; fewer evaluations near a minimum) (default ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--fmax", defaultValue = "0.01", paramLabel = "EV_PER_A", description = "Force criterion, eV/Å (default ${DEFAULT-VALUE}).")
    double fmax;

    @Option(names = "--smax", defaultValue = "0.1", paramLabel = "GPA", description = "Stress criterion for --cell iso|full, GPa (default ${DEFAULT-VALUE} = 1 kbar).")
    double smax;

    @Option(names = "--steps", defaultValue = "3000", description = "Most force evaluations per structure (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--max-move", defaultValue = "0.1", paramLabel = "A", description = "Largest move of any atom per step, Å (default ${DEFAULT-VALUE}).")
    double maxMove;

    @Option(names = "--types", split = ",", paramLabel = "S0,S1,..",
            description = "For POSCAR files: element of MTP species 0, 1, ... (the study's pot.mtp: Mg,V,O).")
    List<String> types;

    @Option(names = "--every", defaultValue = "25", description = "Print progress every N steps (0 = only the summary; default ${DEFAULT-VALUE}).")
    int every;

    @Option(names = "--grade-train", paramLabel = "TRAIN.cfg", description = "Grade the relaxed structures against this training set (see above).")
    Path gradeTrain;

    @Option(names = "--grade-threshold", defaultValue = "2", paramLabel = "G",
            description = "With --grade-train: a grade above G is an extrapolation (WARNING, output flag; default ${DEFAULT-VALUE}).")
    double gradeThreshold;

    @Mixin ThreadsOption threads;

    @Override
    public Integer call() {
        OutputGuard.of("relax").input(potFile).input(in).input(gradeTrain).output(outFile).check();
        PrintWriter out = spec.commandLine().getOut();
        CellMode mode = CellMode.parse(cell);
        Relaxer.Method algo = Relaxer.Method.parse(method);
        Relaxer relaxer = new Relaxer().fmax(fmax).smaxGPa(smax).maxSteps(steps).maxMove(maxMove).cell(mode).method(algo);
        MtpPotential pot = MtpFiles.read(potFile);
        if (types != null && types.size() > pot.speciesCount)
            throw new UserError("--types names " + types.size() + " species but " + potFile + " describes only " + pot.speciesCount);
        boolean cfgIn = in.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".cfg");
        boolean cfgOut = outFile.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".cfg");
        List<Configuration> inputs = new ArrayList<>();
        List<String> where = new ArrayList<>();
        if (cfgIn) {
            try (CfgReader r = CfgFiles.open(in).nonEmpty()) {
                for (Configuration c; (c = r.next()) != null; ) {
                    inputs.add(c);
                    where.add(r.where());
                }
            }
        } else {
            inputs.add(StructureConversion.toConfiguration(PoscarFiles.read(in), types, in.toString()));
            where.add(in.toString());
        }
        PrintWriter err = spec.commandLine().getErr();
        String untrained = pot.untrainedWarning(potFile);
        if (untrained != null) err.println("mtpj relax: " + untrained);
        CloseContacts contacts = new CloseContacts(pot.minDist);
        if (!cfgOut && inputs.size() > 1)
            throw new UserError(in + " holds " + inputs.size() + " configurations; write them to a .cfg OUT");
        if (!cfgOut && (types == null || types.isEmpty()))
            throw new UserError("writing a POSCAR needs --types (element of each MTP species), or give OUT a .cfg name");
        int nThreads = threads.workers();
        List<Configuration> relaxed = new ArrayList<>();
        boolean allConverged = true;
        try (MtpModel model = new MtpModel(pot, nThreads)) {
            for (int k = 0; k < inputs.size(); k++) {
                Configuration c = inputs.get(k);
                String name = inputs.size() > 1 ? in + " #" + (k + 1) : in.toString();
                model.check(c, where.get(k));
                contacts.scan(c, where.get(k));
                out.printf(Locale.ROOT, "relaxing %s: %d atoms, cell %s, fmax %.3g eV/Å%s, %s%n", name, c.size, mode.name().toLowerCase(Locale.ROOT),
                        fmax, mode == CellMode.FIXED ? "" : String.format(Locale.ROOT, ", smax %.3g GPa", smax), algo == Relaxer.Method.FIRE ? "FIRE" : "L-BFGS");
                out.printf("%7s %18s %14s %14s %12s%n", "step", "energy (eV)", "fmax (eV/Å)", "max|σ| (GPa)", "volume (Å³)");
                out.flush();
                int[] lastPrinted = {Integer.MIN_VALUE};
                RelaxResult r = relaxer.relax(c, model, p -> {
                    if (every > 0 && p.step() >= lastPrinted[0] + every) {
                        lastPrinted[0] = p.step();
                        out.printf(Locale.ROOT, "%7d %18.8f %14.6f %14.5f %12.4f%n", p.step(), p.energy(), p.fmax(), p.stressMaxGPa(), p.volume());
                        out.flush();
                    }
                });
                Configuration res = r.relaxed();
                String status = r.converged() ? "converged" : "NOT CONVERGED";
                res.features.put("mtpj_relax", String.format(Locale.ROOT, "%s steps=%d fmax=%.6g cell=%s", status.replace(' ', '_'),
                        r.steps(), r.fmax(), mode.name().toLowerCase(Locale.ROOT)) + " method=" + algo.name().toLowerCase(Locale.ROOT));
                relaxed.add(res);
                allConverged &= r.converged();
                out.printf(Locale.ROOT, "%s after %d steps: E = %.8f eV (%.8f eV/atom; start %.8f eV), fmax = %.6f eV/Å%s%n", status, r.steps(),
                        r.energy(), r.energy() / c.size, r.initialEnergy(), r.fmax(),
                        r.stressGPa() == null ? "" : String.format(Locale.ROOT, ", pressure %.4f GPa, volume %.4f Å³", r.pressureGPa(), res.volume()));
                if (!r.converged())
                    out.printf(Locale.ROOT, "NOT CONVERGED: the result is not a minimum (criteria fmax %.3g eV/Å%s); raise --steps or check the structure%n",
                            fmax, mode == CellMode.FIXED ? "" : ", smax " + smax + " GPa");
            }
        }
        String close = contacts.warning();
        if (close != null) err.println("mtpj relax: " + close);
        if (gradeTrain != null) {
            StructureGrades grades = new StructureGrades(potFile, gradeTrain, "nbh", types);
            for (int k = 0; k < relaxed.size(); k++) {
                Configuration r = relaxed.get(k);
                double g = grades.grade(r);
                boolean extrapolating = g > gradeThreshold;
                r.features.put("mtpj_grade", String.format(Locale.ROOT, "%.6g%s", g, extrapolating ? " extrapolating" : ""));
                out.printf(Locale.ROOT, "extrapolation grade of %s: %.4g%s%n", relaxed.size() > 1 ? in + " #" + (k + 1) : in, g,
                        extrapolating ? " EXTRAPOLATING" : "");
                String w = StructureGrades.warning(relaxed.size() > 1 ? in + " #" + (k + 1) : in.toString(), g, gradeThreshold,
                        "its relaxed energy and geometry are not trustworthy");
                if (w != null) err.println(w);
            }
        }
        err.flush();
        if (cfgOut) {
            CfgFiles.writeAll(outFile, relaxed, CfgWriter.Style.LOSSLESS);
        } else {
            Configuration r = relaxed.get(0);
            String comment = "relaxed by mtpj relax (" + r.features.get("mtpj_relax") + ") E=" + String.format(Locale.ROOT, "%.8f", r.energy) + " eV"
                    + (r.features.containsKey("mtpj_grade") ? " grade=" + r.features.get("mtpj_grade").replace(' ', '_') : "");
            PoscarFiles.write(new PoscarWriter().comment(comment), StructureConversion.toStructure(r, types, comment), outFile);
        }
        out.println("wrote " + outFile + (allConverged ? "" : " (NOT CONVERGED)"));
        out.flush();
        return allConverged ? 0 : 1;
    }
}
