package io.tenmail.smtp.transport;

import io.tenmail.protocol.TlsMode;
import io.tenmail.smtp.session.ListenerRole;
import org.apache.mina.core.filterchain.DefaultIoFilterChainBuilder;
import org.apache.mina.filter.executor.ExecutorFilter;

/**
 * The MINA filter chain of an SMTP connection, in order:
 * <ol>
 *   <li><b>tls</b> — {@link TlsFilter} (MINA's SslFilter): from the start on SMTPS; on the other
 *       listeners inserted here by STARTTLS ({@link MinaConnection#startTls()}).
 *   <li><b>executor</b> — an {@link ExecutorFilter} ({@link OrderedExecutorFilter}) on an ordered
 *       thread pool: one connection's events run one at a time, in order, on a worker thread, never
 *       on an I/O thread, so a slow database or disk never stalls other connections
 *       (ARCHITECTURE.md). {@link ReadBackpressure} bounds what may queue up in front of it.
 *   <li><b>the wire decoders</b> — the {@code wire} package's {@code CommandLineDecoder}, {@code
 *       DataReader} and {@code BdatReader}, driven by the command dispatcher behind the executor
 *       rather than by a codec filter in front of it: how the bytes after a line are to be read
 *       (as commands, as DATA, as a BDAT chunk, as SASL responses, or discarded after STARTTLS)
 *       depends on the reply to that line, which is only known once the session has run it. A
 *       decoder on the I/O thread would have to guess, and guessing is how smuggling starts.
 *   <li>{@link SmtpIoHandler} — MINA events to the session and the dispatcher.
 * </ol>
 */
public final class SmtpFilterChain {
    static final String EXECUTOR = "executor";

    private SmtpFilterChain() {
    }

    /** The chain for a listener of this role. */
    static DefaultIoFilterChainBuilder build(ListenerRole role, TlsFilter tls, ExecutorFilter executor) {
        DefaultIoFilterChainBuilder chain = new DefaultIoFilterChainBuilder();
        if (role.tlsMode() == TlsMode.IMPLICIT) chain.addLast(MinaConnection.TLS_FILTER, tls);
        chain.addLast(EXECUTOR, executor);
        return chain;
    }
}
