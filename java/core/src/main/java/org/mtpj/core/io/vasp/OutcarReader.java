package org.mtpj.core.io.vasp;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.mtpj.core.io.BoundedLineReader;
import org.mtpj.core.io.InputFormatException;
import org.mtpj.core.model.Configuration;

/**
 * Streams the ionic steps of a VASP OUTCAR as configurations, one at a time in constant memory,
 * with the conventions of shared/docs/vasp-io.md (those of MLIP-2's {@code convert-cfg
 * --input-format=vasp-outcar}):
 *
 * <ul>
 *   <li>species: the order of {@code ions per type =} (0-based); element names from the
 *       {@code TITEL}, else {@code VRHFIN}, else {@code POTCAR:} lines ({@link #elements()});
 *   <li>{@code Supercell}: the first three columns of the three rows after the last
 *       {@code direct lattice vectors} line before the step's positions;
 *   <li>positions (Å) and forces (eV/Å): the rows of the {@code POSITION ... TOTAL-FORCE} block;
 *   <li>{@code Energy}: the step's {@code free  energy   TOTEN} (the first TOTEN after its
 *       positions; the ones printed per electronic iteration come before them);
 *   <li>{@code PlusStress}: the step's {@code Total} line of {@code FORCE on cell =-STRESS} (eV,
 *       VASP's order XX YY ZZ XY YZ ZX → .cfg's xx yy zz yz xz xy, no unit conversion); none when
 *       the step printed no such block (ISIF=0);
 *   <li>{@code Feature EFS_by}: {@code VASP}, or {@code VASP_not_converged} when the last
 *       {@code Iteration n(k)} before the step's TOTEN has k ≥ NELM.
 * </ul>
 *
 * A file that ends before its timing footer (a run killed) keeps its complete steps and gives one
 * warning naming the file and its last line; a file without a complete step is an error. Lines are
 * matched by their first word only, so the reader runs at disk speed on multi-gigabyte files.
 * Not thread-safe.
 */
public final class OutcarReader implements AutoCloseable {
    private final BoundedLineReader in;
    private final String file;
    private final Consumer<String> warnings;
    private long lineNo;
    private boolean eof;

    // header
    private int[] counts;
    private int[] typeOfAtom;
    private int nelm = Integer.MAX_VALUE;
    private final List<String> titel = new ArrayList<>(), vrhfin = new ArrayList<>(), potcar = new ArrayList<>();

    // the step being read
    private final double[][] lattice = new double[3][3];
    private boolean haveLattice;
    private double[] plusStress;
    private Configuration pending;
    private int lastIteration;
    private long stepLine;

    private int complete;
    private boolean footer;
    private final double[] nums = new double[8];

    private OutcarReader(Reader reader, String file, Consumer<String> warnings) {
        this.in = new BoundedLineReader(reader, file);
        this.file = file;
        this.warnings = warnings;
    }

    /**
     * Reads an OUTCAR from a stream (bytes taken as ISO-8859-1: VASP writes ASCII); file names it in
     * messages; warnings (a truncated file) go to the sink as one line each.
     */
    public static OutcarReader of(InputStream stream, String file, Consumer<String> warnings) {
        return new OutcarReader(new InputStreamReader(stream, StandardCharsets.ISO_8859_1), file, warnings);
    }

    public static OutcarReader of(Reader reader, String file, Consumer<String> warnings) {
        return new OutcarReader(reader, file, warnings);
    }

    /** Element names of species 0, 1, ... (empty before the header is read or when the file names none). */
    public List<String> elements() {
        int n = counts == null ? 0 : counts.length;
        for (List<String> names : List.of(titel, vrhfin))
            if (names.size() == n) return List.copyOf(names);
        if (n > 0 && potcar.size() >= n) return List.copyOf(potcar.subList(0, n));
        return List.of();
    }

    /** "FILE:LINE: ionic step K" of the configuration last returned, for messages about it. */
    public String where() { return file + ":" + stepLine + ": ionic step " + complete; }

