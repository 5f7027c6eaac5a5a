package org.mtpj.core.io;

import static org.junit.jupiter.api.Assertions.*;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.mtpj.core.model.Configuration;
import org.mtpj.core.model.MtpPotential;
import org.mtpj.testkit.Shared;

/**
 * Mutated reference files (flipped, deleted, inserted bytes; truncation; garbage; NaN/inf/huge
 * numbers; duplicated and dropped lines): the readers either succeed or throw
 * {@link InputFormatException}, never anything else, and never hang. Whatever they accept writes
 * and reads back to the same thing.
 */
class ParserFuzzTest {
    private static final String[] NASTY = {"NaN", "nan", "inf", "-Infinity", "1e999", "0x1p3", "1d", "99999999999",
            "-1", "", " ", "\t", "\r\n", "{", "}", ",", "=", "{}", "BEGIN_CFG", "END_CFG", "Size", "Feature", "AtomData:",
            "Energy", "Supercell", "\u0000", "\u00ff", "2147483648", "-0", "1e-400"};

    static String mutate(String s, Random r) {
        int kinds = 1 + r.nextInt(3);
        for (int m = 0; m < kinds && !s.isEmpty(); m++) {
            int at = r.nextInt(s.length());
            while (at > 0 && s.charAt(at) == '\n') at--; // line mutations need a position inside a line
            switch (r.nextInt(9)) {
                case 0 -> { // flip a byte
                    char[] c = s.toCharArray();
                    c[at] = (char) (c[at] ^ (1 << r.nextInt(8)));
                    s = new String(c);
                }
                case 1 -> s = s.substring(0, at) + s.substring(Math.min(s.length(), at + 1 + r.nextInt(20)));
                case 2 -> s = s.substring(0, at) + (char) r.nextInt(256) + s.substring(at);
                case 3 -> s = s.substring(0, at); // truncate
                case 4 -> { // garbage block
                    StringBuilder g = new StringBuilder();
                    for (int i = r.nextInt(30); i > 0; i--) g.append((char) r.nextInt(256));
                    s = s.substring(0, at) + g + s.substring(Math.min(s.length(), at + r.nextInt(30)));
                }
                case 5, 6 -> { // replace a word by something nasty
                    int start = at;
                    while (start > 0 && !Character.isWhitespace(s.charAt(start - 1)) && s.charAt(start - 1) != ',' && s.charAt(start - 1) != '{') start--;
                    int end = at;
                    while (end < s.length() && !Character.isWhitespace(s.charAt(end)) && s.charAt(end) != ',' && s.charAt(end) != '}') end++;
                    s = s.substring(0, start) + NASTY[r.nextInt(NASTY.length)] + s.substring(end);
                }
                case 7 -> { // duplicate a line
                    int ls = s.charAt(at) == '\n' ? at : s.lastIndexOf('\n', at) + 1;
                    int le = s.indexOf('\n', at);
                    if (le < 0) le = s.length();
                    s = s.substring(0, le) + "\n" + s.substring(ls, le) + s.substring(le);
                }
                default -> { // drop a line
                    int ls = s.charAt(at) == '\n' ? at : s.lastIndexOf('\n', at) + 1;
                    int le = s.indexOf('\n', at);
                    s = s.substring(0, ls) + (le < 0 ? "" : s.substring(le + 1));
                }
            }
        }
        return s;
    }

    private static void fuzz(String original, int iterations, long seed, Consumer<String> parse) {
        Random r = new Random(seed);
        int rejected = 0;
        for (int i = 0; i < iterations; i++) {
            String text = mutate(original, r);
            try {
                parse.accept(text);
            } catch (InputFormatException e) {
                rejected++;
                assertFalse(e.getMessage().contains("\n"), "one-line message: " + e.getMessage());
            } catch (Throwable t) {
                throw new AssertionError("iteration " + i + " (seed " + seed + "): " + t, t);
            }
        }
        assertTrue(rejected > iterations / 4, "most mutations must be rejected, got " + rejected);
    }

    @Test
    void mtpReaderSurvivesMutations() throws Exception {
        String pot = Files.readString(Shared.file("data/amorphous-MgV2O5/pot.mtp"), StandardCharsets.ISO_8859_1);
        assertTimeoutPreemptively(Duration.ofMinutes(3), () -> fuzz(pot, 1500, 1, text -> {
            MtpPotential p = MtpReader.parse(text, "fuzz.mtp");
            String out = MtpWriter.format(p, MtpWriter.Precision.LOSSLESS);
            assertArrayEquals(p.coefficients(), MtpReader.parse(out, "again.mtp").coefficients());
        }));
    }

