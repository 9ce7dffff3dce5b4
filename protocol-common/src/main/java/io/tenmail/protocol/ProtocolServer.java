package io.tenmail.protocol;

import java.util.List;

/**
 * A protocol server (SMTP, IMAP, POP3) as the composition root sees it. Each protocol module
 * provides one as an {@code @ApplicationScoped} CDI bean; {@code deploy}'s Main starts every bean
 * of this type it finds, in no particular order, and closes them in reverse order at shutdown.
 *
 * <p>Contract: {@link #start()} binds all of the server's listeners or, when one cannot be bound,
 * releases the ones it bound and throws {@link ListenerBindException}; it is called once.
 * {@link #close()} stops accepting, closes open connections and releases the ports; it may be
 * called more than once and also after a failed start.
 */
public interface ProtocolServer extends AutoCloseable {

    /** Short name for logs: "smtp", "imap", "pop3". */
    String name();

    /** Binds the listeners; each one logs its "listening ..." line. */
    void start() throws ListenerBindException;

    /** The listeners bound by {@link #start()}; empty before it and after {@link #close()}. */
    List<BoundListener> listeners();

    @Override
    void close();
}
