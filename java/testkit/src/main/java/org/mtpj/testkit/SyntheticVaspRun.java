package org.mtpj.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The project's own VASP output generator for tests and benchmarks: a run with known numbers
 * (the truth a test compares with) written as an OUTCAR (VASP 5.x layout) and as a vasprun.xml,
 * from the documented formats (shared/docs/vasp-io.md) and nobody's files.
 *
 * <p>Every number is made with exactly the decimals VASP prints (positions 5, forces 6, lattice 9,
 * TOTEN 8, stress 5), so the value a reader parses is exactly the truth, and tests compare with 0
 * tolerance where the format carries the number itself.
 */
public final class SyntheticVaspRun {
    /** 1 eV/Å³ in kBar (vasp-io.md). */
    public static final double KBAR_PER_EV_PER_A3 = 1602.1766208;

    /** One ionic step: what a reader must return. */
    public static final class Step {
        public double[][] lattice = new double[3][3];
        /** Cartesian positions (Å) and forces (eV/Å), atom-major [3 * i + axis]. */
        public double[] positions, forces;
        /** TOTEN (eV). */
        public double energy;
        /** The OUTCAR `Total` line in VASP's order XX YY ZZ XY YZ ZX (eV), or null (ISIF=0). */
        public double[] totalVasp;
        /** Electronic iterations of this step (NELM or more = not converged). */
        public int iterations = 7;

