package io.tenmail.smtp.command;

import io.tenmail.protocol.auth.LoginThrottle;
import io.tenmail.smtp.policy.RateLimits;
import io.tenmail.smtp.policy.MessageScreen;
import io.tenmail.smtp.policy.RecipientPolicy;
import io.tenmail.smtp.policy.SenderPolicy;
import io.tenmail.smtp.session.PendingInput;
import io.tenmail.smtp.session.SmtpSession;
import io.tenmail.smtp.session.SmtpState;
import io.tenmail.smtp.wire.CommandLineDecoder;
import io.tenmail.smtp.wire.Replies;
import io.tenmail.smtp.wire.Reply;
import io.tenmail.smtp.wire.SmtpCommandLine;
import io.tenmail.smtp.wire.SmtpExtension;
import io.tenmail.smtp.wire.SmtpSyntaxException;
import io.tenmail.smtp.wire.SmtpVerb;
import io.tenmail.storage.BlobStore;
import io.tenmail.storage.Directory;
import io.tenmail.storage.MailQueue;
import io.tenmail.storage.MailboxStore;
import io.tenmail.storage.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.tenmail.smtp.session.SmtpState.CHUNKING;
import static io.tenmail.smtp.session.SmtpState.CONNECTED;
import static io.tenmail.smtp.session.SmtpState.GREETED;
import static io.tenmail.smtp.session.SmtpState.MAIL_GIVEN;
import static io.tenmail.smtp.session.SmtpState.RCPT_GIVEN;

/**
 * Drives a session from the bytes the client sends: splits them into command lines (or hands them
 * to the input a command is waiting for), parses each line, checks that the verb is allowed in the
 * session's state (the only place that does) and runs its handler. It also enforces the limits on
 * bad commands and commands per connection, and handles errors as STYLE.md §6 says: client
 * mistakes are replies, store failures are mapped by {@link SmtpErrors}, anything unexpected is
 * logged with a reference, answered 451 4.3.0 with that reference, and closes the connection.
 *
 * <p>Thread-safe: it holds no per-connection state; each session is driven by one thread at a time.
 */
public final class CommandDispatcher {
    private static final Logger log = LoggerFactory.getLogger(CommandDispatcher.class);
    private static final Logger wire = LoggerFactory.getLogger("io.tenmail.wire.smtp");
    private static final SecureRandom REFERENCES = new SecureRandom();

    /** RFC 5321 §4.1.4 and RFC 3030 §2: the states in which each verb may be used. */
    private static final Map<SmtpVerb, Set<SmtpState>> ALLOWED = new EnumMap<>(SmtpVerb.class);

    static {
        Set<SmtpState> any = EnumSet.allOf(SmtpState.class);
        ALLOWED.put(SmtpVerb.EHLO, any);   // also ends any transaction
        ALLOWED.put(SmtpVerb.HELO, any);
        ALLOWED.put(SmtpVerb.MAIL, EnumSet.of(GREETED));
        ALLOWED.put(SmtpVerb.RCPT, EnumSet.of(MAIL_GIVEN, RCPT_GIVEN));
        ALLOWED.put(SmtpVerb.DATA, EnumSet.of(RCPT_GIVEN));
        ALLOWED.put(SmtpVerb.BDAT, EnumSet.of(RCPT_GIVEN, CHUNKING));
        ALLOWED.put(SmtpVerb.RSET, any);
        ALLOWED.put(SmtpVerb.NOOP, any);
        ALLOWED.put(SmtpVerb.QUIT, any);
        ALLOWED.put(SmtpVerb.HELP, any);
        ALLOWED.put(SmtpVerb.VRFY, EnumSet.of(CONNECTED, GREETED, MAIL_GIVEN, RCPT_GIVEN));
        ALLOWED.put(SmtpVerb.EXPN, EnumSet.of(CONNECTED, GREETED, MAIL_GIVEN, RCPT_GIVEN));
        ALLOWED.put(SmtpVerb.STARTTLS, EnumSet.of(CONNECTED, GREETED));
        // RFC 4954 §4: not during a mail transaction
        ALLOWED.put(SmtpVerb.AUTH, EnumSet.of(GREETED));
    }

    private final Map<SmtpVerb, SmtpCommandHandler> handlers = new EnumMap<>(SmtpVerb.class);
    private final RateLimits rateLimits;

    /** @throws IllegalArgumentException if a verb has no handler or two */
    public CommandDispatcher(Collection<? extends SmtpCommandHandler> commandHandlers) {
        this(commandHandlers, RateLimits.none());
    }

