package org.mtpj.core.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.mtpj.core.model.Configuration;
import org.mtpj.core.model.MtpPotential;
import org.mtpj.core.model.Structure;

/**
 * The core's tests open reference files themselves: the core reads streams, and the host module
 * that opens paths for the program depends on the core, not the other way round.
 */
public final class TestFiles {
    private TestFiles() {}

    public static MtpPotential readMtp(Path p) {
        try (InputStream in = Files.newInputStream(p)) {
            return MtpReader.read(in, p.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A streaming reader of a .cfg file; warnings fail the test (the references have none). */
    public static CfgReader openCfg(Path p) {
        try {
            return CfgReader.of(Files.newBufferedReader(p, StandardCharsets.ISO_8859_1), p.toString(), TestFiles::unexpected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Configuration> readCfgs(Path p) {
        try (CfgReader r = openCfg(p)) {
            return r.rest();
        }
    }

    /** A warning sink for texts that must not warn. */
    public static void unexpected(String warning) {
        throw new AssertionError("unexpected warning: " + warning);
    }

    /** A POSCAR read as the program reads it: UTF-8, a malformed byte becomes U+FFFD (and is rejected as binary). */
    public static Structure readPoscar(Path p) {
        var dec = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (TextLines in = new TextLines(new BufferedReader(new InputStreamReader(Files.newInputStream(p), dec)), p.toString())) {
            return PoscarReader.read(in, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
