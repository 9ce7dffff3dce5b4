package io.tenmail.smtp.mailets;

import io.tenmail.smtp.MailAttributes;
import io.tenmail.smtp.mailet.MailAddresses;
import io.tenmail.smtp.mailet.QueueInjector;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.QueuedRecipient;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.james.core.MailAddress;
import org.apache.mailet.Attribute;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * "Separate display" sending (Tencent Exmail's 分别发送): a logged-in user's bulk message reaches
 * each recipient as a copy addressed only to them, so nobody sees who else got it. The client asks
 * with the header field {@code X-Tenmail-Separate-Display: yes} (docs/smtp.md). Only mail from an
 * authenticated session is honoured (anyone else's field is left alone and means nothing); the
 * field never leaves the server.
 *
 * <p>For each envelope recipient the mailet queues a copy whose {@code To:} names only that
 * recipient (with the display name the sender used for them, if any), with {@code Cc:} and
 * {@code Bcc:} removed and every other byte unchanged, carrying the original's SMTP attributes (so
 * the copy is still the user's authenticated mail: not spam-checked, DKIM-signed on the way out);
 * the original is then finished ({@code GHOST}). A message with one recipient only loses the field.
 * Put it first in {@code root}, before {@code RecipientRewrite} (a group address gets one copy,
 * addressed to the group, expanded afterwards) and before any signing.
 */
public class SeparateDisplay extends GenericMailet {
    private static final Logger log = LoggerFactory.getLogger(SeparateDisplay.class);
    /** The field a client sets to ask for separate display. */
    public static final String FIELD = "X-Tenmail-Separate-Display";

    private final QueueInjector queue;

    @Inject
    public SeparateDisplay(QueueInjector queue) {
        this.queue = queue;
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        // only logged-in senders may ask; checked first, so that mail from the MX is never parsed here
        if (mail.getAttribute(org.apache.mailet.AttributeName.of(MailAttributes.AUTH_USER)).isEmpty()) return;
        MimeMessage message = mail.getMessage();
        String[] asked = message.getHeader(FIELD);
        if (asked == null) return;
        boolean yes = asked.length > 0 && asked[0].trim().toLowerCase(Locale.ROOT).matches("yes|true|1|on");
        if (!yes || mail.getRecipients().size() < 2) {
            MimeMessage stripped = new MimeMessage(message);
            stripped.removeHeader(FIELD);
            mail.setMessage(stripped);
            return;
        }
        Map<String, String> attributes = smtpAttributes(mail);
        Optional<EmailAddress> sender = mail.getMaybeSender().asOptional().filter(s -> !s.isNullSender()).map(MailAddresses::toEmailAddress);
        List<Address> named = new ArrayList<>();
        for (Message.RecipientType type : List.of(Message.RecipientType.TO, Message.RecipientType.CC)) {
            Address[] a = message.getRecipients(type);
            if (a != null) named.addAll(List.of(a));
        }
        for (MailAddress recipient : mail.getRecipients()) {
            MimeMessage copy = new MimeMessage(message);   // headers are edited in place; the body's bytes stay as they are
            copy.removeHeader(FIELD);
            copy.removeHeader("Cc");
            copy.removeHeader("Bcc");
            copy.setHeader("To", displayed(recipient, named).toString());
            queue.inject(sender, List.of(QueuedRecipient.pending(MailAddresses.toEmailAddress(recipient))), copy, attributes);
        }
        log.info("separate display: {} copies of a message from {}", mail.getRecipients().size(),
                mail.getAttribute(org.apache.mailet.AttributeName.of(MailAttributes.AUTH_USER)).map(a -> String.valueOf(a.getValue().value())).orElse("?"));
        mail.setState(Mail.GHOST);
    }

    /** The recipient as the sender wrote them in To or Cc (keeping the display name), else the bare address. */
    private static InternetAddress displayed(MailAddress recipient, List<Address> named) throws MessagingException {
        for (Address a : named) {
            if (a instanceof InternetAddress ia && ia.getAddress() != null && ia.getAddress().equalsIgnoreCase(recipient.asString())) return ia;
        }
        return new InternetAddress(recipient.asString());
    }

    /** The SMTP intake's attributes (who logged in, from where, over what), as the queue keeps them. */
    private static Map<String, String> smtpAttributes(Mail mail) {
        Map<String, String> out = new HashMap<>();
        mail.attributes().forEach((Attribute a) -> {
            String name = a.getName().asString();
            if ((name.startsWith("tenmail.smtp.") || name.startsWith("tenmail.dsn.")) && a.getValue().value() instanceof String s) {
                out.put(name, s);
            }
        });
        return out;
    }

    @Override
    public String getMailetInfo() {
        return "Separate display: one copy per recipient";
    }
}