    /**
     * @param rateLimits refuses connections past the per-address rate before the greeting
     * @throws IllegalArgumentException if a verb has no handler or two
     */
    public CommandDispatcher(Collection<? extends SmtpCommandHandler> commandHandlers, RateLimits rateLimits) {
        this.rateLimits = java.util.Objects.requireNonNull(rateLimits, "rateLimits");
        for (SmtpCommandHandler handler : commandHandlers) {
            if (handlers.put(handler.verb(), handler) != null) throw new IllegalArgumentException("two handlers for " + handler.verb());
        }
        for (SmtpVerb verb : SmtpVerb.values()) {
            if (!handlers.containsKey(verb)) throw new IllegalArgumentException("no handler for " + verb);
        }
    }

    /** The dispatcher with every command of this server. */
    public static CommandDispatcher standard(Directory directory, MailQueue queue, BlobStore blobs, LoginThrottle throttle, Clock clock) {
        return standard(directory, Optional.empty(), queue, blobs, throttle, clock, () -> { });
    }

    /**
     * The dispatcher with every command of this server.
     *
     * @param mailboxes when present, RCPT refuses a recipient already over its quota (452 4.2.2)
     * @param queued    run after each mail is committed to the queue (wakes the spooler)
     */
    public static CommandDispatcher standard(Directory directory, Optional<MailboxStore> mailboxes, MailQueue queue, BlobStore blobs,
                                             LoginThrottle throttle, Clock clock, Runnable queued) {
        return standard(directory, mailboxes, queue, blobs, throttle, clock, queued, RateLimits.none(), MessageScreen.ACCEPT_ALL);
    }

    /**
     * The dispatcher with every command of this server.
     *
     * @param rateLimits per client address and per account (docs/smtp.md, "Rate limits")
     * @param screen     judges MX mail at the end of DATA/BDAT, before the queue commit is answered (ADR 0015)
     */
    public static CommandDispatcher standard(Directory directory, Optional<MailboxStore> mailboxes, MailQueue queue, BlobStore blobs,
                                             LoginThrottle throttle, Clock clock, Runnable queued, RateLimits rateLimits,
                                             MessageScreen screen) {
        MessageIntake intake = new MessageIntake(blobs, queue, clock, queued, screen);
        return new CommandDispatcher(List.of(
                new EhloCommand(), new HeloCommand(),
                new MailCommand(new SenderPolicy(directory), rateLimits), new RcptCommand(new RecipientPolicy(directory, mailboxes), rateLimits),
                new DataCommand(intake), new BdatCommand(intake),
                new RsetCommand(), new NoopCommand(), new QuitCommand(), new HelpCommand(), new VrfyCommand(), new ExpnCommand(),
                new StartTlsCommand(), new AuthCommand(new LoginCheck(directory, throttle))), rateLimits);
    }

    /** A new connection: the greeting (RFC 5321 §3.1). */
    public void open(SmtpSession session) {
        Optional<Reply> refused = rateLimits.connection(session.role(), session.clientAddress());
        if (refused.isPresent()) {
            session.reply(refused.get());
            session.close();
            return;
        }
        session.reply(Replies.greeting(session.settings().hostname()));
        session.connection().flush();
    }

    /**
     * Bytes from the client.
     *
     * @param viaTls true if they were decrypted by the connection's TLS layer; after STARTTLS, bytes
     *               that were not are what the client sent before the handshake and are discarded
     */
    public void receive(SmtpSession session, ByteBuffer in, boolean viaTls) {
        try {
            if (session.isAwaitingTls()) {
                if (!viaTls) {
                    log.info("discarded {} octets sent in clear text after STARTTLS", in.remaining());
                    in.position(in.limit());
                    return;
                }
                session.tlsEstablished();
            }
            while (in.hasRemaining() && !session.isClosing()) {
                PendingInput pending = session.pendingInput();
                if (pending != null) {
                    if (pending.consume(session, in) && session.pendingInput() == pending) session.inputComplete();
                    continue;
                }
                CommandLineDecoder.Result result = session.lines().decode(in);
                if (result == null) break;
                line(session, result);
                if (session.isAwaitingTls() && in.hasRemaining()) {
                    // RFC 3207 §4.2: nothing the client pipelined behind STARTTLS may be acted upon
                    log.info("discarded {} octets pipelined after STARTTLS", in.remaining());
                    in.position(in.limit());
                }
            }
        } catch (RuntimeException e) {
            unexpected(session, e);
        } finally {
            session.connection().flush();
        }
    }

    /** The client was silent for the idle timeout (RFC 5321 §4.5.3.2). */
    public void timeout(SmtpSession session) {
        log.info("idle for {} s, closing", session.settings().idleTimeout().toSeconds());
        session.reply(Replies.TIMEOUT);
        session.close();
    }

    /** The server is shutting down. */
    public void shutdown(SmtpSession session) {
        session.reply(Replies.SHUTTING_DOWN);
        session.close();
    }

