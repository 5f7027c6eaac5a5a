package org.mtpj.learn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mtpj.core.UserError;
import org.mtpj.core.io.InputFormatException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.toml.TomlMapper;
import org.mtpj.host.InputFiles;

/**
 * A TOML configuration file read with Jackson's TOML parser, with typed getters whose errors name
 * the file, the line of the key and what was expected. The tree model keeps no positions, so the
 * line of a key is found in the text: the first {@code key =} after its {@code [table]} header.
 */
public final class ConfigFile {
    private final Path file;
    private final List<String> lines;
    private final JsonNode root;

    private ConfigFile(Path file, List<String> lines, JsonNode root) {
        this.file = file;
        this.lines = lines;
        this.root = root;
    }

    /** 1-based line of the first bytes that are not UTF-8, for the message; 0 when none is found. */
    private static long lineOfBadByte(Path file) {
        try {
            byte[] b = Files.readAllBytes(file);
            var decoder = StandardCharsets.UTF_8.newDecoder(); // reports malformed input
            long line = 1;
            for (int start = 0, i = 0; i <= b.length; i++) {
                if (i < b.length && b[i] != '\n') continue;
                try {
                    decoder.reset().decode(java.nio.ByteBuffer.wrap(b, start, i - start));
                } catch (java.nio.charset.CharacterCodingException e) {
                    return line;
                }
                line++;
                start = i + 1;
            }
        } catch (IOException ignored) {
            // the caller's message stands without a line
        }
        return 0;
    }

