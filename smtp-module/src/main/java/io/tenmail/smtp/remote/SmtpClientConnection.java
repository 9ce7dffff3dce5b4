package io.tenmail.smtp.remote;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLSocket;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One client connection to a next hop: commands out, replies in, each read bounded by a timeout,
 * each write by the data-block timeout (a blocking socket has no write timeout, so a scheduled
 * task closes a socket whose write is stuck). Knows no SMTP beyond lines and replies. Commands and
 * replies are traced at TRACE under {@code io.tenmail.wire.smtp.remote}; secrets are sent with a masked trace.
 * Not thread-safe: one delivery uses it at a time.
 */
final class SmtpClientConnection implements Closeable {
    private static final Logger wire = LoggerFactory.getLogger("io.tenmail.wire.smtp.remote");
    private static final int BUFFER = 64 * 1024;

    private final NextHop hop;
    private final ScheduledExecutorService watchdog;
    private final Duration writeTimeout;
    private Socket socket;
    private OutputStream out;
    private ReplyReader replies;

    private SmtpClientConnection(NextHop hop, Socket socket, ScheduledExecutorService watchdog, Duration writeTimeout) throws IOException {
        this.hop = hop;
        this.watchdog = watchdog;
        this.writeTimeout = writeTimeout;
        attach(socket);
    }

    /** Connects (TCP only; implicit TLS is an {@link #upgrade} right after). */
    static SmtpClientConnection open(NextHop hop, SmtpTimeouts timeouts, ScheduledExecutorService watchdog) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(hop.socketAddress(), (int) timeouts.connect().toMillis());
            socket.setTcpNoDelay(true);
            return new SmtpClientConnection(hop, socket, watchdog, timeouts.dataBlock());
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    NextHop hop() {
        return hop;
    }

    /** Replaces the socket with its TLS layer: implicit TLS, or after STARTTLS's 220 (RFC 3207 §4.2: forget all state). */
    void upgrade(ClientTls tls, boolean verify, Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        SSLSocket secure = tls.handshake(socket, hop.hostName(), hop.port(), verify);
        attach(secure);
        wire.trace("{} TLS {} {}", hop, secure.getSession().getProtocol(), secure.getSession().getCipherSuite());
    }

    boolean isTls() {
        return socket instanceof SSLSocket;
    }

    /** The TLS protocol and cipher suite, for logs; empty without TLS. */
    String tlsDescription() {
        return socket instanceof SSLSocket s ? s.getSession().getProtocol() + " " + s.getSession().getCipherSuite() : "";
    }

    /** Queues a command line (CRLF appended) without sending it: PIPELINING groups (RFC 2920). */
    void send(String line) throws IOException {
        send(line, line);
    }

    /** Like {@link #send(String)}, tracing {@code shown} instead of a line that carries a secret. */
    void send(String line, String shown) throws IOException {
        if (wire.isTraceEnabled()) wire.trace("{} C: {}", hop, shown);
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Sends what is queued. */
    void flush() throws IOException {
        out.flush();
    }

    /** Reads the next reply, waiting at most {@code timeout}. */
    RemoteReply read(Duration timeout) throws IOException {
        socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
        RemoteReply reply = replies.read();
        if (wire.isTraceEnabled()) for (String line : reply.lines()) wire.trace("{} S: {} {}", hop, reply.code(), line);
        return reply;
    }

    /** Sends one command and reads its reply. */
    RemoteReply command(String line, Duration timeout) throws IOException {
        send(line);
        flush();
        return read(timeout);
    }

    /** The stream message data is written to (buffered; {@link #flush()} after the final dot). */
    OutputStream dataOut() {
        return out;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            wire.debug("{} close failed: {}", hop, e.toString()); // nothing left to do with this socket
        }
    }

    private void attach(Socket s) throws IOException {
        this.socket = s;
        InputStream in = new BufferedInputStream(s.getInputStream(), 8192);
        this.replies = new ReplyReader(in);
        this.out = new BufferedOutputStream(new GuardedOutputStream(s.getOutputStream()), BUFFER);
    }

    /** Closes the socket when one write blocks longer than the data-block timeout (RFC 5321 §4.5.3.2.5). */
    private final class GuardedOutputStream extends OutputStream {
        private final OutputStream target;

        GuardedOutputStream(OutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            Socket guarded = socket;
            ScheduledFuture<?> alarm = watchdog.schedule(() -> {
                try {
                    guarded.close();
                } catch (IOException e) {
                    wire.debug("{} close after write timeout failed: {}", hop, e.toString());
                }
            }, writeTimeout.toMillis(), TimeUnit.MILLISECONDS);
            try {
                target.write(b, off, len);
            } finally {
                alarm.cancel(false);
            }
        }

        @Override
        public void flush() throws IOException {
            target.flush();
        }
    }
}
