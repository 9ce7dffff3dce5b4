package io.tenmail.smtp.mailet;

import io.tenmail.smtp.MailAttributes;
import io.tenmail.smtp.policy.MessageScreen;
import io.tenmail.smtp.wire.Reply;
import io.tenmail.storage.BlobStore;
import org.apache.james.core.MailAddress;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The {@link MessageScreen} SMTP runs at the end of DATA on MX mail: the mailet container's
 * {@value #PROCESSOR} processor over the stored message (ADR 0015). A mailet that sets {@link
 * DataRefusal} refuses the message; otherwise the string attributes the checks left under
 * {@code tenmail.spam.*} and {@code tenmail.auth.*} go with the queue entry, so the "root"
 * processor finds the results instead of repeating the checks. Without that processor (an older
 * mailetcontainer.xml) or before the container is loaded, everything is accepted.
 */
public final class DataScreen implements MessageScreen {
    /** The processor's name in mailetcontainer.xml. */
    public static final String PROCESSOR = "smtp-data";
    private static final List<String> KEPT = List.of("tenmail.spam.", "tenmail.auth.");
    /** The queue keeps attribute values of up to 4000 characters (QUEUE_ATTRIBUTE.ATTR_VALUE). */
    static final int MAX_VALUE = 4000;

    private final Supplier<MailetContainer> container;
    private final BlobStore blobs;

    /** @param container the current container, null while there is none */
    public DataScreen(Supplier<MailetContainer> container, BlobStore blobs) {
        this.container = Objects.requireNonNull(container, "container");
        this.blobs = Objects.requireNonNull(blobs, "blobs");
    }

    @Override
    public Screening screen(Message message) {
        MailetContainer c = container.get();
        if (c == null) return Screening.accept(Map.of());
        QueueMail mail = mailOf(message);
        if (!c.screen(mail, PROCESSOR)) return Screening.accept(Map.of());
        Optional<Reply> refusal = DataRefusal.of(mail);
        if (refusal.isPresent()) {
            String symbols = QueueMails.stringAttribute(mail, MailAttributes.SPAM_SYMBOLS).orElse("");
            String score = QueueMails.stringAttribute(mail, MailAttributes.SPAM_SCORE).orElse("0");
            return Screening.refuse(refusal.get(), refusal.get().status() + " score=" + score + " symbols=" + symbols);
        }
        Map<String, String> kept = new LinkedHashMap<>();
        mail.attributes().forEach(a -> {
            String name = a.getName().asString();
            if (KEPT.stream().anyMatch(name::startsWith) && a.getValue().value() instanceof String v) kept.put(name, fitted(v));
        });
        return Screening.accept(kept);
    }

    /**
     * A value short enough for the queue: cut after the last whole item (results are separated by
     * line feeds, symbols by commas), so a message with very many signatures is still accepted.
     */
    static String fitted(String value) {
        if (value.length() <= MAX_VALUE) return value;
        String head = value.substring(0, MAX_VALUE);
        int cut = Math.max(head.lastIndexOf('\n'), head.lastIndexOf(','));
        return cut > 0 ? head.substring(0, cut) : head;
    }

    private QueueMail mailOf(Message message) {
        Map<AttributeName, Attribute> attributes = new LinkedHashMap<>();
        message.attributes().forEach((name, value) -> {
            AttributeName key = AttributeName.of(name);
            attributes.put(key, new Attribute(key, AttributeValue.of(value)));
        });
        String client = message.attributes().getOrDefault(MailAttributes.CLIENT_ADDRESS, "127.0.0.1");
        String helo = message.attributes().getOrDefault(MailAttributes.HELO, client);
        List<MailAddress> recipients = message.recipients().stream().map(MailAddresses::toMailAddress).toList();
        MailAddress sender = message.sender().map(MailAddresses::toMailAddress).orElse(null);
        return new QueueMail("D" + message.transaction(), PROCESSOR, sender, recipients,
                new MessageSource(blobs, message.blob(), message.size()), attributes, helo, client, null, new Date());
    }
}
