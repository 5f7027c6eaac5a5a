package org.mtpj.core.io;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtpj.core.model.MtpPotential;
import org.mtpj.testkit.Shared;

/** The untrained layout (mtp-spec.md §1.4); the trained layout is checked byte for byte in MtpReaderTest. */
class MtpWriterTest {
    @TempDir Path dir;

    @Test
    void untrainedLayoutIsTheTemplateLayout() {
        MtpPotential p = MtpReader.parse(MtpReaderTest.UNTRAINED, "u.mtp");
        String expected = MtpReaderTest.UNTRAINED.replace("\r\n", "\n")
                .replace("min_dist = 2", "min_dist = 2.000000000000000e+00")
                .replace("max_dist = 5", "max_dist = 5.000000000000000e+00");
        assertEquals(expected, MtpWriter.formatUntrained(p));
    }

    @Test
    void untrainedOfATrainedPotentialDropsEveryCoefficient() throws Exception {
        Path study = Shared.file(MtpReaderTest.STUDY);
        MtpPotential p = TestFiles.readMtp(study);
        String trained = Files.readString(study, StandardCharsets.ISO_8859_1);
        String untrained = MtpWriter.formatUntrained(p);
        // the trained file without the radial block and without the last two lines
        String cut = trained.substring(0, trained.indexOf("\tradial_coeffs\n"))
                + trained.substring(trained.indexOf("alpha_moments_count"), trained.indexOf("species_coeffs = "));
        assertEquals(cut, untrained);
        assertTrue(untrained.contains("scaling = 2.173671108715738e-02\nspecies_count"), "scaling is kept");

        Path f = dir.resolve("u.mtp");
        Files.writeString(f, MtpWriter.formatUntrained(p), StandardCharsets.ISO_8859_1);
        MtpPotential back = TestFiles.readMtp(f);
        assertFalse(back.fitted);
        assertEquals(p.scaling, back.scaling);
        assertEquals(p.minDist, back.minDist);
        assertArrayEquals(p.basicMoments, back.basicMoments);
        assertArrayEquals(p.momentProducts, back.momentProducts);
        assertArrayEquals(p.scalarMoments, back.scalarMoments);
        assertArrayEquals(MtpReader.defaultRadial(3, 4, 8), back.radialCoeffs);
        // untrained -> untrained is stable
        assertEquals(untrained, MtpWriter.formatUntrained(back));
    }
}
