package org.mtpj.train.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mtpj.host.Json;
import org.mtpj.core.UserError;
import org.mtpj.core.model.MtpPotential;
import org.mtpj.host.MtpFiles;
import org.mtpj.train.basis.BasisRules;
import org.mtpj.train.basis.BasisValidator;
import org.mtpj.train.basis.MomentBasis;
import org.mtpj.train.basis.MomentBasisGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mtpj new-potential}: writes an untrained potential of any level (mtp-spec.md §4). */
@Command(name = "new-potential", mixinStandardHelpOptions = true,
        description = {
            "Write an untrained MTP of any level (no coefficients yet).",
            "",
            "Replaces MLIP-2's fixed untrained_mtps/NN.mtp files.",
            "The basis follows mtp-spec.md section 4.1: every contraction of at most 4 basic moment tensors M(mu,nu) (level 2+4mu+nu, nu <= 10, mu <= 5) with total level <= L. Basic moments are listed in MLIP-2's order. Scalar functions are ordered by number of tensors, sorted mu list, canonical edge multiplicities: MLIP-2's order up to level 14, a few neighbouring swaps above (energies do not depend on it).",
            "Every generated function is checked against a direct contraction on random neighbourhoods before the file is written. The file ends after alpha_moment_mapping (no coefficients); `mtpj train` fits it.",
            "",
            "Units: distances in Angstrom.", ""},
        footer = {"", "Example: mtpj new-potential --level 16 --species Mg,V,O --min-dist 1.4 --max-dist 7 pot16.mtp"})
