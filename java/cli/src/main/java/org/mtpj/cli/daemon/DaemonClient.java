package org.mtpj.cli.daemon;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The Java end of {@code mtpj daemon stop|status}; commands are sent by native/mtpj_client.c. */
final class DaemonClient {
    private DaemonClient() {}

    /** Whether a daemon accepts connections on socket. */
    static boolean reachable(Path socket) {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Sends a stop or status request and returns the daemon's text. */
    static String ask(Path socket, byte kind) throws IOException {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            var out = Channels.newOutputStream(ch);
            out.write(DaemonProtocol.MAGIC);
            out.write(kind);
            out.flush();
            DataInputStream in = new DataInputStream(Channels.newInputStream(ch));
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            try {
                while (true) {
                    byte k = in.readByte();
                    byte[] b = new byte[in.readInt()];
                    in.readFully(b);
                    if (k == DaemonProtocol.TEXT) text.write(b);
                }
            } catch (EOFException end) {
                return text.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
