package org.mtpj.core.io;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.mtpj.core.model.MtpPotential;
import org.mtpj.testkit.Shared;

class MtpReaderTest {
    static final String STUDY = "data/amorphous-MgV2O5/pot.mtp";

    /** A tiny valid untrained potential: 1 species, K = 1, B = 1, one product. */
    static final String UNTRAINED = "MTP\r\nversion = 1.1.0\r\npotential_name = MTP1m\r\nspecies_count = 1\r\n"
            + "potential_tag = \r\nradial_basis_type = RBChebyshev\r\n\tmin_dist = 2\r\n\tmax_dist = 5\r\n"
            + "\tradial_basis_size = 8\r\n\tradial_funcs_count = 2\r\nalpha_moments_count = 3\r\n"
            + "alpha_index_basic_count = 2\r\nalpha_index_basic = {{0, 0, 0, 0}, {1, 0, 0, 0}}\r\n"
            + "alpha_index_times_count = 1\r\nalpha_index_times = {{0, 1, 1, 2}}\r\n"
            + "alpha_scalar_moments = 2\r\nalpha_moment_mapping = {0, 2}\r\n";

    @Test
    void readsStudyPotential() {
        MtpPotential p = TestFiles.readMtp(Shared.file(STUDY));
        assertEquals("MTP1m", p.name);
        assertEquals(2.173671108715738e-02, p.scaling);
        assertEquals(3, p.speciesCount);
        assertEquals(1.389755619155729e+00, p.minDist);
        assertEquals(7.0, p.maxDist);
        assertEquals(8, p.radialBasisSize);
        assertEquals(4, p.radialFuncsCount);
        assertEquals(350, p.momentsCount);
        assertEquals(130, p.basicCount());
        assertEquals(969, p.momentProducts.length);
        assertEquals(92, p.scalarCount());
        assertArrayEquals(new int[] {0, 0, 1, 130}, p.momentProducts[0]);
        assertEquals(3.472647875487347e-02, p.radialCoeffs[0]);
        assertEquals(-6.741377815801988e+00, p.speciesCoeffs[0]);
        assertEquals(-8.979377696541773e+00, p.momentCoeffs[0]);
        assertTrue(p.fitted);
    }

    @Test
    void writerReproducesStudyFileByteForByte() throws Exception {
        Path f = Shared.file(STUDY);
        String original = Files.readString(f, StandardCharsets.ISO_8859_1);
        String again = MtpWriter.format(TestFiles.readMtp(f), MtpWriter.Precision.MLIP2);
        assertEquals(original, again);
        Path g = Shared.file("reference/mlip2/pot_perturbed.mtp");
        assertEquals(Files.readString(g), MtpWriter.format(TestFiles.readMtp(g), MtpWriter.Precision.MLIP2));
    }

    @Test
    void losslessRoundTripIsBitIdentical() {
        MtpPotential p = TestFiles.readMtp(Shared.file(STUDY));
        // perturb into values that need 17 digits
        double[] theta = p.coefficients();
        for (int i = 0; i < theta.length; i++) theta[i] = Math.nextUp(theta[i] * (1 + 1e-3 * Math.sin(i)));
        MtpPotential q = p.withCoefficients(theta).withScaling(Math.nextUp(p.scaling));
        MtpPotential back = MtpReader.parse(MtpWriter.format(q, MtpWriter.Precision.LOSSLESS), "mem");
        assertArrayEquals(q.coefficients(), back.coefficients());
        assertEquals(q.scaling, back.scaling);
        assertEquals(q.minDist, back.minDist);
    }

    @Test
    void untrainedGetsDefaultsAndCrlfIsAccepted() {
        MtpPotential p = MtpReader.parse(UNTRAINED, "u.mtp");
        assertFalse(p.fitted);
        assertEquals(2.0, p.minDist);
        assertEquals(1.0, p.scaling);
        assertEquals(1e-3, p.radialCoeffs[p.radialIndex(0, 0, 0, 0)]);
        assertEquals(1e-6, p.radialCoeffs[p.radialIndex(0, 0, 0, 1)]);
        assertEquals(1e-3, p.radialCoeffs[p.radialIndex(0, 0, 1, 1)]);
        assertEquals(1e-3, p.speciesCoeffs[0]);
        assertEquals(1e-3, p.momentCoeffs[1]);
        // saved, it looks trained
        MtpPotential again = MtpReader.parse(MtpWriter.format(p, MtpWriter.Precision.MLIP2), "again");
        assertTrue(again.fitted);
        assertArrayEquals(p.coefficients(), again.coefficients());
    }

