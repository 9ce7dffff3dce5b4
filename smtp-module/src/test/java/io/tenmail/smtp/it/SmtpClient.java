package io.tenmail.smtp.it;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A raw SMTP client for protocol tests: sends exactly the bytes it is given and reads replies
 * line by line, so that error paths, pipelining and smuggling payloads can be written down as
 * they go over the wire. TLS trusts any certificate (the server's is self-signed).
 */
public final class SmtpClient implements AutoCloseable {
    private static final int TIMEOUT_MILLIS = 15_000;

    private Socket socket;
    private InputStream in;
    private OutputStream out;

    private SmtpClient(Socket socket) throws IOException {
        use(socket);
    }

    /** Connects in clear text and reads nothing yet. */
    public static SmtpClient connect(int port) throws IOException {
        return new SmtpClient(new Socket(InetAddress.getLoopbackAddress(), port));
    }

    /** Connects with implicit TLS (SMTPS). */
    public static SmtpClient connectTls(int port) throws IOException {
        Socket plain = new Socket(InetAddress.getLoopbackAddress(), port);
        return new SmtpClient(handshake(plain));
    }

    private void use(Socket s) throws IOException {
        this.socket = s;
        s.setSoTimeout(TIMEOUT_MILLIS);
        this.in = s.getInputStream();
        this.out = s.getOutputStream();
    }

    private static SSLSocket handshake(Socket plain) throws IOException {
        SSLSocket tls = (SSLSocket) trustAll().getSocketFactory().createSocket(plain, "localhost", plain.getPort(), true);
        tls.setUseClientMode(true);
        tls.startHandshake();
        return tls;
    }

    /** Upgrades the connection after the server's 220 to STARTTLS. */
    public void startTls() throws IOException {
        use(handshake(socket));
    }

    public boolean isTls() {
        return socket instanceof SSLSocket;
    }

    /** Sends a command line with CRLF. */
    public void send(String line) throws IOException {
        sendRaw(line + "\r\n");
    }

    /** Sends exactly these characters (ISO-8859-1, so "\u00e9" is one octet). */
    public void sendRaw(String text) throws IOException {
        sendRaw(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    public void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    private String peeked;

    /** The next line, left to be read again by {@link #readLine()}. */
    public String peekLine() throws IOException {
        if (peeked == null) peeked = readLine();
        return peeked;
    }

    /** Ends the client's sending side (TCP half-close), as a script piping into nc does. */
    public void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    /** Reads one line without its CRLF; null at the end of the stream. */
    public String readLine() throws IOException {
        if (peeked != null) {
            String line = peeked;
            peeked = null;
            return line;
        }
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') break;
            line.write(b);
        }
        if (b == -1 && line.size() == 0) return null;
        String text = line.toString(StandardCharsets.UTF_8);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    /** Reads one reply, all its lines; the last is the one with a space after the code. */
    public List<String> readReplyLines() throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = readLine();
            if (line == null) throw new IOException("connection closed after " + lines);
            lines.add(line);
            if (line.length() < 4 || line.charAt(3) != '-') return lines;
        }
    }

    /** Reads one reply and returns its last line, e.g. {@code 250 2.1.5 Recipient OK}. */
    public String reply() throws IOException {
        List<String> lines = readReplyLines();
        return lines.get(lines.size() - 1);
    }

    /** Sends a command and returns the last line of its reply. */
    public String cmd(String line) throws IOException {
        send(line);
        return reply();
    }

    /** Reads the greeting, says EHLO and returns the EHLO reply's lines. */
    public List<String> hello() throws IOException {
        reply();
        send("EHLO client.example.test");
        return readReplyLines();
    }

    /** STARTTLS (expecting 220), the handshake, and EHLO again. */
    public List<String> secure() throws IOException {
        String ready = cmd("STARTTLS");
        if (!ready.startsWith("220")) throw new IOException("STARTTLS refused: " + ready);
        startTls();
        send("EHLO client.example.test");
        return readReplyLines();
    }

    /** AUTH PLAIN with an initial response; returns the reply. */
    public String login(String user, String password) throws IOException {
        return cmd("AUTH PLAIN " + plain(user, password));
    }

    public static String plain(String user, String password) {
        return Base64.getEncoder().encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** True if the server closed the connection (reads the end of the stream within the timeout). */
    /** Everything the server sends until it closes the connection or goes quiet for the timeout. */
    public String receivedUntilClosedOrQuiet() {
        java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
        try {
            for (int b = in.read(); b != -1; b = in.read()) got.write(b);
        } catch (IOException e) {
            // closed, reset or quiet: what arrived so far is the answer
        }
        return got.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    public boolean closedByServer() throws IOException {
        try {
            while (true) {
                int b = in.read();
                if (b == -1) return true;
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;   // reset by the server
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    static SSLContext trustAll() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                    // the test server's certificate is self-signed
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
