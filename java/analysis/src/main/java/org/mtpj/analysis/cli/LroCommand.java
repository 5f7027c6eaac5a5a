package org.mtpj.analysis.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.mtpj.core.model.Elements;
import org.mtpj.analysis.lro.Direction;
import org.mtpj.analysis.lro.FibonacciSphere;
import org.mtpj.analysis.lro.LroInputs;
import org.mtpj.analysis.lro.LroResult;
import org.mtpj.analysis.lro.LroTables;
import org.mtpj.analysis.lro.LroTimeSeries;
import org.mtpj.analysis.lro.PlaneCountCheck;
import org.mtpj.analysis.lro.PyNumbers;
import org.mtpj.analysis.lro.SphereRenderer;
import org.mtpj.analysis.lro.TrackedAtoms;
import org.mtpj.host.ProgressOption;
import org.mtpj.host.ThreadsOption;
import org.mtpj.host.WorkerPool;
import org.mtpj.core.UserError;
import org.mtpj.host.AtomicOutput;
import org.mtpj.host.OutputGuard;
import org.mtpj.core.io.InputFormatException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mtpj lro}: PyLRO-definition long-range order of one species, per direction and over the sphere. */
@Command(name = "lro", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Long-range order of one species (PyLRO definition).",
                "",
                "Long-range order of one species (PyLRO's definition, analysis-spec §4): per axis the number of lattice planes the atoms follow (structure-factor ranking, 1-D fit), each atom's deviation from its plane in units of the plane spacing, and the order along a direction O(n) = mean_i |sum_j u_ij n_j| (dimensionless, n in the a,b,c basis, normalised). Smaller O = more ordered; the pictures show P = 1 - O (\"Order\"). The Å variant is mean_i |(sum_j u_ij a_j).n| (n Cartesian); --angstrom uses it for the sphere.",
                "",
                "Inputs: POSCAR/CONTCAR files or folders of them (ordered by the number in the name), and trajectories — LAMMPS text dumps, XDATCAR, extended XYZ (every frame as a time series, or --frame N). Structures run in parallel.",
                "",
                "Cell size enters the definition: the number of planes per cell axis is chosen among 1..11 by the structure factor of the tracked atoms in this cell, and deviations are measured in units of that plane spacing. The same structure replicated can therefore give other values (the study's POSCAR_300K, 12 Mg: O[010] = 0.051; its 2x2x2 replica: 0.231). The plane count per axis is printed (column 'planes a b c', TSV row 'dims'); an axis with fewer than 3 tracked atoms per plane, or at the 11-plane limit, gets a WARNING line: compare O only between cells of similar size, and prefer cells with many tracked atoms.",
                "",
                "Writes per input (or dump frame) DIR/<name>.tsv (dims, order and order_angstrom per direction, sphere min/max/mean, colour-bar ticks), DIR/<name>_sphere.tsv (i nx ny nz order) and DIR/<name>_sphere.png/.svg (3-D view and equal-area map); with several inputs DIR/summary.tsv; for dumps DIR/<dump>_timeseries.tsv/.png/.svg.",
                ""})
