package io.tenmail.smtp.spam.external;

import io.tenmail.smtp.remote.HostPort;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * ClamAV's clamd over TCP, command {@code zINSTREAM} (clamd(8)): the message goes in chunks, each
 * a 4-octet big-endian length and the data, ended by a zero length; the answer, NUL-terminated, is
 * {@code stream: OK}, {@code stream: <signature> FOUND} or {@code ... ERROR}. Chunks are at most
 * 64 KiB, below clamd's default StreamMaxLength chunking. Thread-safe (a connection per scan).
 */
public final class ClamdClient {
    private static final int CHUNK = 64 * 1024;

    private final HostPort server;
    private final Duration timeout;

    public ClamdClient(HostPort server, Duration timeout) {
        this.server = server;
        this.timeout = timeout;
    }

    /** The signature found, or empty for a clean message. */
    public Optional<String> scan(InputStream message) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(server.host(), server.port()), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
            byte[] buffer = new byte[CHUNK];
            for (int n; (n = message.read(buffer)) > 0; ) {
                out.writeInt(n);
                out.write(buffer, 0, n);
            }
            out.writeInt(0);
            out.flush();
            String reply = readReply(socket.getInputStream());
            if (reply.endsWith(" OK")) return Optional.empty();
            if (reply.endsWith(" FOUND")) {
                String rest = reply.substring(reply.indexOf(':') + 1, reply.length() - " FOUND".length()).trim();
                return Optional.of(rest);
            }
            throw new IOException("clamd answered \"" + reply + "\"");
        }
    }

    private static String readReply(InputStream in) throws IOException {
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        for (int b; (b = in.read()) != -1 && b != 0 && b != '\n'; ) {
            if (reply.size() > 4096) throw new IOException("clamd's answer is too long");
            reply.write(b);
        }
        return reply.toString(StandardCharsets.US_ASCII).trim();
    }

}