    /** The next ionic step, or null after the last complete one. */
    public Configuration next() {
        if (eof) return null;
        String line;
        while ((line = readLine()) != null) {
            int s = 0, len = line.length();
            while (s < len && line.charAt(s) == ' ') s++;
            if (s == len) continue;
            switch (line.charAt(s)) {
                case '-' -> {
                    int at = line.indexOf("Iteration", s);
                    if (at >= 0) lastIteration = iteration(line, at);
                }
                case 'f' -> {
                    if (pending != null && line.startsWith("free", s) && line.indexOf("TOTEN", s) > 0) return finish(line);
                }
                case 'F' -> {
                    if (line.startsWith("FORCE on cell =-STRESS", s)) readStress();
                }
                case 'd' -> {
                    if (line.startsWith("direct lattice vectors", s)) readLattice();
                }
                case 'P' -> {
                    if (line.startsWith("POSITION", s) && line.indexOf("TOTAL-FORCE", s) > 0) readPositions();
                    else if (line.startsWith("POTCAR:", s) && counts == null) potcar.add(element(line, s + 7));
                }
                case 'T' -> {
                    if (line.startsWith("TITEL", s)) titel.add(element(line, line.indexOf('=', s) + 1));
                }
                case 'V' -> {
                    if (line.startsWith("VRHFIN", s)) {
                        int eq = line.indexOf('=', s), colon = line.indexOf(':', eq + 1);
                        vrhfin.add(line.substring(eq + 1, colon > eq ? colon : len).trim());
                    }
                }
                case 'i' -> {
                    if (line.startsWith("ions per type", s)) readCounts(line, s);
                }
                case 'N' -> {
                    if (line.startsWith("NELM ", s) && nelm == Integer.MAX_VALUE) nelm = intAfterEquals(line, s, "NELM");
                }
                case 'G' -> {
                    if (line.startsWith("General timing", s)) footer = true;
                }
                default -> { }
            }
        }
        return end();
    }

    private Configuration end() {
        eof = true;
        if (complete == 0)
            throw new InputFormatException(file, Math.max(lineNo, 1), counts == null
                    ? "expected an OUTCAR ('ions per type =' line, then ionic steps) but found none"
                    : "no complete ionic step (a POSITION ... TOTAL-FORCE block followed by 'free  energy   TOTEN')");
        if (!footer)
            warnings.accept(file + ":" + lineNo + ": the OUTCAR ends here, before VASP's timing footer (run killed?): kept its "
                    + complete + " complete ionic step(s)");
        return null;
    }

    private String readLine() {
        String l = in.nextLine();
        lineNo = in.lineNo();
        return l;
    }

    private InputFormatException error(String what) { return new InputFormatException(file, lineNo, what); }

    /** The element of "PAW_PBE Mg_pv 06Sep2000": the second word up to '_' or '.'. */
    private static String element(String line, int from) {
        String[] w = line.substring(from).trim().split("\\s+");
        String e = w.length > 1 ? w[1] : w[0];
        int cut = e.length();
        for (int i = 0; i < e.length(); i++) if (e.charAt(i) == '_' || e.charAt(i) == '.') { cut = i; break; }
        return e.substring(0, cut);
    }

    private int iteration(String line, int at) {
        int open = line.indexOf('(', at), close = line.indexOf(')', open + 1);
        if (open < 0 || close < 0) return lastIteration;
        try {
            return Integer.parseInt(line.substring(open + 1, close).trim());
        } catch (NumberFormatException e) {
            throw error("expected 'Iteration n(k)' with an electronic step number k");
        }
    }

    private int intAfterEquals(String line, int s, String key) {
        int eq = line.indexOf('=', s);
        int e = eq + 1;
        while (e < line.length() && line.charAt(e) == ' ') e++;
        int b = e;
        while (e < line.length() && (Character.isDigit(line.charAt(e)) || line.charAt(e) == '-')) e++;
        try {
            return Integer.parseInt(line.substring(b, e));
        } catch (NumberFormatException | StringIndexOutOfBoundsException x) {
            throw error("expected an integer after '" + key + " ='");
        }
    }

