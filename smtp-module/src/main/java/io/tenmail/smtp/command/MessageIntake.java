package io.tenmail.smtp.command;

import io.tenmail.smtp.MailAttributes;
import io.tenmail.smtp.policy.MessageScreen;
import io.tenmail.smtp.session.Envelope;
import io.tenmail.smtp.session.ListenerRole;
import io.tenmail.smtp.session.SmtpSession;
import io.tenmail.smtp.wire.DataResult;
import io.tenmail.smtp.wire.MailParameters;
import io.tenmail.smtp.wire.RcptParameters;
import io.tenmail.smtp.wire.Replies;
import io.tenmail.smtp.wire.Reply;
import io.tenmail.smtp.wire.SmtpVerb;
import io.tenmail.storage.BlobStore;
import io.tenmail.storage.MailQueue;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.QueueEntryId;
import io.tenmail.storage.model.QueuedMail;
import io.tenmail.storage.model.QueuedRecipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The end of a message, for DATA and BDAT alike: the trace headers go in front of the spooled
 * content, the whole is stored as one blob (fsynced), the queue entry with the envelope is
 * committed, and only then the client hears {@code 250 2.0.0 OK queued as <id>} (the durability
 * rule: a message that got 250 survives a crash). Any failure before the commit answers 4xx or
 * 5xx, so the client keeps responsibility for the message. Logs one INFO line per transaction
 * (STYLE.md §7), never the body.
 */
final class MessageIntake {
    private static final Logger log = LoggerFactory.getLogger(MessageIntake.class);

    private final BlobStore blobs;
    private final MailQueue queue;
    private final Clock clock;
    private final Runnable queued;
    private final MessageScreen screen;

    MessageIntake(BlobStore blobs, MailQueue queue, Clock clock) {
        this(blobs, queue, clock, () -> { }, MessageScreen.ACCEPT_ALL);
    }

    /**
     * @param queued runs after each commit: it wakes the spooler, so delivery starts at once
     * @param screen judges MX mail between the blob and the queue commit (ADR 0015)
     */
    MessageIntake(BlobStore blobs, MailQueue queue, Clock clock, Runnable queued, MessageScreen screen) {
        this.blobs = Objects.requireNonNull(blobs, "blobs");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.queued = Objects.requireNonNull(queued, "queued");
        this.screen = Objects.requireNonNull(screen, "screen");
    }

    /** Refused by the screen: the reply for the client; nothing was queued and the blob is gone. */
    private static final class Refused extends Exception {
        final Reply reply;

        Refused(Reply reply) {
            super(reply.render(), null, false, false);
            this.reply = reply;
        }
    }

    /** The reader has seen the end of the message: queue it or refuse it, end the transaction, reply. */
    void complete(SmtpSession session, DataResult result, SmtpVerb verb) {
        Envelope envelope = session.envelope();
        String queueId = "-";
        Reply reply;
        switch (result.outcome()) {
            case OK -> {
                try {
                    QueueEntryId id = commit(session, envelope, result.octets());
                    queueId = Long.toString(id.value());
                    reply = Replies.queued(queueId);
                } catch (Refused r) {
                    reply = r.reply;
                } catch (StoreException e) {
                    reply = SmtpErrors.reply(e.reason(), verb);
                    log.warn("cannot queue the message of transaction {}: {} ({})", envelope.id(), e.getMessage(), e.reason());
                }
            }
            case TOO_BIG -> reply = Replies.MESSAGE_TOO_BIG;
            case BARE_LINE_ENDING -> reply = Replies.BARE_LINE_ENDING;
            case SINK_FAILED -> {
                reply = Replies.TEMPORARY_FAILURE;
                log.warn("cannot spool the message of transaction {}: {}", envelope.id(),
                        result.failure().map(Throwable::getMessage).orElse("unknown"));
            }
            default -> throw new IllegalStateException("unknown outcome " + result.outcome());
        }
        finish(session, envelope, result.octets(), reply, queueId);
    }

    /**
     * The message is refused before its end (a BDAT chunk that would exceed the limit): logs the
     * transaction and ends it; the caller sends {@code reply} once the chunk is consumed.
     */
    void abandon(SmtpSession session, long octets, Reply reply) {
        logTransaction(session.envelope(), octets, reply, "-");
        session.endTransaction();
    }

    private void finish(SmtpSession session, Envelope envelope, long octets, Reply reply, String queueId) {
        logTransaction(envelope, octets, reply, queueId);
        session.endTransaction();
        session.reply(reply);
    }

    private static void logTransaction(Envelope envelope, long octets, Reply reply, String queueId) {
        log.info("tx from={} rcpts={} size={} result={} queue={} ms={}", envelope.reversePath(), envelope.recipientCount(), octets,
                reply.status(), queueId, envelope.elapsedMillis());
    }