public final class NewPotentialCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--level", required = true, paramLabel = "L",
            description = "Level of the basis, 2 to 32 (MLIP-2 ships the even levels 2-28).")
    int level;

    @Option(names = "--species", required = true, paramLabel = "LIST",
            description = "Species in type order, e.g. Mg,V,O (type 0 = Mg; .cfg types are 0-based, LAMMPS types 1-based),"
                    + " or just their number, e.g. 3.")
    String species;

    @Option(names = "--min-dist", required = true, paramLabel = "R0",
            description = "Rmin in Angstrom: lower end of the Chebyshev interval (about the shortest distance in the data).")
    double minDist;

    @Option(names = "--max-dist", required = true, paramLabel = "RC",
            description = "Rcut in Angstrom: cutoff radius and upper end of the Chebyshev interval.")
    double maxDist;

    @Option(names = "--radial-basis-size", defaultValue = "8", paramLabel = "R",
            description = "Number of Chebyshev basis functions per radial function (default: ${DEFAULT-VALUE}).")
    int radialBasisSize;

    @Option(names = "--name", defaultValue = "MTP1m", paramLabel = "NAME",
            description = "potential_name written to the file (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--json", description = "Print the summary as one JSON object instead of text.")
    boolean json;

    @Option(names = "--skip-validation", description = "Do not check the product table against direct contractions.")
    boolean skipValidation;

    @Parameters(index = "0", paramLabel = "OUT.mtp", description = "Output file (overwritten).")
    Path out;

    @Override
    public Integer call() {
        String[] names = parseSpecies(species);
        int c = names.length;
        if (level < 2) throw new UserError("--level must be at least 2 (level 2 is the single function M(0,0)), got " + level);
        if (level > 32) throw new UserError("--level " + level + " is too high: with MLIP-2's caps (4 tensors, rank <= 10, mu <= 5)"
                + " levels above 28 add no radial functions, only ever more products; use at most 32");
        if (!(minDist > 0) || !Double.isFinite(minDist))
            throw new UserError("--min-dist must be a positive distance in Angstrom, got " + minDist);
        if (!(maxDist > minDist) || !Double.isFinite(maxDist))
            throw new UserError("--max-dist (" + maxDist + ") must be larger than --min-dist (" + minDist + ")");
        if (radialBasisSize < 2) throw new UserError("--radial-basis-size must be at least 2, got " + radialBasisSize);
        if (name.isBlank() || name.strip().contains(" "))
            throw new UserError("--name must be one non-empty word (MLIP-2 reads it as one word), got '" + name + "'");
        PrintWriter err = spec.commandLine().getErr();
        if (level > 28) err.println("mtpj: warning: level " + level + " is above MLIP-2's shipped levels (2-28); MLIP-2's caps still apply");
        if (level % 2 != 0) err.println("mtpj: note: MLIP-2 ships even levels only; odd level " + level + " follows the same rule");
        if (c > 10) err.println("mtpj: warning: " + c + " species: MLIP-2 cannot read .mtp files with more than 10 species");

        long t0 = System.nanoTime();
        MomentBasis basis = MomentBasisGenerator.generate(BasisRules.mlip2(level));
        double genMs = (System.nanoTime() - t0) / 1e6;
        double maxError = Double.NaN;
        if (!skipValidation) {
            BasisValidator.Result v = BasisValidator.validate(basis, 2, 6, 20240611L + level);
            maxError = v.maxRelativeError();
            if (!(maxError <= 1e-11))
                throw new IllegalStateException("generated product table disagrees with the direct contraction of function "
                        + v.worstFunction() + " (" + basis.functions().get(v.worstFunction()) + "): relative error " + maxError);
        }
        boolean named = !species.strip().matches("\\d+");
        MtpPotential pot = MomentBasisGenerator.untrainedPotential(basis, name.strip(), c, minDist, maxDist,
                radialBasisSize, named ? names : null);
        MtpFiles.writeUntrained(pot, out);
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", out.toString());
            m.put("level", level);
            m.put("species_count", c);
            m.put("species", named ? List.of(names) : List.of());
            m.put("min_dist", minDist);
            m.put("max_dist", maxDist);
            m.put("radial_basis_size", radialBasisSize);
            m.put("radial_funcs_count", basis.radialFunctionCount());
            m.put("basic_moments", basis.basicCount());
            m.put("scalar_functions", basis.scalarCount());
            m.put("moment_slots", basis.momentsCount());
            m.put("products", basis.productCount());
            m.put("coefficients", pot.coefficientCount());
            m.put("generation_ms", Json.decimal(String.format(Locale.ROOT, "%.1f", genMs)));
            m.put("validation_max_rel_error", Double.isNaN(maxError) ? null : Json.decimal(String.format(Locale.ROOT, "%.3e", maxError)));
            o.println(Json.line(m));
        } else {
            o.printf(Locale.ROOT, "level %d: K = %d radial functions, B = %d basic moments, S = %d scalar functions,"
                            + " M = %d slots, T = %d products (generated in %.0f ms)%n", level, basis.radialFunctionCount(),
                    basis.basicCount(), basis.scalarCount(), basis.momentsCount(), basis.productCount(), genMs);
            o.println(Double.isNaN(maxError) ? "validation skipped"
                    : String.format(Locale.ROOT, "validated: every function matches its direct contraction (max relative error %.1e)", maxError));
            o.printf(Locale.ROOT, "wrote %s: untrained, %d species%s, Rmin = %g A, Rcut = %g A, R = %d, %d coefficients to fit%n",
                    out, c, named ? " (" + typeList(names) + ")" : "",
                    minDist, maxDist, radialBasisSize, pot.coefficientCount());
        }
        o.flush();
        return 0;
    }

    private static String typeList(String[] names) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.length; i++) sb.append(i > 0 ? ", " : "").append(names[i]).append(" = type ").append(i);
        return sb.toString();
    }

    /** Names from "Mg,V,O", or C placeholder names from a count "3". */
    static String[] parseSpecies(String text) {
        String t = text.strip();
        if (t.matches("\\d+")) {
            int c = Integer.parseInt(t);
            if (c < 1) throw new UserError("--species must name at least one species, got " + t);
            String[] names = new String[c];
            for (int i = 0; i < c; i++) names[i] = Integer.toString(i);
            return names;
        }
        String[] parts = t.split(",", -1);
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        for (String p : parts) {
            String s = p.strip();
            if (s.isEmpty() || !s.matches("[A-Za-z][A-Za-z0-9_]*"))
                throw new UserError("--species expects comma-separated names like Mg,V,O (or a count), got '" + text + "'");
            if (!seen.add(s)) throw new UserError("--species lists " + s + " twice: '" + text + "'");
        }
        return seen.toArray(new String[0]);
    }

}
