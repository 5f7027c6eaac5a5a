package org.mtpj.core.io.vasp;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.mtpj.core.io.InputFormatException;
import org.mtpj.core.model.Configuration;

/**
 * Streams the ionic steps of a VASP vasprun.xml with the JDK's StAX pull parser (no tree of the
 * file is built: eigenvalues and DOS pass by as events), one {@code <calculation>} per
 * configuration, with the numbers of the OUTCAR of the same run (shared/docs/vasp-io.md):
 *
 * <ul>
 *   <li>species: the {@code atomtype} column of {@code <atominfo>}'s atoms array, minus one;
 *       element names from the same array ({@link #elements()});
 *   <li>cell and positions: the calculation's {@code <structure>} (basis rows, fractional
 *       positions → Å);
 *   <li>forces: {@code <varray name="forces">} (eV/Å);
 *   <li>{@code Energy}: the calculation's own {@code <energy><i name="e_fr_energy">} (TOTEN; the
 *       ones inside {@code <scstep>} are per electronic iteration);
 *   <li>{@code PlusStress} (eV) = stress (kBar, VASP's sign) × V / 1602.1766208, in .cfg order
 *       xx yy zz yz xz xy; none without {@code <varray name="stress">};
 *   <li>{@code Feature EFS_by}: {@code VASP_not_converged} when the calculation has NELM or more
 *       {@code <scstep>}s (NELM from {@code <parameters>}), else {@code VASP}.
 * </ul>
 *
 * A file that ends inside a calculation (a run killed) keeps the complete ones and warns once with
 * file:line; a file without a complete calculation, or malformed XML, is an error at file:line.
 */
public final class VasprunReader implements AutoCloseable {
    /** 1 eV/Å³ in kBar. */
    public static final double KBAR_PER_EV_PER_A3 = 1602.1766208;

    private final XMLStreamReader xml;
    private final EndTracking stream;
    private final String file;
    private final Consumer<String> warnings;
    private int nelm = Integer.MAX_VALUE;
    private final List<String> elements = new ArrayList<>();
    private int[] types;
    private int complete;
    private long stepLine;
    private boolean done;

    private VasprunReader(InputStream in, String file, Consumer<String> warnings) {
        this.stream = new EndTracking(in);
        this.file = file;
        this.warnings = warnings;
        XMLInputFactory f = XMLInputFactory.newFactory();
        // data only: no DTDs, no external entities
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        try {
            this.xml = f.createXMLStreamReader(stream);
        } catch (XMLStreamException e) {
            throw new InputFormatException(file, 1, "expected a vasprun.xml (XML): " + firstLine(e.getMessage()));
        }
    }

    /** Reads from a stream (the XML declaration gives the encoding); file names it in messages. */
    public static VasprunReader of(InputStream in, String file, Consumer<String> warnings) {
        return new VasprunReader(in, file, warnings);
    }

    /** Element names of species 0, 1, ... (known once the first configuration is read). */
    public List<String> elements() { return List.copyOf(elements); }

    /** "FILE:LINE: calculation K" of the configuration last returned. */
    public String where() { return file + ":" + stepLine + ": calculation " + complete; }

