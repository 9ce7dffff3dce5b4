package io.tenmail.smtp.remote;

import io.tenmail.smtp.dsn.DeliveryFailure;
import io.tenmail.smtp.dsn.DeliveryReports;
import io.tenmail.storage.traffic.TrafficEvent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import org.apache.james.core.MailAddress;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.eclipse.microprofile.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivers a mail to other servers by SMTP. The recipients are grouped by domain; each domain
 * gets one connection carrying all its recipients (several transactions if there are many), the
 * domains of one mail in parallel on a bounded pool of worker threads. Per recipient:
 * <ul>
 *   <li>delivered: removed from the mail's recipients;</li>
 *   <li>failed for good (5xx, no such domain, null MX, SMTPUTF8 or SIZE impossible): reported to the
 *       sender with {@link DeliveryReports#failed} and removed;</li>
 *   <li>failed for now (4xx, no answer, DNS timeout): kept; the mail is deferred, per the mailet
 *       contract, by setting its state to this mailet's processor and the attribute
 *       {@code tenmail.queue.next-attempt} to the instant the {@link RetrySchedule} gives. Once the
 *       maximum age has passed the recipients are reported failed with their last error; once, after
 *       the delay-notice time, the sender gets a {@link DeliveryReports#delayed} notice.</li>
 * </ul>
 * When no recipient is left the mail becomes GHOST. Settings come from MicroProfile Config
 * ({@link RemoteDeliverySettings}); the mailet takes no init parameters. Thread-safe after
 * {@link #init()}.
 */
public class RemoteDelivery extends GenericMailet {
    private static final Logger log = LoggerFactory.getLogger(RemoteDelivery.class);

    /** Contract attributes, named literally until the container's QueueAttributes is merged. */
    static final AttributeName NEXT_ATTEMPT = AttributeName.of("tenmail.queue.next-attempt");
    static final AttributeName LAST_ERROR = AttributeName.of("tenmail.queue.last-error");
    static final AttributeName ATTEMPTS = AttributeName.of("tenmail.queue.attempts");
    static final AttributeName RECEIVED = AttributeName.of("tenmail.queue.received");

    private final RemoteDeliverySettings settings;
    private final DeliveryReports reports;
    private final Clock clock;
    private final MxResolver resolver;
    private ExecutorService workers;
    private ScheduledExecutorService watchdog;
    private Destinations destinations;
    private DomainDelivery delivery;

    /** Counts recipients delivered for the dashboard's "messages out" (ADR 0017); null when made without CDI (tests). */
    @Inject
    Event<TrafficEvent> traffic;

    @Inject
    public RemoteDelivery(Config config, DeliveryReports reports) {
        this(RemoteDeliverySettings.from(config), reports, Clock.systemUTC(), null);
    }

    /** For tests and embedding: explicit settings, clock, and optionally a resolver (else one from the settings). */
    public RemoteDelivery(RemoteDeliverySettings settings, DeliveryReports reports, Clock clock, MxResolver resolver) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.reports = Objects.requireNonNull(reports, "reports");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.resolver = resolver != null ? resolver
                : new MxResolver(MxResolver.resolverFor(settings.dnsServers(), settings.dnsTimeout()), new SecureRandom());
    }

    @Override
    public void init() throws MessagingException {
        ClientTls tls;
        try {
            tls = ClientTls.create(settings.trustedCertificates());
        } catch (GeneralSecurityException | IOException e) {
            throw new MessagingException(RemoteDeliverySettings.TRUSTED_CERTIFICATES + ": cannot set up TLS: " + e.getMessage(), e);
        }
        workers = Executors.newFixedThreadPool(settings.workerThreads(), threads("remote-delivery-"));
        watchdog = Executors.newSingleThreadScheduledExecutor(threads("remote-delivery-watchdog-"));
        destinations = new Destinations(settings.routes(), resolver, settings.mxTls(), settings.smartHost(), settings.port());
        SessionOpener opener = new SessionOpener(settings.heloName(), settings.timeouts(), tls, watchdog);
        delivery = new DomainDelivery(opener, new MailTransaction(settings.timeouts(), settings.eightBitPolicy()),
                settings.timeouts(), settings.maxRecipientsPerTransaction());
        log.info("remote delivery as {}: {} routes{}, MX TLS {}, {} workers", settings.heloName(), settings.routes().size(),
                settings.routes().hasSmartHost() ? " (smart host)" : "", settings.mxTls(), settings.workerThreads());
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        List<MailAddress> recipients = List.copyOf(mail.getRecipients());
        if (recipients.isEmpty()) {
            mail.setState(Mail.GHOST);
            return;
        }
        MessageContent content;
        try {
            content = MessageContent.of(mail.getMessage());
        } catch (IOException e) {
            throw new MessagingException("cannot read the message of " + mail.getName() + ": " + e.getMessage(), e);
        }
        OutboundEnvelope envelope = OutboundEnvelope.of(mail, content);
        List<RecipientResult> results = deliverAll(recipients, envelope, content);
        settle(mail, results);
    }

    private List<RecipientResult> deliverAll(List<MailAddress> recipients, OutboundEnvelope envelope, MessageContent content) {
        Map<String, Future<List<RecipientResult>>> running = new LinkedHashMap<>();
        Map<String, List<MailAddress>> byDomain = OutboundEnvelope.byDomain(recipients);
        for (Map.Entry<String, List<MailAddress>> e : byDomain.entrySet()) {
            running.put(e.getKey(), workers.submit(() -> deliverDomain(e.getKey(), e.getValue(), envelope, content)));
        }
        List<RecipientResult> results = new ArrayList<>();
        boolean interrupted = false;
        for (Map.Entry<String, Future<List<RecipientResult>>> e : running.entrySet()) {
            try {
                if (interrupted && !e.getValue().isDone()) {
                    e.getValue().cancel(true);
                    DeliveryException stopped = DeliveryException.temporary("451 4.3.0 delivery interrupted (server stopping)");
                    byDomain.get(e.getKey()).forEach(r -> results.add(RecipientResult.of(r, stopped)));
                    continue;
                }
                results.addAll(e.getValue().get());
            } catch (InterruptedException ie) {
                // keep what finished (those recipients must not go twice); the rest stays queued
                interrupted = true;
                e.getValue().cancel(true);
                DeliveryException stopped = DeliveryException.temporary("451 4.3.0 delivery interrupted (server stopping)");
                byDomain.get(e.getKey()).forEach(r -> results.add(RecipientResult.of(r, stopped)));
            } catch (ExecutionException | java.util.concurrent.CancellationException ee) {
                // a bug, not a delivery result: keep the recipients queued rather than lose or bounce them
                log.error("remote delivery to {} failed unexpectedly", e.getKey(), ee.getCause() != null ? ee.getCause() : ee);
                DeliveryException bug = DeliveryException.temporary("451 4.3.0 internal error delivering to " + e.getKey());
                byDomain.get(e.getKey()).forEach(r -> results.add(RecipientResult.of(r, bug)));
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        return results;
    }

    private List<RecipientResult> deliverDomain(String domain, List<MailAddress> recipients, OutboundEnvelope envelope,
                                                MessageContent content) {
        try {
            return delivery.deliver(destinations.resolve(domain), recipients, envelope, content);
        } catch (DeliveryException e) {
            log.info("delivery to {}: {}", domain, e.reply());
            return recipients.stream().map(r -> RecipientResult.of(r, e)).toList();
        }
    }

    /** Applies the results to the mail: removes delivered and failed recipients, reports, defers the rest. */
    private void settle(Mail mail, List<RecipientResult> results) throws MessagingException {
        List<MailAddress> pending = new ArrayList<>();
        List<DeliveryFailure> failed = new ArrayList<>();
        List<DeliveryFailure> deferred = new ArrayList<>();
        for (RecipientResult r : results) {
            switch (r.status()) {
                case DELIVERED -> { if (traffic != null) traffic.fire(TrafficEvent.sent(mail.getMaybeSender().asOptional().map(MailAddress::asString).orElse(null))); }
                case PERMANENT_FAILURE -> failed.add(failure(r));
                case TEMPORARY_FAILURE -> {
                    pending.add(r.recipient());
                    deferred.add(failure(r));
                }
            }
        }
        // delivered recipients leave first, so that a failing report never makes them go twice
        List<MailAddress> notDelivered = new ArrayList<>(pending);
        failed.forEach(f -> notDelivered.add(f.recipient()));
        mail.setRecipients(notDelivered);
        if (!failed.isEmpty()) reports.failed(mail, failed);
        mail.setRecipients(pending);
        if (pending.isEmpty()) {
            mail.setState(Mail.GHOST);
            return;
        }
        Instant now = clock.instant();
        RetrySchedule.RetryDecision decision = settings.retrySchedule().afterTemporaryFailure(received(mail, now), attempts(mail), now);
        if (decision.expired()) {
            log.info("mail {} expired with {} recipients pending; reporting them failed", mail.getName(), pending.size());
            reports.failed(mail, deferred);
            mail.setRecipients(List.of());
            mail.setState(Mail.GHOST);
            return;
        }
        if (decision.delayNoticeDue()) reports.delayed(mail, deferred);
        Instant next = decision.nextAttempt().orElseThrow();
        mail.setAttribute(new Attribute(NEXT_ATTEMPT, AttributeValue.of(next.toString())));
        mail.setAttribute(new Attribute(LAST_ERROR, AttributeValue.of(deferred.get(deferred.size() - 1).reply())));
        mail.setState(mail.getState()); // resume in this processor, as the contract asks
        log.info("mail {} deferred until {} for {} recipients", mail.getName(), next, pending.size());
    }

    @Override
    public void destroy() {
        if (workers != null) workers.shutdownNow();
        if (watchdog != null) watchdog.shutdownNow();
        try {
            if (workers != null && !workers.awaitTermination(10, TimeUnit.SECONDS)) log.warn("remote delivery workers still running");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String getMailetInfo() {
        return "Tenmail remote delivery (SMTP to MX hosts, routes or a smart host, with retries)";
    }

    private static DeliveryFailure failure(RecipientResult r) {
        return new DeliveryFailure(asMailetAddress(r.recipient()), r.reply(), r.remoteMta());
    }

    /** DeliveryFailure speaks org.apache.mailet.MailAddress, a subclass of the core one the Mail API uses. */
    private static org.apache.mailet.MailAddress asMailetAddress(MailAddress address) {
        if (address instanceof org.apache.mailet.MailAddress m) return m;
        try {
            return new org.apache.mailet.MailAddress(address.asString());
        } catch (jakarta.mail.internet.AddressException e) {
            throw new IllegalStateException("a recipient address that parsed once does not parse again: " + address, e);
        }
    }

    private static int attempts(Mail mail) {
        return mail.getAttribute(ATTEMPTS).map(a -> a.getValue().getValue())
                .map(v -> v instanceof Number n ? n.intValue() : Integer.parseInt(v.toString())).orElse(0);
    }

    private static Instant received(Mail mail, Instant now) {
        Optional<String> value = mail.getAttribute(RECEIVED).map(a -> String.valueOf(a.getValue().getValue()));
        try {
            if (value.isPresent()) return Instant.parse(value.get());
        } catch (DateTimeParseException e) {
            log.warn("mail {} has an unreadable {} \"{}\"", mail.getName(), RECEIVED.asString(), value.get());
        }
        return mail.getLastUpdated() != null ? mail.getLastUpdated().toInstant() : now;
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
