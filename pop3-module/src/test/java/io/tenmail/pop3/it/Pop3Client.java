package io.tenmail.pop3.it;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A raw POP3 conversation over a socket, for protocol-level tests. Lines are sent exactly as given. */
final class Pop3Client implements AutoCloseable {
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    private Pop3Client(Socket socket) throws IOException {
        use(socket);
    }

    static Pop3Client connect(int port) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        return new Pop3Client(socket);
    }

    static Pop3Client connectTls(int port, SSLContext tls) throws IOException {
        SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port);
        socket.startHandshake();
        return new Pop3Client(socket);
    }

    private void use(Socket s) throws IOException {
        socket = s;
        socket.setSoTimeout(15_000);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** Upgrades the connection after {@code +OK} to STLS. */
    void startTls(SSLContext tls) throws IOException {
        SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(socket, "localhost", socket.getPort(), true);
        secure.setUseClientMode(true);
        secure.startHandshake();
        use(secure);
    }

    void send(String line) throws IOException {
        sendRaw((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** One line without its CRLF; fails unless it ends with CRLF. */
    String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) throw new IOException("connection closed; read so far: " + line.toString(StandardCharsets.UTF_8));
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                if (bytes.length == 0 || bytes[bytes.length - 1] != '\r') throw new IOException("line without CR: " + line);
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
            }
            line.write(b);
        }
    }

    String command(String line) throws IOException {
        send(line);
        return readLine();
    }

    /** The lines of a multi-line body up to the terminator, with byte-stuffing removed. */
    List<String> readBody() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line = readLine(); !line.equals("."); line = readLine()) {
            lines.add(line.startsWith(".") ? line.substring(1) : line);
        }
        return lines;
    }

    /** The body as octets: each line with CRLF, byte-stuffing removed. */
    byte[] readBodyBytes() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String line : readBody()) body.writeBytes((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    /** Reads the greeting, logs in with USER/PASS and returns the PASS reply. */
    String login(String user, String password) throws IOException {
        String greeting = readLine();
        if (!greeting.startsWith("+OK")) throw new IOException("greeting: " + greeting);
        String userReply = command("USER " + user);
        if (!userReply.startsWith("+OK")) return userReply;
        return command("PASS " + password);
    }

    /** Whether the server closes the connection within the socket timeout, reading nothing more. */
    boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;   // reset
        }
    }

    void timeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    /** Drops the connection without QUIT. */
    void drop() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
