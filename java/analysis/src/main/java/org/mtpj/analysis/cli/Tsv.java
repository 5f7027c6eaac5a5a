package org.mtpj.analysis.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.mtpj.host.AtomicOutput;

/** Number formatting for the machine-readable outputs: shortest round-trip digits, Python-like exponents ("1.5e-07"). */
final class Tsv {
    private Tsv() {}

    static String num(double v) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        String s = Double.toString(v);
        int e = s.indexOf('E');
        if (e < 0) return s;
        String mant = s.substring(0, e);
        int ex = Integer.parseInt(s.substring(e + 1));
        return mant + "e" + (ex < 0 ? "-" : "+") + String.format(Locale.ROOT, "%02d", Math.abs(ex));
    }

    /** Like {@link #num} but integral values without ".0" (window bounds, temperatures). */
    static String compact(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return num(v);
    }

    static String json(double v) {
        return Double.isFinite(v) ? num(v) : "null";
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.append('"').toString();
    }

    static void write(Path file, List<String> lines) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            AtomicOutput.write(file, StandardCharsets.UTF_8, w -> {
                for (String l : lines) w.append(l).append('\n');
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static void writeString(Path file, String text) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            AtomicOutput.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
