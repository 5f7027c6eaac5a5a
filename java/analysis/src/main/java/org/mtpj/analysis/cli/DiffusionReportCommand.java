package org.mtpj.analysis.cli;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.knowm.xchart.XYChart;
import org.mtpj.analysis.compat.StudyMsdTable;
import org.mtpj.analysis.compat.StudyParameters;
import org.mtpj.analysis.compat.StudyPipeline;
import org.mtpj.analysis.compat.StudyRedifferencing;
import org.mtpj.analysis.diffusion.CalibratedFit;
import org.mtpj.analysis.msd.MsdResult;
import org.mtpj.analysis.plot.Plots;
import org.mtpj.analysis.report.DiffusionReport;
import org.mtpj.core.UserError;
import org.mtpj.host.OutputGuard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mtpj diffusion-report}: one page with the correct and the study-compat numbers and the plots. */
@Command(name = "diffusion-report", mixinStandardHelpOptions = true,
        description = {
            "Diffusion report (Markdown + HTML) with plots.",
            "",
            "Runs the correct analysis (as 'mtpj diffusion') and, with --temperature, the",
            "study-compat pipeline (as 'mtpj diffusion --compat study'), and writes",
            "DIR/report.md and DIR/report.html with the numbers side by side (D in cm²/s,",
            "lag windows in ps) and the plots DIR/msd.png and DIR/compat.png. The first",
            "--window (lag times in ps, inclusive) is the one shown in the table. Errors",
            "are the calibrated ones of 'mtpj diffusion' (see its --help), and each window",
            "states whether the MSD is diffusive there."})
public final class DiffusionReportCommand implements Callable<Integer> {
    @Mixin TrajectoryOptions traj;

    @Option(names = "--window", required = true, paramLabel = "TMIN:TMAX", description = "Lag-time fit window in ps, inclusive (repeatable).")
    List<String> windows = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder, created (default: beside the first TRAJ).")
    Path out;

    @Option(names = "--temperature", paramLabel = "K",
            description = "Add the study-compat numbers with the study's parameters for this temperature (300, 600, 900, 1000, 1200).")
    Integer temperature;

    @Option(names = "--compat-input", paramLabel = "PATH",
            description = "Input of the study-compat pipeline (dump, CONTCAR folder or exported table); default: the first TRAJ.")
    Path compatInput;

    @Override
    public Integer call() {
        if (out == null) out = DefaultOut.beside(traj.inputs.get(0), null);
        OutputGuard.of("diffusion-report").inputs(traj.inputs).input(compatInput)
                .folder(out, "msd.tsv", "diffusion.tsv", "compat.tsv", "report.md", "report.html").check();
        TrajectoryOptions.Loaded l = traj.load(System.err::println);
        MsdResult m = l.msd();
        List<CalibratedFit> results = new ArrayList<>();
        for (String w : windows) {
            double[] win = DiffusionCommand.parseWindow(w);
            CalibratedFit f = CalibratedFit.of(m, win[0], win[1], System.err::println);
            if (!f.diffusive()) System.err.println("WARNING: " + f.nonDiffusiveReason());
            results.add(f);
        }
        String species = String.join(",", traj.species);
        MsdOutputs.writeTsv(m, l.abc(), out.resolve("msd.tsv"));
        MsdOutputs.plot(m, species, results, out.resolve("msd"));
        DiffusionOutputs.writeTsv(DiffusionCommand.defaultCase(traj.inputs.get(0)), results, null, null, out.resolve("diffusion.tsv"));
        StudyPipeline.Outcome compat = null;
        String compatPlot = null;
        if (temperature != null) {
            Path in = compatInput != null ? compatInput : traj.inputs.get(0);
            StudyParameters p = StudyParameters.builtIn(temperature);
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            compat = StudyPipeline.run(in, p, null, new PrintStream(log, true, java.nio.charset.StandardCharsets.UTF_8), System.err::println);
            CompatOutputs.writeTsv(temperature + "K", compat, out.resolve("compat.tsv"));
            compatPlot = "compat.png";
            plotCompat(compat, out.resolve("compat"));
        } else if (compatInput != null) {
            throw new UserError("--compat-input needs --temperature (the study's parameters)");
        }
        var part = new DiffusionReport.CorrectPart(traj.inputs.get(0).toString(), species, m.frames(), l.frameSpacingPs(), m.mobileAtoms(),
                l.trajectory().totalAtoms, traj.driftMode().name().toLowerCase(), results.stream().map(CalibratedFit::ols).toList(),
                results.stream().map(CalibratedFit::errors).toList(), "msd.png");
        DiffusionReport r = new DiffusionReport(part, compat, compatPlot);
        Tsv.writeString(out.resolve("report.md"), r.markdown());
        Tsv.writeString(out.resolve("report.html"), r.html());
        System.out.println("wrote " + out.resolve("report.md") + " and " + out.resolve("report.html"));
        return 0;
    }

    private static void plotCompat(StudyPipeline.Outcome o, Path base) {
        List<XYChart> charts = new ArrayList<>();
        if (o.stageC() != null) {
            StudyMsdTable t = o.stageC().table();
            XYChart c = Plots.chart("stage C table (not physical)", "dt (fs)", "Å²");
            Plots.line(c, "MSD", t.dtFs(), t.msd()).setLineColor(Color.BLACK);
            Plots.line(c, "MSCD", t.dtFs(), t.mscd()).setLineColor(new Color(150, 60, 180));
            charts.add(c);
        }
        StudyRedifferencing.Result d = o.stageD();
        XYChart c = Plots.chart("stage D re-differencing (not physical)", "x = m·S (ps)", "Å²");
        Plots.points(c, "tracer points", d.xTracer(), d.yTracer());
        Plots.points(c, "sigma points", d.xSigma(), d.ySigma());
        double xmax = d.xTracer()[d.xTracer().length - 1];
        Plots.line(c, "tracer slope " + String.format("%.4f", d.slopeTracer()) + " Å²/ps", new double[] {0, xmax},
                new double[] {0, d.slopeTracer() * xmax});
        charts.add(c);
        Plots.savePanels(charts, base);
    }
}
