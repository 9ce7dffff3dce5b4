package io.tenmail.smtp.dsn;

import io.tenmail.smtp.MailAttributes;
import io.tenmail.smtp.SmtpSettings;
import io.tenmail.smtp.dsn.DeliveryStatusReport.Action;
import io.tenmail.smtp.dsn.DeliveryStatusReport.RecipientStatus;
import io.tenmail.smtp.mailet.MailAddresses;
import io.tenmail.smtp.mailet.QueueAttributes;
import io.tenmail.smtp.mailet.QueueInjector;
import io.tenmail.smtp.mailet.QueueMail;
import io.tenmail.smtp.mailet.QueueMails;
import io.tenmail.storage.model.QueuedRecipient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.james.core.MailAddress;
import org.apache.mailet.DsnParameters;
import org.apache.mailet.DsnParameters.Notify;
import org.apache.mailet.Mail;
import org.eclipse.microprofile.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link DeliveryReports} that composes each report ({@link DeliveryStatusReport}) and queues it
 * with the null reverse path (RFC 5321 §4.5.5), so it is delivered, retried and never answered by
 * another report like any mail. Thread-safe.
 */
@ApplicationScoped
public class QueuedDeliveryReports implements DeliveryReports {
    private static final Logger log = LoggerFactory.getLogger(QueuedDeliveryReports.class);
    /** Larger originals are returned as their header only (RFC 3461 §4.3 lets the MTA decide without RET). */
    public static final long MAX_RETURNED_BYTES = 10L * 1024 * 1024;
    /** The queue attribute that marks a queued report and says which kind it is. */
    public static final String REPORT_ATTRIBUTE = "tenmail.dsn.report";

    private final QueueInjector queue;
    private final String reportingMta;
    private final Clock clock;

    /** For CDI's client proxy only. */
    protected QueuedDeliveryReports() {
        this.queue = null;
        this.reportingMta = null;
        this.clock = null;
    }

    @Inject
    public QueuedDeliveryReports(QueueInjector queue, Config config) {
        this(queue, SmtpSettings.from(config).hostname(), Clock.systemUTC());
    }

    public QueuedDeliveryReports(QueueInjector queue, String reportingMta, Clock clock) {
        this.queue = queue;
        this.reportingMta = reportingMta;
        this.clock = clock;
    }

    @Override
    public void failed(Mail mail, List<DeliveryFailure> failures) throws MessagingException {
        report(mail, failures, Action.FAILED);
    }

    @Override
    public void delayed(Mail mail, List<DeliveryFailure> pending) throws MessagingException {
        report(mail, pending, Action.DELAYED);
    }

    private void report(Mail mail, List<DeliveryFailure> failures, Action action) throws MessagingException {
        if (!mail.hasSender()) {
            log.info("no {} report for {}: it has the null reverse path (a report is never reported on)", action.field(), mail.getName());
            return;
        }
        Optional<DsnParameters> dsn = mail.dsnParameters();
        List<RecipientStatus> wanted = failures.stream()
                .filter(f -> wants(dsn, f.recipient(), action))
                .map(f -> new RecipientStatus(f.recipient(), originalRecipient(dsn, f.recipient()), f.reply(), f.remoteMta()))
                .toList();
        if (wanted.isEmpty()) {
            log.info("no {} report for {}: NOTIFY excludes it for every recipient", action.field(), mail.getName());
            return;
        }
        boolean headersOnly = dsn.flatMap(DsnParameters::getRetParameter).map(r -> r == DsnParameters.Ret.HDRS).orElse(false)
                || mail.getMessageSize() > MAX_RETURNED_BYTES;
        byte[] original = original(mail, headersOnly);
        MailAddress to = mail.getMaybeSender().get();
        DeliveryStatusReport.Content content = new DeliveryStatusReport.Content(reportingMta, to,
                dsn.flatMap(DsnParameters::getEnvIdParameter).map(DsnParameters.EnvId::asString), arrival(mail), action, wanted,
                original, headersOnly);
        MimeMessage report = DeliveryStatusReport.compose(content, clock.instant());
        var id = queue.inject(Optional.empty(), List.of(QueuedRecipient.pending(MailAddresses.toEmailAddress(to))), report,
                Map.of(REPORT_ATTRIBUTE, action.field(), MailAttributes.LISTENER, "internal"));
        log.info("{} report for {} to <{}> about {} recipient(s) queued as {}", action.field(), mail.getName(), to.asString(),
                wanted.size(), id.value());
    }

    /** RFC 3461 §4.1: without NOTIFY, failures and delays are reported; NEVER reports nothing. */
    private static boolean wants(Optional<DsnParameters> dsn, MailAddress recipient, Action action) {
        Optional<EnumSet<Notify>> notify = dsn.map(d -> d.getRcptParameters().get(recipient))
                .flatMap(DsnParameters.RecipientDsnParameters::getNotifyParameter);
        if (notify.isEmpty() || notify.get().isEmpty()) return true;
        if (notify.get().contains(Notify.NEVER)) return false;
        return notify.get().contains(action == Action.FAILED ? Notify.FAILURE : Notify.DELAY);
    }

    private static Optional<String> originalRecipient(Optional<DsnParameters> dsn, MailAddress recipient) {
        return dsn.map(d -> d.getRcptParameters().get(recipient))
                .flatMap(DsnParameters.RecipientDsnParameters::getOrcptParameter)
                .map(a -> "rfc822; " + a.asString());
    }

    private static Instant arrival(Mail mail) {
        Optional<String> received = QueueMails.stringAttribute(mail, QueueAttributes.RECEIVED);
        try {
            if (received.isPresent()) return Instant.parse(received.get());
        } catch (DateTimeParseException e) {
            log.debug("unreadable {} on {}: {}", QueueAttributes.RECEIVED, mail.getName(), received.get());
        }
        return mail.getLastUpdated() != null ? mail.getLastUpdated().toInstant() : Instant.now();
    }

    /** The original's bytes (only its header when that is all the report returns): the stored ones unless a mailet changed it. */
    private static byte[] original(Mail mail, boolean headerOnly) throws MessagingException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (mail instanceof QueueMail q && q.changedMessage().isEmpty()) {
                try (InputStream in = q.openUnchanged()) {
                    if (headerOnly) copyHeader(in, bytes);
                    else in.transferTo(bytes);
                }
            } else {
                mail.getMessage().writeTo(bytes);
            }
        } catch (IOException e) {
            throw new MessagingException("cannot read the original of " + mail.getName() + ": " + e.getMessage(), e);
        }
        return headerOnly ? DeliveryStatusReport.headerOf(bytes.toByteArray()) : bytes.toByteArray();
    }

    /** Copies up to the blank line that ends the header section, or at most 1 MiB of a header that never ends. */
    private static void copyHeader(InputStream in, ByteArrayOutputStream out) throws IOException {
        int last = 0;
        int b;
        int count = 0;
        // state: how much of CR LF CR LF has been seen
        while ((b = in.read()) != -1 && count++ < 1024 * 1024) {
            out.write(b);
            last = (b == '\r' && (last == 0 || last == 2)) || (b == '\n' && (last == 1 || last == 3)) ? last + 1 : (b == '\r' ? 1 : 0);
            if (last == 4) return;
        }
    }
}