        public double volume() {
            double[][] a = lattice;
            return Math.abs(a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1])
                    - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0])
                    + a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]));
        }

        /** The stress in kBar as VASP prints it beside the Total line ({@code in kB}), same order. */
        public double[] kBar() {
            double[] s = new double[6];
            for (int k = 0; k < 6; k++) s[k] = totalVasp[k] / volume() * KBAR_PER_EV_PER_A3;
            return s;
        }
    }

    public final String[] elements;
    public final int[] counts;
    public final int nelm;
    public final List<Step> steps = new ArrayList<>();

    public SyntheticVaspRun(String[] elements, int[] counts, int nelm) {
        this.elements = elements;
        this.counts = counts;
        this.nelm = nelm;
    }

    public int size() {
        int n = 0;
        for (int c : counts) n += c;
        return n;
    }

    /** Species (0-based) of atom i: the order of the counts. */
    public int typeOf(int i) {
        for (int t = 0; t < counts.length; t++) {
            if (i < counts[t]) return t;
            i -= counts[t];
        }
        throw new IllegalArgumentException("atom " + i);
    }

    /**
     * A run of nSteps steps with random numbers at printed precision: a triclinic cell (varying per
     * step when variableCell), stress on every step when withStress.
     */
    public static SyntheticVaspRun random(long seed, String[] elements, int[] counts, int nSteps, boolean withStress, boolean variableCell) {
        Random r = new Random(seed);
        SyntheticVaspRun run = new SyntheticVaspRun(elements, counts, 60);
        int n = run.size();
        double[][] cell0 = {{8.5 + r.nextDouble(), 0.3 * r.nextDouble(), 0}, {-0.7 * r.nextDouble(), 9 + r.nextDouble(), 0.2},
            {0.4 * r.nextDouble(), -0.5 * r.nextDouble(), 10 + r.nextDouble()}};
        for (int s = 0; s < nSteps; s++) {
            Step st = new Step();
            for (int a = 0; a < 3; a++)
                for (int b = 0; b < 3; b++)
                    st.lattice[a][b] = round(cell0[a][b] * (variableCell ? 1 + 0.01 * s : 1), 9);
            st.positions = new double[3 * n];
            st.forces = new double[3 * n];
            for (int i = 0; i < 3 * n; i++) {
                st.positions[i] = round(9 * r.nextDouble() - 0.5, 5);
                st.forces[i] = round(4 * r.nextGaussian(), 6);
            }
            st.energy = round(-5.1 * n + r.nextGaussian(), 8);
            if (withStress) {
                st.totalVasp = new double[6];
                for (int k = 0; k < 6; k++) st.totalVasp[k] = round((k < 3 ? 20 : 4) * r.nextGaussian(), 5);
            }
            run.steps.add(st);
        }
        return run;
    }

    public static double round(double v, int decimals) {
        return new java.math.BigDecimal(v).setScale(decimals, java.math.RoundingMode.HALF_EVEN).doubleValue();
    }

    private static String f(String fmt, Object... a) { return String.format(Locale.ROOT, fmt, a); }

    // ------------------------------------------------------------------------------- OUTCAR

    /** The whole OUTCAR (with the timing footer of a run that finished). */
    public String outcar() {
        StringBuilder sb = new StringBuilder();
        outcarHeader(sb);
        for (int s = 0; s < steps.size(); s++) outcarStep(sb, s);
        outcarFooter(sb);
        return sb.toString();
    }

    /** Writes the OUTCAR to w, repeating the steps until at least bytes characters are written (benchmarks). */
    public long writeOutcar(Writer w, long bytes) {
        try {
            StringBuilder sb = new StringBuilder();
            outcarHeader(sb);
            long n = 0;
            int s = 0;
            while (n < bytes) {
                outcarStep(sb, s++ % steps.size());
                w.append(sb);
                n += sb.length();
                sb.setLength(0);
            }
            outcarFooter(sb);
            w.append(sb);
            return n + sb.length();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void outcarHeader(StringBuilder sb) {
        sb.append(" vasp.5.4.4.18Apr17-6-g9f103f2a35 (build Jan 01 2020 00:00:00) complex\n  \n");
        sb.append(" executed on             LinuxIFC date 2020.01.01  00:00:00\n running on    2 total cores\n");
        for (String e : elements) sb.append(" POTCAR:    PAW_PBE ").append(e).append("_pv 06Sep2000\n");
        sb.append(" -----------------------------------------------------------------------------\n");
        for (String e : elements) {
            sb.append(" POTCAR:    PAW_PBE ").append(e).append("_pv 06Sep2000\n");
            sb.append("   VRHFIN =").append(e).append(": p6s2\n   LEXCH  = PE\n");
            sb.append("   TITEL  = PAW_PBE ").append(e).append("_pv 06Sep2000\n   LULTRA =        F    use ultrasoft PP ?\n");
        }
        sb.append("\n Dimension of arrays:\n   k-points           NKPTS =      1   k-points in BZ     NKDIM =      1   number of bands    NBANDS=     64\n");
        sb.append("   number of dos      NEDOS =    301   number of ions     NIONS = ").append(f("%6d", size())).append('\n');
        sb.append("   ions per type =  ");
        for (int c : counts) sb.append(f("%4d", c));
        sb.append("\n\n Electronic Relaxation 1\n   ENCUT  =  400.0 eV  29.40 Ry    5.42 a0\n");
        sb.append(f("   NELM   = %5d;   NELMIN=  2; NELMDL= -5     # of ELM steps\n", nelm));
        sb.append("   EDIFF  = 0.1E-05   stopping-criterion for ELM\n\n");
        directLattice(sb, steps.get(0).lattice);
        sb.append("\n--------------------------------------------------------------------------------------------------------\n\n");
    }

    private static void directLattice(StringBuilder sb, double[][] a) {
        sb.append("      direct lattice vectors                 reciprocal lattice vectors\n");
        for (int r = 0; r < 3; r++) {
            sb.append("   ");
            for (int k = 0; k < 3; k++) sb.append(f("%13.9f", a[r][k]));
            sb.append("   ");
            for (int k = 0; k < 3; k++) sb.append(f("%13.9f", 0.1 * (r == k ? 1 : 0)));
            sb.append('\n');
        }
    }

    private void outcarStep(StringBuilder sb, int s) {
        Step st = steps.get(s);
        for (int it = 1; it <= st.iterations; it++) {
            sb.append(f("----------------------------------------- Iteration %6d(%4d)  ---------------------------------------\n\n", s + 1, it));
            sb.append("    POTLOK:  cpu time    0.0123: real time    0.0125\n    SETDIJ:  cpu time    0.0012: real time    0.0012\n\n");
            sb.append("  Free energy of the ion-electron system (eV)\n  ---------------------------------------------------\n");
            sb.append(f("  free energy    TOTEN  = %18.8f eV\n\n", st.energy + 0.5 / it));
            sb.append(f("  energy without entropy = %18.8f  energy(sigma->0) = %18.8f\n\n\n", st.energy + 0.5 / it, st.energy + 0.5 / it));
            sb.append("--------------------------------------------------------------------------------------------------------\n\n");
        }
        sb.append(st.iterations >= nelm ? "\n\n" : " ------------------------ aborting loop because EDIFF is reached ----------------------------------------\n\n\n");
        if (st.totalVasp != null) {
            sb.append("  FORCE on cell =-STRESS in cart. coord.  units (eV):\n");
            sb.append("  Direction    XX          YY          ZZ          XY          YZ          ZX\n");
            sb.append("  --------------------------------------------------------------------------------------\n");
            sb.append("  Alpha Z   165.31545   165.31545   165.31545\n");
            sb.append("  Ewald   -1058.83424 -1058.83424 -1058.83424     0.00000     0.00000    -0.00000\n");
            sb.append("  Hartree    72.35318    72.35318    72.35318     0.00000    -0.00000    -0.00000\n");
            sb.append("  -------------------------------------------------------------------------------------\n");
            sb.append("  Total   ");
            for (double v : st.totalVasp) sb.append(f("%12.5f", v));
            sb.append("\n  in kB   ");
            for (double v : st.kBar()) sb.append(f("%12.5f", v));
            sb.append("\n  external pressure =        6.52 kB  Pullay stress =        0.00 kB\n\n\n");
        }
        sb.append(" VOLUME and BASIS-vectors are now :\n -----------------------------------------------------------------------------\n");
        sb.append(f("  energy-cutoff  :      400.00\n  volume of cell : %11.2f\n", st.volume()));
        directLattice(sb, st.lattice);
        sb.append("\n  length of vectors\n     8.500000000  9.000000000 10.000000000     0.117647059  0.111111111  0.100000000\n\n\n");
        sb.append(" POSITION                                       TOTAL-FORCE (eV/Angst)\n");
        sb.append(" -----------------------------------------------------------------------------------\n");
        for (int i = 0; i < size(); i++)
            sb.append(f("  %12.5f %12.5f %12.5f   %13.6f %13.6f %13.6f\n", st.positions[3 * i], st.positions[3 * i + 1], st.positions[3 * i + 2],
                    st.forces[3 * i], st.forces[3 * i + 1], st.forces[3 * i + 2]));
        sb.append(" -----------------------------------------------------------------------------------\n");
        sb.append("    total drift:                                0.000000     -0.000000     -0.000000\n\n\n");
        sb.append("--------------------------------------------------------------------------------------------------------\n\n\n\n");
        sb.append("  FREE ENERGIE OF THE ION-ELECTRON SYSTEM (eV)\n  ---------------------------------------------------\n");
        sb.append(f("  free  energy   TOTEN  = %18.8f eV\n\n", st.energy));
        sb.append(f("  energy  without entropy= %18.8f  energy(sigma->0) = %18.8f\n\n\n\n", st.energy - 0.001, st.energy - 0.0005));
        sb.append("--------------------------------------------------------------------------------------------------------\n\n\n");
    }

    private static void outcarFooter(StringBuilder sb) {
        sb.append(" General timing and accounting informations for this job:\n ========================================================\n\n");
        sb.append("                  Total CPU time used (sec):       12.345\n");
    }

    // ---------------------------------------------------------------------------- vasprun.xml

    /** The whole vasprun.xml of the same run (stress in kBar from the Total line, 8 decimals as VASP prints). */
    public String vasprun() {
        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<modeling>\n <generator>\n  <i name=\"program\" type=\"string\">vasp </i>\n");
        sb.append("  <i name=\"version\" type=\"string\">5.4.4.18Apr17-6-g9f103f2a35 </i>\n </generator>\n");
        sb.append(" <incar>\n  <i type=\"string\" name=\"PREC\">accurate</i>\n  <i name=\"ENCUT\">    400.00000000</i>\n </incar>\n");
        sb.append(" <parameters>\n  <separator name=\"electronic\" >\n   <separator name=\"electronic convergence\" >\n");
        sb.append(f("    <i type=\"int\" name=\"NELM\">   %d</i>\n    <i type=\"int\" name=\"NELMDL\">    -5</i>\n", nelm));
        sb.append("   </separator>\n  </separator>\n </parameters>\n <atominfo>\n");
        sb.append(f("  <atoms>      %d </atoms>\n  <types>       %d </types>\n", size(), elements.length));
        sb.append("  <array name=\"atoms\" >\n   <dimension dim=\"1\">ion</dimension>\n   <dimension dim=\"2\">field</dimension>\n");
        sb.append("   <field type=\"string\">element</field>\n   <field type=\"int\">atomtype</field>\n   <set>\n");
        for (int i = 0; i < size(); i++) sb.append(f("    <rc><c>%-2s</c><c>%4d</c></rc>\n", elements[typeOf(i)], typeOf(i) + 1));
        sb.append("   </set>\n  </array>\n  <array name=\"atomtypes\" >\n   <dimension dim=\"1\">type</dimension>\n");
        sb.append("   <field type=\"int\">atomspertype</field>\n   <field type=\"string\">element</field>\n   <set>\n");
        for (int t = 0; t < elements.length; t++)
            sb.append(f("    <rc><c>%4d</c><c>%-2s</c><c>     24.30500000</c><c>      8.00000000</c><c>  PAW_PBE %s_pv 06Sep2000</c></rc>\n", counts[t], elements[t], elements[t]));
        sb.append("   </set>\n  </array>\n </atominfo>\n");
        structure(sb, steps.get(0), " name=\"initialpos\" ");
        for (Step st : steps) {
            sb.append(" <calculation>\n");
            for (int it = 1; it <= st.iterations; it++) {
                sb.append("  <scstep>\n   <time name=\"dav\">    0.10    0.10</time>\n   <energy>\n");
                sb.append(f("    <i name=\"e_fr_energy\"> %16.8f </i>\n    <i name=\"e_wo_entrp\"> %16.8f </i>\n", st.energy + 0.5 / it, st.energy + 0.5 / it));
                sb.append("   </energy>\n  </scstep>\n");
            }
            structure(sb, st, "");
            sb.append("  <varray name=\"forces\" >\n");
            for (int i = 0; i < size(); i++) sb.append(f("   <v> %16.8f %16.8f %16.8f </v>\n", st.forces[3 * i], st.forces[3 * i + 1], st.forces[3 * i + 2]));
            sb.append("  </varray>\n");
            if (st.totalVasp != null) {
                double[] k = st.kBar(); // XX YY ZZ XY YZ ZX
                double[][] m = {{k[0], k[3], k[5]}, {k[3], k[1], k[4]}, {k[5], k[4], k[2]}};
                sb.append("  <varray name=\"stress\" >\n");
                for (double[] row : m) sb.append(f("   <v> %16.8f %16.8f %16.8f </v>\n", row[0], row[1], row[2]));
                sb.append("  </varray>\n");
            }
            sb.append("  <energy>\n");
            sb.append(f("   <i name=\"e_fr_energy\"> %16.8f </i>\n   <i name=\"e_wo_entrp\"> %16.8f </i>\n   <i name=\"e_0_energy\"> %16.8f </i>\n",
                    st.energy, st.energy - 0.001, st.energy - 0.0005));
            sb.append("  </energy>\n  <time name=\"totalsc\">    1.00    1.00</time>\n");
            sb.append("  <eigenvalues>\n   <array>\n    <set comment=\"spin 1\"><r>   -5.0000    1.0000 </r></set>\n   </array>\n  </eigenvalues>\n");
            sb.append(" </calculation>\n");
        }
        structure(sb, steps.get(steps.size() - 1), " name=\"finalpos\" ");
        sb.append("</modeling>\n");
        return sb.toString();
    }

    /** A structure block: basis and fractional positions (8 decimals, as VASP prints them: cartesian agree with the OUTCAR to ~1e-7 Å). */
    private void structure(StringBuilder sb, Step st, String name) {
        sb.append("  <structure").append(name).append(">\n   <crystal>\n    <varray name=\"basis\" >\n");
        for (double[] row : st.lattice) sb.append(f("     <v> %16.9f %16.9f %16.9f </v>\n", row[0], row[1], row[2]));
        sb.append("    </varray>\n");
        sb.append(f("    <i name=\"volume\"> %16.8f </i>\n", st.volume()));
        sb.append("   </crystal>\n   <varray name=\"positions\" >\n");
        double[][] inv = inverse(st.lattice);
        for (int i = 0; i < size(); i++) {
            double[] fr = new double[3];
            for (int k = 0; k < 3; k++)
                for (int a = 0; a < 3; a++) fr[k] += st.positions[3 * i + a] * inv[a][k];
            sb.append(f("    <v> %16.8f %16.8f %16.8f </v>\n", fr[0], fr[1], fr[2]));
        }
        sb.append("   </varray>\n  </structure>\n");
    }

    /** The inverse of a lattice (rows are vectors): fractional = cartesian × inverse. */
    static double[][] inverse(double[][] a) {
        double det = a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1]) - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0])
                + a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]);
        double[][] m = new double[3][3];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++) {
                int i1 = (j + 1) % 3, i2 = (j + 2) % 3, j1 = (i + 1) % 3, j2 = (i + 2) % 3;
                m[i][j] = (a[i1][j1] * a[i2][j2] - a[i1][j2] * a[i2][j1]) / det;
            }
        return m;
    }
}
