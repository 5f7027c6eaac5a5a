package org.mtpj.cli.daemon;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * The client's relative file names in a JVM whose working directory is another: every Path value of
 * the parsed command (typed, a picocli default or a field's initial value) is resolved against the
 * client's directory before the command runs, and its messages name the files as the user typed
 * them again, so a command prints the same through the daemon as in its own JVM.
 *
 * <p>A relative name becomes CWD/./NAME: the "/./" marks the names made here, so turning them back
 * leaves alone an absolute name the user typed (CWD/NAME), and file operations are unaffected.
 */
final class ClientPaths {
    private final Path base;
    /** CWD/./ as text: what the messages lose again. */
    private final String prefix;
    private boolean resolvedAny;

    ClientPaths(Path cwd) {
        this.base = cwd.resolve(".");
        this.prefix = base + "/";
    }

    /** Resolves the relative Path values of the command that will run. */
    void resolve(ParseResult parsed) {
        ParseResult leaf = parsed;
        while (leaf.subcommand() != null) leaf = leaf.subcommand();
        CommandSpec spec = leaf.commandSpec();
        List<ArgSpec> args = new ArrayList<>(spec.options());
        args.addAll(spec.positionalParameters());
        for (ArgSpec a : args) {
            Object v = a.getValue();
            if (v instanceof Path p) a.setValue(resolve(p));
            else if (v instanceof Collection<?> c && c.stream().anyMatch(e -> e instanceof Path)) {
                List<Object> r = new ArrayList<>(c.size());
                for (Object e : c) r.add(e instanceof Path p ? resolve(p) : e);
                a.setValue(r);
            }
        }
    }

    private Path resolve(Path p) {
        if (p.isAbsolute() || p.toString().isEmpty()) return p;
        resolvedAny = true;
        return base.resolve(p);
    }

    /** out with the names made by {@link #resolve} turned back into the typed ones, line by line. */
    OutputStream typedNames(OutputStream out, Charset charset) {
        return new LineRewriter(out, charset);
    }

    private final class LineRewriter extends FilterOutputStream {
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private final Charset charset;

        LineRewriter(OutputStream out, Charset charset) {
            super(out);
            this.charset = charset;
        }

        @Override
        public void write(int b) throws IOException {
            line.write(b);
            if (b == '\n') emit();
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int start = off;
            for (int i = off; i < off + len; i++) {
                if (b[i] != '\n') continue;
                line.write(b, start, i + 1 - start);
                emit();
                start = i + 1;
            }
            line.write(b, start, off + len - start);
        }

        @Override
        public void flush() throws IOException {
            emit();
            out.flush();
        }

        private void emit() throws IOException {
            if (line.size() == 0) return;
            if (resolvedAny) out.write(line.toString(charset).replace(prefix, "").getBytes(charset));
            else line.writeTo(out);
            line.reset();
        }
    }
}
