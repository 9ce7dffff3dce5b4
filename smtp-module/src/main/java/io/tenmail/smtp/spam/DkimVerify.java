package io.tenmail.smtp.spam;

import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.PublicKeyRecord;
import org.apache.james.jdkim.api.Result;
import org.apache.james.jdkim.exceptions.FailException;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.eclipse.microprofile.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * DKIM verification (RFC 6376) with Apache James jDKIM: every DKIM-Signature of the message is
 * checked against the key its d= and s= name in DNS. Per signature a {@code dkim=} clause for
 * Authentication-Results (RFC 8601 §2.7.1); the summary (pass if any signature verified, else
 * temperror, fail or permerror, none without signatures) in {@link AuthAttributes#DKIM_RESULT}; the
 * domains of verified signatures in {@link AuthAttributes#DKIM_PASS_DOMAINS} for DMARC. A signature
 * made with rsa-sha1 fails (RFC 8301 §3.1). A signature
 * that fails adds {@code DKIM_FAIL} (init parameter {@code failScore}, default 1): forwarding breaks
 * signatures too, so DMARC, not this, is what acts on them. Thread-safe after {@link #init()}.
 */
public class DkimVerify extends GenericMailet {
    private static final Logger log = LoggerFactory.getLogger(DkimVerify.class);

    private final DnsLookups dns;
    private final DkimKeyCache keys = new DkimKeyCache();
    private double failScore;

    @Inject
    public DkimVerify(Config config) {
        this(DnsLookups.of(SpamSettings.from(config)));
    }

    /** For tests and embedding: an explicit DNS. */
    public DkimVerify(DnsLookups dns) {
        this.dns = dns;
    }

    @Override
    public void init() throws MessagingException {
        failScore = MailetParameters.score(this, "failScore", 1.0);
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        if (AuthAttributes.trusted(mail)) return;
        // DKIMVerifier collects results per instance: one per message
        DKIMVerifier verifier = new DKIMVerifier(new DkimKeyRetriever(dns)) {
            @Override
            protected PublicKeyRecord newPublicKeyRecord(String record) {
                return keys.record(record);   // parsed and its key built once per record text
            }
        };
        try (InputStream message = MessageBytes.open(mail)) {
            DkimMessage parsed = DkimMessage.read(message);
            verifier.verify(parsed, parsed.body());
        } catch (FailException e) {
            log.debug("dkim: no signature verified: {}", e.getMessage());
        } catch (IOException e) {
            throw new MessagingException("cannot read the message of " + mail.getName(), e);
        }
        List<Result> results = verifier.getResults();
        Set<String> passDomains = new LinkedHashSet<>();
        List<String> clauses = new ArrayList<>();
        boolean temporary = false;
        boolean failed = false;
        String firstFailure = null;
        for (Result r : results) {
            String type = r.getResultType().name().toLowerCase(Locale.ROOT);
            String text = r.getHeaderText();
            if (r.isSuccess() && "sha1".equalsIgnoreCase(String.valueOf(r.getRecord().getHashMethod()))) {
                // RFC 8301 §3.1: verifiers must not consider rsa-sha1 signatures valid
                clauses.add(text.replaceFirst("^dkim=pass", "dkim=fail (rsa-sha1 not accepted, RFC 8301)"));
                failed = true;
                if (firstFailure == null) firstFailure = "fail";
                continue;
            }
            clauses.add(text.isEmpty() ? "dkim=" + type : text);
            switch (r.getResultType()) {
                case PASS -> passDomains.add(r.getRecord().getDToken().toString().toLowerCase(Locale.ROOT));
                case TEMPERROR -> temporary = true;
                default -> {
                    failed = true;
                    if (firstFailure == null) firstFailure = type;
                }
            }
        }
        String summary = !passDomains.isEmpty() ? "pass" : temporary ? "temperror" : failed ? firstFailure : "none";
        log.debug("dkim={} signatures={} verified={}", summary, results.size(), passDomains);
        AuthAttributes.set(mail, AuthAttributes.DKIM_RESULT, summary);
        AuthAttributes.set(mail, AuthAttributes.DKIM_PASS_DOMAINS, String.join(",", passDomains));
        AuthAttributes.addResults(mail, "dkim", clauses.isEmpty() ? List.of("dkim=none") : clauses);
        if (failed && passDomains.isEmpty()) SpamScore.add(mail, "DKIM_FAIL", failScore);
    }

    @Override
    public String getMailetInfo() {
        return "DKIM verification (RFC 6376)";
    }
}
