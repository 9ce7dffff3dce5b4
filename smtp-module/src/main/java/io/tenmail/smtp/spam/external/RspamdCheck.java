package io.tenmail.smtp.spam.external;

import io.tenmail.smtp.MailAttributes;
import io.tenmail.smtp.spam.AuthAttributes;
import io.tenmail.smtp.spam.SpamScore;
import jakarta.mail.MessagingException;
import org.apache.james.core.MailAddress;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Asks Rspamd ({@link RspamdClient}, HTTP {@code /checkv2}) and maps its answer onto our score:
 * {@code RSPAMD} = Rspamd's score × {@code weight} (default 1), and, because Rspamd's action comes
 * from its own thresholds, {@code RSPAMD_ACTION} with the points that {@code actionScores} gives
 * that action (default {@code reject=5, add header=2.5, rewrite subject=2.5}; others 0). Rspamd's
 * action and its symbols are kept in {@code tenmail.spam.rspamd.action} and
 * {@code tenmail.spam.rspamd.symbols}. Init parameters: {@code url} (default
 * {@code http://127.0.0.1:11333}), {@code timeoutSeconds} (30), {@code password} (the controller
 * password, when the worker asks for one). Trusted mail (logged-in or loopback clients) is not
 * asked about. A Rspamd that cannot be asked adds nothing (a warning in the log). Thread-safe
 * after init.
 */
public class RspamdCheck extends GenericMailet {
    private static final Logger log = LoggerFactory.getLogger(RspamdCheck.class);
    public static final String ACTION = "tenmail.spam.rspamd.action";
    public static final String SYMBOLS = "tenmail.spam.rspamd.symbols";

    private RspamdClient rspamd;
    private double weight;
    private final Map<String, Double> actionScores = new HashMap<>();

    @Override
    public void init() throws MessagingException {
        String url = Optional.ofNullable(getInitParameter("url")).filter(s -> !s.isBlank()).orElse("http://127.0.0.1:11333").trim();
        try {
            URI base = URI.create(url);
            if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme())) throw new IllegalArgumentException("not an http URL");
            int seconds = Integer.parseInt(Optional.ofNullable(getInitParameter("timeoutSeconds")).orElse("30").trim());
            if (seconds < 1) throw new IllegalArgumentException("timeoutSeconds must be at least 1");
            weight = Double.parseDouble(Optional.ofNullable(getInitParameter("weight")).orElse("1").trim());
            String actions = Optional.ofNullable(getInitParameter("actionScores")).orElse("reject=5, add header=2.5, rewrite subject=2.5");
            for (String pair : actions.split(",")) {
                if (pair.isBlank()) continue;
                String[] kv = pair.split("=", 2);
                if (kv.length != 2) throw new IllegalArgumentException("actionScores: \"" + pair.trim() + "\" is not action=points");
                actionScores.put(kv[0].trim().toLowerCase(Locale.ROOT), Double.parseDouble(kv[1].trim()));
            }
            rspamd = new RspamdClient(base, Duration.ofSeconds(seconds),
                    Optional.ofNullable(getInitParameter("password")).filter(s -> !s.isBlank()));
        } catch (IllegalArgumentException e) {
            throw new MessagingException("RspamdCheck: url, timeoutSeconds, weight or actionScores is invalid: " + e.getMessage());
        }
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        if (AuthAttributes.trusted(mail)) return;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            mail.getMessage().writeTo(bytes);
            RspamdClient.Verdict verdict = rspamd.check(bytes.toByteArray(), envelope(mail));
            double points = Math.round(verdict.score() * weight * 10) / 10.0;
            if (points != 0) SpamScore.add(mail, "RSPAMD", points);
            double action = actionScores.getOrDefault(verdict.action().toLowerCase(Locale.ROOT), 0.0);
            if (action != 0) SpamScore.add(mail, "RSPAMD_ACTION", action);
            mail.setAttribute(new Attribute(AttributeName.of(ACTION), AttributeValue.of(verdict.action())));
            mail.setAttribute(new Attribute(AttributeName.of(SYMBOLS), AttributeValue.of(verdict.symbols().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(",")))));
            log.debug("rspamd {}: score={} action={}", mail.getName(), verdict.score(), verdict.action());
        } catch (IOException e) {
            log.warn("rspamd could not check {}: {}", mail.getName(), e.getMessage());
        }
    }

    private static RspamdClient.Envelope envelope(Mail mail) {
        Optional<String> ip = string(mail, MailAttributes.CLIENT_ADDRESS).or(() -> Optional.ofNullable(mail.getRemoteAddr()));
        return new RspamdClient.Envelope(ip, string(mail, MailAttributes.HELO),
                mail.getMaybeSender().asOptional().map(MailAddress::asString),
                mail.getRecipients().stream().map(MailAddress::asString).toList(),
                string(mail, MailAttributes.AUTH_USER), Optional.ofNullable(mail.getName()));
    }

    private static Optional<String> string(Mail mail, String name) {
        return mail.getAttribute(AttributeName.of(name)).map(a -> a.getValue().value())
                .filter(String.class::isInstance).map(String.class::cast).filter(s -> !s.isBlank());
    }

    @Override
    public String getMailetInfo() {
        return "Rspamd (HTTP /checkv2)";
    }
}
