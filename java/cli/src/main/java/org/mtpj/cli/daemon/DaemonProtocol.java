package org.mtpj.cli.daemon;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The bytes between {@code native/mtpj_client.c} and {@link DaemonServer} (docs/daemon.md).
 * Numbers are big-endian uint32; a string is its length and its UTF-8 bytes.
 *
 * <pre>
 * request:  "MTPJD1" kind          kind 'R' run: umask cwd argc args...   'S' stop   'Q' status
 * replies:  kind length payload    'A' taken (first; from here on the command may write files),
 *                                  'O' stdout bytes, 'E' stderr bytes, 'X' exit code (4 bytes, last),
 *                                  'B' not taken (instead of 'A': nothing was done, the client runs its own JVM),
 *                                  'T' status text (last)
 * </pre>
 */
final class DaemonProtocol {
    static final byte[] MAGIC = "MTPJD1".getBytes(StandardCharsets.US_ASCII);
    static final byte RUN = 'R', STOP = 'S', STATUS = 'Q';
    static final byte TAKEN = 'A', OUT = 'O', ERR = 'E', EXIT = 'X', BYPASS = 'B', TEXT = 'T';
    /** Longest string or argument list a request may carry: a bound, so a stray connection cannot fill the heap. */
    private static final int MAX_STRING = 1 << 20, MAX_ARGS = 4096;

    private DaemonProtocol() {}

    /** A command to run: the client's umask, working directory and arguments. */
    record Request(byte kind, int umask, Path cwd, String[] args) {}

    /** The request on in, or throws IOException when it is not one. */
    static Request read(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        byte[] magic = new byte[MAGIC.length];
        d.readFully(magic);
        if (!Arrays.equals(magic, MAGIC)) throw new IOException("not an mtpj client");
        byte kind = d.readByte();
        if (kind != RUN) return new Request(kind, 0, null, new String[0]);
        int umask = d.readInt();
        if ((umask & ~0777) != 0) throw new IOException("bad umask " + Integer.toOctalString(umask));
        Path cwd = Path.of(string(d));
        if (!cwd.isAbsolute()) throw new IOException("working directory not absolute: " + cwd);
        int argc = d.readInt();
        if (argc < 0 || argc > MAX_ARGS) throw new IOException("bad argument count " + argc);
        String[] args = new String[argc];
        for (int i = 0; i < argc; i++) args[i] = string(d);
        return new Request(kind, umask, cwd, args);
    }

    private static String string(DataInputStream d) throws IOException {
        int n = d.readInt();
        if (n < 0 || n > MAX_STRING) throw new IOException("bad string length " + n);
        byte[] b = new byte[n];
        d.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    /** Writes one reply frame. */
    static void frame(OutputStream out, byte kind, byte[] b, int off, int len) throws IOException {
        out.write(new byte[] {kind, (byte) (len >>> 24), (byte) (len >>> 16), (byte) (len >>> 8), (byte) len});
        out.write(b, off, len);
    }

    /** The exit frame. */
    static void exit(OutputStream out, int code) throws IOException {
        frame(out, EXIT, new byte[] {(byte) (code >>> 24), (byte) (code >>> 16), (byte) (code >>> 8), (byte) code}, 0, 4);
        out.flush();
    }

    /** A stream that sends what is written to it as frames of one kind (stdout or stderr). */
    static final class FrameStream extends OutputStream {
        private final OutputStream socket;
        private final byte kind;

        FrameStream(OutputStream socket, byte kind) {
            this.socket = socket;
            this.kind = kind;
        }

        @Override public void write(int b) throws IOException { write(new byte[] {(byte) b}, 0, 1); }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len == 0) return;
            synchronized (socket) {
                frame(socket, kind, b, off, len);
            }
        }

        @Override
        public void flush() throws IOException {
            synchronized (socket) {
                socket.flush();
            }
        }
    }

    /** Returns when the client closes its end (or the connection breaks): how the server notices a client that went away. */
    static void awaitClose(InputStream in) {
        try {
            while (in.read() >= 0) { /* a client sends nothing after its request */ }
        } catch (IOException e) {
            // reset or closed under us: gone as well
        }
    }
}
