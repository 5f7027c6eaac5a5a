package org.mtpj.core.io;

import static org.junit.jupiter.api.Assertions.*;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Line ends as BufferedReader; an over-long line is a bad-input error at its line, not an OutOfMemoryError. */
class BoundedLineReaderTest {
    @TempDir Path dir;

    private static List<String> lines(String text, int max) throws Exception {
        List<String> out = new ArrayList<>();
        try (BoundedLineReader r = new BoundedLineReader(new StringReader(text), "t", max)) {
            for (String s; (s = r.readLine()) != null; ) out.add(s);
        }
        return out;
    }

    @Test
    void lineEndsAsBufferedReader() throws Exception {
        assertEquals(List.of("a", "b", "", "c", "d"), lines("a\nb\r\n\rc\rd", 10));
        assertEquals(List.of("a", ""), lines("a\n\n", 10));
        assertEquals(List.of(), lines("", 10));
        String longer = "x".repeat(200_000);
        assertEquals(List.of(longer, "y"), lines(longer + "\r\ny", 1 << 20));
    }

    @Test
    void aLineOverTheCapNamesItsLine() {
        InputFormatException e = assertThrows(InputFormatException.class, () -> lines("ok\nok\n" + "z".repeat(101), 100));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith("t:3: line longer than 100 characters"), e.getMessage());
    }

    @Test
    void binaryJunkInACfgIsAnInputErrorWithFileAndLine() throws Exception {
        Path junk = dir.resolve("junk.cfg");
        byte[] zeros = new byte[3 << 20]; // like /dev/zero: no line end at all
        Files.write(junk, zeros);
        InputFormatException e = assertThrows(InputFormatException.class, () -> TestFiles.readCfgs(junk));
        assertEquals(junk + ":1: line longer than 1048576 characters: not a text file of this kind (binary data?)", e.getMessage());
    }

    @Test
    void aPotentialWithoutLineEndsIsRefusedBeforeItFillsTheHeap() {
        byte[] chunk = new byte[1 << 20];
        java.io.InputStream endless = new java.io.InputStream() {
            @Override public int read() { return 0; }
            @Override public int read(byte[] b, int off, int len) { System.arraycopy(chunk, 0, b, off, Math.min(len, chunk.length)); return Math.min(len, chunk.length); }
        };
        InputFormatException e = assertThrows(InputFormatException.class, () -> MtpReader.readBounded(endless, "zero.mtp"));
        assertTrue(e.getMessage().startsWith("zero.mtp:1: line longer than"), e.getMessage());
    }
}
