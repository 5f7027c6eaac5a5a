package org.mtpj.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one JSON writer against JSON text written out by hand (RFC 8259 escapes). */
class JsonTest {
    @Test
    void escapesQuotesBackslashesAndControlCharactersAndKeepsUnicode() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "a\"b\\c\td\ne\u0001 é µ");
        assertEquals("{\"s\": \"a\\\"b\\\\c\\td\\ne\\u0001 é µ\"}", Json.line(m));
    }

    @Test
    void nonFiniteNumbersAreNullAndOrderIsKept() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("z", Double.NaN);
        m.put("a", List.of(1, 2.5));
        m.put("inf", new double[] {Double.POSITIVE_INFINITY, -0.5});
        m.put("exact", Json.decimal("12.300"));
        m.put("none", null);
        assertEquals("{\"z\": null, \"a\": [1, 2.5], \"inf\": [null, -0.5], \"exact\": 12.300, \"none\": null}", Json.line(m));
    }

    @Test
    void prettyIndentsByTwoWithOneArrayElementPerLine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", 1);
        m.put("b", List.of(true, "x"));
        m.put("c", Map.of());
        assertEquals("{\n  \"a\": 1,\n  \"b\": [\n    true,\n    \"x\"\n  ],\n  \"c\": {}\n}\n", Json.pretty(m));
    }
}
