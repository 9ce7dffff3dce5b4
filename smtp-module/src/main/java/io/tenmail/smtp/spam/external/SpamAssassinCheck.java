package io.tenmail.smtp.spam.external;

import io.tenmail.smtp.remote.HostPort;
import io.tenmail.smtp.spam.SpamScore;
import jakarta.mail.MessagingException;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Asks SpamAssassin's spamd (init parameter {@code spamd}, host:port, default 127.0.0.1:783;
 * {@code timeoutSeconds}, default 30) and adds its score, times {@code weight} (default 1), as
 * {@code SPAMASSASSIN}. A spamd that cannot be asked adds nothing (logged). Thread-safe after init.
 */
public class SpamAssassinCheck extends GenericMailet {
    private static final Logger log = LoggerFactory.getLogger(SpamAssassinCheck.class);

    private SpamdClient spamd;
    private double weight;

    @Override
    public void init() throws MessagingException {
        try {
            String server = Optional.ofNullable(getInitParameter("spamd")).filter(s -> !s.isBlank()).orElse("127.0.0.1:783");
            int seconds = Integer.parseInt(Optional.ofNullable(getInitParameter("timeoutSeconds")).orElse("30").trim());
            weight = Double.parseDouble(Optional.ofNullable(getInitParameter("weight")).orElse("1").trim());
            spamd = new SpamdClient(HostPort.parse(server, 783), Duration.ofSeconds(seconds));
        } catch (IllegalArgumentException e) {
            throw new MessagingException("SpamAssassinCheck: spamd, timeoutSeconds or weight is invalid: " + e.getMessage());
        }
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            mail.getMessage().writeTo(bytes);
            SpamdClient.Verdict verdict = spamd.check(bytes.toByteArray());
            if (verdict.score() != 0) SpamScore.add(mail, "SPAMASSASSIN", Math.round(verdict.score() * weight * 10) / 10.0);
        } catch (IOException e) {
            log.warn("spamd could not check {}: {}", mail.getName(), e.getMessage());
        }
    }

    @Override
    public String getMailetInfo() {
        return "SpamAssassin (spamd SPAMC/1.5 CHECK)";
    }
}