    /** The connection is gone (either side closed it). */
    public void closed(SmtpSession session) {
        if (session.hasTransaction()) log.info("tx from={} rcpts={} result=aborted", session.envelope().reversePath(),
                session.envelope().recipientCount());
        session.closed();
    }

    private void line(SmtpSession session, CommandLineDecoder.Result result) {
        session.countCommand();
        if (session.commands() > session.settings().maxCommandsPerConnection()) {
            log.info("more than {} commands, closing", session.settings().maxCommandsPerConnection());
            session.reply(Replies.TOO_MANY_COMMANDS);
            session.close();
            return;
        }
        if (result instanceof CommandLineDecoder.Rejected rejected) {
            log.info("refused a command line: {}", rejected.reply().status());
            session.reply(rejected.reply());
        } else {
            String text = ((CommandLineDecoder.Line) result).text();
            if (wire.isTraceEnabled()) wire.trace("C: {}", masked(text));
            command(session, text);
        }
        if (!session.isClosing() && session.errors() >= session.settings().maxBadCommands()) {
            log.info("{} bad commands, closing", session.errors());
            session.reply(Replies.TOO_MANY_ERRORS);
            session.close();
        }
    }

    private void command(SmtpSession session, String text) {
        SmtpCommandLine line;
        try {
            boolean utf8Transaction = session.hasTransaction() && session.envelope().parameters().smtpUtf8();
            line = SmtpCommandLine.parse(text, session.advertised(), utf8Transaction);
        } catch (SmtpSyntaxException e) {
            log.info("refused {}: {}", masked(text), e.reply().status());
            session.reply(e.reply());
            if (e.verb().filter(v -> v == SmtpVerb.BDAT).isPresent()) {
                // RFC 3030 §2: the chunk's length is unknown, so the rest of the stream cannot be read
                session.close();
            }
            return;
        }
        Reply refusal = refusal(session, line.verb());
        if (refusal != null) {
            log.info("refused {} in state {}: {}", line.verb(), session.state(), refusal.status());
            if (line.verb() == SmtpVerb.BDAT) ChunkDiscard.discard(session, line.bdatChunk().size(), refusal);
            else session.reply(refusal);
            return;
        }
        try {
            handlers.get(line.verb()).handle(session, line);
        } catch (StoreException e) {
            Reply reply = SmtpErrors.reply(e.reason(), line.verb());
            log.warn("{} failed in the store: {} ({}), answered {}", line.verb(), e.getMessage(), e.reason(), reply.status());
            session.reply(reply);
        }
    }

    /** Why the verb cannot run now, or null if it can. */
    static Reply refusal(SmtpSession session, SmtpVerb verb) {
        // STARTTLS and AUTH explain themselves when they are not offered
        if (verb == SmtpVerb.BDAT && !session.advertised().contains(SmtpExtension.CHUNKING)) return Replies.NOT_IMPLEMENTED;
        SmtpState state = session.state();
        if (ALLOWED.get(verb).contains(state)) return null;
        if (state == CONNECTED) return Replies.SEND_HELLO_FIRST;
        return switch (verb) {
            case MAIL -> Replies.NESTED_MAIL;
            case RCPT -> state == GREETED ? Replies.NEED_MAIL : Replies.BAD_SEQUENCE;
            case DATA, BDAT -> switch (state) {
                case GREETED -> Replies.NEED_MAIL;
                // RFC 2920 §3.1: after every RCPT was refused, DATA gets 554
                case MAIL_GIVEN -> session.envelope().refusedRecipients() > 0 ? Replies.NO_VALID_RECIPIENTS : Replies.NEED_RCPT;
                case CHUNKING -> Replies.DATA_NOT_ALLOWED;   // RFC 3030 §3: no DATA in a BDAT transaction
                default -> Replies.BAD_SEQUENCE;
            };
            case AUTH -> Replies.AUTH_NOT_DURING_TRANSACTION;
            default -> Replies.BAD_SEQUENCE;
        };
    }

    private void unexpected(SmtpSession session, RuntimeException e) {
        String reference = HexFormat.of().toHexDigits(REFERENCES.nextInt()).substring(2);
        log.error("internal error, ref {}", reference, e);
        session.reply(Replies.internalError(reference));
        session.close();
    }

    /** STYLE.md §7: AUTH arguments never reach a log. */
    static String masked(String line) {
        if (line.length() >= 4 && line.regionMatches(true, 0, "AUTH", 0, 4)) {
            int mechanismEnd = line.indexOf(' ', 5);
            return mechanismEnd < 0 ? line : line.substring(0, mechanismEnd) + " ****";
        }
        return line;
    }
}
