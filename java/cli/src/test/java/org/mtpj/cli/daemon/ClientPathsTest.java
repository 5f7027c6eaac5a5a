package org.mtpj.cli.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mtpj.cli.Main;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.ParseResult;

class ClientPathsTest {
    private static final Path CWD = Path.of("/home/user/run");

    /** Arguments for each command the daemon serves, with every file relative; defaults (state.als, selected.cfg) left out. */
    private static final Map<String, String[]> ARGS = Map.of(
            "calc-efs", new String[] {"calc-efs", "pot.mtp", "in.cfg", "out.cfg"},
            "calc-errors", new String[] {"calc-errors", "pot.mtp", "db.cfg", "--tsv=errors.tsv"},
            "calc-grade", new String[] {"calc-grade", "pot.mtp", "train.cfg", "in.cfg", "out.cfg"},
            "select-add", new String[] {"select-add", "pot.mtp", "train.cfg", "new.cfg", "diff.cfg"},
            "convert", new String[] {"convert", "a.cfg", "sub/b.cfg", "out.xyz"},
            "info", new String[] {"info", "pot.mtp"},
            "mindist", new String[] {"mindist", "in.cfg"},
            "compare", new String[] {"compare", "ref.cfg", "out.cfg"});

    @Test
    void everyPathOfEveryServedCommandIsTheClientsIncludingDefaults() {
        assertEquals(DaemonServer.SERVED, ARGS.keySet(), "a served command needs its case here");
        for (String[] args : ARGS.values()) {
            CommandLine cl = Main.commandLineFor(args);
            ParseResult parsed = cl.parseArgs(args);
            new ClientPaths(CWD).resolve(parsed);
            ParseResult leaf = parsed.subcommand();
            List<ArgSpec> specs = new ArrayList<>(leaf.commandSpec().options());
            specs.addAll(leaf.commandSpec().positionalParameters());
            int paths = 0;
            for (ArgSpec a : specs) {
                List<Object> values = a.getValue() instanceof Collection<?> c ? new ArrayList<>(c) : new ArrayList<>();
                if (!(a.getValue() instanceof Collection<?>)) values.add(a.getValue());
                for (Object v : values) {
                    if (!(v instanceof Path p)) continue;
                    paths++;
                    assertTrue(p.startsWith(CWD), args[0] + " " + a + ": " + p + " is not in the client's folder");
                }
            }
            assertTrue(paths >= 1, args[0]);
        }
    }

    @Test
    void theInitialValuesOfFileOptionsAreResolvedToo() {
        String[] args = ARGS.get("select-add");
        ParseResult parsed = Main.commandLineFor(args).parseArgs(args);
        new ClientPaths(CWD).resolve(parsed);
        assertEquals(Path.of("/home/user/run/./state.als"), parsed.subcommand().commandSpec().findOption("--als-filename").getValue());
        assertEquals(Path.of("/home/user/run/./selected.cfg"),
                parsed.subcommand().commandSpec().findOption("--selected-filename").getValue());
    }

    @Test
    void messagesNameTheFilesAsTyped() throws Exception {
        String[] args = {"calc-efs", "pot.mtp", "../in.cfg", "/home/user/run/out.cfg"};
        ClientPaths paths = new ClientPaths(CWD);
        paths.resolve(Main.commandLineFor(args).parseArgs(args));
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = paths.typedNames(sink, StandardCharsets.UTF_8)) {
            out.write(("mtpj: /home/user/run/./../in.cfg:12: expected 3 numbers\nwrote /home/user/run/out.cfg and /home/user/run/./pot.mtp")
                    .getBytes(StandardCharsets.UTF_8));
        }
        // a name the user typed absolute stays absolute; the last line is sent on close (flush) without its newline
        assertEquals("mtpj: ../in.cfg:12: expected 3 numbers\nwrote /home/user/run/out.cfg and pot.mtp", sink.toString(StandardCharsets.UTF_8));
    }
}
