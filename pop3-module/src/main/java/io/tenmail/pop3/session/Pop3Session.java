package io.tenmail.pop3.session;

import io.tenmail.pop3.session.MaildropLocks.MaildropLock;
import io.tenmail.storage.model.Principal;

import java.net.InetAddress;
import java.util.Objects;

/**
 * One POP3 connection's state (RFC 1939 §3): the {@link Pop3State}, and only the data valid in
 * it: the user name given by USER and a SASL exchange in progress while in AUTHORIZATION; the
 * principal, the maildrop lock and the {@link Maildrop} from TRANSACTION on. Only the methods here
 * change the state. Not thread-safe: the transport's ordered executor runs one event of a
 * connection at a time.
 *
 * <p>Handlers ask the transport for what only it can do ({@link #requestStartTls()},
 * {@link #requestClose()}); it takes the request with {@link #takeTransportAction()} after sending
 * the reply.
 */
public final class Pop3Session {

    /** What the transport must do after sending the current reply. */
    public enum TransportAction { NONE, START_TLS, CLOSE }

    /** How a connection arrived, fixed when it opens. */
    public record Connection(String id, InetAddress client, boolean stlsOffered, boolean tlsFromStart,
                             boolean plaintextLoginAllowed) {
        public Connection {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(client, "client");
        }
    }

    private final Connection connection;
    private Pop3State state = Pop3State.AUTHORIZATION;
    private boolean secure;
    private TransportAction action = TransportAction.NONE;

    // AUTHORIZATION
    private String user;
    private SaslExchange sasl;
    private int failedLogins;

    // TRANSACTION and UPDATE
    private Principal principal;
    private MaildropLock lock;
    private Maildrop maildrop;
    private int retrieved;
    private int topped;
    private int removed;

    public Pop3Session(Connection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.secure = connection.tlsFromStart();
    }

    public Pop3State state() {
        return state;
    }

    public Connection connection() {
        return connection;
    }

    public String id() {
        return connection.id();
    }

    public InetAddress client() {
        return connection.client();
    }

    /** Whether the connection is encrypted: implicit TLS, or STLS completed. */
    public boolean isSecure() {
        return secure;
    }

    /**
     * Whether USER/PASS and AUTH may be used now: on an encrypted connection, or in plain text
     * when the settings allow it for this client (loopback). RFC 2595 §2.2 wants the server to
     * refuse plain-text passwords before TLS.
     */
    public boolean mayLogIn() {
        return secure || connection.plaintextLoginAllowed();
    }

    /** Whether STLS can be offered now: on the STLS port, before TLS and before login. */
    public boolean stlsAvailable() {
        return connection.stlsOffered() && !secure && state == Pop3State.AUTHORIZATION;
    }

    // ---- AUTHORIZATION

    /** USER: remembers the name for PASS (RFC 1939 §7); a second USER replaces it. */
    public void userGiven(String name) {
        requireState(Pop3State.AUTHORIZATION);
        this.user = Objects.requireNonNull(name, "name");
    }

    /** The name given by USER, or null. */
    public String user() {
        return user;
    }

    public void startSasl(SaslExchange exchange) {
        requireState(Pop3State.AUTHORIZATION);
        this.sasl = Objects.requireNonNull(exchange, "exchange");
    }

    /** The AUTH exchange waiting for a response line, or null. */
    public SaslExchange sasl() {
        return sasl;
    }

    public void endSasl() {
        sasl = null;
    }

    /**
     * A login failed: RFC 1939 §7 returns the session to the start of AUTHORIZATION, so the name
     * given by USER is forgotten. Returns the failures on this connection so far.
     */
    public int loginFailed() {
        user = null;
        sasl = null;
        return ++failedLogins;
    }

    /**
     * A login could not complete for a reason other than the credentials (throttled, maildrop in
     * use, store unavailable): back to the start of AUTHORIZATION without counting a failure.
     */
    public void abandonLogin() {
        user = null;
        sasl = null;
    }

    /** A login succeeded and the maildrop is locked and listed: AUTHORIZATION to TRANSACTION. */
    public void loggedIn(Principal principal, MaildropLock lock, Maildrop maildrop) {
        requireState(Pop3State.AUTHORIZATION);
        this.principal = Objects.requireNonNull(principal, "principal");
        this.lock = Objects.requireNonNull(lock, "lock");
        this.maildrop = Objects.requireNonNull(maildrop, "maildrop");
        this.user = null;
        this.sasl = null;
        this.state = Pop3State.TRANSACTION;
    }

    // ---- TRANSACTION

    /** Who is logged in; only from TRANSACTION on. */
    public Principal principal() {
        if (principal == null) throw new IllegalStateException("not logged in");
        return principal;
    }

    /** The maildrop; only from TRANSACTION on. */
    public Maildrop maildrop() {
        if (maildrop == null) throw new IllegalStateException("not logged in");
        return maildrop;
    }

    public boolean isLoggedIn() {
        return principal != null;
    }

    /** A RETR was answered (for the session-end log line). */
    public void retrievedOne() {
        retrieved++;
    }

    public int retrieved() {
        return retrieved;
    }

    /** A TOP was answered (some clients, fetchmail among them, download with TOP instead of RETR). */
    public void toppedOne() {
        topped++;
    }

    public int topped() {
        return topped;
    }

    /** QUIT in TRANSACTION: RFC 1939 §6, TRANSACTION to UPDATE. */
    public void enterUpdate() {
        requireState(Pop3State.TRANSACTION);
        state = Pop3State.UPDATE;
    }

    /** How many messages the UPDATE state removed. */
    public void removed(int count) {
        requireState(Pop3State.UPDATE);
        removed = count;
    }

    public int removedCount() {
        return removed;
    }

    // ---- transport requests

    /** STLS accepted: the transport starts TLS after the {@code +OK}. */
    public void requestStartTls() {
        action = TransportAction.START_TLS;
    }

    /** TLS is up after STLS; the session starts over as far as the client is concerned (RFC 2595 §4). */
    public void tlsStarted() {
        secure = true;
        user = null;
        sasl = null;
    }

    /** The transport closes the connection after the reply. */
    public void requestClose() {
        action = TransportAction.CLOSE;
    }

    /** The pending request, cleared. */
    public TransportAction takeTransportAction() {
        TransportAction taken = action;
        action = TransportAction.NONE;
        return taken;
    }

    /** Releases the maildrop lock; called when the connection ends, however it ends. Idempotent. */
    public void release() {
        if (lock != null) lock.close();
    }

    private void requireState(Pop3State expected) {
        if (state != expected) throw new IllegalStateException("session is in " + state + ", not " + expected);
    }
}
