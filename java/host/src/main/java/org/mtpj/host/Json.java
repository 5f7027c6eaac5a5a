package org.mtpj.host;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * mtpj's one JSON writer (Jackson): every JSON output of every command goes through it, so all
 * share one escaping (quotes, backslashes, control characters; UTF-8 text as it is) and one
 * layout. Values are trees of maps (written in their iteration order: use LinkedHashMap so files
 * diff cleanly), lists, arrays, numbers, booleans, strings and null; a NaN or infinite double is
 * null (JSON has no such numbers); any other object is written as its toString().
 */
public final class Json {
    private Json() {}

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** One line: {"key": value, "list": [1, 2]}. */
    private static final ObjectWriter LINE;
    /** Two-space indent, "key": value, one array element per line. */
    private static final ObjectWriter PRETTY;
    static {
        Separators spaced = Separators.createDefaultInstance()
                .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                .withObjectEntrySpacing(Separators.Spacing.AFTER)
                .withArrayElementSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("").withArrayEmptySeparator("");
        LINE = MAPPER.writer().with(new DefaultPrettyPrinter(spaced)
                .withObjectIndenter(DefaultPrettyPrinter.NopIndenter.instance())
                .withArrayIndenter(DefaultPrettyPrinter.NopIndenter.instance()));
        DefaultIndenter indent = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("").withArrayEmptySeparator(""))
                .withObjectIndenter(indent).withArrayIndenter(indent);
        PRETTY = MAPPER.writer().with(pp);
    }

    /** The value as indented JSON text, ending in a newline (for files). */
    public static String pretty(Object value) {
        return PRETTY.writeValueAsString(tree(value)) + "\n";
    }

    /** The value as JSON on one line, without a newline (for a command's --json output). */
    public static String line(Object value) {
        return LINE.writeValueAsString(tree(value));
    }

    /**
     * A number written exactly as this decimal text, for outputs whose printed precision is part
     * of what they say (e.g. {@code decimal(String.format("%.6f", x))}); "nan"/"inf" give null.
     */
    public static Object decimal(String text) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The JSON tree of a value (see the class comment for what each Java type becomes). */
    public static JsonNode tree(Object v) {
        if (v == null) return NODES.nullNode();
        if (v instanceof JsonNode n) return n;
        if (v instanceof Map<?, ?> m) {
            ObjectNode o = NODES.objectNode();
            for (Map.Entry<?, ?> e : m.entrySet()) o.set(String.valueOf(e.getKey()), tree(e.getValue()));
            return o;
        }
        if (v instanceof Collection<?> c) {
            ArrayNode a = NODES.arrayNode();
            for (Object x : c) a.add(tree(x));
            return a;
        }
        if (v instanceof double[] d) {
            ArrayNode a = NODES.arrayNode();
            for (double x : d) a.add(tree(x));
            return a;
        }
        if (v instanceof int[] d) {
            ArrayNode a = NODES.arrayNode();
            for (int x : d) a.add(x);
            return a;
        }
        if (v instanceof Object[] d) {
            ArrayNode a = NODES.arrayNode();
            for (Object x : d) a.add(tree(x));
            return a;
        }
        if (v instanceof Double d) return Double.isFinite(d) ? NODES.numberNode(d) : NODES.nullNode();
        if (v instanceof Float f) return Float.isFinite(f) ? NODES.numberNode(f) : NODES.nullNode();
        if (v instanceof Integer i) return NODES.numberNode(i);
        if (v instanceof Long l) return NODES.numberNode(l);
        if (v instanceof BigDecimal b) return NODES.numberNode(b);
        if (v instanceof Number n) return NODES.numberNode(n.doubleValue());
        if (v instanceof Boolean b) return NODES.booleanNode(b);
        return NODES.stringNode(v.toString());
    }

    /** Reads JSON text into a tree (for commands that read back their own JSON files). */
    public static JsonNode read(String text) {
        return MAPPER.readTree(text);
    }
}
