package org.mtpj.core.io;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtpj.core.model.Configuration;
import org.mtpj.testkit.Shared;

/** The reference .cfg files read and written again reproduce themselves byte for byte. */
class CfgRoundTripTest {
    @Test
    void edgeCasesRoundTripByteForByte() throws Exception {
        roundTrip(Shared.file("reference/mlip2/edge_cases.cfg"), 26);
    }

    @Test
    void studyFramesRoundTripByteForByte() throws Exception {
        List<Configuration> cfgs = roundTrip(Shared.file("reference/mlip2/dump600K_frames00-09.cfg"), 10);
        Configuration c = cfgs.get(0);
        assertEquals(768, c.size);
        assertEquals(3, c.latticeRows);
        assertEquals(17.61966, c.lattice[0][0]);
        assertEquals(8.1505600000000005e+00, c.positions[0]);
        assertEquals(-4.9365336370383422e-01, c.forces[0]);
        assertEquals("dump_step_0", c.features.get("source"));
        assertNotNull(c.plusStress);
        assertTrue(c.hasEnergy());
    }

    private static List<Configuration> roundTrip(Path f, int expected) throws Exception {
        String text = Files.readString(f, StandardCharsets.ISO_8859_1);
        List<Configuration> cfgs = TestFiles.readCfgs(f);
        assertEquals(expected, cfgs.size());
        String again = CfgWriter.format(cfgs, CfgWriter.Style.LOSSLESS);
        if (!text.equals(again)) {
            String[] a = text.split("\n", -1), b = again.split("\n", -1);
            for (int i = 0; i < Math.min(a.length, b.length); i++)
                assertEquals(a[i], b[i], "line " + (i + 1));
            assertEquals(a.length, b.length, "line count");
        }
        return cfgs;
    }

    @Test
    void crlfAndByteOrderMarkReadTheSame() throws Exception {
        Path f = Shared.file("reference/mlip2/edge_cases.cfg");
        String text = Files.readString(f, StandardCharsets.ISO_8859_1);
        String lf = CfgWriter.format(CfgReader.parse(text, "lf.cfg", TestFiles::unexpected), CfgWriter.Style.LOSSLESS);
        String crlf = CfgWriter.format(CfgReader.parse("\u00EF\u00BB\u00BF" + text.replace("\n", "\r\n"), "crlf.cfg", TestFiles::unexpected), CfgWriter.Style.LOSSLESS);
        assertEquals(lf, crlf);
        String pot = Files.readString(Shared.file("data/amorphous-MgV2O5/pot.mtp"), StandardCharsets.ISO_8859_1);
        assertArrayEquals(MtpReader.parse(pot, "a").coefficients(),
                MtpReader.parse("\uFEFF" + pot.replace("\n", "\r\n"), "b").coefficients());
    }

    @Test
    void streamingApiAgreesWithReadAll() {
        Path f = Shared.file("reference/mlip2/edge_cases.cfg");
        try (CfgReader r = TestFiles.openCfg(f)) {
            assertEquals(26, r.stream().count());
        }
        int n = 0;
        try (CfgReader r = TestFiles.openCfg(f)) {
            for (Configuration c : r) n += c.size;
        }
        assertEquals(TestFiles.readCfgs(f).stream().mapToInt(c -> c.size).sum(), n);
    }
}
