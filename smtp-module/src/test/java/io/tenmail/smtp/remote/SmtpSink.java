package io.tenmail.smtp.remote;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * A scripted SMTP server on 127.0.0.1 for the outbound client's tests: a raw ServerSocket, one
 * thread per connection, replies decided by the public fields (changeable between attempts),
 * everything it hears recorded. Not a general SMTP server: just enough grammar for our client.
 */
final class SmtpSink implements AutoCloseable {
    volatile String greeting = "220 sink.test ESMTP";
    volatile List<String> extensions = List.of("PIPELINING", "8BITMIME", "ENHANCEDSTATUSCODES", "DSN", "SIZE 10000000");
    /** Serves STARTTLS (when offered in {@link #extensions}) or implicit TLS with this context. */
    volatile SSLContext tls;
    volatile boolean implicitTls;
    /** user:password accepted by AUTH PLAIN and LOGIN; null: AUTH refused. */
    volatile String credentials;
    /** The reply to RCPT: (recipient, number of this connection from 1) -> reply line. */
    volatile BiFunction<String, Integer, String> rcptReply = (rcpt, connection) -> "250 2.1.5 OK";
    volatile String mailReply = "250 2.1.0 OK";
    volatile String dataEndReply = "250 2.0.0 queued";
    /** Recipients accepted per transaction; more get 452 4.5.3 (RFC 5321 §4.5.3.1.10). 0: no limit. */
    volatile int recipientLimit;
    /** After 354, stop reading: the client's writes block once the socket buffers are full. */
    volatile boolean stallInData;
    /** Answer STARTTLS with 220 and then plain text instead of a TLS handshake. */
    volatile boolean brokenTls;

    final List<String> commands = new CopyOnWriteArrayList<>();
    final List<Message> messages = new CopyOnWriteArrayList<>();
    final AtomicInteger connections = new AtomicInteger();

    private final ServerSocket server;
    private final Thread acceptor;
    private final List<Socket> open = Collections.synchronizedList(new ArrayList<>());

    /** A message the sink accepted: envelope lines, the data as received (still dot-stuffed), whether TLS and AUTH were used. */
    record Message(String mailFrom, List<String> rcptTo, byte[] data, boolean tls, String authUser, int connection) {
        String text() {
            return new String(data, StandardCharsets.UTF_8);
        }
    }

