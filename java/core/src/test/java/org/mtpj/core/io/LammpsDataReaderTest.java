package org.mtpj.core.io;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtpj.core.model.Configuration;

class LammpsDataReaderTest {
    static final String DATA = """
            written by hand

            2 atoms
            1 atom types
            0.0 10.0 xlo xhi
            0.0 10.0 ylo yhi
            0.0 10.0 zlo zhi

            Atoms # atomic

            1 1 1.0 2.0 3.0
            2 1 4.0 5.0 6.0
            """;

    private static Configuration read(String text) {
        return LammpsDataReader.parse(List.of(text.split("\n", -1)), "t.data").configuration;
    }

    private static String errorOf(String text) {
        return assertThrows(InputFormatException.class, () -> read(text)).getMessage();
    }

    @Test
    void readsTheBoxAndAtoms() {
        Configuration c = read(DATA);
        assertEquals(10.0, c.lattice[0][0]);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, c.positions);
    }

    @Test
    void boxBoundsMustBeOrdered() {
        assertEquals("t.data:5: expected xhi > xlo but found '10.0 0.0 xlo xhi'", errorOf(DATA.replace("0.0 10.0 xlo xhi", "10.0 0.0 xlo xhi")));
        assertEquals("t.data:6: expected yhi > ylo but found '3 3 ylo yhi'", errorOf(DATA.replace("0.0 10.0 ylo yhi", "3 3 ylo yhi")));
        assertEquals("t.data:7: expected zhi > zlo but found '0 -1 zlo zhi'", errorOf(DATA.replace("0.0 10.0 zlo zhi", "0 -1 zlo zhi")));
    }

    @Test
    void atomIdsArePositiveAndDistinct() {
        assertEquals("t.data:11: expected a positive atom id but found 0", errorOf(DATA.replace("1 1 1.0 2.0 3.0", "0 1 1.0 2.0 3.0")));
        assertEquals("t.data:12: expected a positive atom id but found -2", errorOf(DATA.replace("2 1 4.0 5.0 6.0", "-2 1 4.0 5.0 6.0")));
        assertEquals("t.data:12: expected distinct atom ids but id 1 repeats", errorOf(DATA.replace("2 1 4.0 5.0 6.0", "1 1 4.0 5.0 6.0")));
    }
}
