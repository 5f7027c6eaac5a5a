package org.mtpj.cli.daemon;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import jdk.net.ExtendedSocketOptions;
import org.mtpj.cli.Main;
import org.mtpj.core.UserError;
import org.mtpj.host.AtomicOutput;
import picocli.CommandLine;

/**
 * One warm JVM that runs the short commands of {@code ./mtpj} for its clients, one at a time
 * (docs/daemon.md). What makes it safe to share:
 * <ul>
 *   <li>only the owner's processes are served (a 0700 folder and the peer's user id);</li>
 *   <li>a client that goes away mid-command (Ctrl-C, kill) ends the daemon as a signal would end
 *       that command's own JVM: the shutdown hook deletes its temporary files, no output is half
 *       written and existing files are untouched;</li>
 *   <li>what it cannot do as the command's own JVM would, it declines before doing anything and the
 *       client runs its own JVM: another command still running, other commands than {@link #SERVED},
 *       stdin/stdout/devices as files, or a jar rebuilt since the daemon started (it then exits).</li>
 * </ul>
 */
final class DaemonServer {
    /** The short commands whose start-up is most of their time, and that depend only on their arguments' files. */
    static final Set<String> SERVED = Set.of("calc-efs", "calc-errors", "calc-grade", "select-add", "convert", "info",
            "mindist", "compare");

    private final Path socket;
    private final long idleMillis;
    private final Path jar;
    private final FileTime jarTime;
    private final long started = System.currentTimeMillis();
    private final AtomicBoolean busy = new AtomicBoolean();
    private volatile long lastUse = System.currentTimeMillis();
    private volatile long served;
    private final UserPrincipal owner;

    DaemonServer(Path socket, long idleMillis) throws IOException {
        this.socket = socket;
        this.idleMillis = idleMillis;
        this.jar = jarPath();
        this.jarTime = Files.getLastModifiedTime(jar);
        this.owner = Files.getOwner(privateFolder(socket.getParent()));
    }

