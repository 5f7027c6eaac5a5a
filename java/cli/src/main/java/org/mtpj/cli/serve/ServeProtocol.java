package org.mtpj.cli.serve;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.mtpj.core.eval.EvaluationResult;
import org.mtpj.core.model.Configuration;

/**
 * The wire format of {@code mtpj serve} (docs/ase.md): a text header line, then little-endian
 * binary numbers. Binary because a 96-atom request is 3 KB that needs neither formatting nor
 * parsing (text with 17 digits would cost more than the protocol budget of ~2 ms on these cores).
 *
 * <pre>
 * server, once:   "mtpj-serve 1 SPECIES_COUNT CUTOFF\n"
 * request:        "efs N PBC\n"  (PBC: three 0/1, e.g. 111), then
 *                 9 float64 cell rows a b c (Å), N int32 species (0-based, the .mtp order),
 *                 3N float64 positions (Å)
 * reply:          "ok N EVAL_NS\n", then float64: energy (eV), PlusStress (eV; xx yy zz yz xz xy),
 *                 3N forces (eV/Å), N site energies (eV)
 *   or            "error MESSAGE\n" (no numbers)
 * </pre>
 * A header line that does not parse is answered with an error and the next line is read as the
 * next request (its payload length is unknown, so a client must not send one).
 */
final class ServeProtocol {
    private ServeProtocol() {}

    static final int VERSION = 1;
    /** Longest header line read; a longer one is a bad request (and skipped to its newline). */
    static final int MAX_HEADER = 256;
    /** Largest N accepted: keeps one request's payload (28 N + 72 bytes) inside one Java array. */
    static final int MAX_ATOMS = 50_000_000;

    /** A request that cannot be evaluated; the message is the reply's and stderr's one line. */
    static final class BadRequest extends Exception {
        BadRequest(String message) { super(message, null, false, false); }
    }

    /** The first line the server writes: version, species count and cutoff, so a client can check them. */
    static String hello(int speciesCount, double cutoff) {
        return String.format(Locale.ROOT, "mtpj-serve %d %d %.17g%n", VERSION, speciesCount, cutoff);
    }

    /**
     * Reads the next request into a configuration, or null at the end of input (between requests).
     * A malformed header or payload content throws BadRequest after the whole request was consumed,
     * so the next read starts at the next request.
     */
    static Configuration read(InputStream in) throws IOException, BadRequest {
        String header = readLine(in);
        if (header == null) return null;
        String[] w = header.trim().split(" +");
        if (w.length != 3 || !w[0].equals("efs"))
            throw new BadRequest("expected a header line 'efs N PBC', got '" + shorten(header) + "'");
        int n;
        try {
            n = Integer.parseInt(w[1]);
        } catch (NumberFormatException e) {
            throw new BadRequest("expected the atom count N as an integer in 'efs N PBC', got '" + shorten(w[1]) + "'");
        }
        if (n < 0 || n > MAX_ATOMS) throw new BadRequest("expected 0 <= N <= " + MAX_ATOMS + " atoms, got " + n);
        if (!w[2].matches("[01]{3}")) throw new BadRequest("expected PBC as three 0/1 flags (e.g. 111), got '" + shorten(w[2]) + "'");
        ByteBuffer b = ByteBuffer.wrap(readFully(in, 72 + 28 * n)).order(ByteOrder.LITTLE_ENDIAN);
        Configuration c = new Configuration(n);
        c.latticeRows = 3;
        // a row that is not periodic is stored as zero: the core's "no images along it"
        for (int r = 0; r < 3; r++)
            for (int a = 0; a < 3; a++) {
                double v = b.getDouble();
                c.lattice[r][a] = w[2].charAt(r) == '1' ? v : 0;
            }
        String badSpecies = null;
        for (int i = 0; i < n; i++) {
            c.types[i] = b.getInt();
            if (c.types[i] < 0 && badSpecies == null) badSpecies = "atom " + i + " has species " + c.types[i] + ", expected 0 or more";
        }
        for (int k = 0; k < 3 * n; k++) c.positions[k] = b.getDouble();
        for (int r = 0; r < 3; r++)
            if (w[2].charAt(r) == '1' && !c.isPeriodic(r))
                throw new BadRequest("cell vector " + (r + 1) + " is zero but periodic (PBC " + w[2] + "); expected a nonzero vector");
        if (badSpecies != null) throw new BadRequest(badSpecies);
        return c;
    }

    /** Writes the reply to a successful evaluation and flushes. */
    static void writeResult(OutputStream out, EvaluationResult r, long evalNanos) throws IOException {
        int n = r.siteEnergies.length;
        out.write(("ok " + n + " " + evalNanos + "\n").getBytes(StandardCharsets.US_ASCII));
        ByteBuffer b = ByteBuffer.allocate(8 * (7 + 4 * n)).order(ByteOrder.LITTLE_ENDIAN);
        b.putDouble(r.energy);
        for (double v : r.plusStress) b.putDouble(v);
        for (double v : r.forces) b.putDouble(v);
        for (double v : r.siteEnergies) b.putDouble(v);
        out.write(b.array());
        out.flush();
    }

    /** Writes an error reply (one line, newlines of the message folded) and flushes. */
    static void writeError(OutputStream out, String message) throws IOException {
        out.write(("error " + message.replace('\n', ' ') + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** One line without its newline, or null at the end of input before any byte. */
    private static String readLine(InputStream in) throws IOException, BadRequest {
        byte[] buf = new byte[MAX_HEADER];
        int len = 0;
        for (int c; (c = in.read()) != '\n'; ) {
            if (c < 0) {
                if (len == 0) return null;
                throw new EOFException("input ended inside a header line");
            }
            if (len == buf.length) {
                while ((c = in.read()) != '\n' && c >= 0) { /* skip the rest of the line */ }
                throw new BadRequest("expected a header line of at most " + MAX_HEADER + " bytes");
            }
            buf[len++] = (byte) c;
        }
        return new String(buf, 0, len, StandardCharsets.US_ASCII);
    }

    private static byte[] readFully(InputStream in, int bytes) throws IOException {
        byte[] buf = in.readNBytes(bytes);
        if (buf.length < bytes)
            throw new EOFException("input ended inside a request: " + buf.length + " of " + bytes + " payload bytes");
        return buf;
    }

    private static String shorten(String s) {
        String printable = s.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() <= 60 ? printable : printable.substring(0, 60) + "...";
    }
}
