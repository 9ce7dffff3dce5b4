package io.tenmail.smtp.mailet;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.james.core.MailAddress;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.DsnParameters;
import org.apache.mailet.Mail;
import org.apache.mailet.PerRecipientHeaders;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A {@link Mail} over a queue entry (see {@link QueueMails#of}). The MIME message is parsed from
 * the blob store only when a mailet asks for it, so a mail that no mailet reads is never parsed;
 * {@link #changedMessage()} tells delivery whether to store the original bytes or the edited
 * message. Not thread-safe: one worker processes a mail.
 */
public final class QueueMail implements Mail {
    private static final long serialVersionUID = 1L;

    private String name;
    private String state;
    private final MailAddress sender;
    private List<MailAddress> recipients;
    private final transient MessageSource source;
    private transient MimeMessage message;
    private boolean messageReplaced;
    private byte[] prefix = new byte[0];   // fields put on top of the stored bytes (prependFields)
    private final Map<AttributeName, Attribute> attributes;
    private String errorMessage;
    private Date lastUpdated;
    private final String remoteHost;
    private final String remoteAddr;
    private final PerRecipientHeaders perRecipientHeaders;
    private DsnParameters dsn;

    QueueMail(String name, String state, MailAddress sender, Collection<MailAddress> recipients, MessageSource source,
              Map<AttributeName, Attribute> attributes, String remoteHost, String remoteAddr, DsnParameters dsn, Date lastUpdated) {
        this.name = name;
        this.state = state;
        this.sender = sender;
        this.recipients = new ArrayList<>(recipients);
        this.source = source;
        this.attributes = new LinkedHashMap<>(attributes);
        this.remoteHost = remoteHost;
        this.remoteAddr = remoteAddr;
        this.perRecipientHeaders = new PerRecipientHeaders();
        this.dsn = dsn;
        this.lastUpdated = lastUpdated;
    }

    /** The stored message this mail was read from. */
    public MessageSource source() {
        return source;
    }

    /**
     * The message as a mailet left it, if a mailet read or replaced it; empty means the stored
     * bytes, after the fields {@link #prependFields prepended} to them, are still the message.
     */
    public Optional<MimeMessage> changedMessage() {
        return Optional.ofNullable(message);
    }

    /**
     * Puts header fields on top of a message no mailet has read yet, without parsing it: the
     * message is then those fields followed by the stored bytes. Returns false, changing nothing,
     * once a mailet has the message as a MimeMessage (the caller edits that instead).
     *
     * @param fields complete header fields, each ending in CRLF
     */
    public boolean prependFields(String fields) {
        if (message != null) return false;
        byte[] add = fields.getBytes(StandardCharsets.UTF_8);
        byte[] joined = Arrays.copyOf(add, add.length + prefix.length);
        System.arraycopy(prefix, 0, joined, add.length, prefix.length);
        prefix = joined;
        return true;
    }

    /** The message's octets while {@link #changedMessage()} is empty: prepended fields, then the stored bytes. */
    public InputStream openUnchanged() throws MessagingException {
        InputStream stored = source.openStream();
        return prefix.length == 0 ? stored : new SequenceInputStream(new ByteArrayInputStream(prefix), stored);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public void setName(String name) {
        this.name = name;
    }

    @Override
    public MimeMessage getMessage() throws MessagingException {
        if (message == null) message = source.load(openUnchanged());
        return message;
    }

    @Override
    public void setMessage(MimeMessage message) {
        this.message = message;
        this.messageReplaced = true;
    }

    @Override
    public Collection<MailAddress> getRecipients() {
        return recipients;
    }

    @Override
    public void setRecipients(Collection<MailAddress> recipients) {
        this.recipients = new ArrayList<>(recipients);
    }

    @Override
    public MailAddress getSender() {
        return sender;
    }

    @Override
    public Mail duplicate() throws MessagingException {
        QueueMail copy = new QueueMail(name, state, sender, recipients, source, attributes, remoteHost, remoteAddr, dsn, lastUpdated);
        copy.errorMessage = errorMessage;
        copy.prefix = prefix;
        if (message != null) copy.setMessage(new MessageSource.StoredMimeMessage(message));
        copy.messageReplaced = messageReplaced;
        copy.perRecipientHeaders.addAll(perRecipientHeaders);
        return copy;
    }

    @Override
    public String getState() {
        return state;
    }

    @Override
    public void setState(String state) {
        this.state = state;
    }

    @Override
    public String getRemoteHost() {
        return remoteHost;
    }

    @Override
    public String getRemoteAddr() {
        return remoteAddr;
    }

    @Override
    public String getErrorMessage() {
        return errorMessage;
    }

    @Override
    public void setErrorMessage(String msg) {
        this.errorMessage = msg;
    }

    @Override
    public Stream<Attribute> attributes() {
        return List.copyOf(attributes.values()).stream();
    }

    @Override
    @SuppressWarnings("deprecation")
    public Serializable getAttribute(String name) {
        Attribute a = attributes.get(AttributeName.of(name));
        return a != null && a.getValue().value() instanceof Serializable s ? s : null;
    }

    @Override
    public Optional<Attribute> getAttribute(AttributeName name) {
        return Optional.ofNullable(attributes.get(name));
    }

    @Override
    public Iterator<String> getAttributeNames() {
        return attributes.keySet().stream().map(AttributeName::asString).toList().iterator();
    }

    @Override
    public Stream<AttributeName> attributeNames() {
        return List.copyOf(attributes.keySet()).stream();
    }

    @Override
    public boolean hasAttributes() {
        return !attributes.isEmpty();
    }

    @Override
    @SuppressWarnings("deprecation")
    public Serializable removeAttribute(String name) {
        Attribute a = attributes.remove(AttributeName.of(name));
        return a != null && a.getValue().value() instanceof Serializable s ? s : null;
    }

    @Override
    public Optional<Attribute> removeAttribute(AttributeName name) {
        return Optional.ofNullable(attributes.remove(name));
    }

    @Override
    public void removeAllAttributes() {
        attributes.clear();
    }

    @Override
    @SuppressWarnings("deprecation")
    public Serializable setAttribute(String name, Serializable object) {
        Serializable old = getAttribute(name);
        setAttribute(Attribute.convertToAttribute(name, object));
        return old;
    }

    @Override
    public Optional<Attribute> setAttribute(Attribute attribute) {
        return Optional.ofNullable(attributes.put(attribute.getName(), attribute));
    }

    @Override
    public void addSpecificHeaderForRecipient(PerRecipientHeaders.Header header, MailAddress recipient) {
        perRecipientHeaders.addHeaderForRecipient(header, recipient);
    }

    @Override
    public PerRecipientHeaders getPerRecipientSpecificHeaders() {
        return perRecipientHeaders;
    }

    @Override
    public long getMessageSize() throws MessagingException {
        if (!messageReplaced) return source.size() + prefix.length;
        CountingStream counter = new CountingStream();
        try {
            message.writeTo(counter);
        } catch (java.io.IOException e) {
            throw new MessagingException("cannot measure the message: " + e.getMessage(), e);
        }
        return counter.count;
    }

    private static final class CountingStream extends java.io.OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    @Override
    public Date getLastUpdated() {
        return lastUpdated;
    }

    @Override
    public void setLastUpdated(Date lastUpdated) {
        this.lastUpdated = lastUpdated;
    }

    @Override
    public Optional<DsnParameters> dsnParameters() {
        return Optional.ofNullable(dsn);
    }

    @Override
    public void setDsnParameters(DsnParameters dsnParameters) {
        this.dsn = dsnParameters;
    }

    @Override
    public String toString() {
        return "mail " + name + " in " + state + " from " + (sender == null ? "<>" : sender.asString()) + " to " + recipients;
    }
}
