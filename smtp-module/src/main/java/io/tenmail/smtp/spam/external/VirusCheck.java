package io.tenmail.smtp.spam.external;

import io.tenmail.smtp.remote.HostPort;
import io.tenmail.smtp.spam.SpamScore;
import jakarta.mail.MessagingException;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Scans the whole message with ClamAV (init parameter {@code clamd}, host:port, default
 * 127.0.0.1:3310; {@code timeoutSeconds}, default 30). A signature found adds {@code VIRUS} with
 * {@code score} points (default 1000) and sets {@code tenmail.spam.virus} to its name. When clamd
 * cannot be asked the mail goes on unscanned and the failure is logged ({@code failClosed=true}
 * instead throws, so the container keeps the mail for a retry). Thread-safe after init.
 */
public class VirusCheck extends GenericMailet {
    private static final Logger log = LoggerFactory.getLogger(VirusCheck.class);
    public static final String VIRUS_ATTRIBUTE = "tenmail.spam.virus";

    private ClamdClient clamd;
    private double score;
    private boolean failClosed;

    @Override
    public void init() throws MessagingException {
        String server = Optional.ofNullable(getInitParameter("clamd")).filter(s -> !s.isBlank()).orElse("127.0.0.1:3310");
        int seconds;
        try {
            seconds = Integer.parseInt(Optional.ofNullable(getInitParameter("timeoutSeconds")).orElse("30").trim());
            score = Double.parseDouble(Optional.ofNullable(getInitParameter("score")).orElse("1000").trim());
            clamd = new ClamdClient(HostPort.parse(server, 3310), Duration.ofSeconds(seconds));
        } catch (IllegalArgumentException e) {
            throw new MessagingException("VirusCheck: clamd, timeoutSeconds or score is invalid: " + e.getMessage());
        }
        failClosed = Boolean.parseBoolean(getInitParameter("failClosed"));
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            mail.getMessage().writeTo(bytes);
            Optional<String> virus = clamd.scan(new ByteArrayInputStream(bytes.toByteArray()));
            if (virus.isPresent()) {
                log.info("virus {} in {}", virus.get(), mail.getName());
                SpamScore.add(mail, "VIRUS", score);
                mail.setAttribute(new Attribute(AttributeName.of(VIRUS_ATTRIBUTE), AttributeValue.of(virus.get())));
            }
        } catch (IOException e) {
            if (failClosed) throw new MessagingException("clamd could not scan " + mail.getName() + ": " + e.getMessage(), e);
            log.warn("clamd could not scan {}: {}; delivered unscanned", mail.getName(), e.getMessage());
        }
    }

    @Override
    public String getMailetInfo() {
        return "ClamAV scan (clamd INSTREAM)";
    }
}
