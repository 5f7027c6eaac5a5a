package org.mtpj.analysis.traj;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mtpj.core.io.Frame;
import org.mtpj.core.io.InputFormatException;
import org.mtpj.core.io.LammpsDumpReader;
import org.mtpj.core.io.PoscarReader;
import org.mtpj.core.io.PoscarWriter;
import org.mtpj.core.io.TextLines;
import org.mtpj.core.io.XdatcarReader;
import org.mtpj.core.model.Structure;

/**
 * Mutates valid dump, POSCAR and XDATCAR texts thousands of times (byte flips, deletions,
 * insertions of hostile tokens, truncation, duplicated lines, huge numbers): the readers must
 * either read them or throw {@link InputFormatException}; nothing else may escape and nothing may
 * hang (the timeout is a hang guard, not a speed test).
 */
class ReaderFuzzTest {
    static final String[] HOSTILE = {"nan", "-inf", "1e999", "-", "ITEM: TIMESTEP\n", "ITEM: ATOMS id\n", "\u0000", "\n", " ",
            "99999999999", "2147483648", "-1", "0", "1e-320", "Direct\n", "Selective dynamics\n", "\u00ff\u00fe", "ITEM: BOX BOUNDS xy xz yz\n",
            "\r\n", "0x10", "1.0.0", "Mg", "1e308"};

    static String dump(Random r, boolean triclinic, String cols) {
        StringBuilder b = new StringBuilder();
        int n = 20;
        for (int f = 0; f < 3; f++) {
            b.append("ITEM: TIMESTEP\n").append(f * 100).append("\nITEM: NUMBER OF ATOMS\n").append(n).append('\n');
            if (triclinic) b.append("ITEM: BOX BOUNDS xy xz yz pp pp pp\n0 10.5 0.5\n0 9 0\n0 8 0\n");
            else b.append("ITEM: BOX BOUNDS pp pp pp\n0 10\n0 9\n0 8\n");
            b.append("ITEM: ATOMS ").append(cols).append('\n');
            for (int i = 0; i < n; i++) {
                int id = (i * 7) % n + 1;
                for (String c : cols.split(" ")) {
                    switch (c) {
                        case "id" -> b.append(id);
                        case "type" -> b.append(1 + id % 3);
                        case "element" -> b.append(new String[] {"Mg", "V", "O"}[id % 3]);
                        case "ix", "iy", "iz" -> b.append(r.nextInt(3) - 1);
                        default -> b.append(String.format(Locale.ROOT, "%.5f", r.nextDouble() * 8));
                    }
                    b.append(' ');
                }
                b.setLength(b.length() - 1);
                b.append('\n');
            }
        }
        return b.toString();
    }

    static String poscar(Random r) {
        StringBuilder b = new StringBuilder("Mg2 O2\n1.0\n4.1 0 0\n0 4.2 0\n0.1 0 4.3\nMg O\n2 2\n");
        if (r.nextBoolean()) b.append("Selective dynamics\n");
        b.append(r.nextBoolean() ? "Direct\n" : "Cartesian\n");
        for (int i = 0; i < 4; i++) b.append(String.format(Locale.ROOT, "%.6f %.6f %.6f T F T\n", r.nextDouble(), r.nextDouble(), r.nextDouble()));
        return b.toString();
    }

