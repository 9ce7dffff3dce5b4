package io.tenmail.imap.it;

import io.tenmail.storage.model.Account;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLSocket;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * COMPRESS=DEFLATE (RFC 4978) against the real server, the client side done with java.util.zip:
 * raw DEFLATE both ways, each client write sync-flushed.
 */
class CompressIT {
    @TempDir
    static Path dir;
    static ImapTestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new ImapTestServer(dir);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    /** A raw client that reads lines unbuffered until compression starts, then through an Inflater. */
    static final class DeflatingClient implements AutoCloseable {
        private final Socket socket;
        private final InputStream rawIn;
        private final OutputStream rawOut;
        private InputStream in;
        private OutputStream out;

        DeflatingClient(Socket socket) throws IOException {
            this.socket = socket;
            socket.setSoTimeout(15_000);
            rawIn = socket.getInputStream();
            rawOut = socket.getOutputStream();
        }

        String rawLine() throws IOException {
            return line(rawIn);
        }

        /**
         * One line, read octet by octet: a Reader over an InflaterInputStream would block, as
         * InflaterInputStream.available() says 1 until the end of the stream.
         */
        private static String line(InputStream from) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = from.read()) >= 0 && b != '\n') line.write(b);
            if (b < 0) return null;
            String s = line.toString(StandardCharsets.UTF_8);
            return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
        }

        List<String> rawCommand(String tag, String command) throws IOException {
            rawOut.write((tag + " " + command + "\r\n").getBytes(StandardCharsets.UTF_8));
            rawOut.flush();
            List<String> lines = new ArrayList<>();
            String line;
            do {
                line = rawLine();
                if (line == null) throw new IOException("connection closed; got " + lines);
                lines.add(line);
            } while (!line.startsWith(tag + " "));
            return lines;
        }

        void startCompression() {
            in = new BufferedInputStream(new InflaterInputStream(rawIn, new Inflater(true)));
            out = new DeflaterOutputStream(rawOut, new Deflater(Deflater.DEFAULT_COMPRESSION, true), true);
        }

        void send(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        String readLine() throws IOException {
            return line(in);
        }

        List<String> command(String tag, String command) throws IOException {
            send((tag + " " + command + "\r\n").getBytes(StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            String line;
            do {
                line = line(in);
                if (line == null) throw new IOException("connection closed; got " + lines);
                lines.add(line);
            } while (!line.startsWith(tag + " "));
            return lines;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static DeflatingClient loggedIn(Socket socket, Account a) throws IOException {
        DeflatingClient c = new DeflatingClient(socket);
        assertThat(c.rawLine()).startsWith("* OK");
        assertThat(c.rawCommand("l", "LOGIN " + a.address() + " " + ImapTestServer.PASSWORD)).last().asString().startsWith("l OK");
        return c;
    }

    private static void runCompressedSession(DeflatingClient c) throws IOException {
        assertThat(c.rawCommand("c", "CAPABILITY").get(0)).contains(" COMPRESS=DEFLATE");
        // RFC 4978 §3: the tagged OK is the last thing sent uncompressed
        assertThat(c.rawCommand("z", "COMPRESS DEFLATE")).containsExactly("z OK DEFLATE active");
        c.startCompression();
        assertThat(c.command("s", "SELECT INBOX")).contains("* 2 EXISTS").last().asString().startsWith("s OK [READ-WRITE]");
        List<String> fetch = c.command("f", "FETCH 2 (BODY.PEEK[])");
        assertThat(fetch.get(0)).matches("\\* 2 FETCH \\(BODY\\[] \\{\\d+}");
        assertThat(fetch).contains("Subject: large").filteredOn(l -> l.startsWith("0123456789")).hasSize(20_000);
        assertThat(c.command("n", "NOOP")).containsExactly("n OK NOOP completed");
        assertThat(c.command("y", "COMPRESS DEFLATE")).containsExactly("y NO [COMPRESSIONACTIVE] DEFLATE is already active");
        assertThat(c.command("o", "LOGOUT")).first().asString().startsWith("* BYE");
    }

    private static Account mailbox() throws Exception {
        Account a = server.account("zip");
        server.deliver(a, "INBOX", "Subject: small\n\nhello\n");
        server.deliver(a, "INBOX", "Subject: large\n\n" + "0123456789 the same line again and again\n".repeat(20_000));
        return a;
    }

    @Test
    void commandsAndLargeResponsesRunCompressed() throws Exception {
        Account a = mailbox();
        try (DeflatingClient c = loggedIn(new Socket(InetAddress.getLoopbackAddress(), server.imapPort()), a)) {
            runCompressedSession(c);
        }
    }

    @Test
    void compressionRunsInsideImplicitTls() throws Exception {
        Account a = mailbox();
        SSLSocket tls = (SSLSocket) server.clientTls().getSocketFactory()
                .createSocket(InetAddress.getLoopbackAddress(), server.imapsPort());
        tls.startHandshake();
        try (DeflatingClient c = loggedIn(tls, a)) {
            runCompressedSession(c);
        }
    }

    @Test
    void compressIsRefusedBeforeLoginAndForUnknownAlgorithms() throws Exception {
        Account a = server.account("zip");
        try (DeflatingClient c = new DeflatingClient(new Socket(InetAddress.getLoopbackAddress(), server.imapPort()))) {
            c.rawLine();
            assertThat(c.rawCommand("a", "COMPRESS DEFLATE")).last().asString().startsWith("a BAD ");
            c.rawCommand("l", "LOGIN " + a.address() + " " + ImapTestServer.PASSWORD);
            assertThat(c.rawCommand("b", "COMPRESS LZMA")).last().asString().startsWith("b BAD ");
            assertThat(c.rawCommand("n", "NOOP")).containsExactly("n OK NOOP completed");
        }
    }

    @Test
    void aDecompressionBombClosesTheConnectionOnly() throws Exception {
        Account a = server.account("zip");
        try (DeflatingClient c = loggedIn(new Socket(InetAddress.getLoopbackAddress(), server.imapPort()), a)) {
            c.rawCommand("z", "COMPRESS DEFLATE");
            c.startCompression();
            // 100 MiB of one octet deflate to about 100 KiB; the server must not buffer what they inflate to
            byte[] zeros = new byte[1024 * 1024];
            java.util.Arrays.fill(zeros, (byte) 'a');
            Throwable t = catchThrowable(() -> {
                for (int i = 0; i < 100; i++) c.send(zeros);
                while (c.readLine() != null) {
                    // a BAD for the overlong line may come first; the connection must end
                }
            });
            assertThat(t == null || t instanceof IOException).as("closed, not timed out: %s", t).isTrue();
            assertThat(t).isNotInstanceOf(java.net.SocketTimeoutException.class);
        }
        // other clients are not affected
        try (DeflatingClient other = loggedIn(new Socket(InetAddress.getLoopbackAddress(), server.imapPort()), a)) {
            assertThat(other.rawCommand("n", "NOOP")).containsExactly("n OK NOOP completed");
        }
    }
}