    @Test
    void scalingsMultiply() {
        String text = UNTRAINED.replace("species_count = 1", "scaling = 2\nspecies_count = 1")
                .replace("\tmin_dist", "\tscaling = 0.25\n\tmin_dist");
        assertEquals(0.5, MtpReader.parse(text, "s.mtp").scaling);
        String out = MtpWriter.format(MtpReader.parse(text, "s.mtp"), MtpWriter.Precision.MLIP2);
        assertTrue(out.contains("potential_name = MTP1m\nscaling = 5.000000000000000e-01\nspecies_count"), out);
        assertFalse(MtpWriter.format(MtpReader.parse(UNTRAINED, "u"), MtpWriter.Precision.MLIP2).contains("scaling"));
    }

    private static String errorOf(String text) {
        InputFormatException e = assertThrows(InputFormatException.class, () -> MtpReader.parse(text, "x.mtp"));
        return e.getMessage();
    }

    @Test
    void validationErrorsNameLineAndExpectation() {
        assertEquals("x.mtp:1: expected 'MTP' on line 1 (an .mtp potential file) but found 'BEGIN_CFG'",
                errorOf("BEGIN_CFG\n"));
        assertTrue(errorOf(UNTRAINED.replace("1.1.0", "1.0.0")).startsWith("x.mtp:2: expected version 1.1.0"));
        assertTrue(errorOf(UNTRAINED.replace("{1, 0, 0, 0}", "{2, 0, 0, 0}")).contains("radial function index < radial_funcs_count"));
        assertTrue(errorOf(UNTRAINED.replace("{1, 0, 0, 0}", "{0, 1, 0, 0}")).contains("wrong number of radial functions"));
        assertTrue(errorOf(UNTRAINED.replace("{{0, 1, 1, 2}}", "{{0, 1, 1, 3}}")).contains("slot indices < alpha_moments_count"));
        assertTrue(errorOf(UNTRAINED.replace("{{0, 1, 1, 2}}", "{{0, 1, 1, 1}}")).contains("output slot"));
        assertTrue(errorOf(UNTRAINED.replace("alpha_index_times_count = 1", "alpha_index_times_count = 2")).contains("expected 2 entries in alpha_index_times"));
        assertTrue(errorOf(UNTRAINED.replace("{0, 2}", "{2, 2}")).contains("listed twice"));
        assertTrue(errorOf(UNTRAINED.replace("alpha_moments_count = 3", "alpha_moments_count = 4")
                .replace("alpha_index_times_count = 1\r\nalpha_index_times = {{0, 1, 1, 2}}", "alpha_index_times_count = 2\r\nalpha_index_times = {{2, 1, 1, 3}, {0, 1, 1, 2}}"))
                .contains("to use only completed slots but slot 2 is still written by entry 2"));
        assertTrue(errorOf(UNTRAINED.replace("{0, 2}", "{0, 3}")).contains("alpha_moment_mapping entries < alpha_moments_count"));
        assertTrue(errorOf(UNTRAINED.replace("alpha_scalar_moments = 2\r\nalpha_moment_mapping = {0, 2}", "alpha_scalar_moments = 0\r\nalpha_moment_mapping = {}")).contains("alpha_scalar_moments (an integer >= 1)"));
        assertTrue(errorOf(UNTRAINED.replace("max_dist = 5", "max_dist = 1")).contains("min_dist < max_dist"));
        assertTrue(errorOf(UNTRAINED.replace("radial_basis_size = 8", "radial_basis_size = 1")).contains("radial_basis_size (an integer >= 2)"));
        assertTrue(errorOf(UNTRAINED.replace("RBChebyshev", "RBTaylor")).contains("RBTaylor is not supported"));
        assertTrue(errorOf(UNTRAINED.replace("RBChebyshev", "RBFoo")).contains("expected radial_basis_type RBChebyshev or RBChebyshev_repuls but found 'RBFoo'"));
        assertTrue(errorOf(UNTRAINED + "species_coeffs = {1}\n").contains("moment_coeffs"));
        assertTrue(errorOf(UNTRAINED + "moment_coeffs = {1, 2}\n").contains("species_coeffs"));
        assertTrue(errorOf(UNTRAINED + "shift = 1\n").contains("end of file but found 'shift'"));
        assertTrue(errorOf(UNTRAINED.replace("alpha_moments_count", "shift = 0\nalpha_moments_count")).contains("no shift key"));
        assertTrue(errorOf(UNTRAINED.replace("max_dist = 5", "max_dist = NaN")).startsWith("x.mtp:8: expected max_dist"));
        assertTrue(errorOf(UNTRAINED.substring(0, UNTRAINED.indexOf("alpha_index_basic_count"))).contains("but found end of file"));
        // more slots than basic + products fill
        assertEquals("x.mtp:11: expected alpha_moments_count = 3 (alpha_index_basic and alpha_index_times fill slots 0..2) but found 4",
                errorOf(UNTRAINED.replace("alpha_moments_count = 3", "alpha_moments_count = 4")));
    }