    /** The socket's folder, made 0700 if new; refused unless it is ours and closed to others. */
    static Path privateFolder(Path dir) throws IOException {
        if (!Files.isDirectory(dir))
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir);
        UserPrincipal me = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(System.getProperty("user.name"));
        if (!Files.getOwner(dir).equals(me) || !perms.equals(PosixFilePermissions.fromString("rwx------")))
            throw new UserError("daemon: " + dir + " must be a folder of yours that only you can open (chmod 700), is "
                    + PosixFilePermissions.toString(perms) + " of " + Files.getOwner(dir).getName());
        return dir;
    }

    /** Serves until stopped, idle for too long or the jar changes; never returns normally. */
    void serve(PrintWriter log) throws IOException {
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            if (Files.exists(socket)) {
                if (DaemonClient.reachable(socket)) throw new UserError("daemon: already running on " + socket);
                Files.delete(socket);   // left by a daemon that was killed
            }
            server.bind(UnixDomainSocketAddress.of(socket));
            // the pid file tells ./mtpj whether the socket is alive (a daemon killed with -9 leaves both)
            Path pid = Path.of(socket + ".pid");
            AtomicOutput.writeString(pid, ProcessHandle.current().pid() + "\n", StandardCharsets.US_ASCII);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Files.deleteIfExists(socket);
                    Files.deleteIfExists(pid);
                } catch (IOException ignored) {
                    // the next daemon replaces both itself
                }
            }, "mtpj-daemon-socket"));
            log.printf(Locale.ROOT, "mtpj daemon: pid %d serving %s on %s (exits after %.1f min idle)%n", ProcessHandle.current().pid(),
                    String.join(" ", SERVED.stream().sorted().toList()), socket, idleMillis / 60e3);
            log.flush();
            Thread idle = new Thread(this::exitWhenIdle, "mtpj-daemon-idle");
            idle.setDaemon(true);
            idle.start();
            while (true) {
                SocketChannel ch = server.accept();
                // a thread per connection: one that never sends its request must not hold up the others
                new Thread(() -> {
                    try {
                        accept(ch);
                    } catch (IOException | RuntimeException e) {
                        // a bare connect and close is how `daemon start` and `status` see whether one runs
                        if (!(e instanceof java.io.EOFException)) {
                            log.println("mtpj daemon: connection dropped: " + e);
                            log.flush();
                        }
                        try {
                            ch.close();
                        } catch (IOException ignored) {
                            // already broken
                        }
                    }
                }, "mtpj-daemon-connection").start();
            }
        }
    }

    private void accept(SocketChannel ch) throws IOException {
        if (!ch.getOption(ExtendedSocketOptions.SO_PEERCRED).user().equals(owner)) {
            ch.close();
            return;
        }
        InputStream in = Channels.newInputStream(ch);
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
        DaemonProtocol.Request r = DaemonProtocol.read(in);
        switch (r.kind()) {
            case DaemonProtocol.STOP -> {
                text(out, "mtpj daemon: stopped (pid " + ProcessHandle.current().pid() + ")");
                System.exit(0);
            }
            case DaemonProtocol.STATUS -> {
                text(out, String.format(Locale.ROOT, "mtpj daemon: pid %d, up %.0f s, %d commands served, %s, socket %s",
                        ProcessHandle.current().pid(), (System.currentTimeMillis() - started) * 1e-3, served,
                        busy.get() ? "running one now" : "idle", socket));
                ch.close();
            }
            case DaemonProtocol.RUN -> {
                if (!servable(r.args()) || !busy.compareAndSet(false, true)) {
                    bypass(out, ch);
                    return;
                }
                if (jarChanged()) {
                    bypass(out, ch);
                    System.exit(0);   // rebuilt: the next daemon starts from the new jar
                }
                try {
                    DaemonProtocol.frame(out, DaemonProtocol.TAKEN, new byte[0], 0, 0);
                    out.flush();
                } catch (IOException gone) {
                    busy.set(false);
                    throw gone;
                }
                run(r, ch, in, out);
            }
            default -> throw new IOException("unknown request kind " + r.kind());
        }
    }

    /** Whether the daemon runs these arguments exactly as the command's own JVM would. */
    static boolean servable(String[] args) {
        if (args.length == 0 || !SERVED.contains(args[0])) return false;
        // standard streams and devices as files are the client's, not this process's
        return Arrays.stream(args).map(a -> a.startsWith("--") && a.contains("=") ? a.substring(a.indexOf('=') + 1) : a)
                .noneMatch(a -> a.equals("-") || a.startsWith("/dev/") || a.startsWith("/proc/"));
    }

    private void run(DaemonProtocol.Request r, SocketChannel ch, InputStream in, OutputStream out) {
        AtomicBoolean done = new AtomicBoolean();
        Thread watch = new Thread(() -> {
            DaemonProtocol.awaitClose(in);
            // the client was interrupted or killed: end as its own JVM would (the hook removes temporary files)
            if (!done.get()) Runtime.getRuntime().exit(130);
        }, "mtpj-daemon-client-watch");
        watch.setDaemon(true);
        watch.start();
        PrintStream oldOut = System.out, oldErr = System.err;
        int code;
        try {
            ClientPaths paths = new ClientPaths(r.cwd());
            Charset cs = oldOut.charset();
            PrintStream cout = new PrintStream(new BufferedOutputStream(
                    paths.typedNames(new DaemonProtocol.FrameStream(out, DaemonProtocol.OUT), cs), 1 << 16), false, cs);
            PrintStream cerr = new PrintStream(paths.typedNames(new DaemonProtocol.FrameStream(out, DaemonProtocol.ERR), cs), true, cs);
            System.setOut(cout);
            System.setErr(cerr);
            ProcessUmask.set(r.umask());
            try {
                CommandLine cl = Main.commandLineFor(r.args());
                CommandLine.IExecutionStrategy inner = cl.getExecutionStrategy();
                cl.setExecutionStrategy(parsed -> {
                    paths.resolve(parsed);
                    return inner.execute(parsed);
                });
                cl.setOut(new PrintWriter(cout, false));
                cl.setErr(new PrintWriter(cerr, true));
                code = cl.execute(r.args());
                cl.getOut().flush();
                cl.getErr().flush();
            } finally {
                cout.flush();
                cerr.flush();
                System.setOut(oldOut);
                System.setErr(oldErr);
            }
            done.set(true);
            served++;
            DaemonProtocol.exit(out, code);
        } catch (IOException e) {
            // the client is gone after the command ended: nothing left to tell it
        } finally {
            done.set(true);
            try {
                ch.close();
            } catch (IOException ignored) {
                // closing a broken connection
            }
            lastUse = System.currentTimeMillis();
            busy.set(false);
        }
    }

    private boolean jarChanged() {
        try {
            return !Files.getLastModifiedTime(jar).equals(jarTime);
        } catch (IOException e) {
            return true;
        }
    }

    private void exitWhenIdle() {
        while (true) {
            try {
                Thread.sleep(Math.max(100, Math.min(idleMillis / 4, 10_000)));
            } catch (InterruptedException e) {
                return;
            }
            if (System.currentTimeMillis() - lastUse >= idleMillis && busy.compareAndSet(false, true)) {
                System.err.printf(Locale.ROOT, "mtpj daemon: idle for %.1f min, exiting%n", idleMillis / 60e3);
                System.exit(0);
            }
        }
    }

    /** The jar (or classes folder) this JVM runs from. */
    private static Path jarPath() {
        try {
            return Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bypass(OutputStream out, SocketChannel ch) throws IOException {
        DaemonProtocol.frame(out, DaemonProtocol.BYPASS, new byte[0], 0, 0);
        out.flush();
        ch.close();
    }

    private static void text(OutputStream out, String s) throws IOException {
        byte[] b = (s + "\n").getBytes(StandardCharsets.UTF_8);
        DaemonProtocol.frame(out, DaemonProtocol.TEXT, b, 0, b.length);
        out.flush();
    }
}
