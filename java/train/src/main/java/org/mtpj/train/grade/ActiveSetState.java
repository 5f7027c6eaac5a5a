package org.mtpj.train.grade;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mtpj.core.io.CfgReader;
import org.mtpj.core.io.CfgWriter;
import org.mtpj.core.io.InputFormatException;
import org.mtpj.core.io.MtpReader;
import org.mtpj.core.io.MtpWriter;
import org.mtpj.core.model.Configuration;
import org.mtpj.core.model.MtpPotential;
import org.mtpj.host.AtomicOutput;
import org.mtpj.host.InputFiles;
import org.mtpj.host.Warnings;
import org.mtpj.train.fit.Weighting;

/**
 * mtpj's active-set state file (docs/active-set-state.md): a text file holding the potential
 * (lossless .mtp), the row weights, ε, the n×n matrix A with the owner of every row, and the
 * configurations that own rows (lossless .cfg). A⁻¹ is recomputed when loading. Every double is
 * written with Java's shortest round-trip form, so save → load restores A exactly.
 */
public final class ActiveSetState {
    public static final String MAGIC = "MTPJ_ACTIVE_SET_STATE 1";

    private ActiveSetState() {}

    /** Writes the session's state; only configurations owning a row are kept. */
    public static void save(SelectionSession s, Path path) {
        AtomicOutput.write(path, StandardCharsets.UTF_8, out -> write(s, out));
    }

    /** Writes the state's text to out (save's layout; for a caller that commits it with other outputs). */
    public static void write(SelectionSession s, Writer out) throws IOException {
        ActiveSet set = s.activeSet();
        int n = set.size();
        List<Integer> ids = s.selectedIds();
        Map<Integer, Integer> newId = new HashMap<>();
        for (int k = 0; k < ids.size(); k++) newId.put(ids.get(k), k);
        RowWeights w = s.weights();
        out.write(MAGIC + "\n");
        out.write("weights = " + w.siteEnergy() + " " + w.energy() + " " + w.force() + " " + w.stress() + "\n");
        out.write("weighting = " + w.weighting().mlipName() + "\n");
        out.write("init_threshold = " + set.initThreshold() + "\n");
        out.write("coefficients = " + n + "\n");
        out.write("configurations = " + ids.size() + "\n");
        out.write("BEGIN_POTENTIAL\n");
        out.write(MtpWriter.format(s.potential(), MtpWriter.Precision.LOSSLESS));
        out.write("\nEND_POTENTIAL\n");
        out.write("BEGIN_ACTIVE_SET\n");
        StringBuilder line = new StringBuilder(24 * n);
        for (int j = 0; j < n; j++) {
            line.setLength(0);
            int o = set.owner(j);
            line.append(o == ActiveSet.INITIAL ? -1 : newId.get(o));
            for (int k = 0; k < n; k++) line.append(' ').append(set.rows[j * n + k]);
            out.write(line.append('\n').toString());
        }
        out.write("END_ACTIVE_SET\n");
        out.write("BEGIN_CONFIGURATIONS\n");
        StringWriter cfgText = new StringWriter();
        try (CfgWriter cw = CfgWriter.of(cfgText, CfgWriter.Style.LOSSLESS)) {
            for (int id : ids) cw.write(s.configurations().get(id));
        }
        out.write(cfgText.toString());
        out.write("END_CONFIGURATIONS\n");
    }

    /** What a state file holds, told from its first bytes. */
    public enum Kind { MTPJ, MLIP2_BINARY, OTHER }

    /** The kind of the file at path: mtpj's text state, a binary file (MLIP-2's state.als is binary), or other text. */
    public static Kind kindOf(Path path) throws IOException {
        byte[] head;
        try (var in = Files.newInputStream(path)) {
            head = in.readNBytes(4096);
        }
        String start = new String(head, 0, Math.min(head.length, MAGIC.length()), StandardCharsets.ISO_8859_1);
        if (start.equals(MAGIC)) return Kind.MTPJ;
        for (byte b : head) if (b == 0 || (b < 32 && b != '\n' && b != '\r' && b != '\t')) return Kind.MLIP2_BINARY;
        return Kind.OTHER;
    }

    /** The command that builds mtpj's state (neighbourhood rows, the MD workflow) from a training set. */
    public static String rebuildCommand(String pot, String train, String state) {
        return "mtpj calc-grade " + pot + " " + train + " " + train + " graded.cfg --nbh-weight=1 --energy-weight=0 --als-filename=" + state;
    }

