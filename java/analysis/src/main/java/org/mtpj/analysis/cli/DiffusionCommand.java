package org.mtpj.analysis.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mtpj.analysis.compat.StudyParameters;
import org.mtpj.analysis.compat.StudyPipeline;
import org.mtpj.analysis.diffusion.AutoWindow;
import org.mtpj.analysis.diffusion.BlockDiffusion;
import org.mtpj.analysis.diffusion.CalibratedFit;
import org.mtpj.analysis.diffusion.DiffusionFit;
import org.mtpj.analysis.diffusion.DiffusionResult;
import org.mtpj.analysis.diffusion.RandomWalkErrors;
import org.mtpj.analysis.msd.MsdResult;
import org.mtpj.core.UserError;
import org.mtpj.host.OutputGuard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mtpj diffusion}: D tracer, D_sigma, Haven ratio, per-axis D; or the study-compat pipeline. */
@Command(name = "diffusion", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Diffusion coefficients and Haven ratio from the MSD.",
            "",
            "Diffusion coefficients of the mobile species from the multi-origin MSD",
            "(see 'mtpj msd'): D_tracer = slope(MSD)/6, D_sigma = slope(MSCD)/6,",
            "D_x,y,z = slope(MSD_x,y,z)/2, Haven = D_tracer/D_sigma, in cm²/s",
            "(1 Å²/ps = 1e-4 cm²/s); the slope is the ordinary-least-squares (OLS) line.",
            "",
            "Errors (±, stderr_calibrated_cm2s): the standard error of that OLS slope",
            "when the MSD points are as correlated as a random walk's: Σ w_k w_l Cov(k,l)",
            "with the exact covariance of the all-origins MSD of Gaussian walkers with",
            "the fitted D (points share time origins; N atoms independent; the MSCD is",
            "one walker, so D_sigma is far less certain than D_tracer). Tested to cover",
            "the true D in 60-76 %% of synthetic walks; the plain OLS error (stderr_cm2s,",
            "kept for the reference tables) is often 10-30 times too small, and is",
            "quoted instead only where it is larger (a plateau). Why not GLS or a",
            "bootstrap: the D stays the reference OLS number, and no resampling of few",
            "time origins is needed. Haven: relative errors in quadrature. Details:",
            "docs/diffusion-errors.md.",
            "",
            "The fit window --window TMIN:TMAX (lag times in ps, both ends included) is",
            "required: there is no hidden default. Choose it where log MSD against log t",
            "has slope 1 (diffusive), after the ballistic/rattling start and well before",
            "the longest lags, which average few independent time origins. A warning is",
            "printed when the window's longest lag has fewer than 10 independent origins.",
            "Give --window several times to compare windows. --window auto picks the",
            "longest diffusive range whose longest lag has >= 10 independent origins",
            "(diffusive as below; candidate ends: up to 24 lags evenly spaced in log t;",
            "printed).",
            "",
            "Diffusive check, every window: the log-log slope of the MSD over the window",
            "with the error a random walk of this size would give. When it differs from",
            "1 by more than 2 errors + 0.1 (vibrational offset) the window is marked not",
            "diffusive (column 'diffusive', a WARNING line, the plot legend): a plateau",
            "(slope ~0.2: atoms rattle in place) gives a D that is no diffusion",
            "coefficient. When the slope falls across the window, each half must pass",
            "too (a window across the crossover from vibration into the cage can",
            "average slope 1), and the slope from the window's end to half the run may",
            "not fall below 1 by more (diffusion is the long-time limit). --strict makes",
            "that an error (exit 2).",
            "",
            "--blocks N splits the kept frames into N consecutive blocks, fits each block",
            "alone and reports the block values, the standard error of their mean",
            "(sd/√N) and the combined error max(calibrated, blocks), a cross-check. In a",
            "block the window keeps its start and ends at most at half the block's",
            "duration (so every fitted lag still averages many time origins).",
            "",
            "--compat study reproduces the published study's pipeline instead (CONTCAR",
            "writing, plain-string file order, Cartesian-as-fractional wrapping, constant",
            "smoothing, re-differencing); its numbers are labelled 'study-compat (not",
            "physical)'. Input: the dump, a CONTCAR folder or an exported md_50ps table.",
            "--temperature T fills in the study's parameters (T = 300, 600, 900, 1000,",
            "1200 K)."})
public final class DiffusionCommand implements Callable<Integer> {
    @Mixin TrajectoryOptions traj;

