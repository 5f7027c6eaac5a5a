package org.mtpj.analysis.compat;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.mtpj.core.UserError;
import org.mtpj.core.io.PoscarReader;
import org.mtpj.core.io.TextLines;
import org.mtpj.core.model.Structure;
import org.mtpj.host.PoscarFiles;

/**
 * Runs the study's pipeline (analysis-spec §3) from a dump (stages A–D), a folder of CONTCARs
 * (B–D) or an exported table (D only), printing each stage. Every number is "study-compat (not
 * physical)".
 */
public final class StudyPipeline {
    public static final String LABEL = "study-compat (not physical)";

    /** What was run and its numbers; {@code stageC} is null when only stage D ran. */
    public record Outcome(String input, String inputKind, List<String> frameOrder, StudyAnalyzer.Result stageC,
                          StudyRedifferencing.Result stageD, StudyParameters parameters) {}

    private StudyPipeline() {}

    /**
     * @param contcarDir where stage A writes its CONTCARs (dump input), or null to keep them in memory
     */
    public static Outcome run(Path input, StudyParameters p, Path contcarDir, PrintStream out, Consumer<String> warnings) {
        out.println("== " + LABEL + ": the study's notebooks step by step ==");
        out.printf("parameters: every k=%d, avg_nsteps A=%d, row spacing S=%s ps, tracer stop %s, sigma stop %s, time_step × step_skip = %s fs%n",
                p.every(), p.avgNsteps(), fmt(p.rowSpacingPs()), fmt(p.tracerStop()), fmt(p.sigmaStop()), fmt(p.frameFs()));
        if (Files.isRegularFile(input) && StudyTableReader.looksLikeTable(input)) {
            out.println("input " + input + ": an exported MSD table, running stage D only");
            StudyMsdTable table = StudyTableReader.read(input);
            StudyRedifferencing.Result d = stageD(table, p, out);
            return new Outcome(input.toString(), "exported table (stage D only)", List.of(), null, d, p);
        }
        List<String> names = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        String kind;
        if (Files.isDirectory(input)) {
            kind = "CONTCAR folder";
            try (var s = Files.list(input)) {
                s.filter(Files::isRegularFile).forEach(f -> names.add(f.getFileName().toString()));
            } catch (java.io.IOException e) {
                throw new UserError("cannot list " + input + ": " + e.getMessage());
            }
            out.println("input " + input + ": a folder, stages B-D");
        } else {
            kind = "LAMMPS dump";
            out.println("stage A: dump " + input + " -> CONTCAR1.. (first 12 Mg, 24 V, 60 O rows of each frame in file order, '%.6f' fractions)");
            texts = StudyContcars.fromDump(input, warnings);
            for (int i = 0; i < texts.size(); i++) names.add("CONTCAR" + (i + 1));
            if (contcarDir != null) {
                StudyContcars.write(texts, contcarDir);
                out.println("  wrote " + texts.size() + " CONTCARs to " + contcarDir);
            } else {
                out.println("  " + texts.size() + " CONTCARs (in memory)");
            }
        }
        long contcars = names.stream().filter(n -> n.startsWith("CONTCAR")).count();
        if (p.studyFiles() > 0 && contcars != p.studyFiles())
            warnings.accept("warning: the study had " + p.studyFiles() + " CONTCARs at " + p.temperatureK() + " K, " + input + " has " + contcars
                    + ": the plain-string order and the every-" + p.every() + " selection differ, so the published numbers cannot be reproduced");
        List<String> order = StudyFileOrder.select(names, p.every());
        out.println("stage B: file names sorted as plain strings, every " + p.every() + ": " + order.size() + " files: "
                + String.join(" ", order.subList(0, Math.min(order.size(), 8))) + (order.size() > 8 ? " ..." : ""));
        if (order.size() < 3) throw new UserError("stage B kept " + order.size() + " CONTCAR files; need at least 3");
        List<Structure> frames = new ArrayList<>();
        for (String n : order) {
            if (Files.isDirectory(input)) {
                frames.add(PoscarFiles.read(input.resolve(n)));
            } else {
                String text = texts.get(Integer.parseInt(n.substring("CONTCAR".length())) - 1);
                frames.add(PoscarReader.parse(new TextLines(new java.io.BufferedReader(new java.io.StringReader(text)), n), null));
            }
        }
        StudyAnalyzer.Result c = StudyAnalyzer.analyse(frames, "Mg", p.avgNsteps(), p.frameFs());
        out.println("stage C: Cartesian Å read as fractional, wrapped every 1 Å, drift removed, constant smoothing A=" + p.avgNsteps()
                + ": " + c.table().rows() + " lags");
        StudyAnalyzer.Fit f = c.fit();
        out.printf("  pmg D = %s ± %s cm²/s, D_charge = %s ± %s cm²/s, Haven = %s%n", sci(f.d()), sci(f.dStd()), sci(f.dCharge()),
                sci(f.dChargeStd()), fmt(f.haven()));
        out.printf("  pmg D_a = %s, D_b = %s, D_c = %s cm²/s%n", sci(f.dA()), sci(f.dB()), sci(f.dC()));
        StudyRedifferencing.Result d = stageD(c.table(), p, out);
        return new Outcome(input.toString(), kind, order, c, d, p);
    }

    private static StudyRedifferencing.Result stageD(StudyMsdTable table, StudyParameters p, PrintStream out) {
        StudyRedifferencing.Result d = StudyRedifferencing.run(table, p.rowSpacingPs(), p.tracerStop(), p.sigmaStop());
        out.println("stage D: exported table re-differenced (S=" + fmt(p.rowSpacingPs()) + " ps per row)");
        out.printf("  published-style (%s): D_tracer = %s cm²/s, D_sigma = %s cm²/s, Haven = %s%n", LABEL, sci(d.dTracer()),
                sci(d.dSigma()), fmt(d.haven()));
        return d;
    }

    static String sci(double v) { return String.format("%.6e", v); }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format("%.6g", v);
    }
}
