package org.mtpj.cli.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mtpj.host.AtomicOutput;
import org.mtpj.host.CfgFiles;
import org.mtpj.core.io.CfgWriter;
import org.mtpj.core.io.InputFormatException;
import org.mtpj.host.InputFiles;

/**
 * {@code convert --append}: the new file is the existing .cfg, byte for byte, followed by the new
 * configurations, written as a whole through {@link AtomicOutput} (a failure leaves the existing
 * file untouched). A missing or empty file is simply created.
 */
final class AppendedCfg {
    private AppendedCfg() {}

    static CfgWriter open(Path out, CfgWriter.Style style) {
        try {
            if (!Files.isRegularFile(out) || Files.size(out) == 0) return CfgFiles.create(out, style);
        } catch (IOException e) {
            throw InputFiles.cannotRead(out.toString(), 0, e);
        }
        checkLooksLikeCfg(out);
        AtomicOutput o = AtomicOutput.create(out);
        try (InputStream in = Files.newInputStream(out)) {
            OutputStream s = o.stream();
            byte[] buf = new byte[1 << 16];
            int last = '\n';
            for (int n; (n = in.read(buf)) > 0; ) {
                s.write(buf, 0, n);
                last = buf[n - 1];
            }
            if (last != '\n') s.write('\n');
            return CfgWriter.after(o, style);
        } catch (IOException e) {
            o.close();
            throw InputFiles.cannotRead(out.toString(), 0, e);
        } catch (RuntimeException e) {
            o.close();
            throw e;
        }
    }

    /** Appending to something that is not a .cfg would make a file that no reader takes. */
    private static void checkLooksLikeCfg(Path out) {
        try (var r = Files.newBufferedReader(out, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            long line = 0;
            for (String l; (l = r.readLine()) != null; ) {
                line++;
                if (l.isBlank()) continue;
                if (!l.strip().equals("BEGIN_CFG"))
                    throw new InputFormatException(out.toString(), line, "--append: expected an existing .cfg (BEGIN_CFG) but found '"
                            + (l.length() > 40 ? l.substring(0, 40) + "..." : l.strip()) + "'");
                return;
            }
        } catch (IOException e) {
            throw InputFiles.cannotRead(out.toString(), 0, e);
        }
    }
}