    @Option(names = "--window", paramLabel = "TMIN:TMAX",
            description = "Lag-time window of the fit in ps, inclusive, e.g. 10:40, or 'auto' (repeatable). Required unless --compat.")
    List<String> windows = new ArrayList<>();

    @Option(names = "--strict", description = "A window that is not diffusive (or no diffusive window for --window auto) is an error (exit 2).")
    boolean strict;

    @Option(names = "--blocks", paramLabel = "N",
            description = "Also fit N consecutive blocks of the run and report the standard error of the block mean (N >= 2).")
    Integer blocks;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write DIR/diffusion.tsv, DIR/diffusion.json, DIR/msd.tsv and DIR/msd.png (+svg) (default: none, the table is printed).")
    Path out;

    @Option(names = "--tsv", paramLabel = "FILE",
            description = "Write the D table (case, window_ps, quantity, value_cm2s, stderr_cm2s (OLS), stderr_calibrated_cm2s, "
                    + "loglog_slope, loglog_slope_stderr, diffusive; with --blocks also blocks_cm2s, "
                    + "stderr_blocks_cm2s, stderr_combined_cm2s) here; with --compat: the compat table (case, quantity, value, input).")
    Path tsv;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the results as JSON here.")
    Path json;

    @Option(names = "--case", paramLabel = "NAME", description = "Label of the 'case' column (default: from the file name, or <T>K with --compat).")
    String caseName;

    @Option(names = "--compat", paramLabel = "MODE", description = "'study': run the published study's pipeline (not physical).")
    String compat;

    @Option(names = "--temperature", paramLabel = "K", description = "With --compat study: use the study's built-in parameters for this temperature.")
    Integer temperature;

    @Option(names = "--avg-nsteps", paramLabel = "A", description = "With --compat: smoothing origins A (stage C).")
    Integer avgNsteps;

    @Option(names = "--row-spacing-ps", paramLabel = "S", description = "With --compat: the hand-set ps per exported row S (stage D).")
    Double rowSpacingPs;

    @Option(names = "--tracer-stop", paramLabel = "X", description = "With --compat: the arange stop of the tracer re-differencing (ps).")
    Double tracerStop;

    @Option(names = "--sigma-stop", paramLabel = "X", description = "With --compat: the arange stop of the sigma re-differencing (ps).")
    Double sigmaStop;

    // the compat pipeline's time_step is --timestep-ps (× 1000 fs); its old option, in fs, stays hidden for a release
    @Option(names = "--time-step", hidden = true, paramLabel = "FS", description = "Old spelling of --timestep-ps, in fs (the compat time_step).")
    Double timeStepFs;

    @Option(names = "--step-skip", paramLabel = "N", description = "With --compat: step_skip of stage C; dt per frame = --timestep-ps × step_skip.")
    Double stepSkip;

    @Option(names = "--table", paramLabel = "FILE", description = "With --compat: write the stage-C MSD table (lag, dt_fs, MSD_A2, MSD_a/b/c, MSCD_A2).")
    Path table;

    @Option(names = "--write-contcars", paramLabel = "DIR", description = "With --compat and a dump: write the stage-A CONTCARs here.")
    Path contcarDir;