public final class LroCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "STRUCTURE", description = "POSCAR/CONTCAR files, folders of them, or LAMMPS dump files.")
    List<Path> inputs;

    @Option(names = "--species", required = true, paramLabel = "SYMBOL",
            description = "Species whose order is measured, e.g. Mg (or its atomic number, 12).")
    String species;

    @Option(names = "--hkl", paramLabel = "H,K,L", split = ";",
            description = "Extra directions besides 001 100 010 110 101 011 111 (repeatable), e.g. --hkl 1,-1,0.")
    List<String> hkl = new ArrayList<>();

    @Option(names = "--sphere", defaultValue = "700", paramLabel = "N", description = "Directions on the Fibonacci sphere (default ${DEFAULT-VALUE}).")
    int sphere;

    @Option(names = "--angstrom", description = "Sphere (and its summary, ticks and picture) in the Å variant instead of the dimensionless order.")
    boolean angstrom;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder, created (default: lro-SYMBOL beside the first input).")
    Path out;

    @Option(names = "--plots", defaultValue = "auto", paramLabel = "auto|all|none",
            description = "Pictures: all, none, or auto = all for up to 20 structures/frames (default ${DEFAULT-VALUE}).")
    String plots;

    @Option(names = "--frame", paramLabel = "N", description = "For trajectories: only frame N (0-based); default every frame (a time series).")
    Integer frame;

    @Mixin TimestepOption timestep;   // for LAMMPS dumps

    @Option(names = "--types", paramLabel = "S1,S2,..", split = ",",
            description = "For LAMMPS dumps without an element column: species of type 1, 2, ... (study: Mg,V,O).")
    List<String> types;

    @Option(names = "--symbols", paramLabel = "S1,S2,..", split = ",",
            description = "For VASP 4 POSCAR/XDATCAR files without a symbols line: the species of the count blocks.")
    List<String> symbols;

    @Mixin ThreadsOption threads;

    @Mixin ProgressOption progress;

    @Override
    public Integer call() throws Exception {
        int z = atomicNumber(species);
        String symbol = Elements.symbol(z);
        if (out == null) out = DefaultOut.beside(inputs.get(0), "lro-" + symbol);
        OutputGuard.of("lro").inputs(inputs).output(out).check();
        PrintWriter stdout = spec.commandLine().getOut();
        if (sphere < 2) throw new UserError("--sphere must be at least 2 directions, got " + sphere);
        if (!plots.equals("auto") && !plots.equals("all") && !plots.equals("none"))
            throw new UserError("--plots must be auto, all or none, got '" + plots + "'");
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        List<Direction> dirs = new ArrayList<>();
        for (Direction d : Direction.DEFAULTS) { dirs.add(d); seen.add(d.label()); }
        for (String h : hkl) {
            Direction d = Direction.parse(h);
            if (seen.add(d.label())) dirs.add(d);
        }
        List<Path> files = LroInputs.expand(inputs);
        PrintWriter err = spec.commandLine().getErr();
        List<TrackedAtoms.Source> sources = TrackedAtoms.sources(files, LroInputs.names(files), frame, types, symbols, z, symbol,
                msg -> { err.println("mtpj lro: " + msg); err.flush(); });
        boolean drawPlots = plots.equals("all") || (plots.equals("auto") && sources.size() <= 20);
        Files.createDirectories(out);
        double[][] sphereDirs = FibonacciSphere.points(sphere);
        int nThreads = Math.max(1, Math.min(threads.workers(), sources.size()));
        long t0 = System.nanoTime();
        ProgressBar bar = sources.size() < 2 ? null : progress.open("lro", sources.size(), " structures");
        List<Callable<LroResult>> tasks = new ArrayList<>();
        for (TrackedAtoms.Source src : sources) {
            tasks.add(() -> {
                TrackedAtoms atoms = src.load(z, symbol, symbols);
                LroResult r = LroResult.compute(atoms.label(), z, atoms.fractional(), atoms.cell(), dirs, sphereDirs, angstrom);
                LroTables.writeResult(out.resolve(src.name() + ".tsv"), List.of(r));
                LroTables.writeSphere(out.resolve(src.name() + "_sphere.tsv"), r.sphere(), angstrom);
                if (drawPlots) {
                    SphereRenderer.Scene scene = SphereRenderer.scene(src.name(), symbol, r);
                    SphereRenderer.writePng(scene, out.resolve(src.name() + "_sphere.png"));
                    SphereRenderer.writeSvg(scene, out.resolve(src.name() + "_sphere.svg"));
                }
                if (bar != null) bar.step();
                return r;
            });
        }
        List<LroResult> results;
        try (WorkerPool pool = new WorkerPool("mtpj-lro", nThreads)) {
            results = pool.map(tasks);
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();   // Main says which file and why
        } finally {
            if (bar != null) bar.close();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (results.size() > 1) writeSummary(out.resolve("summary.tsv"), sources, results);
        List<Path> series = LroTimeSeries.write(out, sources, results, dirs, timestep.ps());
        report(stdout, sources, results, symbol, seconds, nThreads, drawPlots);
        for (Path p : series) stdout.println("time series: " + p + " (+ .png/.svg)");
        stdout.flush();
        return 0;
    }

    static int atomicNumber(String s) {
        String t = s.strip();
        if (t.matches("\\d+")) {
            int z = Integer.parseInt(t);
            if (z < 1 || z > 103) throw new UserError("--species " + s + ": no element with that atomic number");
            return z;
        }
        String norm = t.isEmpty() ? t : Character.toUpperCase(t.charAt(0)) + t.substring(1).toLowerCase(Locale.ROOT);
        int z = Elements.atomicNumber(norm);
        if (z < 0) throw new UserError("--species '" + s + "' is not a chemical element symbol (e.g. Mg, Al)");
        return z;
    }

    private void writeSummary(Path file, List<TrackedAtoms.Source> sources, List<LroResult> results) throws IOException {
        AtomicOutput.write(file, StandardCharsets.UTF_8, w -> {
            String o = angstrom ? "order_angstrom" : "order";
            w.write("name\tinput\tZ\tatoms\tdims\torder_001\torder_100\torder_010\torder_angstrom_001\tsphere" + sphere + "_min_" + o
                    + "\tsphere" + sphere + "_max_" + o + "\tsphere" + sphere + "_mean_" + o + "\tcolorbar_ticks\n");
            for (int i = 0; i < results.size(); i++) {
                LroResult r = results.get(i);
                w.write(sources.get(i).name() + "\t" + r.input() + "\t" + r.z() + "\t" + r.atoms() + "\t" + r.dimsText() + "\t"
                        + PyNumbers.repr(r.order()[0]) + "\t" + PyNumbers.repr(r.order()[1]) + "\t" + PyNumbers.repr(r.order()[2]) + "\t"
                        + PyNumbers.repr(r.orderAngstrom()[0]) + "\t" + PyNumbers.repr(r.sphere().min()) + "\t"
                        + PyNumbers.repr(r.sphere().max()) + "\t" + PyNumbers.repr(r.sphere().mean()) + "\t" + r.sphere().ticksText() + "\n");
            }
        });
    }

    private void report(PrintWriter w, List<TrackedAtoms.Source> sources, List<LroResult> results, String symbol,
                        double seconds, int nThreads, boolean drawPlots) {
        w.printf(Locale.ROOT, "Long-range order of %s (PyLRO definition; smaller O = more ordered), %d directions on the sphere%s%n",
                symbol, sphere, angstrom ? ", Å variant" : "");
        w.printf(Locale.ROOT, "%-28s %6s %-12s %10s %10s %10s %10s %10s%n", "name", "atoms", "planes a b c", "O[001]", "O[100]", "O[010]",
                angstrom ? "min (Å)" : "sphere min", angstrom ? "mean (Å)" : "mean");
        int shown = 0;
        for (int i = 0; i < results.size(); i++) {
            if (results.size() > 25 && i >= 20 && i < results.size() - 3) {
                if (i == 20) w.printf("... (%d more; all in %s)%n", results.size() - 23, out.resolve("summary.tsv"));
                continue;
            }
            LroResult r = results.get(i);
            w.printf(Locale.ROOT, "%-28s %6d %-12s %10.6f %10.6f %10.6f %10.6f %10.6f%n", sources.get(i).name(), r.atoms(), r.dimsText(),
                    r.order()[0], r.order()[1], r.order()[2], r.sphere().min(), r.sphere().mean());
            shown++;
        }
        if (results.size() > 1) {
            double m = 0;
            for (LroResult r : results) m += r.sphere().mean();
            w.printf(Locale.ROOT, "%d inputs, mean sphere order %.6f; summary: %s%n", results.size(), m / results.size(), out.resolve("summary.tsv"));
        }
        if (results.size() == 1) w.println(sources.get(0).name() + ": " + PlaneCountCheck.describe(results.get(0)));
        String first = sources.get(0).name(), last = sources.get(sources.size() - 1).name();
        String pictures = drawPlots ? ", _sphere.png/.svg" : "";
        if (sources.size() == 1)
            w.printf(Locale.ROOT, "wrote %s.tsv, %s_sphere.tsv%s in %s (%.2f s)%n", first, first, drawPlots ? ", " + first + "_sphere.png/.svg" : "",
                    out, seconds);
        else
            w.printf(Locale.ROOT, "wrote %d structures' tables %s.tsv ... %s.tsv (each with _sphere.tsv%s) and summary.tsv in %s (%.2f s on %s)%n",
                    sources.size(), first, last, pictures, out, seconds, ThreadsOption.count(nThreads));
        w.flush();
        PrintWriter err = spec.commandLine().getErr();
        for (String warning : PlaneCountCheck.warnings(sources.stream().map(TrackedAtoms.Source::name).toList(), results, symbol)) err.println(warning);
        err.flush();
    }
}
