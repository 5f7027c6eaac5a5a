package org.mtpj.host;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtpj.core.io.InputFormatException;

class InputFilesTest {
    @TempDir Path dir;

    @Test
    void cannotReadSaysWhyInWords() throws Exception {
        assertEquals("a.mtp: permission denied, expected a readable file",
                InputFiles.cannotRead("a.mtp", 3, new AccessDeniedException("a.mtp")).getMessage());
        assertEquals("a.mtp: file not found", InputFiles.cannotRead("a.mtp", 3, new NoSuchFileException("a.mtp")).getMessage());
        assertEquals("t.tsv:4: expected UTF-8 text but found a byte that is not UTF-8 (saved in another encoding, or binary?)",
                InputFiles.cannotRead("t.tsv", 4, new MalformedInputException(1)).getMessage());
        Path d = Files.createDirectory(dir.resolve("d"));
        // what reading a directory throws on Linux
        IOException isDir = assertThrows(IOException.class, () -> { try (var in = Files.newInputStream(d)) { in.read(); } });
        assertEquals(d + ": is a directory, expected a file", InputFiles.cannotRead(d.toString(), 1, isDir).getMessage());
    }

    @Test
    void theFormatFilesSayWhyInWords() throws Exception {
        Path d = Files.createDirectory(dir.resolve("d"));
        assertEquals(d + ": is a directory, expected a file", assertThrows(InputFormatException.class, () -> MtpFiles.read(d)).getMessage());
        assertEquals(d + ": is a directory, expected a file", assertThrows(InputFormatException.class, () -> CfgFiles.readAll(d)).getMessage());
        assertEquals(d + ": is a directory, expected a file", assertThrows(InputFormatException.class, () -> LammpsDataFiles.read(d)).getMessage());
        Path none = dir.resolve("none.cfg");
        assertEquals(none + ": file not found", assertThrows(InputFormatException.class, () -> CfgFiles.readAll(none)).getMessage());
        assertEquals(none + ": file not found", assertThrows(InputFormatException.class, () -> MtpFiles.read(none)).getMessage());
    }
}
