package io.tenmail.smtp.session;

import io.tenmail.smtp.SmtpSettings;
import io.tenmail.smtp.wire.BdatReader;
import io.tenmail.smtp.wire.ClientDomain;
import io.tenmail.smtp.wire.CommandLineDecoder;
import io.tenmail.smtp.wire.Reply;
import io.tenmail.smtp.wire.SmtpExtension;
import io.tenmail.storage.model.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.OutputStream;
import java.net.InetAddress;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One SMTP connection's state: where it is in the command sequence ({@link SmtpState}), who the
 * client said it is (EHLO/HELO) and proved to be (AUTH), what was advertised to it, the open
 * transaction ({@link Envelope}) and where its next bytes go. Only this class's methods change
 * the state; the command dispatcher alone checks it.
 *
 * <p>Not thread-safe, and needs not be: MINA's ordered executor runs one connection's events one
 * at a time (STYLE.md §3).
 */
public final class SmtpSession {
    private static final Logger log = LoggerFactory.getLogger(SmtpSession.class);
    /** STYLE.md §7: wire traces at TRACE under io.tenmail.wire.smtp. */
    private static final Logger wire = LoggerFactory.getLogger("io.tenmail.wire.smtp");
    /** A message up to this size stays in memory while it arrives; larger ones are spooled to disk. */
    static final int SPOOL_MEMORY_BYTES = 64 * 1024;

    private final String id;
    private final ListenerRole role;
    private final SmtpSettings settings;
    private final SmtpConnection connection;
    private final CommandLineDecoder lines;
    private SmtpState state = SmtpState.CONNECTED;
    private ClientDomain helo;
    private boolean extended;
    private Set<SmtpExtension> advertised = Set.of();
    private Principal principal;
    private Envelope envelope;
    private PendingInput pending;
    private boolean awaitingTls;
    private boolean closing;
    private int commands;
    private int errors;
    private int transactions;
    private int transactionsStarted;

    public SmtpSession(String id, ListenerRole role, SmtpSettings settings, SmtpConnection connection) {
        this.id = Objects.requireNonNull(id, "id");
        this.role = Objects.requireNonNull(role, "role");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.connection = Objects.requireNonNull(connection, "connection");
        this.lines = new CommandLineDecoder(settings.maxLineOctets());
    }

    // ---- what the session knows ----

    /** Short id in logs (MDC "session"), Received headers and transaction ids. */
    public String id() {
        return id;
    }

    public ListenerRole role() {
        return role;
    }

    public SmtpSettings settings() {
        return settings;
    }

    public SmtpConnection connection() {
        return connection;
    }

    public SmtpState state() {
        return state;
    }

    public InetAddress clientAddress() {
        return connection.remoteAddress().getAddress();
    }

    /** The EHLO/HELO argument; empty before it and after STARTTLS. */
    public Optional<ClientDomain> helo() {
        return Optional.ofNullable(helo);
    }

    /** True after EHLO, false after HELO (RFC 5321 §4.1.1.1: HELO clients get no extensions). */
    public boolean isExtended() {
        return extended;
    }

    /** The extensions the last EHLO response advertised; empty before EHLO and after HELO. */
    public Set<SmtpExtension> advertised() {
        return advertised;
    }

    public Optional<Principal> principal() {
        return Optional.ofNullable(principal);
    }

    public boolean isAuthenticated() {
        return principal != null;
    }

    /** Whether the connection is protected by TLS (implicit, or after a completed STARTTLS). */
    public boolean isTls() {
        return !awaitingTls && connection.tls().isPresent();
    }

    /** RFC 5321 §3.6: only authenticated clients may relay to domains that are not ours. */
    public boolean mayRelay() {
        return isAuthenticated();
    }

    /** The open transaction; only in states MAIL_GIVEN, RCPT_GIVEN and CHUNKING. */
    public Envelope envelope() {
        if (envelope == null) throw new IllegalStateException("no mail transaction in state " + state);
        return envelope;
    }

    public boolean hasTransaction() {
        return envelope != null;
    }

    /** The command-line decoder; SASL exchanges read their response lines with it. */
    public CommandLineDecoder lines() {
        return lines;
    }

    /** Where the next bytes go instead of the command parser; null when commands are read. */
    public PendingInput pendingInput() {
        return pending;
    }

    /** True after STARTTLS until the TLS handshake is complete: clear-text bytes are discarded. */
    public boolean isAwaitingTls() {
        return awaitingTls;
    }

    /** True once the session decided to close: nothing more is read. */
    public boolean isClosing() {
        return closing;
    }

    /** Command lines received (for the per-connection limit). */
    public int commands() {
        return commands;
    }

    /** Replies that count towards the bad-command limit so far. */
    public int errors() {
        return errors;
    }

