package org.mtpj.cli.serve;

import static org.junit.jupiter.api.Assertions.*;
import static org.mtpj.testkit.Tolerances.MLIP2_ENERGY_PER_ATOM;
import static org.mtpj.testkit.Tolerances.MLIP2_FORCE;
import static org.mtpj.testkit.Tolerances.MLIP2_STRESS;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtpj.cli.Main;
import org.mtpj.core.model.Configuration;
import org.mtpj.host.CfgFiles;
import org.mtpj.testkit.Shared;
import picocli.CommandLine;

/**
 * {@code mtpj serve} in-process on MLIP-2's edge cases (a 96-atom cell periodic in x and y, an
 * isolated cluster, dimers from 0.9 to 7.5 Å): every reply equals MLIP-2's numbers; a bad request in
 * between gets an error reply and one stderr line, and the requests after it are served.
 * (tests/ase runs the real process from Python with ASE.)
 */
class ServeCommandTest {
    private record Served(int code, byte[] out, String err) {}

    @Test
    void repliesEqualMlip2AndABadRequestDoesNotStopTheServer() throws IOException {
        List<Configuration> refs = CfgFiles.readAll(Shared.file("reference/mlip2/edge_cases.cfg"));
        ByteArrayOutputStream requests = new ByteArrayOutputStream();
        for (int k = 0; k < refs.size(); k++) {
            if (k == 1) requests.write("efs 3 11\n".getBytes(StandardCharsets.US_ASCII));   // PBC needs three flags
            requests.write(request(refs.get(k)));
        }
        Served s = serve(requests.toByteArray());
        assertEquals(0, s.code, s.err);
        assertEquals(1, s.err.lines().filter(l -> l.startsWith("mtpj serve: request 2: expected PBC")).count(), s.err);
        assertTrue(s.err.endsWith("mtpj serve: " + refs.size() + " structures evaluated, 1 request refused" + System.lineSeparator()), s.err);

        DataInputStream in = new DataInputStream(new ByteArrayInputStream(s.out));
        assertTrue(line(in).startsWith("mtpj-serve 1 3 7.0"));
        for (int k = 0; k < refs.size(); k++) {
            if (k == 1) assertTrue(line(in).startsWith("error request 2: expected PBC"));
            Configuration ref = refs.get(k);
            int n = ref.size;
            String[] head = line(in).split(" ");
            assertEquals("ok", head[0], "configuration " + (k + 1));
            assertEquals(n, Integer.parseInt(head[1]));
            ByteBuffer b = ByteBuffer.wrap(in.readNBytes(8 * (7 + 4 * n))).order(ByteOrder.LITTLE_ENDIAN);
            String where = "edge case " + (k + 1) + " (" + ref.features.get("note") + ")";
            assertEquals(ref.energy / n, b.getDouble() / n, MLIP2_ENERGY_PER_ATOM, where + ": energy per atom");
            for (int c = 0; c < 6; c++) assertEquals(ref.plusStress[c], b.getDouble(), MLIP2_STRESS, where + ": PlusStress");
            for (int c = 0; c < 3 * n; c++) assertEquals(ref.forces[c], b.getDouble(), MLIP2_FORCE, where + ": force");
            double sum = 0;
            for (int i = 0; i < n; i++) sum += b.getDouble();
            assertEquals(ref.energy / n, sum / n, MLIP2_ENERGY_PER_ATOM, where + ": site energies add up to the energy");
        }
        assertEquals(-1, in.read(), "nothing after the last reply");
    }

    /** The wire request of a configuration (docs/ase.md): header, cell rows, species, positions. */
    private static byte[] request(Configuration c) {
        StringBuilder pbc = new StringBuilder();
        for (int r = 0; r < 3; r++) pbc.append(c.isPeriodic(r) ? '1' : '0');
        byte[] head = ("efs " + c.size + " " + pbc + "\n").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(head.length + 72 + 28 * c.size).order(ByteOrder.LITTLE_ENDIAN);
        b.put(head);
        for (int r = 0; r < 3; r++) for (int a = 0; a < 3; a++) b.putDouble(c.isPeriodic(r) ? c.lattice[r][a] : 0);
        for (int i = 0; i < c.size; i++) b.putInt(c.types[i]);
        for (double x : c.positions) b.putDouble(x);
        return b.array();
    }

    /** Runs {@code mtpj serve} with these bytes as stdin (System.in/out swapped for the run). */
    private static Served serve(byte[] stdin) {
        InputStream oldIn = System.in;
        PrintStream oldOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        try {
            System.setIn(new ByteArrayInputStream(stdin));
            System.setOut(new PrintStream(out, true));
            CommandLine cl = Main.commandLine();
            cl.setErr(new PrintWriter(err, true));
            int code = cl.execute("serve", Shared.file("data/amorphous-MgV2O5/pot.mtp").toString(), "--threads", "2");
            return new Served(code, out.toByteArray(), err.toString());
        } finally {
            System.setIn(oldIn);
            System.setOut(oldOut);
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder s = new StringBuilder();
        for (int c; (c = in.read()) != '\n'; ) {
            assertNotEquals(-1, c, "reply ended inside a line: " + s);
            s.append((char) c);
        }
        return s.toString();
    }
}