    SmtpSink() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, "smtp-sink-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                open.add(s);
                int number = connections.incrementAndGet();
                Thread t = new Thread(() -> serve(s, number), "smtp-sink-conn-" + number);
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket, int number) {
        try (Socket s = socket) {
            Conversation c = new Conversation(s, number);
            c.run();
        } catch (IOException e) {
            // the client went away; the test looks at what was recorded
        } finally {
            open.remove(socket);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        synchronized (open) {
            for (Socket s : open) s.close();
        }
    }

    private final class Conversation {
        private Socket socket;
        private InputStream in;
        private OutputStream out;
        private final int number;
        private String mailFrom;
        private final List<String> rcpts = new ArrayList<>();
        private String authUser;

        Conversation(Socket socket, int number) throws IOException {
            this.number = number;
            attach(socket);
        }

        void attach(Socket s) throws IOException {
            socket = s;
            in = new BufferedInputStream(s.getInputStream());
            out = s.getOutputStream();
        }

        void run() throws IOException {
            if (implicitTls) upgrade();
            reply(greeting);
            if (!greeting.startsWith("2")) return;
            String line;
            while ((line = readLine()) != null) {
                commands.add(line);
                String upper = line.toUpperCase(java.util.Locale.ROOT);
                if (upper.startsWith("EHLO")) {
                    List<String> lines = new ArrayList<>();
                    lines.add("sink.test");
                    for (String e : extensions) {
                        if (e.equals("STARTTLS") && socket instanceof SSLSocket) continue;
                        lines.add(e);
                    }
                    multi(250, lines);
                } else if (upper.startsWith("HELO")) {
                    reply("250 sink.test");
                } else if (upper.equals("STARTTLS")) {
                    reply("220 2.0.0 go ahead");
                    if (brokenTls) {
                        reply("this is not TLS at all, just a broken middlebox");
                        continue;
                    }
                    upgrade();
                } else if (upper.startsWith("AUTH PLAIN")) {
                    String response = line.length() > 11 ? line.substring(11).trim() : challenge("334 ");
                    String[] parts = new String(Base64.getDecoder().decode(response), StandardCharsets.UTF_8).split("\0", -1);
                    authenticate(parts.length == 3 ? parts[1] : "", parts.length == 3 ? parts[2] : "");
                } else if (upper.equals("AUTH LOGIN")) {
                    String user = new String(Base64.getDecoder().decode(challenge("334 VXNlcm5hbWU6")), StandardCharsets.UTF_8);
                    String pass = new String(Base64.getDecoder().decode(challenge("334 UGFzc3dvcmQ6")), StandardCharsets.UTF_8);
                    authenticate(user, pass);
                } else if (upper.startsWith("MAIL FROM:")) {
                    reply(mailReply);
                    if (mailReply.startsWith("2")) {
                        mailFrom = line;
                        rcpts.clear();
                    }
                } else if (upper.startsWith("RCPT TO:")) {
                    if (mailFrom == null) {
                        reply("503 5.5.1 MAIL first");
                        continue;
                    }
                    String address = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
                    String r = recipientLimit > 0 && rcpts.size() >= recipientLimit ? "452 4.5.3 too many recipients"
                            : rcptReply.apply(address, number);
                    if (r.startsWith("2")) rcpts.add(line);
                    reply(r);
                } else if (upper.equals("DATA")) {
                    if (rcpts.isEmpty()) {
                        reply("554 5.5.1 no valid recipients");
                        continue;
                    }
                    reply("354 go ahead");
                    if (stallInData) {
                        // a stuck peer: read nothing more until the test closes the sink (polling is the point here)
                        while (!socket.isClosed() && !server.isClosed()) {
                            try {
                                Thread.sleep(50);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return;
                            }
                        }
                        return;
                    }
                    byte[] data = readData();
                    messages.add(new Message(mailFrom, List.copyOf(rcpts), data, socket instanceof SSLSocket, authUser, number));
                    mailFrom = null;
                    rcpts.clear();
                    reply(dataEndReply);
                } else if (upper.equals("RSET")) {
                    mailFrom = null;
                    rcpts.clear();
                    reply("250 2.0.0 OK");
                } else if (upper.equals("QUIT")) {
                    reply("221 2.0.0 bye");
                    return;
                } else {
                    reply("500 5.5.1 unknown command");
                }
            }
        }

        private void authenticate(String user, String pass) throws IOException {
            if (credentials != null && credentials.equals(user + ":" + pass)) {
                authUser = user;
                reply("235 2.7.0 authenticated");
            } else {
                reply("535 5.7.8 bad credentials");
            }
        }

        private String challenge(String prompt) throws IOException {
            reply(prompt);
            return readLine();
        }

        private void upgrade() throws IOException {
            SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket(socket, null, socket.getPort(), true);
            s.setUseClientMode(false);
            s.startHandshake();
            attach(s);
        }

        private byte[] readData() throws IOException {
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            while (true) {
                String line = readLine();
                if (line == null) throw new IOException("closed in DATA");
                if (line.equals(".")) return data.toByteArray();
                data.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
        }

        private String readLine() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    byte[] bytes = line.toByteArray();
                    int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                    return new String(bytes, 0, len, StandardCharsets.UTF_8);
                }
                line.write(b);
            }
            return null;
        }

        private void reply(String line) throws IOException {
            out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        private void multi(int code, List<String> lines) throws IOException {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < lines.size(); i++) b.append(code).append(i == lines.size() - 1 ? ' ' : '-').append(lines.get(i)).append("\r\n");
            out.write(b.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }
}