    @Override
    public Integer call() {
        OutputGuard.of("diffusion").inputs(traj.inputs).folder(out, "diffusion.tsv", "diffusion.json", "msd.tsv", "compat.tsv", "compat.json")
                .output(tsv).output(json).output(table).output(contcarDir).check();
        if (compat != null) return callCompat();
        if (windows.isEmpty())
            throw new UserError("give the fit window with --window TMIN:TMAX (lag times in ps, e.g. --window 10:40); see --help");
        if (blocks != null) BlockDiffusion.requireCount(blocks);
        TrajectoryOptions.Loaded l = traj.load(System.err::println);
        MsdResult m = l.msd();
        String species = String.join(",", traj.species);
        String name = caseName != null ? caseName : defaultCase(traj.inputs.get(0));
        List<CalibratedFit> results = new ArrayList<>();
        List<BlockDiffusion> blockFits = blocks == null ? null : new ArrayList<>();
        for (String w : windows) {
            double[] win;
            if (w.strip().equalsIgnoreCase("auto")) {
                AutoWindow a = AutoWindow.choose(m);
                if (!a.found()) {
                    String why = "--window auto: no lag range up to " + DiffusionOutputs.lagTime(a.tMaxPs()) + " ps (the longest lag with "
                            + DiffusionFit.MIN_INDEPENDENT_ORIGINS + " independent origins) is diffusive and stays so at later lags; fitting "
                            + DiffusionOutputs.lagTime(a.tMinPs()) + ":" + DiffusionOutputs.lagTime(a.tMaxPs()) + " ps, marked not diffusive";
                    if (strict) throw new UserError(why);
                    System.err.println("WARNING: " + why);
                }
                System.out.println("window auto: " + DiffusionOutputs.lagTime(a.tMinPs()) + ":" + DiffusionOutputs.lagTime(a.tMaxPs()) + " ps ("
                        + (a.found() ? "longest diffusive range" : "no diffusive range; all lags") + " with >= "
                        + DiffusionFit.MIN_INDEPENDENT_ORIGINS + " independent origins at its longest lag)");
                win = new double[] {a.tMinPs(), a.tMaxPs()};
            } else {
                win = parseWindow(w);
            }
            CalibratedFit f = CalibratedFit.of(m, win[0], win[1], System.err::println);
            if (!f.diffusive()) {
                if (strict) throw new UserError("--strict: " + f.nonDiffusiveReason());
                System.err.println("WARNING: " + f.nonDiffusiveReason());
            }
            results.add(f);
            if (blocks != null)
                blockFits.add(BlockDiffusion.fit(l.trajectory().positions, m.mobileAtoms(), l.frameSpacingPs(), blocks, win[0], win[1]));
        }
        System.out.printf("%s: %d frames %s ps apart, %d %s atoms; MSD with all time origins, --drift %s%n", traj.inputs.get(0),
                m.frames(), Tsv.compact(l.frameSpacingPs()), m.mobileAtoms(), species, traj.drift.toLowerCase(java.util.Locale.ROOT));
        System.out.println("± = calibrated standard error (random-walk covariance of the MSD; see --help)");
        System.out.println("window (ps)  points  D_tracer (cm²/s)        D_sigma (cm²/s)         Haven            D_x / D_y / D_z (cm²/s)          log-log slope");
        for (CalibratedFit f : results) {
            DiffusionResult d = f.ols();
            RandomWalkErrors e = f.errors();
            System.out.printf("%-11s  %6d  %.4e ± %.2e  %.4e ± %.2e  %.3f ± %.3f  %.3e / %.3e / %.3e  %.2f ± %.2f %s%n", DiffusionOutputs.window(d),
                    d.points(), d.dTracer(), e.dTracerErr(), d.dSigma(), e.dSigmaErr(), d.haven(), e.havenErr(), d.dX(), d.dY(), d.dZ(),
                    e.regime().slope(), e.regime().slopeStdErr(), f.diffusive() ? "diffusive" : "NOT DIFFUSIVE");
        }
        if (blockFits != null) {
            System.out.println("window (ps)  blocks (window in each)   D_tracer: mean ± se of blocks, combined se   D_sigma: mean ± se of blocks   Haven");
            for (int i = 0; i < results.size(); i++) {
                CalibratedFit f = results.get(i);
                BlockDiffusion b = blockFits.get(i);
                double se = b.stdErr(DiffusionResult::dTracer);
                System.out.printf("%-11s  %d × (%s:%s ps)  %.4e ± %.2e, %.2e  %.4e ± %.2e  %.3f ± %.3f%n", DiffusionOutputs.window(f.ols()), b.count(),
                        Tsv.compact(b.tMinPs()), Tsv.compact(b.tMaxPs()), b.mean(DiffusionResult::dTracer), se, Math.max(se, f.errors().dTracerErr()),
                        b.mean(DiffusionResult::dSigma), b.stdErr(DiffusionResult::dSigma), b.mean(DiffusionResult::haven),
                        b.stdErr(DiffusionResult::haven));
            }
        }
        List<double[]> abc = null;
        if (l.abc() != null) {
            abc = new ArrayList<>();
            for (CalibratedFit f : results) {
                DiffusionResult d = f.ols();
                double[] a = DiffusionFit.alongOneAxis(m, l.abc()[0], d), b = DiffusionFit.alongOneAxis(m, l.abc()[1], d),
                        c = DiffusionFit.alongOneAxis(m, l.abc()[2], d);
                abc.add(new double[] {a[0], a[1], Math.max(a[1], RandomWalkErrors.axisErr(m, l.abc()[0], d, a[0])), b[0], b[1],
                        Math.max(b[1], RandomWalkErrors.axisErr(m, l.abc()[1], d, b[0])), c[0], c[1],
                        Math.max(c[1], RandomWalkErrors.axisErr(m, l.abc()[2], d, c[0]))});
                System.out.printf("%-11s  along a/b/c: %.3e / %.3e / %.3e cm²/s%n", DiffusionOutputs.window(d), a[0], b[0], c[0]);
            }
        }
        if (out != null) {
            DiffusionOutputs.writeTsv(name, results, abc, blockFits, out.resolve("diffusion.tsv"));
            Tsv.writeString(out.resolve("diffusion.json"), DiffusionOutputs.json(name, species, results, blockFits, m.frames(), l.frameSpacingPs(), m.mobileAtoms()));
            MsdOutputs.writeTsv(m, l.abc(), out.resolve("msd.tsv"));
            MsdOutputs.plot(m, species, results, out.resolve("msd"));
            System.out.println("wrote " + out.resolve("diffusion.tsv") + ", diffusion.json, msd.tsv, msd.png");
        }
        if (tsv != null) DiffusionOutputs.writeTsv(name, results, abc, blockFits, tsv);
        if (json != null) Tsv.writeString(json, DiffusionOutputs.json(name, species, results, blockFits, m.frames(), l.frameSpacingPs(), m.mobileAtoms()));
        return 0;
    }

