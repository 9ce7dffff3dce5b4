package io.tenmail.smtp.dsn;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.apache.james.core.MailAddress;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Composes an RFC 3464 delivery status notification: a {@code multipart/report;
 * report-type=delivery-status} (RFC 6522) with a human-readable part, the
 * {@code message/delivery-status} part (per-message fields, then one block per recipient) and the
 * original as {@code message/rfc822} or only its header as {@code text/rfc822-headers}.
 * Pure: no I/O, the caller queues the result.
 */
public final class DeliveryStatusReport {
    private static final Session SESSION = Session.getInstance(new Properties());
    private static final Pattern REPLY = Pattern.compile("^([245])\\d\\d(?:[ -]([245]\\.\\d{1,3}\\.\\d{1,3}))?");
    /** RFC 5322 date-time. */
    static final DateTimeFormatter DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT);

    /** RFC 3464 §2.3.3 Action. */
    public enum Action {
        FAILED, DELAYED;

        String field() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One recipient's block: RFC 3464 §2.3. */
    public record RecipientStatus(MailAddress finalRecipient, Optional<String> originalRecipient, String reply, Optional<String> remoteMta) {
    }

    /**
     * What the report says.
     *
     * @param reportingMta    our host name (RFC 3464 §2.2.2)
     * @param envelopeId      RFC 3461 ENVID of the original, if given (§2.2.1)
     * @param arrival         when we accepted the original (§2.2.5)
     * @param original        the original message (full, or only its header: see {@code headersOnly})
     * @param headersOnly     RFC 3461 RET=HDRS, or a message too large to return
     */
    public record Content(String reportingMta, MailAddress to, Optional<String> envelopeId, Instant arrival, Action action,
                          List<RecipientStatus> recipients, byte[] original, boolean headersOnly) {
        public Content {
            recipients = List.copyOf(recipients);
        }
    }

    private DeliveryStatusReport() {
    }

    /** The RFC 3463 status in a reply ("550 5.1.1 ..." gives 5.1.1, "421 ..." gives 4.0.0). */
    public static String status(String reply) {
        Matcher m = REPLY.matcher(reply.trim());
        if (!m.find()) return "5.0.0";
        return m.group(2) != null ? m.group(2) : m.group(1) + ".0.0";
    }

    public static MimeMessage compose(Content c, Instant now) throws MessagingException {
        MimeMessage message = new MimeMessage(SESSION);
        try {
            message.setFrom(new InternetAddress("MAILER-DAEMON@" + c.reportingMta(), "Mail Delivery System", "UTF-8"));
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("UTF-8 is not supported", e);
        }
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(c.to().asString()));
        message.setSubject(c.action() == Action.FAILED ? "Undelivered Mail Returned to Sender" : "Delivery Status Notification (Delay)", "UTF-8");
        message.setSentDate(Date.from(now));
        // RFC 3834 §5: no auto-reply should answer this
        message.setHeader("Auto-Submitted", "auto-replied");

        MimeMultipart report = new MimeMultipart("report; report-type=delivery-status");
        report.addBodyPart(humanReadable(c));
        report.addBodyPart(part(deliveryStatus(c), "message/delivery-status", "7bit"));
        report.addBodyPart(c.headersOnly()
                ? part(headerOf(c.original()), "text/rfc822-headers", eightBit(c.original()) ? "8bit" : "7bit")
                : part(c.original(), "message/rfc822", eightBit(c.original()) ? "8bit" : "7bit"));
        message.setContent(report);
        message.saveChanges();
        return message;
    }

    private static MimeBodyPart humanReadable(Content c) throws MessagingException {
        StringBuilder text = new StringBuilder();
        if (c.action() == Action.FAILED) {
            text.append("This is the mail system at host ").append(c.reportingMta()).append(".\r\n\r\n")
                    .append("Your message could not be delivered to one or more recipients.\r\n")
                    .append("It is attached below. The reasons:\r\n\r\n");
        } else {
            text.append("This is the mail system at host ").append(c.reportingMta()).append(".\r\n\r\n")
                    .append("Your message has not been delivered yet to one or more recipients.\r\n")
                    .append("Delivery will be tried again; you need not send it again. The reasons:\r\n\r\n");
        }
        for (RecipientStatus r : c.recipients()) {
            text.append("<").append(r.finalRecipient().asString()).append(">: ").append(r.reply())
                    .append(r.remoteMta().map(h -> " (from " + h + ")").orElse("")).append("\r\n");
        }
        MimeBodyPart part = new MimeBodyPart();
        part.setText(text.toString(), "UTF-8");
        return part;
    }

    /** RFC 3464 §2.1: the per-message fields, a blank line, then one block per recipient. */
    static byte[] deliveryStatus(Content c) {
        StringBuilder s = new StringBuilder();
        s.append("Reporting-MTA: dns; ").append(c.reportingMta()).append("\r\n");
        c.envelopeId().ifPresent(id -> s.append("Original-Envelope-Id: ").append(id).append("\r\n"));
        s.append("Arrival-Date: ").append(DATE.format(c.arrival().atZone(ZoneOffset.UTC))).append("\r\n");
        for (RecipientStatus r : c.recipients()) {
            s.append("\r\n");
            r.originalRecipient().ifPresent(o -> s.append("Original-Recipient: ").append(o).append("\r\n"));
            s.append("Final-Recipient: rfc822; ").append(r.finalRecipient().asString()).append("\r\n");
            s.append("Action: ").append(c.action().field()).append("\r\n");
            s.append("Status: ").append(status(r.reply())).append("\r\n");
            r.remoteMta().ifPresent(h -> s.append("Remote-MTA: dns; ").append(h).append("\r\n"));
            s.append("Diagnostic-Code: smtp; ").append(oneLine(r.reply())).append("\r\n");
        }
        return s.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String oneLine(String reply) {
        return reply.replaceAll("[\\r\\n]+", " ").replaceAll("[^\\x20-\\x7e]", "?").trim();
    }

    private static MimeBodyPart part(byte[] content, String type, String encoding) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(content, type)));
        part.setHeader("Content-Type", type);
        // RFC 2046 §5.2.1: a message/rfc822 part is 7bit, 8bit or binary, never encoded
        part.setHeader("Content-Transfer-Encoding", encoding);
        return part;
    }

    /** The header section of a message, up to and including the blank line that ends it. */
    public static byte[] headerOf(byte[] message) {
        for (int i = 0; i + 3 < message.length; i++) {
            if (message[i] == '\r' && message[i + 1] == '\n' && message[i + 2] == '\r' && message[i + 3] == '\n') {
                return java.util.Arrays.copyOf(message, i + 4);
            }
        }
        return message;
    }

    private static boolean eightBit(byte[] bytes) {
        for (byte b : bytes) if (b < 0) return true;
        return false;
    }
}
