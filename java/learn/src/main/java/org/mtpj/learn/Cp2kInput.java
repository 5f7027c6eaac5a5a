package org.mtpj.learn;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.mtpj.core.model.Configuration;

/**
 * The CP2K input of one configuration: a template (the user's, or mtpj's built-in
 * {@code cp2k-default.inp}: PBE, GTH, MOLOPT, analytical stress) with its placeholders filled in:
 *
 * <ul>
 *   <li>{@code {cell}}: the {@code &CELL} section (A, B, C rows in Å, PERIODIC XYZ);
 *   <li>{@code {coord}}: the {@code &COORD} section (element symbol and Cartesian Å per atom, in
 *       the configuration's order, so the forces come back in that order);
 *   <li>{@code {kinds}}: one {@code &KIND} per species of the potential (BASIS_SET {@code {basis}},
 *       POTENTIAL GTH-PBE: the GTH set whose valence the MOLOPT basis sets are made for);
 *   <li>{@code {basis}}, {@code {cutoff_ry}}, {@code {rel_cutoff_ry}}: the [oracle] settings;
 *       {@code {added_mos}}: empty orbitals for the smearing (the number of atoms, at least 10).
 * </ul>
 *
 * Other braces (CP2K's own {@code ${VAR}}) are left as they are. A template without &GLOBAL gets
 * mtpj's (RUN_TYPE ENERGY_FORCE, PROJECT mtpj).
 */
final class Cp2kInput {
    /** The placeholders a template must contain: without them it would not describe the configuration. */
    static final List<String> REQUIRED = List.of("{cell}", "{coord}");

    private static final String GLOBAL = "&GLOBAL\n  PROJECT mtpj\n  RUN_TYPE ENERGY_FORCE\n  PRINT_LEVEL LOW\n&END GLOBAL\n";

    private final String template;
    private final String[] species;
    private final String basis;
    private final double cutoffRy, relCutoffRy;

    Cp2kInput(String template, String[] species, String basis, double cutoffRy, double relCutoffRy) {
        this.template = template.toUpperCase(Locale.ROOT).contains("&GLOBAL") ? template : GLOBAL + template;
        this.species = species.clone();
        this.basis = basis;
        this.cutoffRy = cutoffRy;
        this.relCutoffRy = relCutoffRy;
    }

    /** mtpj's own template (a resource of this module). */
    static String builtInTemplate() {
        try (InputStream in = Cp2kInput.class.getResourceAsStream("cp2k-default.inp")) {
            if (in == null) throw new IllegalStateException("resource cp2k-default.inp missing from the build");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resource cp2k-default.inp", e);
        }
    }

    /** The required placeholders that text lacks (empty = usable). */
    static List<String> missingPlaceholders(String text) {
        List<String> missing = new ArrayList<>();
        for (String p : REQUIRED) if (!text.contains(p)) missing.add(p);
        return missing;
    }

    /** The input text for c (a 3-D periodic configuration; types index the species). */
    String text(Configuration c) {
        return template.replace("{cell}", cell(c)).replace("{coord}", coord(c)).replace("{kinds}", kinds())
                .replace("{basis}", basis).replace("{cutoff_ry}", number(cutoffRy)).replace("{rel_cutoff_ry}", number(relCutoffRy))
                .replace("{added_mos}", Integer.toString(Math.max(10, c.size)));
    }

    private static String cell(Configuration c) {
        StringBuilder sb = new StringBuilder("    &CELL\n");
        for (int r = 0; r < 3; r++)
            sb.append("      ").append("ABC".charAt(r)).append(' ').append(xyz(c.lattice[r][0], c.lattice[r][1], c.lattice[r][2])).append('\n');
        return sb.append("      PERIODIC XYZ\n    &END CELL").toString();
    }

    private String coord(Configuration c) {
        StringBuilder sb = new StringBuilder(64 * (c.size + 2)).append("    &COORD\n");
        for (int i = 0; i < c.size; i++)
            sb.append("      ").append(species[c.types[i]]).append(' ')
                    .append(xyz(c.positions[3 * i], c.positions[3 * i + 1], c.positions[3 * i + 2])).append('\n');
        return sb.append("    &END COORD").toString();
    }

    private String kinds() {
        StringBuilder sb = new StringBuilder();
        for (String s : new TreeSet<>(List.of(species)))
            sb.append("    &KIND ").append(s).append("\n      BASIS_SET ").append(basis).append("\n      POTENTIAL GTH-PBE\n    &END KIND\n");
        return sb.toString().stripTrailing();
    }

    /** Å with 14 decimals: far below CP2K's own precision, so the label is of exactly these positions. */
    private static String xyz(double x, double y, double z) {
        return String.format(Locale.ROOT, "%.14f %.14f %.14f", x, y, z);
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