    private Integer callCompat() {
        if (!compat.equals("study")) throw new UserError("--compat knows only 'study', got '" + compat + "'");
        if (!windows.isEmpty()) throw new UserError("--window does not apply to --compat study (the study fitted all lags)");
        if (blocks != null) throw new UserError("--blocks does not apply to --compat study");
        if (traj.inputs.size() != 1) throw new UserError("--compat study takes one input: a dump, a CONTCAR folder or an exported table");
        StudyParameters p = parameters();
        StudyPipeline.Outcome o = StudyPipeline.run(traj.inputs.get(0), p, contcarDir, System.out, System.err::println);
        String name = caseName != null ? caseName : (temperature != null ? temperature + "K" : "study");
        if (tsv != null) CompatOutputs.writeTsv(name, o, tsv);
        if (json != null) Tsv.writeString(json, CompatOutputs.json(name, o));
        if (table != null) {
            if (o.stageC() == null) throw new UserError("--table needs stage C (a dump or CONTCAR folder as input)");
            CompatOutputs.writeTable(o.stageC().table(), table);
        }
        if (out != null) {
            CompatOutputs.writeTsv(name, o, out.resolve("compat.tsv"));
            Tsv.writeString(out.resolve("compat.json"), CompatOutputs.json(name, o));
            if (o.stageC() != null) CompatOutputs.writeTable(o.stageC().table(), out.resolve("compat_table.tsv"));
        }
        return 0;
    }

    private StudyParameters parameters() {
        Integer k = traj.everyOption;
        // stage C's time_step (fs): --timestep-ps when given, else the study's (2 fs)
        Double timeStep = timeStepFs != null ? timeStepFs : traj.timestep.given() ? traj.timestep.ps() * 1000 : null;
        if (temperature != null) {
            return StudyParameters.builtIn(temperature).with(k, avgNsteps, rowSpacingPs, tracerStop, sigmaStop, timeStep, stepSkip);
        }
        List<String> missing = new ArrayList<>();
        if (k == null) missing.add("--every");
        if (avgNsteps == null) missing.add("--avg-nsteps");
        if (rowSpacingPs == null) missing.add("--row-spacing-ps");
        if (tracerStop == null) missing.add("--tracer-stop");
        if (sigmaStop == null) missing.add("--sigma-stop");
        if (!missing.isEmpty())
            throw new UserError("--compat study needs " + String.join(", ", missing) + " (or --temperature 300|600|900|1000|1200 for the study's values)");
        double s = rowSpacingPs;
        // the study's dt per frame equals the row spacing S; time_step × step_skip may be given instead
        double ts = timeStep != null ? timeStep : 2.0;
        double skip = stepSkip != null ? stepSkip : s * 1000 / ts;
        return new StudyParameters(0, k, avgNsteps, s, tracerStop, sigmaStop, ts, skip, 0);
    }

    static String defaultCase(Path p) {
        String n = p.getFileName().toString();
        int dot = n.indexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    /** "10:40" → {10, 40} ps. */
    static double[] parseWindow(String w) {
        String[] t = w.split("[:,]");
        try {
            if (t.length != 2) throw new NumberFormatException();
            double a = Double.parseDouble(t[0].strip()), b = Double.parseDouble(t[1].strip());
            if (!(b > a) || a < 0) throw new UserError("--window " + w + ": need 0 <= TMIN < TMAX (ps)");
            return new double[] {a, b};
        } catch (NumberFormatException e) {
            throw new UserError("--window expects TMIN:TMAX in ps, e.g. 10:40; got '" + w + "'");
        }
    }
}