    public static ConfigFile read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UserError(file + ": configuration file not found");
        } catch (java.nio.charset.CharacterCodingException e) {
            throw InputFiles.cannotRead(file.toString(), lineOfBadByte(file), e);
        } catch (IOException e) {
            throw InputFiles.cannotRead(file.toString(), 0, e);
        }
        try {
            JsonNode root = new TomlMapper().readTree(text);
            return new ConfigFile(file, text.lines().toList(), root);
        } catch (JacksonException e) {
            long line = e.getLocation() != null ? e.getLocation().getLineNr() : 0;
            String msg = e.getOriginalMessage().lines().findFirst().orElse("invalid TOML");
            throw new InputFormatException(file.toString(), Math.max(line, 0), "invalid TOML: " + msg);
        }
    }

    public Path file() { return file; }

    /** The folder that relative paths in the file are relative to. */
    public Path base() {
        Path parent = file.toAbsolutePath().getParent();
        return parent != null ? parent : Path.of("").toAbsolutePath();
    }

    /** Refuses tables and keys that are not in {@code known} (table name to its keys): typos must not pass silently. */
    public void checkKeys(Map<String, Set<String>> known) {
        for (var table : root.properties()) {
            Set<String> keys = known.get(table.getKey());
            if (keys == null && !table.getValue().isObject())
                throw error(table.getKey(), null, "a key outside any table; expected it under one of " + known.keySet());
            if (keys == null)
                throw error(table.getKey(), null, "unknown table [" + table.getKey() + "]; expected one of " + known.keySet());
            if (!table.getValue().isObject())
                throw error(table.getKey(), null, "'" + table.getKey() + "' must be a table [" + table.getKey() + "]");
            for (var key : table.getValue().properties())
                if (!keys.contains(key.getKey()))
                    throw error(table.getKey(), key.getKey(), "unknown key '" + key.getKey() + "' in [" + table.getKey() + "]; expected one of " + keys);
        }
    }

    public boolean has(String table, String key) {
        JsonNode n = root.path(table).path(key);
        return !n.isMissingNode() && !n.isNull();
    }

    public JsonNode node(String table, String key) { return root.path(table).path(key); }

    public String string(String table, String key, String fallback) {
        JsonNode n = node(table, key);
        if (n.isMissingNode()) return fallback;
        if (!n.isString()) throw error(table, key, "expected a string");
        return n.asString();
    }

    public String requiredString(String table, String key) {
        String s = string(table, key, null);
        if (s == null || s.isBlank()) throw missing(table, key, "a string");
        return s;
    }

    public double number(String table, String key, double fallback) {
        JsonNode n = node(table, key);
        if (n.isMissingNode()) return fallback;
        if (!n.isNumber()) throw error(table, key, "expected a number");
        return finite(n, table, key);
    }

    /** The number's value; one beyond double's range (1e309) is an error, not an exception of the parser. */
    private double finite(JsonNode n, String table, String key) {
        double v;
        try {
            v = n.asDouble();
        } catch (RuntimeException e) {
            v = Double.NaN;
        }
        if (!Double.isFinite(v)) throw error(table, key, "expected a finite number, got " + n.asString());
        return v;
    }

    public int integer(String table, String key, int fallback, int min) {
        JsonNode n = node(table, key);
        if (n.isMissingNode()) return fallback;
        if (!n.isIntegralNumber() || !n.canConvertToInt()) throw error(table, key, "expected a whole number");
        int v = n.asInt();
        if (v < min) throw error(table, key, "must be at least " + min + ", got " + v);
        return v;
    }

    public boolean bool(String table, String key, boolean fallback) {
        JsonNode n = node(table, key);
        if (n.isMissingNode()) return fallback;
        if (!n.isBoolean()) throw error(table, key, "expected true or false");
        return n.asBoolean();
    }

    /** A path relative to the configuration file's folder, or null when absent. */
    public Path path(String table, String key) {
        String s = string(table, key, null);
        if (s == null || s.isBlank()) return null;
        return base().resolve(s).normalize();
    }

    public List<Double> numbers(String table, String key) {
        JsonNode n = node(table, key);
        if (n.isMissingNode()) return null;
        if (n.isNumber()) return List.of(finite(n, table, key));
        if (!n.isArray() || n.isEmpty()) throw error(table, key, "expected a number or a non-empty list of numbers");
        List<Double> out = new ArrayList<>();
        for (JsonNode e : n) {
            if (!e.isNumber()) throw error(table, key, "expected a list of numbers");
            out.add(finite(e, table, key));
        }
        return out;
    }

    /** A string or a list of strings (one list entry for a string). */
    public List<String> strings(String table, String key) {
        JsonNode n = node(table, key);
        if (n.isMissingNode()) return null;
        if (n.isString()) return List.of(n.asString());
        if (!n.isArray() || n.isEmpty()) throw error(table, key, "expected a string or a non-empty list of strings");
        List<String> out = new ArrayList<>();
        for (JsonNode e : n) {
            if (!e.isString()) throw error(table, key, "expected a list of strings");
            out.add(e.asString());
        }
        return out;
    }

    public InputFormatException missing(String table, String key, String what) {
        return new InputFormatException(file.toString(), lineOf(table, null), "[" + table + "] needs '" + key + "' (" + what + ")");
    }

    public InputFormatException error(String table, String key, String what) {
        String where = key == null ? "[" + table + "]" : "[" + table + "] " + key;
        return new InputFormatException(file.toString(), lineOf(table, key), where + ": " + what);
    }

    /** 1-based line of {@code key =} in {@code [table]} (or of the table header when key is null); 0 when not found. */
    long lineOf(String table, String key) {
        boolean inTable = false, anyTable = false;
        for (int i = 0; i < lines.size(); i++) {
            String s = lines.get(i).strip();
            // a key before the first table header is a top-level one: its line, when 'table' is in fact such a key
            if (!anyTable && key == null && s.matches(java.util.regex.Pattern.quote(table) + "\\s*=.*")) return i + 1;
            if (s.startsWith("[")) {
                anyTable = true;
                inTable = s.replaceAll("\\s", "").equals("[" + table + "]");
                if (inTable && key == null) return i + 1;
                continue;
            }
            if (inTable && key != null && s.matches("\"?" + java.util.regex.Pattern.quote(key) + "\"?\\s*=.*")) return i + 1;
            if (!inTable && key != null && s.matches(java.util.regex.Pattern.quote(table) + "\\." + java.util.regex.Pattern.quote(key) + "\\s*=.*")) return i + 1;
        }
        return 0;
    }
}
