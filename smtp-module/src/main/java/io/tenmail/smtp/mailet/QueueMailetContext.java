package io.tenmail.smtp.mailet;

import io.tenmail.smtp.dsn.DeliveryFailure;
import io.tenmail.smtp.dsn.DeliveryReports;
import io.tenmail.storage.Directory;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.QueuedRecipient;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.mailet.HostAddress;
import org.apache.mailet.LookupException;
import org.apache.mailet.Mail;
import org.apache.mailet.MailetContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The {@link MailetContext} of Tenmail's container. Local addresses and domains are the
 * directory's ({@link Directory#resolve}); {@code sendMail} queues durably through the
 * {@link QueueInjector} (a mail sent to another state or with a delay carries
 * {@link QueueAttributes#START_PROCESSOR} / {@link QueueAttributes#NEXT_ATTEMPT}, which the
 * spooler honours on its first lease); {@code bounce} sends a DSN. DNS is not offered here: remote
 * delivery resolves MX records itself. Thread-safe.
 */
public final class QueueMailetContext implements MailetContext {
    private static final Logger log = LoggerFactory.getLogger("io.tenmail.mailet");

    private final Directory directory;
    private final QueueInjector queue;
    private final DeliveryReports reports;
    private final MailAddress postmaster;
    private final String hostname;
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();

    public QueueMailetContext(Directory directory, QueueInjector queue, DeliveryReports reports, EmailAddress postmaster, String hostname) {
        this.directory = directory;
        this.queue = queue;
        this.reports = reports;
        this.postmaster = MailAddresses.toMailAddress(postmaster);
        this.hostname = hostname;
    }

    @Override
    public int getMajorVersion() {
        return 3;
    }

    @Override
    public int getMinorVersion() {
        return 9;
    }

    @Override
    public String getServerInfo() {
        return "Tenmail mailet container on " + hostname;
    }

    @Override
    public Iterator<String> getAttributeNames() {
        return List.copyOf(attributes.keySet()).iterator();
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        attributes.put(name, value);
    }

    @Override
    public void removeAttribute(String name) {
        attributes.remove(name);
    }

    @Override
    public void log(String message) {
        log.info(message);
    }

    @Override
    public void log(String message, Throwable t) {
        log.warn(message, t);
    }

    @Override
    public void log(LogLevel level, String message) {
        log(level, message, null);
    }

    @Override
    public void log(LogLevel level, String message, Throwable t) {
        switch (level) {
            case DEBUG -> log.debug(message, t);
            case INFO -> log.info(message, t);
            case WARN -> log.warn(message, t);
            case ERROR -> log.error(message, t);
        }
    }

    @Override
    public MailAddress getPostmaster() {
        return postmaster;
    }

    /** Whether the domain is one of ours (its postmaster resolves to something other than "not local"). */
    @Override
    public boolean isLocalServer(Domain domain) {
        try {
            return directory.resolve(new EmailAddress("postmaster", domain.asString())).kind() != io.tenmail.storage.model.Resolution.Kind.NOT_LOCAL;
        } catch (StoreException | IllegalArgumentException e) {
            log.warn("cannot tell whether {} is local: {}", domain.asString(), e.getMessage());
            return false;
        }
    }

    @Override
    public boolean isLocalUser(String userAccount) {
        try {
            return userAccount.contains("@") && isLocalEmail(new MailAddress(userAccount));
        } catch (jakarta.mail.internet.AddressException e) {
            return false;
        }
    }

    /** Whether mail to the address is delivered here: an account, alias, group, catch-all or domain alias. */
    @Override
    public boolean isLocalEmail(MailAddress address) {
        if (address == null) return false;
        try {
            return directory.resolve(MailAddresses.toEmailAddress(address)).isLocal();
        } catch (StoreException | IllegalArgumentException e) {
            log.warn("cannot tell whether {} is local: {}", address.asString(), e.getMessage());
            return false;
        }
    }

    @Override
    public Collection<String> getMailServers(Domain domain) {
        return List.of();
    }

    @Override
    public Iterator<HostAddress> getSMTPHostAddresses(Domain domain) {
        return Collections.emptyIterator();
    }

    @Override
    public List<String> dnsLookup(String name, RecordType type) throws LookupException {
        throw new LookupException("this container offers no DNS look-ups (" + type + " " + name + "); remote delivery resolves its own");
    }

    @Override
    public void sendMail(MimeMessage message) throws MessagingException {
        Address[] from = message.getFrom();
        MailAddress sender = from != null && from.length > 0 ? new MailAddress((InternetAddress) from[0]) : null;
        Address[] to = message.getAllRecipients();
        if (to == null || to.length == 0) throw new MessagingException("the message has no recipients");
        List<MailAddress> recipients = new ArrayList<>();
        for (Address a : to) recipients.add(new MailAddress((InternetAddress) a));
        sendMail(sender, recipients, message);
    }

    @Override
    public void sendMail(MailAddress sender, Collection<MailAddress> recipients, MimeMessage message) throws MessagingException {
        send(sender, recipients, message, Map.of());
    }

    @Override
    public void sendMail(MailAddress sender, Collection<MailAddress> recipients, MimeMessage message, String state) throws MessagingException {
        send(sender, recipients, message, Map.of(QueueAttributes.START_PROCESSOR, state));
    }

    @Override
    public void sendMail(Mail mail) throws MessagingException {
        sendMail(mail, mail.getState() == null ? io.tenmail.storage.MailQueue.ROOT : mail.getState());
    }

    @Override
    public void sendMail(Mail mail, long delay, TimeUnit unit) throws MessagingException {
        sendMail(mail, mail.getState() == null ? io.tenmail.storage.MailQueue.ROOT : mail.getState(), delay, unit);
    }

    @Override
    public void sendMail(Mail mail, String state) throws MessagingException {
        sendMail(mail, state, 0, TimeUnit.MILLISECONDS);
    }

    @Override
    public void sendMail(Mail mail, String state, long delay, TimeUnit unit) throws MessagingException {
        Map<String, String> extra = new HashMap<>();
        if (state != null && !state.equals(io.tenmail.storage.MailQueue.ROOT)) extra.put(QueueAttributes.START_PROCESSOR, state);
        if (delay > 0) extra.put(QueueAttributes.NEXT_ATTEMPT, Instant.now().plusMillis(unit.toMillis(delay)).toString());
        send(mail.getMaybeSender().asOptional().orElse(null), mail.getRecipients(), mail.getMessage(), extra);
    }

    private void send(MailAddress sender, Collection<MailAddress> recipients, MimeMessage message, Map<String, String> attributes)
            throws MessagingException {
        Optional<EmailAddress> reversePath = sender == null || sender.isNullSender()
                ? Optional.empty() : Optional.of(MailAddresses.toEmailAddress(sender));
        List<QueuedRecipient> queued = recipients.stream().map(r -> QueuedRecipient.pending(MailAddresses.toEmailAddress(r))).toList();
        Map<String, String> all = new HashMap<>(attributes);
        all.put(io.tenmail.smtp.MailAttributes.LISTENER, "internal");
        queue.inject(reversePath, queued, message, all);
    }

    /** Reports every recipient of the mail as failed, with {@code message} as the reason. */
    @Override
    public void bounce(Mail mail, String message) throws MessagingException {
        List<DeliveryFailure> failures = mail.getRecipients().stream()
                .map(r -> new DeliveryFailure(r, "550 5.0.0 " + message, Optional.empty())).toList();
        reports.failed(mail, failures);
    }

    @Override
    public void bounce(Mail mail, String message, MailAddress bouncer) throws MessagingException {
        bounce(mail, message);
    }

    @Override
    public Logger getLogger() {
        return log;
    }
}