    @Test
    void untrainedMtpReaderSurvivesMutations() {
        assertTimeoutPreemptively(Duration.ofMinutes(2), () -> fuzz(MtpReaderTest.UNTRAINED, 3000, 5, text -> {
            MtpPotential p = MtpReader.parse(text, "fuzz.mtp");
            String out = MtpWriter.formatUntrained(p);
            MtpPotential back = MtpReader.parse(out, "again.mtp");
            assertFalse(back.fitted);
            assertArrayEquals(p.momentProducts, back.momentProducts);
            assertArrayEquals(p.scalarMoments, back.scalarMoments);
        }));
    }

    @Test
    void lammpsDataReaderSurvivesMutations() throws Exception {
        Configuration c = TestFiles.readCfgs(Shared.file("reference/mlip2/dump600K_frames00-09.cfg")).get(0);
        String data = LammpsDataWriter.format(c, new String[] {"Mg", "V", "O"}, 3, "fuzz");
        String small = data.substring(0, data.indexOf("\n13 ")) + "\n"; // first 12 atoms
        String text = small.replace("768 atoms", "12 atoms");
        assertEquals(12, LammpsDataReader.parse(List.of(text.split("\n")), "ok.data").configuration.size);
        assertTimeoutPreemptively(Duration.ofMinutes(2), () -> fuzz(text, 1000, 4,
                t -> LammpsDataReader.parse(List.of(t.split("\n", -1)), "fuzz.data")));
    }

    @Test
    void cfgReaderSurvivesMutations() throws Exception {
        String cfg = Files.readString(Shared.file("reference/mlip2/edge_cases.cfg"), StandardCharsets.ISO_8859_1);
        // the small configurations (drop the 96-atom cell) keep 1,500 iterations quick
        String small = cfg.substring(cfg.indexOf("BEGIN_CFG", 10));
        assertTimeoutPreemptively(Duration.ofMinutes(3), () -> fuzz(small, 1500, 2, text -> {
            List<Configuration> cfgs;
            try (CfgReader rd = CfgReader.of(new StringReader(text), "fuzz.cfg", w -> { })) {
                cfgs = new java.util.ArrayList<>();
                for (Configuration c; (c = rd.next()) != null; ) cfgs.add(c);
            }
            String out = CfgWriter.format(cfgs, CfgWriter.Style.LOSSLESS);
            List<Configuration> back = CfgReader.parse(out, "again.cfg", w -> { });
            assertEquals(out, CfgWriter.format(back, CfgWriter.Style.LOSSLESS));
        }));
        assertTimeoutPreemptively(Duration.ofMinutes(2), () -> fuzz(cfg.substring(0, cfg.indexOf("BEGIN_CFG", 10)), 300, 3,
                text -> CfgReader.parse(text, "fuzz.cfg", w -> { })));
    }

    /**
     * VASP and extended XYZ readers: succeed or throw InputFormatException with one line, never hang.
     * (No minimum of rejections: most of an OUTCAR is text the reader passes over.)
     */
    @Test
    void vaspAndExtendedXyzReadersSurviveMutations() {
        org.mtpj.testkit.SyntheticVaspRun run = org.mtpj.testkit.SyntheticVaspRun.random(9, new String[] {"Mg", "O"}, new int[] {2, 2}, 2, true, false);
        String outcar = run.outcar(), vasprun = run.vasprun();
        java.io.StringWriter xyz = new java.io.StringWriter();
        try (org.mtpj.core.io.vasp.OutcarReader r = org.mtpj.core.io.vasp.OutcarReader.of(new StringReader(outcar), "OUTCAR", w -> { })) {
            ExtendedXyzWriter w = new ExtendedXyzWriter(xyz, List.of("Mg", "O"));
            for (Configuration c; (c = r.next()) != null; ) w.write(c);
        }
        assertTimeoutPreemptively(Duration.ofMinutes(3), () -> {
            Random rnd = new Random(6);
            for (int i = 0; i < 600; i++) {
                String o = mutate(outcar, rnd), v = mutate(vasprun, rnd), x = mutate(xyz.toString(), rnd);
                readAll(() -> {
                    try (var r = org.mtpj.core.io.vasp.OutcarReader.of(new StringReader(o), "OUTCAR", w -> { })) { while (r.next() != null) { } }
                }, i, o);
                readAll(() -> {
                    try (var r = org.mtpj.core.io.vasp.VasprunReader.of(new java.io.ByteArrayInputStream(v.getBytes(StandardCharsets.ISO_8859_1)), "vasprun.xml", w -> { })) {
                        while (r.next() != null) { }
                    }
                }, i, v);
                readAll(() -> {
                    try (var r = ExtendedXyzReader.of(new StringReader(x), "f.xyz", w -> { })) { while (r.next() != null) { } }
                }, i, x);
            }
        });
    }

    private static void readAll(Runnable read, int iteration, String text) {
        try {
            read.run();
        } catch (InputFormatException e) {
            assertFalse(e.getMessage().contains("\n"), "one-line message: " + e.getMessage());
        } catch (Throwable t) {
            throw new AssertionError("iteration " + iteration + ": " + t + " on:\n" + (text.length() > 3000 ? text.substring(0, 3000) : text), t);
        }
    }
}
