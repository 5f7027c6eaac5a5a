package org.mtpj.cli.daemon;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mtpj.core.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mtpj daemon start|stop|status|run}: the warm JVM of {@link DaemonServer}. */
@Command(name = "daemon", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Keep one warm JVM for short commands (start, stop, status).",
            "",
            "While a daemon runs, ./mtpj sends calc-efs, calc-errors, calc-grade, select-add, convert, info, mindist and compare"
                    + " to it instead of starting a JVM: the same output, exit code and files, without the JVM's start-up and"
                    + " warm-up (about 0.2-0.4 s a command; docs/daemon.md). MTPJ_DAEMON=1 starts one on first use;"
                    + " MTPJ_DAEMON=0 never uses one. One command at a time: a second one at the same moment, stdin/stdout as a"
                    + " file, MTPJ_JAVA_OPTS or a rebuilt jar run in their own JVM as before. Only your own processes are served."
                    + " Ctrl-C of a command ends the daemon with it (as it would end that command's JVM): no half-written file.",
            "The daemon exits after --idle minutes without a command; its log is SOCKET.log.", ""})
public final class DaemonCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ACTION", description = "start (in the background), stop, status, or run (in the foreground).")
    String action;

    @Option(names = "--idle", paramLabel = "MIN", defaultValue = "30",
            description = "Minutes without a command after which the daemon exits (default ${DEFAULT-VALUE}; 0.5 = 30 s).")
    double idleMinutes;

    @Option(names = "--socket", paramLabel = "FILE", defaultValue = "${env:MTPJ_DAEMON_SOCKET}",
            description = "The daemon's socket (default: the one ./mtpj chooses for this checkout, in $XDG_RUNTIME_DIR/mtpj-UID or /tmp/mtpj-UID).")
    Path socket;

    @Override
    public Integer call() throws IOException {
        if (socket == null) throw new UserError("daemon: no socket: run it through ./mtpj, or give --socket FILE");
        if (!(idleMinutes > 0)) throw new UserError("daemon: --idle must be a positive number of minutes, got " + idleMinutes);
        PrintWriter out = spec.commandLine().getOut();
        switch (action) {
            case "run" -> new DaemonServer(socket, Math.round(idleMinutes * 60_000)).serve(out);
            case "start" -> start(out);
            case "stop", "status" -> {
                if (!DaemonClient.reachable(socket)) {
                    out.println("mtpj daemon: not running (" + socket + ")");
                    return action.equals("status") ? 1 : 0;
                }
                out.print(DaemonClient.ask(socket, action.equals("stop") ? DaemonProtocol.STOP : DaemonProtocol.STATUS));
            }
            default -> throw new UserError("daemon: ACTION must be start, stop, status or run, got '" + action + "'");
        }
        out.flush();
        return 0;
    }

    /** Starts `daemon run` in its own session (it outlives this process and the terminal) and waits until it serves. */
    private void start(PrintWriter out) throws IOException {
        if (DaemonClient.reachable(socket)) {
            out.print(DaemonClient.ask(socket, DaemonProtocol.STATUS).replace("mtpj daemon:", "mtpj daemon: already running:"));
            return;
        }
        DaemonServer.privateFolder(socket.getParent());
        List<String> cmd = new ArrayList<>(List.of("setsid", ProcessHandle.current().info().command().orElse("java")));
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.mtpj.cli.Main", "daemon", "run",
                "--socket", socket.toString(), "--idle", Double.toString(idleMinutes)));
        Path log = Path.of(socket + ".log");
        Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(log.toFile()).redirectErrorStream(true).start();
        for (long t0 = System.nanoTime(); System.nanoTime() - t0 < 30e9; ) {
            if (DaemonClient.reachable(socket)) {
                out.print(DaemonClient.ask(socket, DaemonProtocol.STATUS).replace("mtpj daemon:", "mtpj daemon: started:"));
                return;
            }
            if (!p.isAlive()) break;
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new UserError("daemon: did not start; its log " + log + " says: " + String.join(" | ", Files.readAllLines(log)));
    }
}
