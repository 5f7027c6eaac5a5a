package org.mtpj.learn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.mtpj.core.io.InputFormatException;
import org.mtpj.host.InputFiles;

/**
 * What one CP2K ENERGY_FORCE run printed (its {@code -o} file; the layout of CP2K 2023.1, Debian's),
 * in CP2K's units:
 *
 * <ul>
 *   <li>energy (Hartree): {@code ENERGY| Total FORCE_EVAL ( QS ) energy [a.u.]:} (or {@code [hartree]});
 *       exactly one such line (a run that moved the atoms would label another configuration);
 *   <li>forces (Hartree/bohr): the rows after {@code ATOMIC FORCES in [a.u.]} and the
 *       {@code # Atom Kind Element X Y Z} header: number, kind, element, x, y, z;
 *   <li>stress (GPa): the three {@code STRESS|      x/y/z} rows after
 *       {@code STRESS| Analytical stress tensor [GPa]} (or Numerical; {@code [bar]} converted);
 *       null when not printed;
 *   <li>{@code SCF run NOT converged} anywhere: not converged;
 *   <li>{@code SCF WAVEFUNCTION OPTIMIZATION}: the set-up was accepted and the SCF started;
 *   <li>the text of CP2K's {@code [ABORT]} box, when it aborted.
 * </ul>
 */
record Cp2kOutput(double energyHartree, double[] forcesHartreePerBohr, String[] elements, double[][] stressGpa,
                  boolean scfConverged, boolean scfStarted, String abort) {

    /** Reads the run's output; a block that is there but not in the expected form is an error (file:line). */
    static Cp2kOutput read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1); // CP2K prints ASCII
        } catch (IOException e) {
            throw InputFiles.cannotRead(file.toString(), 0, e);
        }
        String name = file.toString();
        double energy = Double.NaN;
        int energyLines = 0;
        double[] forces = null;
        String[] elements = null;
        double[][] stress = null;
        boolean converged = true, started = false;
        StringBuilder abort = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i), t = line.trim();
            if (t.startsWith("ENERGY| Total FORCE_EVAL")) {
                if (!(t.contains("[a.u.]") || t.contains("[hartree]")))
                    throw new InputFormatException(name, i + 1, "expected the energy in [a.u.] or [hartree]");
                String[] w = t.split("\\s+");
                energy = number(w[w.length - 1], name, i);
                energyLines++;
            } else if (t.equals("ATOMIC FORCES in [a.u.]")) {
                int h = i + 1;
                while (h < lines.size() && lines.get(h).isBlank()) h++;
                if (h >= lines.size() || !lines.get(h).trim().startsWith("# Atom"))
                    throw new InputFormatException(name, h + 1, "expected the header '# Atom Kind Element X Y Z'");
                int n = 0;
                while (h + 1 + n < lines.size() && lines.get(h + 1 + n).trim().matches("\\d+\\s+\\d+\\s+\\S+(\\s+\\S+){3}")) n++;
                forces = new double[3 * n];
                elements = new String[n];
                for (int k = 0; k < n; k++) {
                    int at = h + 1 + k;
                    String[] w = lines.get(at).trim().split("\\s+");
                    if (Integer.parseInt(w[0]) != k + 1) throw new InputFormatException(name, at + 1, "expected atom " + (k + 1));
                    elements[k] = w[2];
                    for (int a = 0; a < 3; a++) forces[3 * k + a] = number(w[3 + a], name, at);
                }
                i = h + n;
            } else if (t.matches("STRESS\\| (Analytical|Numerical) stress tensor \\[(GPa|bar)\\]")) {
                double toGpa = t.endsWith("[bar]") ? 1e-4 : 1; // 1 bar = 1e5 Pa, exactly
                stress = new double[3][3];
                for (int r = 0; r < 3; r++) {
                    int at = i + 2 + r;
                    String[] w = at < lines.size() ? lines.get(at).trim().split("\\s+") : new String[0];
                    if (w.length != 5 || !w[0].equals("STRESS|") || !w[1].equals("xyz".substring(r, r + 1)))
                        throw new InputFormatException(name, at + 1, "expected the stress row 'STRESS| " + "xyz".charAt(r) + " a b c'");
                    for (int c = 0; c < 3; c++) stress[r][c] = number(w[2 + c], name, at) * toGpa;
                }
                i += 4;
            } else if (t.contains("SCF run NOT converged")) {
                converged = false;
            } else if (t.equals("SCF WAVEFUNCTION OPTIMIZATION")) {
                started = true;
            } else if (t.startsWith("* [ABORT]")) {
                abort = new StringBuilder();
                for (int k = i + 1; k < lines.size() && !lines.get(k).trim().startsWith("****"); k++) {
                    String l = lines.get(k);
                    // the message stands right of CP2K's drawing, between column 16 and the closing '*'
                    String text = l.length() > 17 ? l.substring(16, l.lastIndexOf('*') > 16 ? l.lastIndexOf('*') : l.length()).trim() : "";
                    if (!text.isEmpty()) abort.append(abort.isEmpty() ? "" : " ").append(text);
                }
            }
        }
        if (energyLines > 1)
            throw new InputFormatException(name, 0, "expected one energy (RUN_TYPE ENERGY_FORCE), found " + energyLines);
        return new Cp2kOutput(energy, forces, elements, stress, converged, started, abort == null ? null : abort.toString());
    }

    private static double number(String w, String file, int i) {
        try {
            return Double.parseDouble(w);
        } catch (NumberFormatException e) {
            throw new InputFormatException(file, i + 1, "expected a number, got '" + w + "'");
        }
    }
}