    /** The next complete calculation, or null at the end. */
    public Configuration next() {
        if (done) return null;
        try {
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) continue;
                switch (xml.getLocalName()) {
                    case "parameters" -> readParameters();
                    case "atominfo" -> readAtominfo();
                    case "calculation" -> {
                        Configuration c = readCalculation();
                        if (c != null) return c;
                    }
                    default -> { }
                }
            }
        } catch (XMLStreamException e) {
            long line = e.getLocation() != null ? e.getLocation().getLineNumber() : 0;
            done = true;
            if (endsInside(e) && complete > 0) {
                warnings.accept(file + ":" + line + ": the vasprun.xml ends inside its XML (run killed?): kept its " + complete + " complete calculation(s)");
                return null;
            }
            throw new InputFormatException(file, line, (endsInside(e) ? "the file ends inside its XML: " : "expected well-formed vasprun.xml: ")
                    + firstLine(e.getMessage()));
        }
        done = true;
        if (complete == 0) throw new InputFormatException(file, line(), "expected a vasprun.xml with at least one <calculation> holding structure and energy, found none");
        return null;
    }

    /** Whether the parser failed because the input ended (not because of a wrong tag or character). */
    private boolean endsInside(XMLStreamException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return stream.ended && (m.contains("same entity") || m.contains("end of file") || m.contains("unexpected eof"));
    }

    private static String firstLine(String m) {
        if (m == null) return "";
        int nl = m.lastIndexOf("Message: ");
        return (nl >= 0 ? m.substring(nl + 9) : m).replace('\n', ' ').trim();
    }

    private long line() { return xml.getLocation().getLineNumber(); }

    private String nameAttr() { return xml.getAttributeValue(null, "name"); }

    /** NELM from {@code <parameters>} (nested separators). */
    private void readParameters() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int ev = xml.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                if ("i".equals(xml.getLocalName()) && "NELM".equals(nameAttr())) {
                    nelm = (int) number(xml.getElementText(), "NELM");
                } else depth++;
            } else if (ev == XMLStreamConstants.END_ELEMENT) depth--;
        }
    }

    /** The atoms array: one row per ion, element and atomtype (1-based). */
    private void readAtominfo() throws XMLStreamException {
        int depth = 1;
        boolean atoms = false;
        List<Integer> t = new ArrayList<>();
        while (depth > 0) {
            int ev = xml.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String n = xml.getLocalName();
                if ("array".equals(n)) atoms = "atoms".equals(nameAttr());
                if (atoms && "rc".equals(n)) {
                    long at = line();
                    List<String> cs = new ArrayList<>();
                    while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) cs.add(xml.getElementText().trim());
                    if (cs.size() < 2) throw new InputFormatException(file, at, "expected <c>element</c><c>atomtype</c> in the atoms array");
                    int type = (int) number(cs.get(1), "atomtype") - 1;
                    if (type < 0 || type > 10_000) throw new InputFormatException(file, at, "expected an atomtype 1, 2, ... but found " + cs.get(1));
                    while (elements.size() <= type) elements.add("");
                    elements.set(type, cs.get(0));
                    t.add(type);
                } else depth++;
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
                if ("array".equals(xml.getLocalName())) atoms = false;
            }
        }
        if (t.isEmpty()) throw new InputFormatException(file, line(), "expected the atoms array (element, atomtype per ion) in <atominfo>");
        types = t.stream().mapToInt(Integer::intValue).toArray();
    }

    private Configuration readCalculation() throws XMLStreamException {
        long start = line();
        if (types == null) throw new InputFormatException(file, start, "expected <atominfo> before the first <calculation>");
        int n = types.length;
        int scsteps = 0;
        double energy = Double.NaN;
        double[][] basis = null;
        double[] frac = null, forces = null;
        double[][] stress = null;
        int depth = 1;
        while (depth > 0) {
            int ev = xml.next();
            if (ev == XMLStreamConstants.END_ELEMENT) { depth--; continue; }
            if (ev != XMLStreamConstants.START_ELEMENT) continue;
            String el = xml.getLocalName();
            if (depth == 1 && "scstep".equals(el)) { scsteps++; skip(); continue; }
            if ("varray".equals(el)) {
                String name = nameAttr();
                if ("basis".equals(name)) basis = rows(3, name);
                else if ("positions".equals(name)) frac = flat(rows(n, name));
                else if ("forces".equals(name)) forces = flat(rows(n, name));
                else if ("stress".equals(name)) stress = rows(3, name);
                else skip();
                continue;
            }
            if (depth == 1 && "energy".equals(el)) {
                energy = readFreeEnergy();
                continue;
            }
            if ("structure".equals(el) || "crystal".equals(el)) { depth++; continue; }
            skip();
        }
        if (basis == null || frac == null || Double.isNaN(energy))
            throw new InputFormatException(file, start, "expected <structure> (basis, positions) and <energy> with e_fr_energy in this <calculation>");
        Configuration c = new Configuration(n);
        c.latticeRows = 3;
        for (int r = 0; r < 3; r++) c.lattice[r] = basis[r];
        for (int i = 0; i < n; i++) {
            c.types[i] = types[i];
            for (int a = 0; a < 3; a++)
                c.positions[3 * i + a] = frac[3 * i] * basis[0][a] + frac[3 * i + 1] * basis[1][a] + frac[3 * i + 2] * basis[2][a];
        }
        c.forces = forces;
        c.energy = energy;
        if (stress != null) {
            double k = c.volume() / KBAR_PER_EV_PER_A3;
            // VASP's sign (the OUTCAR's Total line), .cfg order xx yy zz yz xz xy
            c.plusStress = new double[] {stress[0][0] * k, stress[1][1] * k, stress[2][2] * k, stress[1][2] * k, stress[0][2] * k, stress[0][1] * k};
        }
        c.features.put("EFS_by", scsteps >= nelm ? "VASP_not_converged" : "VASP");
        complete++;
        stepLine = start;
        return c;
    }

    /** e_fr_energy of the current {@code <energy>} element. */
    private double readFreeEnergy() throws XMLStreamException {
        double e = Double.NaN;
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            boolean fr = "e_fr_energy".equals(nameAttr());
            String text = xml.getElementText();
            if (fr) e = number(text, "e_fr_energy");
        }
        return e;
    }

    /** The {@code <v>} rows of a varray, each 3 numbers; exactly count rows. */
    private double[][] rows(int count, String name) throws XMLStreamException {
        long at = line();
        double[][] out = new double[count][];
        double[] v = new double[3];
        int k = 0;
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            long l = line();
            String text = xml.getElementText();
            if (k == count) throw new InputFormatException(file, l, "expected " + count + " rows in varray " + name + ", found more");
            if (FortranNumbers.parse(text, 0, v) != 3) throw new InputFormatException(file, l, "expected 3 numbers in a <v> row of varray " + name);
            out[k++] = v.clone();
        }
        if (k != count) throw new InputFormatException(file, at, "expected " + count + " rows in varray " + name + ", found " + k);
        return out;
    }

    private static double[] flat(double[][] rows) {
        double[] f = new double[3 * rows.length];
        for (int i = 0; i < rows.length; i++) System.arraycopy(rows[i], 0, f, 3 * i, 3);
        return f;
    }

    /** Skips the current element and everything inside it. */
    private void skip() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int ev = xml.next();
            if (ev == XMLStreamConstants.START_ELEMENT) depth++;
            else if (ev == XMLStreamConstants.END_ELEMENT) depth--;
        }
    }

    private double number(String text, String what) {
        double[] v = new double[1];
        if (FortranNumbers.parse(text, 0, v) != 1) throw new InputFormatException(file, line(), "expected a number for " + what + " but found '" + text.trim() + "'");
        return v[0];
    }

    @Override
    public void close() {
        try {
            xml.close();
            stream.close();
        } catch (XMLStreamException | IOException e) {
            // closing a reader we only read from: nothing to lose
        }
    }

    /** Remembers whether the parser read the input to its end (an XML error there is a truncated file). */
    private static final class EndTracking extends FilterInputStream {
        boolean ended;

        EndTracking(InputStream in) { super(in); }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b < 0) ended = true;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n < 0) ended = true;
            return n;
        }
    }
}
