package org.mtpj.core.io;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtpj.core.model.Configuration;
import org.mtpj.testkit.Shared;

/**
 * The index MPI ranks share a .cfg file by: every range of configurations, read from its BEGIN_CFG
 * with {@link CfgReader#startingAt}, gives what the whole-file reader gives, messages included.
 */
class CfgIndexTest {
    private static String text(Path p) throws Exception {
        return new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
    }

    private static CfgReader range(String text, CfgIndex index, int a, int b) {
        if (a >= b) return CfgReader.of(new StringReader(""), "x.cfg", TestFiles::unexpected).startingAt(1, a);
        int start = a == 0 ? 0 : (int) index.offset(a), end = b >= index.size() ? text.length() : (int) index.offset(b);
        return CfgReader.of(new StringReader(text.substring(start, end)), "x.cfg", TestFiles::unexpected)
                .startingAt(a == 0 ? 1 : index.line(a), a);
    }

    @Test
    void everyRangeReadsTheConfigurationsOfTheWholeFile() throws Exception {
        // small edge cases and 768-atom frames: atom counts from 2 to 768
        String text = text(Shared.file("reference/mlip2/edge_cases.cfg")) + "\n" + text(Shared.file("reference/mlip2/dump600K_frames00-09.cfg"));
        List<Configuration> all = CfgReader.parse(text, "x.cfg", TestFiles::unexpected);
        CfgIndex index = CfgIndex.scan(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), "x.cfg");
        assertEquals(all.size(), index.size());
        assertEquals(text.length(), index.length());
        for (int i = 0; i < all.size(); i++) {
            assertEquals(all.get(i).size, index.atoms()[i], "atoms of configuration " + i);
            assertTrue(text.startsWith("BEGIN_CFG", (int) index.offset(i)), "offset of configuration " + i);
            long line = text.substring(0, (int) index.offset(i)).chars().filter(ch -> ch == '\n').count() + 1;
            assertEquals(line, index.line(i), "line of configuration " + i);
        }
        int[][] ranges = {{0, 1}, {0, 26}, {3, 7}, {25, 27}, {26, all.size()}, {all.size() - 1, all.size()}};
        for (int[] r : ranges) {
            try (CfgReader reader = range(text, index, r[0], r[1])) {
                List<Configuration> part = reader.rest();
                assertEquals(CfgWriter.format(all.subList(r[0], r[1]), CfgWriter.Style.LOSSLESS), CfgWriter.format(part, CfgWriter.Style.LOSSLESS),
                        "configurations " + r[0] + ".." + r[1]);
            }
        }
    }

    @Test
    void aFaultInARangeIsNamedAsTheWholeFileNamesIt() throws Exception {
        String text = text(Shared.file("reference/mlip2/edge_cases.cfg"));
        CfgIndex index = CfgIndex.scan(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), "x.cfg");
        // break the atom count of configuration 20 (0-based)
        int size = text.indexOf("Size", (int) index.offset(20));
        int at = size + 4;
        while (!Character.isDigit(text.charAt(at))) at++;
        String bad = text.substring(0, at) + "two" + text.substring(at + 1);
        long line = bad.substring(0, at).chars().filter(ch -> ch == '\n').count() + 1;
        InputFormatException whole = assertThrows(InputFormatException.class, () -> CfgReader.parse(bad, "x.cfg", TestFiles::unexpected));
        InputFormatException part = assertThrows(InputFormatException.class, () -> {
            try (CfgReader r = range(bad, index, 18, 23)) {
                r.rest();
            }
        });
        assertEquals(whole.getMessage(), part.getMessage());
        assertTrue(whole.getMessage().startsWith("x.cfg:" + line + ":"), whole.getMessage());
    }

    @Test
    void textBeforeTheFirstConfigurationBelongsToTheFirstRange() {
        String text = "junk\nBEGIN_CFG\n Size\n 1\n AtomData: id type cartes_x cartes_y cartes_z\n 1 0 0 0 0\nEND_CFG\n";
        CfgIndex index = CfgIndex.scan(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), "x.cfg");
        assertEquals(1, index.size());
        assertEquals(2, index.line(0));
        assertEquals(1, index.atoms()[0]);
        InputFormatException e = assertThrows(InputFormatException.class, () -> {
            try (CfgReader r = range(text, index, 0, 1)) {
                r.rest();
            }
        });
        assertTrue(e.getMessage().startsWith("x.cfg:1:"), e.getMessage());
    }

    /** Every line-end style the reader takes, a byte-order mark, Size and count on one line, no final line end. */
    @Test
    void theScanSeesTheConfigurationsTheReaderSees() throws Exception {
        String one = "BEGIN_CFG\n Size\n 2\n AtomData: id type cartes_x cartes_y cartes_z\n 1 0 0 0 0\n 2 0 1 1 1\nEND_CFG\n";
        String three = one + "\n" + one.replace(" Size\n 2\n", " Size 1\n").replace(" 2 0 1 1 1\n", "") + one;
        for (String variant : List.of(three, three.replace("\n", "\r\n"), three.replace("\n", "\r"), "\u00EF\u00BB\u00BF" + three,
                three.substring(0, three.length() - 1))) {
            String shown = variant.replace("\r", "<CR>").substring(0, 20);
            List<Configuration> all = CfgReader.parse(variant, "x.cfg", TestFiles::unexpected);
            CfgIndex index = CfgIndex.scan(new ByteArrayInputStream(variant.getBytes(StandardCharsets.ISO_8859_1)), "x.cfg");
            assertEquals(3, all.size(), shown);
            assertEquals(3, index.size(), shown);
            for (int i = 0; i < 3; i++) assertEquals(all.get(i).size, index.atoms(i), shown + " configuration " + i);
            for (int[] r : new int[][] {{0, 1}, {1, 2}, {2, 3}, {1, 3}, {3, 3}}) {
                try (CfgReader reader = range(variant, index, r[0], r[1]).checkedAgainst(index, r[1])) {
                    assertEquals(CfgWriter.format(all.subList(r[0], r[1]), CfgWriter.Style.LOSSLESS), CfgWriter.format(reader.rest(), CfgWriter.Style.LOSSLESS),
                            shown + " configurations " + r[0] + ".." + r[1]);
                    assertEquals(r[1], reader.count());
                }
            }
        }
    }

    /** A layout the scan cannot share (BEGIN_CFG inside a line) is an error, never an overlap of ranks. */
    @Test
    void aReaderCheckedAgainstTheIndexRefusesWhatTheScanMissed() {
        String text = "BEGIN_CFG Size 1 AtomData: id type cartes_x cartes_y cartes_z\n 1 0 0 0 0\nEND_CFG BEGIN_CFG Size 1 AtomData: id type cartes_x cartes_y cartes_z\n 1 0 1 1 1\nEND_CFG\n";
        CfgIndex index = CfgIndex.scan(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), "x.cfg");
        assertEquals(2, CfgReader.parse(text, "x.cfg", TestFiles::unexpected).size());
        assertEquals(1, index.size());
        String msg = assertThrows(InputFormatException.class, () -> {
            try (CfgReader r = range(text, index, 0, 1).checkedAgainst(index, 1)) {
                r.rest();
            }
        }).getMessage();
        // the scan took the first line's BEGIN_CFG but not its Size, nor the second BEGIN_CFG
        assertTrue(msg.startsWith("x.cfg:1: configuration 1 of Size 1 where the scan that shares the file over MPI ranks read Size 0;"), msg);
        assertTrue(msg.contains("mtpj convert"), msg);
    }

    /** The line reader's own errors (an overlong line) name the file's line too. */
    @Test
    void anOverlongLineInARangeIsNamedAtItsLineInTheFile() throws Exception {
        String text = text(Shared.file("reference/mlip2/edge_cases.cfg"));
        CfgIndex index = CfgIndex.scan(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), "x.cfg");
        int at = (int) index.offset(21) - 1; // the line end before configuration 21
        String bad = text.substring(0, at) + "\n" + "x".repeat(BoundedLineReader.DEFAULT_MAX_CHARS + 1) + text.substring(at);
        long line = bad.substring(0, at + 1).chars().filter(ch -> ch == '\n').count() + 1;
        CfgIndex badIndex = CfgIndex.scan(new ByteArrayInputStream(bad.getBytes(StandardCharsets.ISO_8859_1)), "x.cfg");
        String msg = assertThrows(InputFormatException.class, () -> {
            try (CfgReader r = range(bad, badIndex, 20, 23)) {
                r.rest();
            }
        }).getMessage();
        assertTrue(msg.startsWith("x.cfg:" + line + ": line longer than"), msg);
    }
}
