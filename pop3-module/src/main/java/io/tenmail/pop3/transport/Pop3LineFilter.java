package io.tenmail.pop3.transport;

import io.tenmail.pop3.wire.LineAssembler;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.filterchain.IoFilterAdapter;
import org.apache.mina.core.session.AttributeKey;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.FilterEvent;
import org.apache.mina.filter.ssl.SslEvent;

/**
 * Splits received bytes into lines on the I/O thread (cheap, never blocking) and passes each on
 * as a {@link ReceivedLine}; writes pass through untouched (the connection writes encoded
 * {@link IoBuffer}s).
 *
 * <p>STLS, RFC 2595 §4: {@link #beginTls} (called by the connection, on an executor thread,
 * before the TLS filter goes in) discards the partial line and everything received from then on
 * until the handshake is complete ({@link IoSession#isSecured()}, or the {@link SslEvent#SECURED}
 * event, whichever is seen first), and starts a new epoch; lines of older epochs that are already
 * on their way to the executor are dropped by the connection. Plain text that was already past the
 * TLS filter's place when it went in arrives before the handshake can complete (the client cannot
 * finish it before reading our {@code +OK}), so it is discarded too. No command sent in plain text
 * after STLS is ever run, whichever thread gets there first.
 */
final class Pop3LineFilter extends IoFilterAdapter {
    private static final AttributeKey STATE = new AttributeKey(Pop3LineFilter.class, "lines");

    private final int maxLineOctets;

    Pop3LineFilter(int maxLineOctets) {
        this.maxLineOctets = maxLineOctets;
    }

    /** Per-connection state; guarded by its own monitor (I/O thread and executor both touch it). */
    private static final class State {
        final LineAssembler assembler;
        long epoch;
        boolean discarding;
        long discardedOctets;

        State(int maxLineOctets) {
            assembler = new LineAssembler(maxLineOctets);
        }
    }

    @Override
    public void sessionCreated(NextFilter next, IoSession session) throws Exception {
        session.setAttribute(STATE, new State(maxLineOctets));
        super.sessionCreated(next, session);
    }

    @Override
    public void messageReceived(NextFilter next, IoSession session, Object message) throws Exception {
        if (!(message instanceof IoBuffer buffer)) {
            next.messageReceived(session, message);
            return;
        }
        State state = state(session);
        synchronized (state) {
            if (state.discarding) {
                if (!session.isSecured()) {
                    state.discardedOctets += buffer.remaining();
                    buffer.position(buffer.limit());
                    return;
                }
                // decrypted data can come before the SECURED event (SslFilter's non-blocking
                // pipeline forwards received data first); the session's secured flag is set before either
                tlsUp(state);
            }
            long epoch = state.epoch;
            // the executor filter only queues the line: no blocking under this monitor
            state.assembler.feed(buffer.buf(), line -> next.messageReceived(session, new ReceivedLine(line, epoch)));
        }
    }

    @Override
    public void event(NextFilter next, IoSession session, FilterEvent event) throws Exception {
        if (event == SslEvent.SECURED) {
            State state = state(session);
            synchronized (state) {
                if (state.discarding) tlsUp(state);
            }
        }
        super.event(next, session, event);
    }

    private static void tlsUp(State state) {
        state.discarding = false;
        state.assembler.clear();
    }

    /**
     * From now until TLS is up, received bytes are discarded; returns the epoch of the lines that
     * will come through TLS.
     */
    static long beginTls(IoSession session) {
        State state = state(session);
        synchronized (state) {
            state.discarding = true;
            state.discardedOctets += state.assembler.buffered();
            state.assembler.clear();
            return ++state.epoch;
        }
    }

    /** Octets received in plain text after STLS and thrown away. */
    static long discardedOctets(IoSession session) {
        State state = state(session);
        synchronized (state) {
            return state.discardedOctets;
        }
    }

    private static State state(IoSession session) {
        return (State) session.getAttribute(STATE);
    }
}
