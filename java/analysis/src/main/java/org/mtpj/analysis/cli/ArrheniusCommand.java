package org.mtpj.analysis.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.knowm.xchart.XYChart;
import org.mtpj.analysis.diffusion.Arrhenius;
import org.mtpj.analysis.io.InputFiles;
import org.mtpj.analysis.io.TextLines;
import org.mtpj.analysis.plot.Plots;
import org.mtpj.core.io.InputFormatException;
import org.mtpj.core.io.OutputGuard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mtpj arrhenius}: Ea, D0 and D extrapolated to a temperature. */
@Command(name = "arrhenius", mixinStandardHelpOptions = true,
        description = {
            "Arrhenius fit of D(T): activation energy and D0.",
            "",
            "Arrhenius fit ln D = ln D0 − Ea/(k_B T): OLS of ln D against 1/T,",
            "k_B = 8.617333262e-5 eV/K. TABLE.tsv: a header line and rows with the",
            "temperature (K) and D (cm²/s); columns are found by name (T, T_K or",
            "temperature; D, D_cm2s, D_tracer or value_cm2s), else the first two are used.",
            "Prints and writes Ea (eV) ± se, D0 (cm²/s) with the se of ln D0, and D at",
            "--at (K) with its ×/÷ factor exp(se); arrhenius.tsv and arrhenius.png."})
public final class ArrheniusCommand implements Callable<Integer> {
    @Parameters(paramLabel = "TABLE.tsv", description = "Temperatures (K) and diffusion coefficients (cm²/s).")
    Path table;

    @Option(names = "--at", defaultValue = "300", paramLabel = "K", description = "Extrapolate D to this temperature (default: ${DEFAULT-VALUE} K).")
    double at;

    @Option(names = "--out", paramLabel = "DIR", description = "Write DIR/arrhenius.tsv and DIR/arrhenius.png (+svg) (default: beside TABLE).")
    Path out;

    @Override
    public Integer call() {
        Path dir = out != null ? out : (table.toAbsolutePath().getParent());
        OutputGuard.of("arrhenius").input(table).folder(dir, "arrhenius.tsv", "arrhenius.png", "arrhenius.svg").check();
        double[][] td = read(table);
        Arrhenius a = Arrhenius.fit(td[0], td[1], at);
        System.out.printf(Locale.ROOT, "Arrhenius fit of %d points (%s):%n", td[0].length, table);
        System.out.printf(Locale.ROOT, "  Ea = %.4f ± %.4f eV%n", a.ea(), a.eaErr());
        System.out.printf(Locale.ROOT, "  D0 = %.4e cm²/s (se of ln D0 = %.3f, factor %.3g)%n", a.d0(), a.lnD0Err(), Math.exp(a.lnD0Err()));
        System.out.printf(Locale.ROOT, "  D(%s K) = %.4e cm²/s, within ×/÷ %.3g (one standard error)%n", Tsv.compact(at), a.dAtTarget(), a.factorAtTarget());
        List<String> lines = new ArrayList<>();
        lines.add("quantity\tvalue\tstderr\tunit");
        lines.add("Ea\t" + Tsv.num(a.ea()) + "\t" + Tsv.num(a.eaErr()) + "\teV");
        lines.add("D0\t" + Tsv.num(a.d0()) + "\t\tcm2/s");
        lines.add("ln_D0\t" + Tsv.num(Math.log(a.d0())) + "\t" + Tsv.num(a.lnD0Err()) + "\tln(cm2/s)");
        lines.add("D_at_" + Tsv.compact(at) + "K\t" + Tsv.num(a.dAtTarget()) + "\t\tcm2/s");
        lines.add("ln_D_at_" + Tsv.compact(at) + "K\t" + Tsv.num(Math.log(a.dAtTarget())) + "\t" + Tsv.num(a.lnDAtTargetErr()) + "\tln(cm2/s)");
        lines.add("factor_at_" + Tsv.compact(at) + "K\t" + Tsv.num(a.factorAtTarget()) + "\t\t(×/÷)");
        Tsv.write(dir.resolve("arrhenius.tsv"), lines);
        XYChart c = Plots.chart("Arrhenius", "1000/T (1/K)", "ln D (D in cm²/s)");
        int n = td[0].length;
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) { x[i] = 1000 / td[0][i]; y[i] = Math.log(td[1][i]); }
        Plots.points(c, "data", x, y);
        double xmin = Math.min(1000 / at, x[0]), xmax = Math.max(1000 / at, x[0]);
        for (double v : x) { xmin = Math.min(xmin, v); xmax = Math.max(xmax, v); }
        double[] lx = {xmin, xmax};
        double[] ly = {a.fit().intercept() + a.fit().slope() * lx[0] / 1000, a.fit().intercept() + a.fit().slope() * lx[1] / 1000};
        Plots.line(c, String.format(Locale.ROOT, "fit: Ea = %.3f eV", a.ea()), lx, ly);
        Plots.points(c, "D(" + Tsv.compact(at) + " K) extrapolated", new double[] {1000 / at}, new double[] {Math.log(a.dAtTarget())});
        Plots.save(c, dir.resolve("arrhenius"));
        System.out.println("wrote " + dir.resolve("arrhenius.tsv") + ", " + dir.resolve("arrhenius.png"));
        return 0;
    }

    static double[][] read(Path file) {
        List<double[]> rows = new ArrayList<>();
        int ct = 0, cd = 1;
        try (TextLines in = InputFiles.openLines(file)) {
            String header = null;
            for (String l; (l = in.nextOrNull()) != null; ) {
                if (l.isBlank() || l.startsWith("#")) continue;
                String[] t = l.strip().split("\\s+|\t");
                if (header == null && !isNumber(t[0])) {
                    header = l;
                    for (int k = 0; k < t.length; k++) {
                        String h = t[k].toLowerCase(Locale.ROOT);
                        if (h.equals("t") || h.equals("t_k") || h.startsWith("temperature")) ct = k;
                        if (h.equals("d") || h.equals("d_cm2s") || h.equals("d_tracer") || h.equals("value_cm2s")) cd = k;
                    }
                    continue;
                }
                if (t.length <= Math.max(ct, cd)) throw in.error("expected at least " + (Math.max(ct, cd) + 1) + " columns (T in K, D in cm²/s)");
                rows.add(new double[] {in.parseDouble(t[ct], "the temperature (K)"), in.parseDouble(t[cd], "D (cm²/s)")});
            }
        }
        if (rows.isEmpty()) throw new InputFormatException(file.toString(), 1, "no data rows (T in K, D in cm²/s)");
        double[][] r = new double[2][rows.size()];
        for (int i = 0; i < rows.size(); i++) { r[0][i] = rows.get(i)[0]; r[1][i] = rows.get(i)[1]; }
        return r;
    }

    private static boolean isNumber(String s) {
        try { Double.parseDouble(s); return true; } catch (NumberFormatException e) { return false; }
    }
}