    private QueueEntryId commit(SmtpSession session, Envelope envelope, long octets) throws StoreException, Refused {
        ZonedDateTime now = ZonedDateTime.now(clock);
        // trace headers are ASCII, or UTF-8 in an SMTPUTF8 transaction (RFC 6532)
        Charset charset = envelope.parameters().smtpUtf8() ? StandardCharsets.UTF_8 : StandardCharsets.US_ASCII;
        byte[] trace = TraceHeaders.of(session, envelope, now).getBytes(charset);
        BlobStore.StoredBlob blob;
        try (InputStream content = new SequenceInputStream(new ByteArrayInputStream(trace), envelope.spool().open())) {
            blob = blobs.put(content, trace.length + octets);
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.TEMPORARY, "cannot read the spooled message: " + e.getMessage(), e);
        }
        Map<String, String> attributes = attributes(session, envelope);
        attributes.putAll(screened(session, envelope, blob, attributes));
        QueuedMail mail = new QueuedMail(blob.id(), blob.size(), envelope.sender(), recipients(envelope), attributes, now.toInstant());
        QueueEntryId id = queue.enqueue(mail);
        queued.run();
        return id;
    }

    /**
     * MX mail meets the screen (spam verdicts, greylisting) before anything is queued; submission
     * is our users' mail, signed rather than judged. A refusal removes the blob and ends here.
     */
    private Map<String, String> screened(SmtpSession session, Envelope envelope, BlobStore.StoredBlob blob, Map<String, String> attributes)
            throws Refused {
        if (session.role() != ListenerRole.MX) return Map.of();
        MessageScreen.Message message = new MessageScreen.Message(envelope.id(), envelope.sender(),
                envelope.recipients().stream().map(r -> r.address()).toList(), blob.id(), blob.size(), attributes);
        MessageScreen.Screening screening;
        try {
            screening = screen.screen(message);
        } catch (RuntimeException e) {
            // a screen that cannot judge accepts: refusing good mail for our own fault is worse
            log.warn("the screen failed on transaction {}; accepting the message: {}", envelope.id(), e.toString());
            return Map.of();
        }
        return switch (screening) {
            case MessageScreen.Screening.Accept a -> a.attributes();
            case MessageScreen.Screening.Refuse r -> {
                log.info("tx {} refused at end of data: {}", envelope.id(), r.reason());
                forget(blob);
                throw new Refused(r.reply());
            }
        };
    }

    /**
     * Blobs are content-addressed, but this one is the message's alone: its Received field names
     * the transaction id, which no other message carries.
     */
    private void forget(BlobStore.StoredBlob blob) {
        try {
            blobs.delete(blob.id());
        } catch (StoreException e) {
            // unreferenced: the blob sweep removes it after its grace period
            log.debug("cannot delete blob {} of a refused message: {}", blob.id(), e.getMessage());
        }
    }

    private static List<QueuedRecipient> recipients(Envelope envelope) {
        return envelope.recipients().stream().map(r -> new QueuedRecipient(r.address(), QueuedRecipient.State.PENDING,
                notify(r.parameters()), r.parameters().originalRecipient().map(o -> o.addressType() + ";" + o.address()),
                Optional.empty())).toList();
    }

    /** RFC 3461 §4.1 NOTIFY as given, e.g. "FAILURE,DELAY"; empty for the default. */
    private static Optional<String> notify(RcptParameters parameters) {
        if (parameters.notifyOn().isEmpty()) return Optional.empty();
        return Optional.of(parameters.notifyOn().stream().sorted().map(Enum::name).collect(Collectors.joining(",")));
    }

    private static Map<String, String> attributes(SmtpSession session, Envelope envelope) {
        Map<String, String> a = new HashMap<>();
        a.put(MailAttributes.LISTENER, session.role().protocolName());
        a.put(MailAttributes.SESSION, session.id());
        a.put(MailAttributes.TRANSACTION, envelope.id());
        a.put(MailAttributes.CLIENT_ADDRESS, session.clientAddress().getHostAddress());
        session.helo().ifPresent(h -> a.put(MailAttributes.HELO, h.value()));
        a.put(MailAttributes.PROTOCOL, TraceHeaders.protocol(session, envelope));
        if (session.isTls()) session.connection().tls().ifPresent(t -> a.put(MailAttributes.TLS, t.toString()));
        session.principal().ifPresent(p -> {
            a.put(MailAttributes.AUTH_USER, p.address().toString());
            a.put(MailAttributes.AUTH_ACCOUNT, Long.toString(p.account().value()));
            a.put(MailAttributes.AUTH_TENANT, Long.toString(p.tenant().value()));
        });
        MailParameters parameters = envelope.parameters();
        // RFC 4954 §5: AUTH= is trusted only from a client that authenticated itself
        if (session.isAuthenticated()) parameters.auth().ifPresent(v -> a.put(MailAttributes.MAIL_AUTH, v));
        parameters.body().ifPresent(b -> a.put(MailAttributes.BODY, b.keyword()));
        if (parameters.smtpUtf8()) a.put(MailAttributes.SMTPUTF8, "true");
        parameters.ret().ifPresent(r -> a.put(MailAttributes.DSN_RET, r.name()));
        parameters.envelopeId().ifPresent(e -> a.put(MailAttributes.DSN_ENVID, e));
        return a;
    }
}