    /** Loads a state written by {@link #save}. */
    public static SelectionSession load(Path path) {
        String file = path.toString();
        try {
            if (Files.isRegularFile(path) && kindOf(path) == Kind.MLIP2_BINARY)
                throw new InputFormatException(file, 1, "a binary file (MLIP-2's state.als is binary), not mtpj's text state; rebuild it"
                        + " from the training set: " + rebuildCommand("POT.mtp", "TRAIN.cfg", file));
        } catch (IOException e) {
            throw InputFiles.cannotRead(file, 0, e);
        }
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            long[] lineNo = {0};
            String magic = next(in, lineNo, file);
            if (!MAGIC.equals(magic))
                throw new InputFormatException(file, 1, "expected '" + MAGIC + "' (an mtpj active-set state); MLIP-2's binary state.als cannot be read");
            String[] wv = value(next(in, lineNo, file), "weights", file, lineNo[0]).split("\\s+");
            if (wv.length != 4) throw new InputFormatException(file, lineNo[0], "expected four weights");
            Weighting weighting = Weighting.parse(value(next(in, lineNo, file), "weighting", file, lineNo[0]));
            double eps = number(value(next(in, lineNo, file), "init_threshold", file, lineNo[0]), file, lineNo[0]);
            int n = (int) number(value(next(in, lineNo, file), "coefficients", file, lineNo[0]), file, lineNo[0]);
            int k = (int) number(value(next(in, lineNo, file), "configurations", file, lineNo[0]), file, lineNo[0]);
            RowWeights w = new RowWeights(number(wv[0], file, lineNo[0]), number(wv[1], file, lineNo[0]),
                    number(wv[2], file, lineNo[0]), number(wv[3], file, lineNo[0]), weighting);
            expect(next(in, lineNo, file), "BEGIN_POTENTIAL", file, lineNo[0]);
            String potText = block(in, lineNo, file, "END_POTENTIAL");
            MtpPotential pot = MtpReader.parse(potText, file + " (embedded potential)");
            if (pot.coefficientCount() != n)
                throw new InputFormatException(file, lineNo[0], "embedded potential has " + pot.coefficientCount() + " coefficients, state says " + n);
            expect(next(in, lineNo, file), "BEGIN_ACTIVE_SET", file, lineNo[0]);
            double[] rows = new double[n * n];
            int[] owner = new int[n];
            for (int j = 0; j < n; j++) {
                String[] f = next(in, lineNo, file).trim().split(" ");
                if (f.length != n + 1) throw new InputFormatException(file, lineNo[0], "expected an owner and " + n + " numbers");
                owner[j] = (int) number(f[0], file, lineNo[0]);
                if (owner[j] < -1 || owner[j] >= k) throw new InputFormatException(file, lineNo[0], "owner must be -1 or 0.." + (k - 1));
                for (int c = 0; c < n; c++) rows[j * n + c] = number(f[c + 1], file, lineNo[0]);
            }
            expect(next(in, lineNo, file), "END_ACTIVE_SET", file, lineNo[0]);
            expect(next(in, lineNo, file), "BEGIN_CONFIGURATIONS", file, lineNo[0]);
            List<Configuration> cfgs = new ArrayList<>(CfgReader.parse(block(in, lineNo, file, "END_CONFIGURATIONS"),
                    file + " (embedded configurations)", Warnings.STDERR));
            if (cfgs.size() != k) throw new InputFormatException(file, lineNo[0], "expected " + k + " configurations, found " + cfgs.size());
            ActiveSet set = ActiveSet.of(n, eps, rows, owner);
            return new SelectionSession(pot, w, set, cfgs);
        } catch (IOException e) {
            throw InputFiles.cannotRead(file, 0, e);
        }
    }

    private static String next(BufferedReader in, long[] lineNo, String file) throws IOException {
        String s = in.readLine();
        lineNo[0]++;
        if (s == null) throw new InputFormatException(file, lineNo[0], "unexpected end of the state file");
        return s;
    }

    private static String value(String line, String key, String file, long lineNo) {
        String prefix = key + " = ";
        if (!line.startsWith(prefix)) throw new InputFormatException(file, lineNo, "expected '" + prefix + "…'");
        return line.substring(prefix.length()).trim();
    }

    private static void expect(String line, String what, String file, long lineNo) {
        if (!line.equals(what)) throw new InputFormatException(file, lineNo, "expected '" + what + "'");
    }

    private static String block(BufferedReader in, long[] lineNo, String file, String end) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String s = next(in, lineNo, file); !s.equals(end); s = next(in, lineNo, file)) sb.append(s).append('\n');
        return sb.toString();
    }

    private static double number(String s, String file, long lineNo) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new InputFormatException(file, lineNo, "expected a number, got '" + s + "'");
        }
    }
}
