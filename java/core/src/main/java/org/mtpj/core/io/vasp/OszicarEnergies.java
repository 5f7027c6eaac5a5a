package org.mtpj.core.io.vasp;

import java.io.Reader;
import org.mtpj.core.io.BoundedLineReader;
import org.mtpj.core.io.InputFormatException;

/**
 * The free energy of each ionic step from a VASP OSZICAR, read forward in step with an XDATCAR of
 * the same run (its "configuration= k" is ionic step k): the {@code F=} value of the line that
 * starts with the step number ({@code "  12 T=  600. E= ... F= -.76400413E+03 E0= ..."} in MD,
 * {@code "  12 F= -.43381806E+02 E0= ..."} in a relaxation). F is TOTEN printed to 8 significant
 * digits. Electronic-iteration lines ({@code DAV:}, {@code RMM:}) are passed over. Streaming:
 * steps must be asked for in increasing order.
 */
public final class OszicarEnergies implements AutoCloseable {
    private final BoundedLineReader in;
    private final String file;
    private long lineNo, lastStep = Long.MIN_VALUE;
    private double lastEnergy = Double.NaN;
    private final double[] one = new double[1];

    private OszicarEnergies(Reader reader, String file) {
        this.in = new BoundedLineReader(reader, file);
        this.file = file;
    }

    public static OszicarEnergies of(Reader reader, String file) { return new OszicarEnergies(reader, file); }

    /** F (eV) of ionic step k, or NaN when the OSZICAR has no line for it (ended, or skipped it). */
    public double energyOfStep(long k) {
        while (lastStep < k) {
            String l = in.nextLine();
            if (l == null) return Double.NaN;
            lineNo = in.lineNo();
            int s = 0, len = l.length();
            while (s < len && l.charAt(s) == ' ') s++;
            int e = s;
            while (e < len && l.charAt(e) >= '0' && l.charAt(e) <= '9') e++;
            if (e == s || e - s > 18 || e == len || l.charAt(e) != ' ') continue; // not an ionic-step line
            int f = l.indexOf("F=", e);
            if (f < 0) continue;
            int end = f + 2;
            while (end < len && l.charAt(end) == ' ') end++;
            while (end < len && l.charAt(end) != ' ') end++;
            if (FortranNumbers.parse(l.substring(0, end), f + 2, one) != 1)
                throw new InputFormatException(file, lineNo, "expected a number after 'F=' (the free energy of ionic step " + l.substring(s, e) + ")");
            lastStep = Long.parseLong(l.substring(s, e));
            lastEnergy = one[0];
        }
        return lastStep == k ? lastEnergy : Double.NaN;
    }

    @Override
    public void close() { in.close(); }
}
