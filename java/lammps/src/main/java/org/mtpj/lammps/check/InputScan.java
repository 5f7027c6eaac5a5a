package org.mtpj.lammps.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtpj.core.io.TextLines;

/**
 * A LAMMPS input read the way LAMMPS reads it, without running anything: {@code &} joins lines,
 * {@code #} outside quotes starts a comment, quotes keep words together, {@code ${name}} and
 * {@code $x} are replaced by the variable's value when it is known at that point (index, loop,
 * string, getenv and numeric equal variables; command-line {@code -var}s are index variables),
 * {@code include} files are read in place. Immediate expressions {@code $(...)} stay as written.
 */
final class InputScan {
    /** One command: where it starts, its words after substitution. */
    record Command(String file, int line, List<String> words) {
        String where() { return file + ":" + line; }
        String name() { return words.get(0); }
        String word(int i) { return i < words.size() ? words.get(i) : null; }
    }

    /** A variable as the input left it: style, value (null when only LAMMPS can know it), where it was set. */
    record Variable(String name, String style, String value, String where) {}

    final List<Command> commands = new ArrayList<>();
    final Map<String, Variable> variables = new LinkedHashMap<>();
    /** Problems met while reading (missing include files, redefinitions LAMMPS refuses). */
    final List<Finding> findings = new ArrayList<>();
    private final StringBuilder raw = new StringBuilder();
    private final Path runDir;

    private InputScan(Path runDir, Map<String, List<String>> commandLineVars) {
        this.runDir = runDir;
        for (var e : commandLineVars.entrySet())
            variables.put(e.getKey(), new Variable(e.getKey(), "index", e.getValue().get(0), "command line (-var)"));
    }

    static InputScan read(Path input, Path runDir, Map<String, List<String>> commandLineVars) throws IOException {
        InputScan s = new InputScan(runDir, commandLineVars);
        s.readFile(input, input.toString(), 0);
        return s;
    }

    private void readFile(Path file, String name, int depth) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        for (String l : lines) raw.append(l).append('\n');
        StringBuilder joined = new StringBuilder();
        int first = 0;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (joined.isEmpty()) first = i + 1;
            String stripped = stripComment(l).stripTrailing();
            if (stripped.endsWith("&")) {
                joined.append(stripped, 0, stripped.length() - 1).append(' ');
                continue;
            }
            joined.append(stripped);
            String text = joined.toString();
            joined.setLength(0);
            List<String> words = split(substitute(text));
            if (words.isEmpty()) continue;
            Command c = new Command(name, first, List.copyOf(words));
            commands.add(c);
            if (c.name().equals("variable")) define(c);
            if (c.name().equals("include") && c.word(1) != null && depth < 10) {
                Path inc = runDir.resolve(c.word(1));
                if (Files.isRegularFile(inc)) readFile(inc, c.word(1), depth + 1);
                else findings.add(Finding.stop(c.where(), "include file " + c.word(1) + " not found in " + runDir
                        + " (LAMMPS reads it relative to the folder it runs in)"));
            }
        }
    }

    /** LAMMPS' rules for redefinition: an existing index variable keeps its value; another style may not replace it. */
    private void define(Command c) {
        String name = c.word(1), style = c.word(2);
        if (name == null || style == null) return;
        Variable old = variables.get(name);
        if (old != null && old.style().equals("index") && style.equals("index")) return; // first definition wins
        if (old != null && !old.style().equals(style)) {
            findings.add(Finding.stop(c.where(), "'variable " + name + " " + style + " ...' redefines " + name + ", which is an "
                    + old.style() + " variable from the " + old.where() + ": LAMMPS stops with \"Cannot redefine variable as a"
                    + " different style\""));
            return;
        }
        String value = switch (style) {
            case "index", "loop", "string", "world", "universe", "uloop" -> c.word(3);
            case "getenv" -> c.word(3) == null ? null : System.getenv(c.word(3));
            case "equal" -> c.words().size() == 4 && TextLines.isNumber(c.word(3)) ? c.word(3) : null;
            default -> null;
        };
        variables.put(name, new Variable(name, style, value, c.where()));
    }

    private String substitute(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch != '$' || i + 1 >= text.length()) { out.append(ch); continue; }
            char nx = text.charAt(i + 1);
            if (nx == '{') {
                int end = text.indexOf('}', i + 2);
                if (end < 0) { out.append(ch); continue; }
                String v = valueOf(text.substring(i + 2, end));
                out.append(v != null ? v : text, v != null ? 0 : i, v != null ? v.length() : end + 1);
                i = end;
            } else if (nx == '(') {
                out.append(ch);
            } else if (Character.isLetterOrDigit(nx) || nx == '_') {
                String v = valueOf(String.valueOf(nx));
                out.append(v != null ? v : "$" + nx);
                i++;
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    /** The text of the input and its include files as written (before substitution). */
    String rawText() { return raw.toString(); }

    private String valueOf(String name) {
        Variable v = variables.get(name);
        return v == null ? null : v.value();
    }


    private static String stripComment(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) { if (c == quote) quote = 0; }
            else if (c == '"' || c == '\'') quote = c;
            else if (c == '#') return line.substring(0, i);
        }
        return line;
    }

    private static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0; else w.append(c);
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (Character.isWhitespace(c)) {
                if (!w.isEmpty()) { words.add(w.toString()); w.setLength(0); }
            } else {
                w.append(c);
            }
        }
        if (!w.isEmpty()) words.add(w.toString());
        return words;
    }
}
