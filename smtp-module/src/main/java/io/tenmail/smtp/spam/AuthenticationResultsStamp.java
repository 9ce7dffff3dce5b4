package io.tenmail.smtp.spam;

import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.eclipse.microprofile.config.Config;

import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

/**
 * Writes what the checks found into one {@code Authentication-Results} header field (RFC 8601)
 * with our host name as authserv-id, at the top of the header. Fields already present that carry
 * our authserv-id are removed first (§5: they can only be forgeries from outside). Adds
 * {@code X-Spam-Score} and {@code X-Spam-Status} ("Yes" from init parameter {@code junkThreshold},
 * default 5, as IsSpam is configured) from the spam score too. Run after the checks.
 */
public class AuthenticationResultsStamp extends GenericMailet {
    private final String authServId;
    private double required;

    @Inject
    public AuthenticationResultsStamp(Config config) {
        this(SpamSettings.from(config).authServId());
    }

    /** For tests and embedding: an explicit authserv-id. */
    public AuthenticationResultsStamp(String authServId) {
        this.authServId = authServId;
    }

    @Override
    public void init() throws MessagingException {
        required = MailetParameters.score(this, "junkThreshold", 5.0);
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        MimeMessage message = mail.getMessage();
        removeForgeries(message);
        List<String> clauses = AuthAttributes.clauses(mail);
        if (!AuthAttributes.authenticated(mail) || !clauses.isEmpty()) {
            // RFC 8601 §2.2: "none" when no method ran
            String value = authServId + (clauses.isEmpty() ? "; none" : ";\r\n\t" + String.join(";\r\n\t", clauses));
            prepend(message, "Authentication-Results", value);
        }
        String score = SpamScore.score(mail).stripTrailingZeros().toPlainString();
        boolean spam = SpamScore.score(mail).doubleValue() >= required;
        String symbols = SpamScore.symbols(mail);
        message.setHeader("X-Spam-Score", score);
        // SpamAssassin's form, which mail clients' filters know
        message.setHeader("X-Spam-Status", (spam ? "Yes" : "No") + ", score=" + score + " required="
                + java.math.BigDecimal.valueOf(required).stripTrailingZeros().toPlainString()
                + (symbols.isEmpty() ? "" : " tests=" + symbols));
        message.saveChanges();
    }

    private void removeForgeries(MimeMessage message) throws MessagingException {
        String[] existing = message.getHeader("Authentication-Results");
        if (existing == null) return;
        List<String> keep = new ArrayList<>();
        for (String value : existing) {
            String id = value.split(";", 2)[0].trim().split("\\s+")[0].toLowerCase(Locale.ROOT);
            if (!id.equals(authServId.toLowerCase(Locale.ROOT))) keep.add(value);
        }
        if (keep.size() == existing.length) return;
        message.removeHeader("Authentication-Results");
        for (String value : keep) message.addHeader("Authentication-Results", value);
    }

    /** Trace fields go on top (RFC 5321 §4.4, RFC 8601 §5); MimeMessage only appends, so rebuild the order. */
    static void prepend(MimeMessage message, String name, String value) throws MessagingException {
        List<String[]> all = new ArrayList<>();
        Enumeration<jakarta.mail.Header> headers = message.getAllHeaders();
        while (headers.hasMoreElements()) {
            jakarta.mail.Header h = headers.nextElement();
            all.add(new String[] {h.getName(), h.getValue()});
        }
        for (String[] h : all) message.removeHeader(h[0]);
        message.addHeader(name, value);
        for (String[] h : all) message.addHeader(h[0], h[1]);
    }

    @Override
    public String getMailetInfo() {
        return "Authentication-Results (RFC 8601) and X-Spam-Score";
    }
}
