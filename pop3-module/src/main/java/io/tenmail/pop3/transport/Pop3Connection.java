package io.tenmail.pop3.transport;

import io.tenmail.pop3.command.CommandDispatcher;
import io.tenmail.pop3.session.Pop3Session;
import io.tenmail.pop3.session.Pop3Session.TransportAction;
import io.tenmail.pop3.session.Pop3State;
import io.tenmail.pop3.wire.Continuation;
import io.tenmail.pop3.wire.InputLine;
import io.tenmail.pop3.wire.MessageContent;
import io.tenmail.pop3.wire.MultiLine;
import io.tenmail.pop3.wire.Pop3CommandLine;
import io.tenmail.pop3.wire.Replies;
import io.tenmail.pop3.wire.Reply;
import io.tenmail.pop3.wire.Response;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.future.DefaultWriteFuture;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.core.write.DefaultWriteRequest;
import org.apache.mina.core.future.WriteFuture;
import org.apache.mina.filter.ssl.DisableEncryptWriteRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * Drives one connection on the ordered executor: queues the lines the client sends (RFC 2449
 * PIPELINING), runs them one at a time through the {@link CommandDispatcher}, and writes the
 * responses with back-pressure. Every write is counted until MINA reports it sent; while
 * {@link #MAX_WRITES_IN_FLIGHT} writes or {@link #MAX_OCTETS_IN_FLIGHT} octets are unsent, no
 * further command runs and no further chunk of a message is read, so a client that stops reading
 * holds a bounded amount of server memory, and a 50 MB RETR streams in 64 KB chunks. When
 * {@link #MAX_PENDING_LINES} commands wait, reading from the socket is suspended as well.
 *
 * <p>Only the executor touches this object (one event of a connection at a time), so it needs
 * no locks.
 */
final class Pop3Connection {
    private static final Logger log = LoggerFactory.getLogger(Pop3Connection.class);
    private static final Logger wire = LoggerFactory.getLogger("io.tenmail.wire.pop3");

    /** Below the 6 unacknowledged writes MINA's SslFilter takes before it queues. */
    static final int MAX_WRITES_IN_FLIGHT = 4;
    /** Two message chunks. */
    static final long MAX_OCTETS_IN_FLIGHT = 2L * MessageTransfer.CHUNK_OCTETS;
    static final int MAX_PENDING_LINES = 64;

    private final IoSession io;
    private final Pop3Session session;
    private final CommandDispatcher dispatcher;
    private final SSLContext tls;
    private final long openedNanos = System.nanoTime();

    private final Deque<InputLine> pending = new ArrayDeque<>();
    private final Deque<IoBuffer> inFlight = new ArrayDeque<>(MAX_WRITES_IN_FLIGHT + 1);
    private long inFlightOctets;
    private MessageTransfer transfer;
    private long acceptedEpoch;
    private boolean readSuspended;
    private boolean closing;
    private String endReason = "dropped";

    Pop3Connection(IoSession io, Pop3Session session, CommandDispatcher dispatcher, SSLContext tls) {
        this.io = io;
        this.session = session;
        this.dispatcher = dispatcher;
        this.tls = tls;
    }

    Pop3Session session() {
        return session;
    }

    void opened() {
        write(Replies.GREETING.bytes(), Replies.GREETING);
    }

    void received(ReceivedLine line) {
        if (line.epoch() < acceptedEpoch || closing) return;   // plain text sent after STLS, or after QUIT
        pending.addLast(line.line());
        if (pending.size() >= MAX_PENDING_LINES && !readSuspended) {
            readSuspended = true;
            io.suspendRead();
        }
        pump();
    }

    void sent(Object message) {
        for (Iterator<IoBuffer> it = inFlight.iterator(); it.hasNext(); ) {
            IoBuffer buffer = it.next();
            if (buffer == message) {
                it.remove();
                inFlightOctets -= buffer.limit();
                break;
            }
        }
        pump();
    }

    /** Runs queued commands and continues a transfer for as long as the client keeps up. */
    private void pump() {
        while (!closing && inFlight.size() < MAX_WRITES_IN_FLIGHT && inFlightOctets < MAX_OCTETS_IN_FLIGHT) {
            if (transfer != null) {
                continueTransfer();
                continue;
            }
            InputLine line = pending.pollFirst();
            if (line == null) {
                if (readSuspended) {
                    readSuspended = false;
                    io.resumeRead();
                }
                return;
            }
            run(line);
        }
    }

    private void run(InputLine line) {
        if (wire.isTraceEnabled()) wire.trace("C: {}", masked(line, session.sasl() != null));
        Response response = dispatcher.dispatch(session, line);
        TransportAction action = session.takeTransportAction();
        if (action == TransportAction.START_TLS && response instanceof Reply reply && reply.ok()) {
            startTls(reply);
            return;
        }
        if (response instanceof Reply reply) {
            write(reply.bytes(), reply);
        } else if (response instanceof MultiLine lines) {
            write(lines.bytes(), lines.status());
        } else if (response instanceof Continuation continuation) {
            write(continuation.bytes(), "+ (challenge)");
        } else if (response instanceof MessageContent content) {
            if (wire.isTraceEnabled()) wire.trace("S: {}", content.status());
            transfer = new MessageTransfer(content);
        }
        if (action == TransportAction.CLOSE) {
            close(session.state() == Pop3State.UPDATE || response == Replies.BYE ? "quit" : "closed by server");
        }
    }

    private void continueTransfer() {
        IoBuffer chunk;
        try {
            chunk = transfer.nextChunk();
        } catch (IOException e) {
            // the +OK is out: the client cannot be told, the connection cannot be resynchronised
            log.error("reading a message from the blob store failed; closing the connection", e);
            closeTransfer();
            close("blob read error");
            return;
        }
        if (transfer.isFinished()) transfer = null;
        if (chunk.hasRemaining()) write(chunk);
    }

    /** RFC 2595 §4: +OK in plain text, then TLS; what the client pipelined after STLS is discarded. */
    private void startTls(Reply reply) {
        acceptedEpoch = Pop3LineFilter.beginTls(io);
        int dropped = pending.size();
        pending.clear();
        if (dropped > 0) log.info("discarded {} command(s) pipelined after STLS", dropped);
        io.getFilterChain().addFirst(Pop3FilterChain.TLS, Pop3FilterChain.tlsFilter(tls));
        session.tlsStarted();
        IoBuffer buffer = IoBuffer.wrap(reply.bytes());
        inFlight.addLast(buffer);
        inFlightOctets += buffer.limit();
        WriteFuture future = new DefaultWriteFuture(io);
        io.getFilterChain().fireFilterWrite(new PlainWriteRequest(buffer, future));
        if (wire.isTraceEnabled()) wire.trace("S: {}", reply);
    }

    private void write(byte[] bytes, Object traced) {
        if (wire.isTraceEnabled()) wire.trace("S: {}", traced);
        write(IoBuffer.wrap(bytes));
    }

    private void write(IoBuffer buffer) {
        inFlight.addLast(buffer);
        inFlightOctets += buffer.limit();
        io.write(buffer);
    }

    /** Closes once everything written has been sent. */
    private void close(String reason) {
        closing = true;
        endReason = reason;
        io.closeOnFlush();
    }

    void idle() {
        // RFC 1939 §3: the autologout timer closes the connection without a response and without UPDATE
        closing = true;
        endReason = "idle timeout";
        io.closeNow();
    }

    void failed(String reason) {
        closing = true;
        endReason = reason;
        io.closeNow();
    }

    /** The connection is gone, however it ended: nothing is deleted unless QUIT did it. */
    void closed() {
        closeTransfer();
        session.release();
        long discarded = Pop3LineFilter.discardedOctets(io);
        long millis = (System.nanoTime() - openedNanos) / 1_000_000;
        if (session.isLoggedIn()) {
            log.info("session end user={} state={} retrieved={} top={} deleted={} reason={} ms={}", session.principal().address(),
                    session.state(), session.retrieved(), session.topped(), session.removedCount(), endReason, millis);
        } else {
            log.info("session end state={} reason={} ms={}{}", session.state(), endReason, millis,
                    discarded > 0 ? " discarded-after-stls=" + discarded : "");
        }
    }

    private void closeTransfer() {
        if (transfer == null) return;
        try {
            transfer.close();
        } catch (IOException e) {
            log.debug("closing a message stream failed", e);
        }
        transfer = null;
    }

    private static String masked(InputLine line, boolean saslResponse) {
        if (line.tooLong()) return "(line too long)";
        if (saslResponse) return "***";
        try {
            return Pop3CommandLine.parse(line).toString();
        } catch (Exception e) {
            return "(malformed line)";
        }
    }

    /** A write that passes the TLS filter unencrypted: the STLS {@code +OK} goes out before the handshake. */
    private static final class PlainWriteRequest extends DefaultWriteRequest implements DisableEncryptWriteRequest {
        PlainWriteRequest(IoBuffer message, WriteFuture future) {
            super(message, future);
        }
    }
}
