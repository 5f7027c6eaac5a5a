package org.mtpj.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Help text of every registered command: {@code mtpj --help} shows only the first description
 * line, so it must be a short one-line summary with the details on the following lines, and no
 * help page may make picocli print a warning (an unescaped % in a description does).
 */
class HelpTextTest {
    /** The summary column of {@code mtpj --help} stays on one line of an 80-column terminal. */
    static final int MAX_SUMMARY = 60;

    private static Map<String, CommandLine> commands() {
        return Main.commandLine().getSubcommands();
    }

    @Test
    void everyCommandHasAShortOneLineSummaryAndDetailsBelow() {
        List<String> bad = new ArrayList<>();
        for (Map.Entry<String, CommandLine> e : commands().entrySet()) {
            if (e.getValue().getCommandSpec().usageMessage().hidden()) continue;
            if (!e.getKey().equals(e.getValue().getCommandName())) continue;   // an alias
            String[] d = e.getValue().getCommandSpec().usageMessage().description();
            String first = d.length == 0 ? "" : d[0];
            if (first.isBlank() || first.length() >= MAX_SUMMARY || first.contains("\n"))
                bad.add(e.getKey() + " (" + first.length() + " chars): '" + first + "'");
            else if (d.length < 2)
                bad.add(e.getKey() + ": only a summary, no details below it");
        }
        assertTrue(bad.isEmpty(), "first description lines that are not a one-line summary under "
                + MAX_SUMMARY + " characters:\n  " + String.join("\n  ", bad));
    }

    /** Main returns 0, 1, 2, 3, 70 and 130 (README's table): --help must name every one. */
    @Test
    void topLevelHelpNamesEveryExitCode() {
        StringWriter out = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        assertEquals(0, cl.execute("--help"));
        String text = out.toString().replaceAll("\\s+", " ");
        for (String code : List.of("0 done", "1 a check failed", "2 bad input", "3 out of memory", "70 internal error", "130 interrupted"))
            assertTrue(text.contains(code), "mtpj --help does not explain exit code '" + code + "':\n" + out);
    }

    @Test
    void topLevelHelpListsOnlyTheSummaries() {
        StringWriter out = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        assertEquals(0, cl.execute("--help"));
        String text = out.toString();
        for (Map.Entry<String, CommandLine> e : commands().entrySet()) {
            if (e.getValue().getCommandSpec().usageMessage().hidden()) continue;
            String[] d = e.getValue().getCommandSpec().usageMessage().description();
            assertTrue(text.contains(d[0]), e.getKey() + " summary missing from mtpj --help");
            if (d.length > 2 && !d[2].isBlank() && d[2].length() > 20)
                assertFalse(text.contains(d[2]), e.getKey() + ": details leak into mtpj --help");
        }
    }

    @Test
    void noHelpPagePrintsAPicocliWarning() {
        PrintStream saved = System.err;
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        List<Integer> codes = new ArrayList<>();
        try {
            for (String name : commands().keySet()) {
                CommandLine cl = Main.commandLine();     // picocli's tracer takes System.err here
                cl.setOut(new PrintWriter(new StringWriter(), true));
                cl.setErr(new PrintWriter(new StringWriter(), true));
                codes.add(cl.execute(name, "--help"));
            }
        } finally {
            System.setErr(saved);
        }
        assertEquals("", stderr.toString(StandardCharsets.UTF_8));
        assertTrue(codes.stream().allMatch(c -> c == 0), "exit codes of <command> --help: " + codes);
    }

    /** main() builds only the named subcommand; what the user sees must not depend on that. */
    @Test
    void aCommandLineWithOnlyTheNamedSubcommandGivesTheSameHelpAndErrors() {
        for (String name : commands().keySet()) {
            for (String[] args : List.of(new String[] {name, "--help"}, new String[] {name, "--no-such-option"})) {
                String[] full = run(Main.commandLine(), args), lazy = run(Main.commandLineFor(args), args);
                assertArrayEquals(full, lazy, String.join(" ", args));
            }
        }
        assertArrayEquals(run(Main.commandLine(), new String[] {"--version"}), run(Main.commandLineFor(new String[] {"--version"}), new String[] {"--version"}));
        // main() answers --version and -V without picocli: the same line as picocli's --version
        for (String v : List.of("--version", "-V")) {
            PrintStream saved = System.out;
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try {
                System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
                Main.main(new String[] {v});
            } finally {
                System.setOut(saved);
            }
            assertEquals(run(Main.commandLine(), new String[] {v})[1], bytes.toString(StandardCharsets.UTF_8), v);
        }
        assertEquals(1, Main.commandLineFor(new String[] {"calc-efs", "a", "b", "c"}).getSubcommands().size());
    }

    /** Exit code, stdout and stderr of one in-process run. */
    private static String[] run(CommandLine cl, String[] args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int rc = cl.execute(args);
        return new String[] {String.valueOf(rc), out.toString(), err.toString()};
    }
}