    static byte[] mutate(byte[] in, Random r) {
        List<Byte> b = new ArrayList<>(in.length + 64);
        for (byte x : in) b.add(x);
        int ops = 1 + r.nextInt(4);
        for (int o = 0; o < ops && !b.isEmpty(); o++) {
            int pos = r.nextInt(b.size());
            switch (r.nextInt(7)) {
                case 0 -> b.set(pos, (byte) r.nextInt(256));
                case 1 -> { int len = Math.min(b.size() - pos, 1 + r.nextInt(40)); for (int i = 0; i < len; i++) b.remove(pos); }
                case 2 -> { byte[] t = HOSTILE[r.nextInt(HOSTILE.length)].getBytes(StandardCharsets.UTF_8); for (int i = t.length - 1; i >= 0; i--) b.add(pos, t[i]); }
                case 3 -> { while (b.size() > pos) b.remove(b.size() - 1); }
                case 4 -> { // duplicate the line at pos
                    int s = pos, e = pos;
                    while (s > 0 && b.get(s - 1) != '\n') s--;
                    while (e < b.size() && b.get(e) != '\n') e++;
                    List<Byte> line = new ArrayList<>(b.subList(s, Math.min(e + 1, b.size())));
                    b.addAll(s, line);
                }
                case 5 -> { // replace a digit run by a huge number
                    if (Character.isDigit(b.get(pos))) {
                        byte[] t = "987654321987".getBytes(StandardCharsets.US_ASCII);
                        for (int i = t.length - 1; i >= 0; i--) b.add(pos, t[i]);
                    }
                }
                default -> { // swap two lines' worth of bytes: shuffle a short range
                    int len = Math.min(b.size() - pos, 2 + r.nextInt(10));
                    List<Byte> sub = b.subList(pos, pos + len);
                    java.util.Collections.shuffle(sub, r);
                }
            }
        }
        byte[] out = new byte[b.size()];
        for (int i = 0; i < out.length; i++) out[i] = b.get(i);
        return out;
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void dumpReaderSurvivesMutations() {
        Random r = new Random(20261201);
        String[] columns = {"id type x y z", "id type xs ys zs fx", "type id xu yu zu", "id element x y z ix iy iz", "id type xsu ysu zsu c_pe"};
        int read = 0, rejected = 0;
        for (int i = 0; i < 1500; i++) {
            byte[] text = mutate(dump(r, r.nextBoolean(), columns[i % columns.length]).getBytes(StandardCharsets.US_ASCII), r);
            try (LammpsDumpReader d = LammpsDumpReader.of(new ByteArrayInputStream(text), "fuzz.dump", w -> {})) {
                Unwrapper u = new Unwrapper(w -> {});
                SpeciesMap sm = new SpeciesMap(List.of("Mg", "V", "O"));
                for (Frame f; (f = d.next()) != null; ) {
                    u.unwrap(f);
                    sm.speciesById(f);
                }
                read++;
            } catch (InputFormatException e) {
                assertTrue(e.getMessage().startsWith("fuzz.dump:"), e.getMessage());
                assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
                rejected++;
            }
        }
        assertEquals(1500, read + rejected);
        assertTrue(read > 50 && rejected > 50, "mutations exercise both paths: read " + read + ", rejected " + rejected);
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void poscarAndXdatcarReadersSurviveMutations() {
        Random r = new Random(99);
        int read = 0, rejected = 0;
        for (int i = 0; i < 1500; i++) {
            byte[] text = mutate(poscar(r).getBytes(StandardCharsets.US_ASCII), r);
            try {
                TextLines in = new TextLines(new BufferedReader(new InputStreamReader(new ByteArrayInputStream(text), StandardCharsets.UTF_8)), "fuzz.vasp");
                Structure s = PoscarReader.parse(in, null);
                s.fractional();
                new PoscarWriter().toString(s);
                read++;
            } catch (InputFormatException e) {
                assertTrue(e.getMessage().startsWith("fuzz.vasp:"), e.getMessage());
                rejected++;
            }
        }
        for (int i = 0; i < 500; i++) {
            String x = "Mg2 O2\n1.0\n4 0 0\n0 4 0\n0 0 4\nMg O\n2 2\n";
            for (int k = 1; k <= 3; k++) {
                x += "Direct configuration=     " + k + "\n";
                for (int a = 0; a < 4; a++) x += String.format(Locale.ROOT, "%.5f %.5f %.5f\n", r.nextDouble(), r.nextDouble(), r.nextDouble());
            }
            byte[] text = mutate(x.getBytes(StandardCharsets.US_ASCII), r);
            TextLines in = new TextLines(new BufferedReader(new InputStreamReader(new ByteArrayInputStream(text), StandardCharsets.UTF_8)), "XDATCAR");
            try (XdatcarReader xr = new XdatcarReader(in, null, w -> {})) {
                while (xr.next() != null) { }
                read++;
            } catch (InputFormatException e) {
                rejected++;
            }
        }
        for (int i = 0; i < 500; i++) {
            StringBuilder x = new StringBuilder();
            for (int k = 0; k < 3; k++) {
                x.append("3\nLattice=\"5 0 0 0 5 0 0 0 5\" Properties=species:S:1:pos:R:3:forces:R:3 step=").append(k).append('\n');
                for (int a = 0; a < 3; a++) x.append(String.format(Locale.ROOT, "Mg %.4f %.4f %.4f 0 0 0\n", r.nextDouble(), r.nextDouble(), r.nextDouble()));
            }
            byte[] text = mutate(x.toString().getBytes(StandardCharsets.US_ASCII), r);
            TextLines in = new TextLines(new BufferedReader(new InputStreamReader(new ByteArrayInputStream(text), StandardCharsets.UTF_8)), "f.xyz");
            try (org.mtpj.analysis.traj.ExtxyzReader xr = new org.mtpj.analysis.traj.ExtxyzReader(in, w -> {}, -1)) {
                while (xr.next() != null) { }
                read++;
            } catch (InputFormatException e) {
                rejected++;
            }
        }
        assertTrue(read > 50 && rejected > 50, "read " + read + ", rejected " + rejected);
    }
}
