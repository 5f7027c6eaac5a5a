package org.mtpj.analysis.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mtpj.analysis.diffusion.Arrhenius;
import org.mtpj.host.InputFiles;
import org.mtpj.core.io.TextLines;
import org.mtpj.analysis.plot.ArrheniusPlot;
import org.mtpj.analysis.plot.Plots;
import org.mtpj.core.UserError;
import org.mtpj.core.io.InputFormatException;
import org.mtpj.host.OutputGuard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mtpj arrhenius}: Ea, D0 and D extrapolated to a temperature. */
@Command(name = "arrhenius", mixinStandardHelpOptions = true,
        description = {
            "Arrhenius fit of D(T): activation energy and D0.",
            "",
            "Arrhenius fit ln D = ln D0 − Ea/(k_B T) of ln D against 1/T,",
            "k_B = 8.617333262e-5 eV/K. Input, either:",
            "  TABLE.tsv: a header line and rows with the temperature (K), D (cm²/s) and",
            "  optionally its standard error; columns are found by name (T, T_K or",
            "  temperature; D, D_cm2s, D_tracer or value_cm2s; se, stderr, D_se, D_se_cm2s,",
            "  stderr_cm2s, stderr_calibrated_cm2s or stderr_combined_cm2s), else the",
            "  first two are T and D;",
            "  or several T=FILE: the table of 'mtpj diffusion --tsv' (or its --out",
            "  diffusion.tsv) of the run at T kelvin; the --quantity row of its first",
            "  window, with its combined error when it has one (--blocks), else the",
            "  calibrated error (see 'mtpj diffusion --help'). A row whose MSD was not",
            "  diffusive over its window (column diffusive = no) is fitted but named in",
            "  a WARNING line, counted in the table and drawn as a cross: its D is no",
            "  diffusion coefficient, so neither is the Ea built on it.",
            "With standard errors the fit is weighted by 1/se(ln D)² (se(ln D) = se/D) and",
            "the errors of Ea and D0 follow from them; χ²/(n−2) is printed (well above 1:",
            "the points scatter more than their errors allow). Without: ordinary least",
            "squares, errors from the scatter.",
            "Prints and writes Ea (eV) ± se, D0 (cm²/s) with the se of ln D0, and D at",
            "--at (K) with its ×/÷ factor exp(se); arrhenius.tsv and arrhenius.png (the",
            "points with ±1 se error bars, the fit and its 68 %% (±1σ) confidence band)."})
