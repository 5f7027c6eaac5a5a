package org.mtpj.analysis.lro;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.mtpj.core.UserError;

/**
 * The structure files an {@code mtpj lro} run works on: files as given, folders expanded to their
 * regular files (ordered by the integer in the name, so POSCAR.2 comes before POSCAR.10), and a
 * unique output name per input (the file name; parent folder prefixed when two inputs share it).
 */
public final class LroInputs {
    private LroInputs() {}

    private static final Pattern NUMBER = Pattern.compile("(\\d+)");

    public static List<Path> expand(List<Path> given) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : given) {
            if (Files.isDirectory(p)) {
                List<Path> inside;
                try (Stream<Path> s = Files.list(p)) {
                    inside = new ArrayList<>(s.filter(Files::isRegularFile)
                            .filter(f -> !f.getFileName().toString().startsWith(".")).toList());
                }
                inside.sort(numericOrder());
                if (inside.isEmpty()) throw new UserError(p + ": the folder holds no structure files");
                out.addAll(inside);
            } else if (Files.isRegularFile(p)) {
                out.add(p);
            } else {
                throw new UserError(p + ": file not found (expected a structure file or a folder of them)");
            }
        }
        return out;
    }

    /** By the last integer in the name, then by name. */
    public static Comparator<Path> numericOrder() {
        return Comparator.comparingLong((Path p) -> lastNumber(p.getFileName().toString()))
                .thenComparing(p -> p.getFileName().toString());
    }

    static long lastNumber(String name) {
        Matcher m = NUMBER.matcher(name);
        long v = -1;
        while (m.find()) {
            try { v = Long.parseLong(m.group(1)); } catch (NumberFormatException e) { v = Long.MAX_VALUE; }
        }
        return v;
    }

    /** Output names: the file name, or parent_file when a file name occurs more than once. */
    public static List<String> names(List<Path> files) {
        Map<String, Integer> count = new HashMap<>();
        for (Path f : files) count.merge(f.getFileName().toString(), 1, Integer::sum);
        List<String> out = new ArrayList<>();
        Map<String, Integer> used = new HashMap<>();
        for (Path f : files) {
            String n = f.getFileName().toString();
            if (count.get(n) > 1) {
                Path parent = f.toAbsolutePath().getParent();
                n = (parent != null && parent.getFileName() != null ? parent.getFileName() + "_" : "") + n;
            }
            int k = used.merge(n, 1, Integer::sum);
            out.add(k == 1 ? n : n + "_" + k);
        }
        return out;
    }
}
