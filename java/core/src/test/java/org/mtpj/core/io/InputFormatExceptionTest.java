package org.mtpj.core.io;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import org.junit.jupiter.api.Test;

class InputFormatExceptionTest {
    @Test
    void cannotReadSaysWhyInWords() {
        assertEquals("t.tsv:4: expected UTF-8 text but found a byte that is not UTF-8 (saved in another encoding, or binary?)",
                InputFormatException.cannotRead("t.tsv", 4, new MalformedInputException(1)).getMessage());
        assertEquals("x: cannot read (Input/output error)", InputFormatException.cannotRead("x", 0, new IOException("Input/output error")).getMessage());
    }
}