public final class ArrheniusCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "TABLE.tsv|T=FILE",
            description = "Temperatures (K) and diffusion coefficients (cm²/s), or T=FILE pairs of 'mtpj diffusion' tables.")
    List<String> inputs;

    @Option(names = "--quantity", defaultValue = "D_tracer", paramLabel = "Q",
            description = "With T=FILE inputs: the row to fit, e.g. D_tracer or D_sigma (default: ${DEFAULT-VALUE}).")
    String quantity;

    @Option(names = "--at", defaultValue = "300", paramLabel = "K", description = "Extrapolate D to this temperature (default: ${DEFAULT-VALUE} K).")
    double at;

    @Option(names = "--out", paramLabel = "DIR", description = "Write DIR/arrhenius.tsv and DIR/arrhenius.png (+svg) (default: beside the (first) input).")
    Path out;

    @Override
    public Integer call() {
        boolean pairs = inputs.stream().allMatch(ArrheniusCommand::isPair);
        Points td = pairs ? readPairs(inputs, quantity) : readSingle(inputs);
        Arrhenius a = Arrhenius.fit(td.t(), td.d(), td.se(), at);
        String source = String.join(" ", inputs);
        int notDiffusive = 0;
        for (int i = 0; td.diffusive() != null && i < td.t().length; i++) {
            if (td.diffusive()[i]) continue;
            notDiffusive++;
            System.err.println("WARNING: " + Tsv.compact(td.t()[i]) + " K: the MSD was not diffusive over its fit window (column diffusive = no): "
                    + "this D is no diffusion coefficient, and the Ea fitted through it is not an activation energy of diffusion");
        }
        if (pairs && td.errorColumn().contains("stderr_cm2s"))
            System.err.println("WARNING: the tables give only the ordinary-least-squares error (stderr_cm2s), often 10-30 times too small; "
                    + "the Ea error is too small with it (rerun 'mtpj diffusion' of this build for stderr_calibrated_cm2s)");
        System.out.printf(Locale.ROOT, "Arrhenius fit of %d points (%s), %s:%n", td.t().length, source,
                a.weighted() ? "weighted by their standard errors (" + td.errorColumn() + ")" : "unweighted (no standard errors given)");
        System.out.printf(Locale.ROOT, "  Ea = %.4f ± %.4f eV%n", a.ea(), a.eaErr());
        System.out.printf(Locale.ROOT, "  D0 = %.4e cm²/s (se of ln D0 = %.3f, factor %.3g)%n", a.d0(), a.lnD0Err(), Math.exp(a.lnD0Err()));
        System.out.printf(Locale.ROOT, "  D(%s K) = %.4e cm²/s, within ×/÷ %.3g (one standard error)%n", Tsv.compact(at), a.dAtTarget(), a.factorAtTarget());
        if (a.weighted()) System.out.printf(Locale.ROOT, "  χ²/(n−2) = %.3g%n", a.fit().reducedChi2());
        if (notDiffusive > 0) System.out.printf(Locale.ROOT, "  %d of %d points NOT diffusive (see the warnings)%n", notDiffusive, td.t().length);
        Path dir = out != null ? out : td.home().toAbsolutePath().getParent();
        OutputGuard.of("arrhenius").inputs(inputs.stream().map(i -> Path.of(isPair(i) ? i.substring(i.indexOf('=') + 1) : i)).toList())
                .folder(dir, "arrhenius.tsv", "arrhenius.png", "arrhenius.svg").check();
        List<String> lines = new ArrayList<>();
        lines.add("quantity\tvalue\tstderr\tunit");
        lines.add("Ea\t" + Tsv.num(a.ea()) + "\t" + Tsv.num(a.eaErr()) + "\teV");
        lines.add("D0\t" + Tsv.num(a.d0()) + "\t\tcm2/s");
        lines.add("ln_D0\t" + Tsv.num(Math.log(a.d0())) + "\t" + Tsv.num(a.lnD0Err()) + "\tln(cm2/s)");
        lines.add("D_at_" + Tsv.compact(at) + "K\t" + Tsv.num(a.dAtTarget()) + "\t\tcm2/s");
        lines.add("ln_D_at_" + Tsv.compact(at) + "K\t" + Tsv.num(Math.log(a.dAtTarget())) + "\t" + Tsv.num(a.lnDAtTargetErr()) + "\tln(cm2/s)");
        lines.add("factor_at_" + Tsv.compact(at) + "K\t" + Tsv.num(a.factorAtTarget()) + "\t\t(×/÷)");
        if (a.weighted()) lines.add("chi2_per_dof\t" + Tsv.num(a.fit().reducedChi2()) + "\t\t1");
        if (td.diffusive() != null) lines.add("points_not_diffusive\t" + notDiffusive + "\t\tcount");
        Tsv.write(dir.resolve("arrhenius.tsv"), lines);
        ArrheniusPlot.write(td.t(), td.d(), td.se(), td.diffusive(), a, at, dir.resolve("arrhenius"));
        System.out.println("wrote " + dir.resolve("arrhenius.tsv") + ", " + dir.resolve("arrhenius.png"));
        return 0;
    }

    /**
     * T (K), D (cm²/s), standard errors of D or null (from column {@code errorColumn}), per point whether its MSD was diffusive
     * (null: not stated); {@code home}: the file whose folder takes the outputs by default.
     */
    record Points(double[] t, double[] d, double[] se, String errorColumn, boolean[] diffusive, Path home) {}

    private static boolean isPair(String s) {
        int eq = s.indexOf('=');
        return eq > 0 && isNumber(s.substring(0, eq));
    }

    private static Points readSingle(List<String> inputs) {
        if (inputs.size() != 1)
            throw new UserError("give one TABLE.tsv or only T=FILE pairs (e.g. 3500=d3500/diffusion.tsv), got " + String.join(" ", inputs));
        return read(Path.of(inputs.get(0)));
    }

    static Points read(Path file) {
        List<double[]> rows = new ArrayList<>();
        int ct = 0, cd = 1, cse = -1, combined = -1, cdiff = -1;
        String[] names = {};
        try (TextLines in = InputFiles.openLines(file)) {
            String header = null;
            for (String l; (l = in.nextOrNull()) != null; ) {
                if (l.isBlank() || l.startsWith("#")) continue;
                String[] t = l.strip().split("\\s+|\t");
                if (header == null && !isNumber(t[0]) && !rows.isEmpty())
                    throw in.error("expected a data row of numbers (T in K, D in cm²/s), got '" + t[0] + "' after the data began");
                if (header == null && !isNumber(t[0])) {
                    header = l;
                    names = t;
                    for (int k = 0; k < t.length; k++) {
                        String h = t[k].toLowerCase(Locale.ROOT);
                        if (h.equals("t") || h.equals("t_k") || h.startsWith("temperature")) ct = k;
                        if (h.equals("d") || h.equals("d_cm2s") || h.equals("d_tracer") || h.equals("value_cm2s")) cd = k;
                        if (h.equals("se") || h.equals("stderr") || h.equals("d_se") || h.equals("d_se_cm2s") || h.equals("stderr_cm2s")) cse = k;
                        if (h.equals("stderr_calibrated_cm2s") && combined < 0) combined = k;
                        if (h.equals("stderr_combined_cm2s")) combined = k;
                        if (h.equals("diffusive")) cdiff = k;
                    }
                    if (combined >= 0) cse = combined;   // the combined (or calibrated) error wins over the OLS one in a table that has both
                    continue;
                }
                int need = Math.max(Math.max(ct, cd), Math.max(cse, cdiff)) + 1;
                if (t.length < need) throw in.error("expected at least " + need + " columns (T in K, D in cm²/s" + (cse >= 0 ? ", its standard error)" : ")"));
                double tK = in.parseDouble(t[ct], "the temperature (K)"), d = in.parseDouble(t[cd], "D (cm²/s)");
                double se = cse < 0 ? Double.NaN : in.parseDouble(t[cse], "the standard error of D (cm²/s)");
                // checked here too, where the row's line is known
                if (!(tK > 0)) throw in.error("expected a positive temperature (K), got " + t[ct]);
                if (!(d > 0)) throw in.error("expected a positive D (cm²/s) for ln D, got " + t[cd]);
                if (cse >= 0 && !(se > 0)) throw in.error("expected a positive standard error of D (cm²/s), got " + t[cse]);
                if (cdiff >= 0 && !t[cdiff].equals("yes") && !t[cdiff].equals("no"))
                    throw in.error("expected yes or no in column diffusive, got '" + t[cdiff] + "'");
                rows.add(new double[] {tK, d, se, cdiff >= 0 && t[cdiff].equals("no") ? 0 : 1});
            }
        }
        if (rows.isEmpty()) throw new InputFormatException(file.toString(), 1, "no data rows (T in K, D in cm²/s)");
        if (rows.size() < Arrhenius.MIN_TEMPERATURES)
            throw new InputFormatException(file.toString(), 0, "an Arrhenius fit needs at least " + Arrhenius.MIN_TEMPERATURES
                    + " temperatures, found " + rows.size() + " data rows");
        double[][] r = new double[4][rows.size()];
        for (int i = 0; i < rows.size(); i++) for (int c = 0; c < 4; c++) r[c][i] = rows.get(i)[c];
        boolean[] diffusive = null;
        if (cdiff >= 0) {
            diffusive = new boolean[rows.size()];
            for (int i = 0; i < diffusive.length; i++) diffusive[i] = r[3][i] == 1;
        }
        return new Points(r[0], r[1], cse < 0 ? null : r[2], cse < 0 ? null : names[cse], diffusive, file);
    }

    /** T=FILE pairs: the {@code quantity} row of each 'mtpj diffusion' table (first window). */
    static Points readPairs(List<String> pairs, String quantity) {
        int n = pairs.size();
        double[] t = new double[n], d = new double[n], se = new double[n];
        boolean[] diffusive = new boolean[n];
        boolean stated = false;
        java.util.Set<String> errorColumns = new java.util.LinkedHashSet<>();
        Path first = null;
        for (int i = 0; i < n; i++) {
            String p = pairs.get(i);
            int eq = p.indexOf('=');
            t[i] = Double.parseDouble(p.substring(0, eq));
            Path file = Path.of(p.substring(eq + 1));
            if (first == null) first = file;
            Row v = diffusionRow(file, quantity);
            d[i] = v.value();
            se[i] = v.err();
            errorColumns.add(v.errorColumn());
            diffusive[i] = !Boolean.FALSE.equals(v.diffusive());
            stated |= v.diffusive() != null;
        }
        return new Points(t, d, se, String.join(", ", errorColumns), stated ? diffusive : null, first);
    }

    /** One row of a diffusion table: value, its error from column {@code errorColumn}, diffusive (null: no such column). */
    private record Row(double value, double err, String errorColumn, Boolean diffusive) {}

    /** The first row of {@code quantity}, its error: stderr_combined_cm2s, else stderr_calibrated_cm2s, else stderr_cm2s. */
    private static Row diffusionRow(Path file, String quantity) {
        try (TextLines in = InputFiles.openLines(file)) {
            String h = in.nextOrNull();
            List<String> cols = h == null ? List.of() : List.of(h.strip().split("\t"));
            int cq = cols.indexOf("quantity"), cv = cols.indexOf("value_cm2s"), ce = cols.indexOf("stderr_combined_cm2s");
            if (ce < 0) ce = cols.indexOf("stderr_calibrated_cm2s");
            if (ce < 0) ce = cols.indexOf("stderr_cm2s");
            int cf = cols.indexOf("diffusive");
            if (cq < 0 || cv < 0 || ce < 0)
                throw new InputFormatException(file.toString(), 1, "expected the table of 'mtpj diffusion' (columns quantity, value_cm2s, stderr_cm2s)");
            for (String l; (l = in.nextOrNull()) != null; ) {
                String[] w = l.split("\t", -1);
                if (w.length > Math.max(cv, ce) && w[cq].equals(quantity))
                    return new Row(in.parseDouble(w[cv], quantity + " (cm²/s)"), in.parseDouble(w[ce], "the standard error of " + quantity),
                            cols.get(ce), cf < 0 || cf >= w.length || w[cf].isEmpty() ? null : !w[cf].equals("no"));
            }
        }
        throw new InputFormatException(file.toString(), 1, "no row " + quantity + " (see --quantity)");
    }

    private static boolean isNumber(String s) {
        try { Double.parseDouble(s); return true; } catch (NumberFormatException e) { return false; }
    }
}
