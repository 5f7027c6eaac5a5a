package org.mtpj.cli.core;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mtpj.host.Json;
import org.mtpj.core.io.MtpReader;
import org.mtpj.core.model.MtpPotential;
import org.mtpj.host.MtpFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mtpj info POT.mtp}: what a potential file contains. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = {"Summarise a .mtp potential: level, sizes, trained or not.",
            "",
            "Prints the species count C, the level (when K, B and S match a standard MTP level 2-28;"
                    + " mtp-spec.md §4.2), the radial basis (type, Rmin and cutoff Rcut in Å, size R, scaling),"
                    + " radial functions K, basic moments B, moment slots M, products T, scalar basis functions"
                    + " S, the coefficient count C*C*K*R + C + S, and whether it is trained.", ""})
public final class InfoCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "POT.mtp", description = "The potential.")
    Path pot;

    @Option(names = "--json", description = "Print one JSON object instead of the table.")
    boolean json;

    /** Standard levels: K, B, S of MLIP-2's templates (mtp-spec.md §4.2). */
    private static final int[][] LEVELS = {
            {2, 1, 1, 1}, {4, 1, 1, 2}, {6, 2, 5, 5}, {8, 2, 11, 9}, {10, 3, 25, 16}, {12, 3, 46, 29}, {14, 4, 81, 52},
            {16, 4, 130, 92}, {18, 5, 201, 163}, {20, 5, 295, 288}, {22, 6, 421, 500}, {24, 6, 581, 864},
            {26, 6, 706, 1464}, {28, 6, 866, 2445}};

    /** The level whose K, B, S match, or 0. */
    static int level(MtpPotential p) {
        for (int[] l : LEVELS)
            if (l[1] == p.radialFuncsCount && l[2] == p.basicCount() && l[3] == p.scalarCount()) return l[0];
        return 0;
    }

    static Map<String, Object> summary(MtpPotential p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name);
        m.put("species", p.speciesCount);
        int level = level(p);
        m.put("level", level == 0 ? null : level);
        m.put("radial_basis_type", p.radialBasisType.name());
        m.put("min_dist", p.minDist);
        m.put("cutoff", p.maxDist);
        m.put("radial_basis_size", p.radialBasisSize);
        m.put("scaling", p.scaling);
        m.put("radial_funcs_count", p.radialFuncsCount);
        m.put("basic_moments", p.basicCount());
        m.put("moment_slots", p.momentsCount);
        m.put("products", p.momentProducts.length);
        m.put("scalar_functions", p.scalarCount());
        m.put("coefficients", p.coefficientCount());
        m.put("trained", p.fitted);
        return m;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        MtpPotential p = MtpFiles.read(pot);
        Map<String, Object> m = summary(p);
        if (json) {
            out.println(Json.line(m));
        } else {
            int level = level(p);
            out.printf("potential          %s (%s)%n", pot, p.name);
            out.printf("species            %d (types 0..%d)%n", p.speciesCount, p.speciesCount - 1);
            out.printf("level              %s%n", level == 0 ? "not a standard level" : Integer.toString(level));
            out.printf("radial basis       %s, Rmin = %s Å, Rcut = %s Å, R = %d, scaling = %s%n", p.radialBasisType,
                    p.minDist, p.maxDist, p.radialBasisSize, p.scaling);
            out.printf("radial functions   K = %d%n", p.radialFuncsCount);
            out.printf("basic moments      B = %d%n", p.basicCount());
            out.printf("moment slots       M = %d%n", p.momentsCount);
            out.printf("products           T = %d%n", p.momentProducts.length);
            out.printf("scalar functions   S = %d%n", p.scalarCount());
            out.printf("coefficients       %d (C*C*K*R = %d radial + C = %d species + S = %d moment)%n", p.coefficientCount(),
                    p.radialCoeffs.length, p.speciesCount, p.scalarCount());
            out.printf("trained            %s%n", p.fitted ? "yes" : "no (untrained: default coefficients)");
        }
        out.flush();
        return 0;
    }
}