    private void readCounts(String line, int s) {
        if (counts != null) return;
        String[] w = line.substring(line.indexOf('=', s) + 1).trim().split("\\s+");
        int[] c = new int[w.length];
        long total = 0;
        for (int k = 0; k < w.length; k++) {
            try {
                c[k] = Integer.parseInt(w[k]);
            } catch (NumberFormatException e) {
                throw error("expected the number of ions of each type after 'ions per type =' but found '" + w[k] + "'");
            }
            if (c[k] < 0) throw error("expected non-negative ion counts after 'ions per type =' but found " + c[k]);
            total += c[k];
        }
        if (total < 1 || total > 1_000_000) throw error("implausible number of ions " + total + " in 'ions per type ='");
        counts = c;
        typeOfAtom = new int[(int) total];
        for (int t = 0, i = 0; t < c.length; t++) for (int k = 0; k < c[t]; k++) typeOfAtom[i++] = t;
    }

    private void readLattice() {
        for (int r = 0; r < 3; r++) {
            String l = readLine();
            if (l == null) return;
            int n = FortranNumbers.parse(l, 0, nums);
            if (n != 6 && n != 3) throw error("expected a row of direct lattice vectors (3 numbers, then 3 reciprocal ones)");
            System.arraycopy(nums, 0, lattice[r], 0, 3);
        }
        haveLattice = true;
    }

    private void readStress() {
        // the component lines, then the Total line (ends the block)
        for (int k = 0; k < 40; k++) {
            String l = readLine();
            if (l == null) return;
            int s = 0;
            while (s < l.length() && l.charAt(s) == ' ') s++;
            if (l.startsWith("Total", s)) {
                if (FortranNumbers.parse(l, s + 5, nums) != 6)
                    throw error("expected six numbers XX YY ZZ XY YZ ZX (eV) on the stress block's Total line");
                // VASP: XX YY ZZ XY YZ ZX -> .cfg: xx yy zz yz xz xy
                plusStress = new double[] {nums[0], nums[1], nums[2], nums[4], nums[5], nums[3]};
                return;
            }
        }
        throw error("expected a 'Total' line within 40 lines of 'FORCE on cell =-STRESS'");
    }

    private void readPositions() {
        if (counts == null) throw error("expected 'ions per type =' before the first POSITION block");
        if (!haveLattice) throw error("expected 'direct lattice vectors' before the first POSITION block");
        stepLine = lineNo;
        if (readLine() == null) return;
        int n = typeOfAtom.length;
        Configuration c = new Configuration(n);
        c.forces = new double[3 * n];
        for (int i = 0; i < n; i++) {
            String l = readLine();
            if (l == null) return;
            if (FortranNumbers.parse(l, 0, nums) != 6) {
                if (in.lastLineCut()) return; // a cut last line: the step is incomplete
                throw error("expected x y z fx fy fz (Å, eV/Å) of ion " + (i + 1) + " of " + n);
            }
            System.arraycopy(nums, 0, c.positions, 3 * i, 3);
            System.arraycopy(nums, 3, c.forces, 3 * i, 3);
            c.types[i] = typeOfAtom[i];
        }
        c.latticeRows = 3;
        for (int r = 0; r < 3; r++) c.lattice[r] = lattice[r].clone();
        pending = c;
    }

    private Configuration finish(String line) {
        // "free  energy   TOTEN  =       -12.34567890 eV"
        int eq = line.indexOf('='), ev = line.lastIndexOf("eV");
        int n = eq < 0 || ev < eq ? -1 : FortranNumbers.parse(line.substring(0, ev), eq + 1, nums);
        if (n != 1) {
            if (in.lastLineCut()) return end();
            throw error("expected 'free  energy   TOTEN  = E eV'");
        }
        Configuration c = pending;
        c.energy = nums[0];
        c.plusStress = plusStress;
        c.features.put("EFS_by", lastIteration >= nelm ? "VASP_not_converged" : "VASP");
        pending = null;
        plusStress = null;
        lastIteration = 0;
        complete++;
        return c;
    }

    @Override
    public void close() { in.close(); }
}