    @Test
    void commentLinesOfNewerMtpToolsAreSkipped() {
        MtpPotential plain = MtpReader.parse(UNTRAINED, "u");
        String commented = "# DATE: 2024-05-01 UNITS: metal CONTRIBUTOR: someone\n#\n" + UNTRAINED.replace("potential_tag = \r\n", "# a comment line\r\npotential_tag = \r\n");
        MtpPotential p = MtpReader.parse(commented, "c.mtp");
        assertEquals(MtpWriter.format(plain, MtpWriter.Precision.MLIP2), MtpWriter.format(p, MtpWriter.Precision.MLIP2));
        // lines are still counted: an error after the comments names the right line
        assertTrue(errorOf("# DATE: x\n" + UNTRAINED.replace("max_dist = 5", "max_dist = NaN")).startsWith("x.mtp:9: expected max_dist"));
    }

    @Test
    void radialBlocksMustHaveRNumbers() {
        MtpPotential p = MtpReader.parse(UNTRAINED, "u");
        String text = MtpWriter.format(p, MtpWriter.Precision.MLIP2);
        String bad = text.replaceFirst("\\{1\\.000000000000000e-03, ", "{");
        assertTrue(errorOf(bad).contains("expected 8 radial coefficients"), errorOf(bad));
        assertTrue(errorOf(text.replace("0-0", "0-1")).contains("'0-0'"));
    }

    /** The word scanner's fast paths (plain digits) and the general path give the same results and errors. */
    @Test
    void integersWithSignsLeadingZerosAndOverflow() {
        MtpPotential p = MtpReader.parse(UNTRAINED.replace("species_count = 1", "species_count = +1")
                .replace("radial_basis_size = 8", "radial_basis_size = 0000000008")
                .replace("{{0, 0, 0, 0}, {1, 0, 0, 0}}", "{{-0, +0, 00, 0}, {1,0,0,0}}"), "z.mtp");
        assertEquals(1, p.speciesCount);
        assertEquals(8, p.radialBasisSize);
        assertArrayEquals(new int[] {1, 0, 0, 0}, p.basicMoments[1]);
        assertEquals("x.mtp:17: expected an index in alpha_moment_mapping (an integer >= 0) but found '4294967296'",
                errorOf(UNTRAINED.replace("{0, 2}", "{0, 4294967296}")));
        assertEquals("x.mtp:17: expected an index in alpha_moment_mapping (an integer) but found '99999999999999999999'",
                errorOf(UNTRAINED.replace("{0, 2}", "{0, 99999999999999999999}")));
        assertEquals("x.mtp:15: expected integer 2 of 4 in entry 1 of alpha_index_times (an integer >= 0) but found '-1'",
                errorOf(UNTRAINED.replace("{{0, 1, 1, 2}}", "{{0, -1, 1, 2}}")));
        assertEquals("x.mtp:4: expected species_count (an integer >= 1) but found '0'",
                errorOf(UNTRAINED.replace("species_count = 1", "species_count = 0")));
        assertEquals("x.mtp:15: expected ',' between the 4 integers of entry 1 of alpha_index_times but found '1.5'",
                errorOf(UNTRAINED.replace("{{0, 1, 1, 2}}", "{{0, 1 1.5, 2}}")));
        assertEquals("x.mtp:17: expected ',' or '}' in alpha_moment_mapping but found end of file",
                errorOf(UNTRAINED.replace("{0, 2}\r\n", "{0, 2")));
    }

    /** A level-28-sized table on one line: rows keep their line, errors after it name the right line. */
    @Test
    void longOneLineTables() {
        int t = 200_000;
        StringBuilder times = new StringBuilder("{");
        for (int q = 0; q < t; q++) times.append(q > 0 ? ", " : "").append("{0, 1, 1, 2}");
        String big = UNTRAINED.replace("alpha_index_times_count = 1", "alpha_index_times_count = " + t)
                .replace("{{0, 1, 1, 2}}", times.append('}'));
        MtpPotential p = MtpReader.parse(big, "big.mtp");
        assertEquals(t, p.momentProducts.length);
        assertArrayEquals(new int[] {0, 1, 1, 2}, p.momentProducts[t - 1]);
        assertTrue(errorOf(big.replace("{0, 2}", "{0, 3}")).startsWith("x.mtp:17: expected alpha_moment_mapping entries"));
        String late = big.substring(0, big.lastIndexOf("{0, 1, 1, 2}")) + "{0, 1, 1, 3}}\r\n" + big.substring(big.indexOf("alpha_scalar_moments"));
        assertEquals("x.mtp:15: expected slot indices < alpha_moments_count = 3 in alpha_index_times entry " + t + " but found 3",
                errorOf(late));
    }
}
