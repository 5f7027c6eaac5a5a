package org.mtpj.core.io;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.mtpj.core.model.Configuration;

/**
 * Writes text {@code .cfg} files in MLIP-2's layout (mtp-spec.md §2.4), streaming one
 * configuration at a time.
 *
 * <p>{@link Style#LOSSLESS} (the default) writes every number as C's {@code %.16e} (17 significant
 * digits, exact round trip), ids and types plain: this reproduces the reference files byte for
 * byte. {@link Style#MLIP2_DEFAULT} is a stock MLIP-2's fixed-point output (forces to 1e-6 eV/Å,
 * PlusStress to 1e-5 eV): only for tools that need exactly that.
 *
 * <p>Configurations are separated by one empty line (none after the last, as in the
 * reference files). Features are written sorted by key, one line per line of a multi-line value,
 * empty values kept as {@code Feature   KEY<TAB>}. MLIP-3 extras ({@link Configuration#extraColumns},
 * {@link Configuration#extraFields}) are written only after {@link #writeExtras(boolean)}: MLIP-2
 * refuses files that contain them.
 *
 * <p>Written to an {@link OutputTarget} (the host's atomic file output): the output appears
 * only at {@link #commit()}; closing without a commit discards it.
 */
public final class CfgWriter implements AutoCloseable {
    /** Number style. */
    public enum Style {
        /** {@code %.16e} everywhere (mtpj's default; what the references use). */
        LOSSLESS,
        /** Stock MLIP-2 fixed-point columns ({@code --lossy}). */
        MLIP2_DEFAULT
    }

    private final Writer out;
    private final OutputTarget file; // null when writing to a caller's writer
    private final Style style;
    private boolean extras;
    private int written;
    private boolean afterExisting; // configurations precede ours in the output: separate the first one too

    private CfgWriter(Writer out, OutputTarget file, Style style) {
        this.out = out;
        this.file = file;
        this.style = style;
    }

    /** Writes to target (ISO-8859-1), which receives the commit or the discard. */
    public static CfgWriter to(OutputTarget target, Style style) {
        return new CfgWriter(target.writer(StandardCharsets.ISO_8859_1), target, style);
    }

    /**
     * Writes after what the caller already put into o (an existing file's configurations, for
     * {@code convert --append}): an empty line, then the new configurations; {@link #commit()}
     * commits o, {@link #close()} without a commit discards it.
     */
    public static CfgWriter after(OutputTarget o, Style style) {
        CfgWriter w = new CfgWriter(o.writer(StandardCharsets.ISO_8859_1), o, style);
        w.afterExisting = true;
        return w;
    }

    /** Writes to any writer (flushed, not closed, by {@link #close()}; no commit needed). */
    public static CfgWriter of(Writer out, Style style) { return new CfgWriter(out, null, style); }

    /** Whether MLIP-3 extra columns and fields are written too (default false). */
    public CfgWriter writeExtras(boolean yes) {
        this.extras = yes;
        return this;
    }

    /** How many configurations were written. */
    public int count() { return written; }

    /** Appends one configuration. */
    public void write(Configuration c) {
        StringBuilder sb = new StringBuilder(128 + c.size * 140);
        if (written > 0 || afterExisting) sb.append('\n');
        append(sb, c, style, extras);
        try {
            out.append(sb);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + name() + ": " + e.getMessage(), e);
        }
        written++;
    }

    private String name() { return file == null ? "output" : file.name(); }

    /** Everything is written: the file appears at its path (a caller's writer is flushed). */
    public void commit() {
        if (file != null) file.commit();
        else flush();
    }

    /** Discards an uncommitted file (the path keeps what it held); flushes a caller's writer. */
    @Override
    public void close() {
        if (file != null) file.close();
        else flush();
    }

    private void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + name() + ": " + e.getMessage(), e);
        }
    }

    /** The text of several configurations, as a file would hold them. */
    public static String format(List<Configuration> cfgs, Style style) {
        StringWriter sw = new StringWriter();
        try (CfgWriter w = of(sw, style)) {
            for (Configuration c : cfgs) w.write(c);
        }
        return sw.toString();
    }

    // ---------------------------------------------------------------------------------- layout

    private static void num(StringBuilder sb, double v, Style s, int width, int decimals) {
        if (s == Style.LOSSLESS) CNumbers.appendSci(sb, v, 16);
        else sb.append(CNumbers.fixed(v, width, decimals));
    }

    static void append(StringBuilder sb, Configuration c, Style s, boolean extras) {
        boolean lossless = s == Style.LOSSLESS;
        sb.append("BEGIN_CFG\n Size\n    ").append(c.size).append('\n');
        int rows = 0;
        for (int r = 0; r < c.latticeRows; r++) if (c.isPeriodic(r)) rows = r + 1;
        if (rows > 0) {
            sb.append(" Supercell\n");
            for (int r = 0; r < rows; r++) {
                sb.append("    ");
                for (int k = 0; k < 3; k++) {
                    if (k > 0) sb.append(' ');
                    num(sb, c.lattice[r][k], s, 13, 6);
                }
                sb.append('\n');
            }
        }
        sb.append(" AtomData:  id type       cartes_x      cartes_y      cartes_z");
        if (c.siteEnergies != null) sb.append("    site_en");
        if (c.forces != null) sb.append("           fx          fy          fz");
        if (c.charges != null) sb.append("      charge");
        if (extras) for (String k : c.extraColumns.keySet()) sb.append(' ').append(k);
        sb.append('\n');
        for (int i = 0; i < c.size; i++) {
            sb.append("    ");
            if (lossless) sb.append(c.ids[i]).append(' ').append(c.types[i]);
            else sb.append(CNumbers.integer(c.ids[i], 10)).append(' ').append(CNumbers.integer(c.types[i], 4));
            sb.append(' ');
            for (int k = 0; k < 3; k++) {
                sb.append(' ');
                num(sb, c.positions[3 * i + k], s, 13, 6);
            }
            if (c.siteEnergies != null) {
                sb.append("  ");
                num(sb, c.siteEnergies[i], s, 17, 12);
            }
            if (c.forces != null) {
                sb.append(' ');
                for (int k = 0; k < 3; k++) {
                    sb.append(' ');
                    num(sb, c.forces[3 * i + k], s, 11, 6);
                }
            }
            if (c.charges != null) {
                sb.append("  ");
                num(sb, c.charges[i], s, 8, 4);
            }
            if (extras) for (double[] col : c.extraColumns.values()) {
                sb.append(' ');
                CNumbers.appendSci(sb, col[i], 16);
            }
            sb.append('\n');
        }
        if (c.hasEnergy()) {
            sb.append(" Energy\n    ");
            num(sb, c.energy, s, 20, 12);
            sb.append('\n');
        }
        if (c.plusStress != null) {
            sb.append(" PlusStress:  xx          yy          zz          yz          xz          xy\n    ");
            for (int k = 0; k < 6; k++) {
                sb.append(' ');
                num(sb, c.plusStress[k], s, 11, 5);
            }
            sb.append('\n');
        }
        if (extras) for (Map.Entry<String, String> e : c.extraFields.entrySet()) {
            sb.append(' ').append(e.getKey()).append('\n');
            if (!e.getValue().isEmpty()) for (String line : e.getValue().split("\n", -1)) sb.append("    ").append(line).append('\n');
        }
        for (Map.Entry<String, String> e : c.features.entrySet()) {
            String key = CfgReader.escapeKey(e.getKey());
            for (String line : e.getValue().split("\n", -1)) sb.append(" Feature   ").append(key).append('\t').append(line).append('\n');
        }
        sb.append("END_CFG\n");
    }
}
