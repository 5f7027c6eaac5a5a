package org.mtpj.analysis.compat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mtpj.host.InputFiles;
import org.mtpj.core.io.TextLines;
import org.mtpj.core.io.InputFormatException;

/** Reads the study's exported MSD table ("# t MSD MSD_a MSD_b MSD_c MSCD", t in fs). */
public final class StudyTableReader {
    private StudyTableReader() {}

    public static StudyMsdTable read(Path file) {
        List<double[]> rows = new ArrayList<>();
        try (TextLines in = InputFiles.openLines(file)) {
            for (String l; (l = in.nextOrNull()) != null; ) {
                String s = l.strip();
                if (s.isEmpty() || s.startsWith("#")) continue;
                String[] t = TextLines.tokens(s);
                if (t.length < 6) throw in.error("expected 6 columns (t MSD MSD_a MSD_b MSD_c MSCD), found " + t.length);
                double[] r = new double[6];
                for (int k = 0; k < 6; k++) r[k] = in.parseDouble(t[k], "a table value");
                rows.add(r);
            }
        }
        if (rows.size() < 3) throw new InputFormatException(file.toString(), 0, "the table has " + rows.size() + " rows, need at least 3");
        double[][] c = new double[6][rows.size()];
        for (int i = 0; i < rows.size(); i++) for (int k = 0; k < 6; k++) c[k][i] = rows.get(i)[k];
        return new StudyMsdTable(c[0], c[1], c[2], c[3], c[4], c[5]);
    }

    /** Whether a file looks like an exported table (first line "# t MSD ..."). */
    public static boolean looksLikeTable(Path file) {
        try (TextLines in = InputFiles.openLines(file)) {
            String first = in.nextOrNull();
            return first != null && first.strip().startsWith("#") && first.contains("MSD");
        } catch (RuntimeException e) {
            return false;
        }
    }
}
