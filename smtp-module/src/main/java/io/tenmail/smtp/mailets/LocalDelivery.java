package io.tenmail.smtp.mailets;

import io.tenmail.smtp.MailAttributes;
import io.tenmail.smtp.dsn.DeliveryFailure;
import io.tenmail.smtp.dsn.DeliveryReports;
import io.tenmail.smtp.mailet.MailAddresses;
import io.tenmail.smtp.mailet.QueueAttributes;
import io.tenmail.smtp.mailet.QueueMail;
import io.tenmail.smtp.mailet.QueueMails;
import io.tenmail.smtp.mailet.TemporaryFailure;
import io.tenmail.storage.BlobStore;
import io.tenmail.storage.Directory;
import io.tenmail.storage.MailboxStore;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.mime.MessageParser;
import io.tenmail.storage.model.Account;
import io.tenmail.storage.model.AccountId;
import io.tenmail.storage.model.DeliveryKey;
import io.tenmail.storage.model.Flags;
import io.tenmail.storage.model.MailboxId;
import io.tenmail.storage.model.MailboxInfo;
import io.tenmail.storage.model.MailboxName;
import io.tenmail.storage.model.NewMessage;
import io.tenmail.storage.model.QueueEntryId;
import io.tenmail.storage.model.SpecialUse;
import io.tenmail.storage.traffic.TrafficEvent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import org.apache.james.core.MailAddress;
import org.apache.mailet.AttributeName;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Final delivery into local accounts: each recipient that is an account's address gets the
 * message in its INBOX, or in its Junk mailbox when {@link MailAttributes#SPAM_VERDICT} is
 * {@link MailAttributes#SPAM_VERDICT_SPAM}. The stored message starts with {@code Return-Path:}
 * (RFC 5321 §4.4) and is written and parsed once for all recipients.
 *
 * <p>Exactly once: each append carries the delivery key (queue entry, account) —
 * {@link MailboxStore#deliver} — so a pass replayed after a crash finds the earlier message and
 * stores nothing (ADR 0009).
 *
 * <p>Recipients that are not (enabled) accounts, and accounts over quota, are reported as failed
 * through {@link DeliveryReports} (550 5.1.1, 550 5.2.1, 552 5.2.2). Delivered and failed
 * recipients are removed from the mail; a TEMPORARY store failure leaves them all for a retry.
 */
public class LocalDelivery extends GenericMailet {
    private static final Logger log = LoggerFactory.getLogger(LocalDelivery.class);

    private final Directory directory;
    private final MailboxStore mailboxes;
    private final BlobStore blobs;
    private final DeliveryReports reports;
    private final MessageParser parser = new MessageParser();
    /**
     * INBOX ids by account, so that a delivery does not look INBOX up by name each time: INBOX is
     * never deleted and keeps its id through RENAME, so an id can only outlive its account, whose
     * deliveries then fail with NOT_FOUND as they would without it.
     */
    private final Map<AccountId, MailboxId> inboxes = new ConcurrentHashMap<>();

    /** Counts deliveries for the dashboard (ADR 0017); null when made without CDI (tests). */
    @Inject
    Event<TrafficEvent> traffic;

    @Inject
    public LocalDelivery(Directory directory, MailboxStore mailboxes, BlobStore blobs, DeliveryReports reports) {
        this.directory = directory;
        this.mailboxes = mailboxes;
        this.blobs = blobs;
        this.reports = reports;
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        QueueEntryId entry = entryId(mail);
        boolean junk = QueueMails.stringAttribute(mail, MailAttributes.SPAM_VERDICT).map(MailAttributes.SPAM_VERDICT_SPAM::equals).orElse(false);
        NewMessage message = null;
        List<MailAddress> done = new ArrayList<>();
        List<DeliveryFailure> failures = new ArrayList<>();
        for (MailAddress recipient : List.copyOf(mail.getRecipients())) {
            Optional<Account> account = account(recipient);
            if (account.isEmpty() || !account.get().enabled()) {
                failures.add(new DeliveryFailure(recipient, account.isEmpty()
                        ? "550 5.1.1 <" + recipient.asString() + ">: no such mailbox here"
                        : "550 5.2.1 <" + recipient.asString() + ">: mailbox disabled", Optional.empty()));
                continue;
            }
            if (message == null) message = store(mail);
            Account a = account.get();
            try {
                mailboxes.deliver(a.id(), target(a, junk), message, DeliveryKey.of(entry, a.id()));
                done.add(recipient);
                if (traffic != null) traffic.fire(TrafficEvent.delivered(a.tenant()));   // the dashboard's "messages in"
                log.info("delivered {} to {}{}", mail.getName(), a.address(), junk ? " (Junk)" : "");
            } catch (StoreException e) {
                switch (e.reason()) {
                    case OVER_QUOTA -> failures.add(new DeliveryFailure(recipient,
                            "552 5.2.2 <" + recipient.asString() + ">: mailbox full", Optional.empty()));
                    case NOT_FOUND -> failures.add(new DeliveryFailure(recipient,
                            "550 5.1.1 <" + recipient.asString() + ">: no such mailbox here", Optional.empty()));
                    default -> throw StoreFailures.of("cannot deliver " + mail.getName() + " to " + a.address(), e);
                }
            }
        }
        if (!failures.isEmpty()) {
            reports.failed(mail, failures);
            failures.forEach(f -> done.add(f.recipient()));
            log.info("{}: {} recipient(s) failed at local delivery: {}", mail.getName(), failures.size(),
                    failures.stream().map(DeliveryFailure::reply).toList());
        }
        List<MailAddress> rest = new ArrayList<>(mail.getRecipients());
        rest.removeAll(done);
        mail.setRecipients(rest);
    }

    private static QueueEntryId entryId(Mail mail) throws MessagingException {
        Optional<Object> id = mail.getAttribute(AttributeName.of(QueueAttributes.ENTRY)).map(a -> a.getValue().value());
        if (id.isPresent() && id.get() instanceof Number n) return new QueueEntryId(n.longValue());
        throw new MessagingException("LocalDelivery needs the " + QueueAttributes.ENTRY + " attribute that the container sets");
    }

    private Optional<Account> account(MailAddress recipient) throws MessagingException {
        try {
            return directory.findAccount(MailAddresses.toEmailAddress(recipient));
        } catch (StoreException e) {
            throw StoreFailures.of("cannot look up " + recipient.asString(), e);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** INBOX, or Junk for spam (INBOX when the account has no Junk mailbox). */
    private MailboxId target(Account account, boolean junk) throws StoreException {
        if (junk) {
            Optional<MailboxInfo> j = mailboxes.mailbox(account.id(), SpecialUse.JUNK);
            if (j.isPresent()) return j.get().id();
        }
        MailboxId known = inboxes.get(account.id());
        if (known != null) return known;
        Optional<MailboxInfo> inbox = mailboxes.mailbox(account.id(), MailboxName.INBOX);
        if (inbox.isEmpty()) {
            mailboxes.ensureDefaultMailboxes(account.id());
            return target(account, junk);
        }
        if (inboxes.size() >= 10_000) inboxes.clear();   // bounded; refilled by the next deliveries
        inboxes.put(account.id(), inbox.get().id());
        return inbox.get().id();
    }

    /** Writes the message as delivered (Return-Path first) to the blob store and parses it, once per mail. */
    private NewMessage store(Mail mail) throws MessagingException {
        String sender = mail.getMaybeSender().asOptional().map(MailAddress::asString).orElse("");
        try (InputStream original = original(mail); InputStream stamped = ReturnPathStamp.stamp(sender, original)) {
            BlobStore.StoredBlob blob = blobs.put(stamped, Long.MAX_VALUE / 2);
            try (InputStream in = blobs.open(blob.id())) {
                return new NewMessage(blob.id(), blob.size(), parser.parse(in), Flags.NONE, received(mail));
            }
        } catch (StoreException e) {
            throw StoreFailures.of("cannot store " + mail.getName() + " for delivery", e);
        } catch (IOException e) {
            throw new TemporaryFailure("cannot read " + mail.getName() + ": " + e.getMessage(), e);
        }
    }

    /** IMAP's internal date: when SMTP accepted the mail (RFC 9051 §2.3.3). */
    private static Instant received(Mail mail) {
        try {
            return QueueMails.stringAttribute(mail, QueueAttributes.RECEIVED).map(Instant::parse).orElseGet(Instant::now);
        } catch (java.time.format.DateTimeParseException e) {
            return Instant.now();
        }
    }

    /** The stored bytes, unless a mailet read or changed the message. */
    private static InputStream original(Mail mail) throws MessagingException, IOException {
        if (mail instanceof QueueMail q && q.changedMessage().isEmpty()) return q.openUnchanged();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        mail.getMessage().writeTo(bytes);
        return new java.io.ByteArrayInputStream(bytes.toByteArray());
    }

    @Override
    public String getMailetInfo() {
        return "LocalDelivery: INBOX or Junk, exactly once per queue entry and account";
    }
}