    /** Transactions completed or abandoned on this connection. */
    public int transactions() {
        return transactions;
    }

    // ---- transitions ----

    /** EHLO or HELO: any transaction is abandoned (RFC 5321 §4.1.4) and the session is greeted. */
    public void greeted(ClientDomain clientDomain, boolean esmtp, Set<SmtpExtension> extensions) {
        dropTransaction();
        this.helo = Objects.requireNonNull(clientDomain, "clientDomain");
        this.extended = esmtp;
        this.advertised = extensions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(extensions));
        // RFC 6531 §3.3: with SMTPUTF8 advertised, command lines may carry UTF-8
        lines.setUtf8(advertised.contains(SmtpExtension.SMTPUTF8));
        state = SmtpState.GREETED;
    }

    /** A new transaction id: the session id and a counter, e.g. {@code 3f9a2b1c.2}. */
    public String nextTransactionId() {
        return id + "." + (++transactionsStarted);
    }

    /** MAIL accepted: opens the transaction. */
    public void startTransaction(Envelope transaction) {
        if (state != SmtpState.GREETED) throw new IllegalStateException("MAIL in state " + state);
        this.envelope = Objects.requireNonNull(transaction, "transaction");
        state = SmtpState.MAIL_GIVEN;
    }

    /** RCPT accepted. */
    public void addRecipient(Envelope.Recipient recipient) {
        envelope().add(recipient);
        state = SmtpState.RCPT_GIVEN;
    }

    /** RCPT refused; the transaction stays as it was. */
    public void refuseRecipient() {
        envelope().refused();
    }

    /** DATA or the first BDAT: returns the stream the message octets go to. */
    public OutputStream openContent() {
        return envelope().openContent(settings.spoolDir(), SPOOL_MEMORY_BYTES);
    }

    /** A BDAT chunk without LAST was read: only more chunks, RSET, NOOP and QUIT now (RFC 3030 §2). */
    public void chunking(BdatReader reader) {
        envelope().chunks(reader);
        state = SmtpState.CHUNKING;
    }

    /** The transaction is over: the message was queued or refused, or RSET. */
    public void endTransaction() {
        if (dropTransaction()) transactions++;
        if (state != SmtpState.CONNECTED) state = SmtpState.GREETED;
    }

    public void authenticated(Principal who) {
        if (principal != null) throw new IllegalStateException("already authenticated");
        this.principal = Objects.requireNonNull(who, "who");
    }

    /**
     * STARTTLS accepted (RFC 3207 §4.2): the client must start over with EHLO, everything it
     * pipelined behind STARTTLS is thrown away, and the 220 goes out before the handshake begins.
     */
    public void startTls() {
        dropTransaction();
        helo = null;
        extended = false;
        advertised = Set.of();
        lines.setUtf8(false);
        int held = lines.discardPartialLine();
        if (held > 0) log.info("discarded {} octets pipelined after STARTTLS", held);
        pending = null;
        state = SmtpState.CONNECTED;
        awaitingTls = true;
        connection.startTls();
    }

    /** The first bytes arrived through TLS: the handshake is complete. */
    public void tlsEstablished() {
        awaitingTls = false;
    }

    /** Sends the bytes that follow to {@code input} until it reports completion. */
    public void expect(PendingInput input) {
        this.pending = Objects.requireNonNull(input, "input");
    }

    /** The pending input is complete: read commands again. */
    public void inputComplete() {
        this.pending = null;
    }

    /** Counts a command line (the dispatcher enforces the per-connection limit). */
    public void countCommand() {
        commands++;
    }

    /** Queues a reply for the client; counts it if it is a bad command's or a failed login's. */
    public void reply(Reply reply) {
        if (countsAsError(reply)) errors++;
        if (wire.isTraceEnabled()) wire.trace("S: {}", reply.render().stripTrailing().replace("\r\n", "\\r\\n"));
        connection.send(reply);
    }

    /** Sends what is queued, then closes the connection; nothing more is read. */
    public void close() {
        if (closing) return;
        closing = true;
        pending = null;
        connection.close();
    }

    /** The connection is gone: releases what the transaction holds. */
    public void closed() {
        closing = true;
        pending = null;
        dropTransaction();
    }

    private boolean dropTransaction() {
        if (envelope == null) return false;
        envelope.discard();
        envelope = null;
        return true;
    }

    /**
     * Syntax errors (500, 501), unknown or unavailable commands (502, 504, 555), bad sequences
     * (503) and failed logins (535): what a confused or hostile client produces.
     */
    static boolean countsAsError(Reply reply) {
        int code = reply.code();
        return (code >= 500 && code <= 504) || code == 555 || code == 535;
    }
}
