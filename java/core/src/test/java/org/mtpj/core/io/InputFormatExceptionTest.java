package org.mtpj.core.io;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFormatExceptionTest {
    @TempDir Path dir;

    @Test
    void cannotReadSaysWhyInWords() throws Exception {
        assertEquals("a.mtp: permission denied, expected a readable file",
                InputFormatException.cannotRead("a.mtp", 3, new AccessDeniedException("a.mtp")).getMessage());
        assertEquals("a.mtp: file not found", InputFormatException.cannotRead("a.mtp", 3, new NoSuchFileException("a.mtp")).getMessage());
        assertEquals("t.tsv:4: expected UTF-8 text but found a byte that is not UTF-8 (saved in another encoding, or binary?)",
                InputFormatException.cannotRead("t.tsv", 4, new MalformedInputException(1)).getMessage());
        Path d = Files.createDirectory(dir.resolve("d"));
        // what reading a directory throws on Linux
        IOException isDir = assertThrows(IOException.class, () -> { try (var in = Files.newInputStream(d)) { in.read(); } });
        assertEquals(d + ": is a directory, expected a file", InputFormatException.cannotRead(d.toString(), 1, isDir).getMessage());
        assertEquals("x: cannot read (Input/output error)", InputFormatException.cannotRead("x", 0, new IOException("Input/output error")).getMessage());
    }
}
