package io.tenmail.smtp.mailet;

import io.tenmail.smtp.MailAttributes;
import io.tenmail.storage.BlobStore;
import io.tenmail.storage.model.QueueEntry;
import io.tenmail.storage.model.QueuedMail;
import io.tenmail.storage.model.QueuedRecipient;
import org.apache.james.core.MailAddress;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.DsnParameters;
import org.apache.mailet.Mail;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the {@link QueueMail} the container hands to mailets for a leased queue entry. */
public final class QueueMails {

    private QueueMails() {
    }

    /**
     * The mail of a queue entry: its pending recipients, the envelope sender, the queue's string
     * attributes plus {@link QueueAttributes#ENTRY}, {@link QueueAttributes#ATTEMPTS} and
     * {@link QueueAttributes#RECEIVED}, the authenticated user under James's own attribute name,
     * and the DSN parameters (RFC 3461) SMTP recorded. Its state is the entry's processor.
     */
    public static QueueMail of(QueueEntry entry, BlobStore blobs) {
        QueuedMail queued = entry.mail();
        List<QueuedRecipient> pending = queued.recipients().stream().filter(r -> r.state() == QueuedRecipient.State.PENDING).toList();
        Map<AttributeName, Attribute> attributes = new LinkedHashMap<>();
        queued.attributes().forEach((name, value) -> put(attributes, name, AttributeValue.of(value)));
        put(attributes, QueueAttributes.ENTRY, AttributeValue.of(entry.id().value()));
        put(attributes, QueueAttributes.ATTEMPTS, AttributeValue.of(entry.attempts()));
        put(attributes, QueueAttributes.RECEIVED, AttributeValue.of(queued.received().toString()));
        String authUser = queued.attributes().get(MailAttributes.AUTH_USER);
        if (authUser != null) attributes.put(Mail.SMTP_AUTH_USER, new Attribute(Mail.SMTP_AUTH_USER, AttributeValue.of(authUser)));
        String client = queued.attributes().getOrDefault(MailAttributes.CLIENT_ADDRESS, "127.0.0.1");
        String helo = queued.attributes().getOrDefault(MailAttributes.HELO, client);
        List<MailAddress> recipients = pending.stream().map(r -> MailAddresses.toMailAddress(r.address())).toList();
        MailAddress sender = queued.reversePath().map(MailAddresses::toMailAddress).orElse(null);
        String state = entry.processor();
        return new QueueMail("Q" + entry.id().value(), state, sender, recipients, new MessageSource(blobs, queued.blob(), queued.size()),
                attributes, helo, client, EnvelopeDsn.of(queued.attributes(), pending).orElse(null), Date.from(queued.received()));
    }

    private static void put(Map<AttributeName, Attribute> attributes, String name, AttributeValue<?> value) {
        AttributeName key = AttributeName.of(name);
        attributes.put(key, new Attribute(key, value));
    }

    /** A String attribute's value (other types by their string form), if the mail has the attribute. */
    public static Optional<String> stringAttribute(Mail mail, String name) {
        return mail.getAttribute(AttributeName.of(name)).map(a -> {
            Object v = a.getValue().value();
            return v instanceof String s ? s : String.valueOf(v);
        });
    }
}
