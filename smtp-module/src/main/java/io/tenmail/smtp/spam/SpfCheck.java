package io.tenmail.smtp.spam;

import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import org.apache.james.core.MailAddress;
import org.apache.james.jspf.impl.SPF;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.eclipse.microprofile.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.Optional;

/**
 * SPF (RFC 7208) with Apache James jSPF: is the client's IP address allowed to send for the MAIL
 * FROM domain, or for the HELO name when the reverse path is null (§2.4)? The result goes to
 * {@link AuthAttributes#SPF_RESULT} and {@link AuthAttributes#SPF_DOMAIN}, an {@code spf=} clause
 * for Authentication-Results (RFC 8601 §2.7.2), and the score: {@code SPF_FAIL} (init parameter
 * {@code failScore}, default 3), {@code SPF_SOFTFAIL} ({@code softfailScore}, default 1). Mail from
 * a trusted client ({@link AuthAttributes#trusted}: authenticated or loopback) is not checked. Thread-safe after {@link #init()}.
 */
public class SpfCheck extends GenericMailet {
    private static final Logger log = LoggerFactory.getLogger(SpfCheck.class);

    private final DnsLookups dns;
    private SPF spf;
    private double failScore;
    private double softfailScore;

    @Inject
    public SpfCheck(Config config) {
        this(DnsLookups.of(SpamSettings.from(config)));
    }

    /** For tests and embedding: an explicit DNS. */
    public SpfCheck(DnsLookups dns) {
        this.dns = dns;
    }

    @Override
    public void init() throws MessagingException {
        failScore = MailetParameters.score(this, "failScore", 3.0);
        softfailScore = MailetParameters.score(this, "softfailScore", 1.0);
        spf = new SPF(new SpfDnsService(dns));
    }

    @Override
    public void service(Mail mail) {
        if (AuthAttributes.trusted(mail)) return;
        String ip = AuthAttributes.get(mail, "tenmail.smtp.client-address").orElse(mail.getRemoteAddr());
        String helo = AuthAttributes.get(mail, "tenmail.smtp.helo").orElse("");
        Optional<MailAddress> sender = mail.getMaybeSender().asOptional();
        String domain = sender.map(s -> s.getDomain().asString()).orElse(helo).toLowerCase(Locale.ROOT);
        String property = sender.isPresent() ? "smtp.mailfrom" : "smtp.helo";
        String result;
        if (ip == null || ip.isBlank()) {
            result = "none";   // nothing to check against: mail injected locally
        } else {
            // jSPF takes the full MAIL FROM ("postmaster@helo" is built from the HELO for <>)
            String mailFrom = sender.map(MailAddress::asString).orElse("");
            result = spf.checkSPF(ip, mailFrom, helo).getResult();
        }
        log.debug("spf={} ip={} domain={}", result, ip, domain);
        AuthAttributes.set(mail, AuthAttributes.SPF_RESULT, result);
        AuthAttributes.set(mail, AuthAttributes.SPF_DOMAIN, domain);
        AuthAttributes.addResult(mail, "spf", "spf=" + result + " " + property + "=" + domain);
        switch (result) {
            case "fail" -> SpamScore.add(mail, "SPF_FAIL", failScore);
            case "softfail" -> SpamScore.add(mail, "SPF_SOFTFAIL", softfailScore);
            default -> { }
        }
    }

    @Override
    public String getMailetInfo() {
        return "SPF check (RFC 7208)";
    }
}
