package io.tenmail.smtp.spam;

import io.tenmail.smtp.mailet.QueueMail;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.eclipse.microprofile.config.Config;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * Writes what the checks found into one {@code Authentication-Results} header field (RFC 8601)
 * with our host name as authserv-id, at the top of the header. Fields already present that carry
 * our authserv-id are removed first (§5: they can only be forgeries from outside). Adds
 * {@code X-Spam-Score} and {@code X-Spam-Status} ("Yes" from init parameter {@code junkThreshold},
 * default 5, as IsSpam is configured) from the spam score too. Run after the checks.
 */
public class AuthenticationResultsStamp extends GenericMailet {
    /** The fields this stamp writes, and so replaces when a message already has them (lower case). */
    private static final Set<String> OUR_FIELDS = Set.of("x-spam-score", "x-spam-status", "authentication-results");
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
        String top = fields(mail);
        // the common case: nothing to remove, so the fields go on top of the stored bytes unparsed
        if (mail instanceof QueueMail q && q.changedMessage().isEmpty() && !carriesOurFields(q)) {
            q.prependFields(top);
            return;
        }
        MimeMessage message = mail.getMessage();
        removeForgeries(message);
        message.removeHeader("X-Spam-Score");    // only our own verdict counts
        message.removeHeader("X-Spam-Status");
        mail.setMessage(prepend(message, top));
    }

    /** Whether the message has fields this stamp replaces: our verdict, or results claiming our authserv-id. */
    private boolean carriesOurFields(QueueMail mail) throws MessagingException {
        InternetHeaders header = MessageBytes.fields(mail, OUR_FIELDS);
        if (header.getHeader("X-Spam-Score") != null || header.getHeader("X-Spam-Status") != null) return true;
        String[] results = header.getHeader("Authentication-Results");
        if (results == null) return false;
        for (String value : results) if (authServIdOf(value).equals(authServId.toLowerCase(Locale.ROOT))) return true;
        return false;
    }

    private static String authServIdOf(String results) {
        return results.split(";", 2)[0].trim().split("\\s+")[0].toLowerCase(Locale.ROOT);
    }

    private String fields(Mail mail) throws MessagingException {
        StringBuilder top = new StringBuilder();
        List<String> clauses = AuthAttributes.clauses(mail);
        if (!AuthAttributes.trusted(mail) || !clauses.isEmpty()) {
            // RFC 8601 §2.2: "none" when no method ran
            top.append("Authentication-Results: ").append(authServId)
                    .append(clauses.isEmpty() ? "; none" : ";\r\n\t" + String.join(";\r\n\t", clauses)).append("\r\n");
        }
        BigDecimal total = SpamScore.score(mail);
        String score = total.stripTrailingZeros().toPlainString();
        String symbols = SpamScore.symbols(mail);
        top.append("X-Spam-Score: ").append(score).append("\r\n");
        // SpamAssassin's form, which mail clients' filters know
        top.append("X-Spam-Status: ").append(total.doubleValue() >= required ? "Yes" : "No").append(", score=").append(score)
                .append(" required=").append(BigDecimal.valueOf(required).stripTrailingZeros().toPlainString())
                .append(symbols.isEmpty() ? "" : " tests=" + symbols).append("\r\n");
        return top.toString();
    }

    private void removeForgeries(MimeMessage message) throws MessagingException {
        String[] existing = message.getHeader("Authentication-Results");
        if (existing == null) return;
        List<String> keep = new ArrayList<>();
        for (String value : existing) {
            if (!authServIdOf(value).equals(authServId.toLowerCase(Locale.ROOT))) keep.add(value);
        }
        if (keep.size() == existing.length) return;
        message.removeHeader("Authentication-Results");
        for (String value : keep) message.addHeader("Authentication-Results", value);
    }

    /**
     * Trace fields go on top (RFC 5321 §4.4, RFC 8601 §5), but MimeMessage appends fields of a parsed
     * message at the end; so the new fields are written before the message's own bytes, which stay
     * as they were (DKIM signatures over them keep verifying downstream).
     */
    static MimeMessage prepend(MimeMessage message, String fields) throws MessagingException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            bytes.write(fields.getBytes(StandardCharsets.UTF_8));
            message.writeTo(bytes);
        } catch (IOException e) {
            throw new MessagingException("cannot read the message: " + e.getMessage(), e);
        }
        return new MimeMessage(message.getSession() != null ? message.getSession() : Session.getInstance(new Properties()),
                new ByteArrayInputStream(bytes.toByteArray()));
    }

    @Override
    public String getMailetInfo() {
        return "Authentication-Results (RFC 8601) and X-Spam-Score";
    }
}
