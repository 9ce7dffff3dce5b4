package io.tenmail.smtp.spam;

import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.eclipse.microprofile.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * DMARC (RFC 7489): the RFC 5322.From domain's policy, found at {@code _dmarc.<from domain>} or else
 * at {@code _dmarc.<organisational domain>} (§6.6.3, {@link OrganizationalDomain}), applied to the
 * SPF and DKIM results the checks before this one left ({@link AuthAttributes}). DMARC passes when a
 * passing SPF domain or DKIM d= is aligned with the From domain: equal for strict alignment, the
 * same organisational domain for relaxed (§3.1). A failure applies p= (sp= when the record was
 * found at the organisational domain of a subdomain), for pct per cent of mail and the next weaker
 * policy for the rest (§6.6.4). reject adds {@code DMARC_REJECT} (init parameter {@code rejectScore},
 * default 10), quarantine {@code DMARC_QUARANTINE} ({@code quarantineScore}, default 6): in the
 * chain, after 250 has been given, both mean Junk; the SMTP session rejects before 250 where it
 * runs the checks itself. Run after {@link SpfCheck} and {@link DkimVerify}. Thread-safe after init.
 */
public class DmarcCheck extends GenericMailet {
    private static final Logger log = LoggerFactory.getLogger(DmarcCheck.class);

    private final DnsLookups dns;
    private final DoubleSupplier random;
    private double rejectScore;
    private double quarantineScore;

    @Inject
    public DmarcCheck(Config config) {
        this(DnsLookups.of(SpamSettings.from(config)), new SecureRandom()::nextDouble);
    }

    /** For tests and embedding: an explicit DNS and the random source for pct (values in [0, 1)). */
    public DmarcCheck(DnsLookups dns, DoubleSupplier random) {
        this.dns = dns;
        this.random = random;
    }

    @Override
    public void init() throws MessagingException {
        rejectScore = MailetParameters.score(this, "rejectScore", 10.0);
        quarantineScore = MailetParameters.score(this, "quarantineScore", 6.0);
    }

    /** The outcome for one message: the result word and, on failure, the policy to apply. */
    record Evaluation(String result, String fromDomain, Optional<DmarcRecord.Policy> policy) {
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        if (AuthAttributes.trusted(mail)) return;
        Evaluation e = evaluate(mail);
        AuthAttributes.set(mail, AuthAttributes.DMARC_RESULT, e.result());
        e.policy().ifPresent(p -> AuthAttributes.set(mail, AuthAttributes.DMARC_POLICY, p.name().toLowerCase(Locale.ROOT)));
        String comment = e.policy().map(p -> " (p=" + p.name().toLowerCase(Locale.ROOT) + ")").orElse("");
        AuthAttributes.addResult(mail, "dmarc", "dmarc=" + e.result() + comment
                + (e.fromDomain().isEmpty() ? "" : " header.from=" + e.fromDomain()));
        log.debug("dmarc={}{} from={}", e.result(), comment, e.fromDomain());
        e.policy().ifPresent(p -> {
            switch (p) {
                case REJECT -> SpamScore.add(mail, "DMARC_REJECT", rejectScore);
                case QUARANTINE -> SpamScore.add(mail, "DMARC_QUARANTINE", quarantineScore);
                case NONE -> { }
            }
        });
    }

    Evaluation evaluate(Mail mail) throws MessagingException {
        String[] froms = MessageBytes.header(mail, "From");
        Optional<String> fromDomain = froms != null && froms.length == 1 ? domainOf(froms[0]) : Optional.empty();
        if (fromDomain.isEmpty()) {
            // §6.6.1: no single, parseable author domain; nothing to evaluate
            return new Evaluation("permerror", "", Optional.empty());
        }
        String from = fromDomain.get();
        Optional<DmarcRecord> record;
        boolean atOrganisation = false;
        try {
            record = policyAt(from);
            String org = OrganizationalDomain.of(from);
            if (record.isEmpty() && !org.equals(from)) {
                record = policyAt(org);
                atOrganisation = record.isPresent();
            }
        } catch (DnsTemporaryFailure ex) {
            return new Evaluation("temperror", from, Optional.empty());
        }
        if (record.isEmpty()) return new Evaluation("none", from, Optional.empty());
        DmarcRecord r = record.get();
        if (aligned(mail, from, r)) return new Evaluation("pass", from, Optional.empty());
        DmarcRecord.Policy policy = atOrganisation ? r.subdomainPolicy() : r.policy();
        if (r.percent() < 100 && random.getAsDouble() * 100 >= r.percent()) policy = policy.weaker();
        return new Evaluation("fail", from, Optional.of(policy));
    }

    private boolean aligned(Mail mail, String from, DmarcRecord r) {
        boolean spfPass = AuthAttributes.get(mail, AuthAttributes.SPF_RESULT).map("pass"::equals).orElse(false);
        if (spfPass && AuthAttributes.get(mail, AuthAttributes.SPF_DOMAIN).map(d -> aligned(d, from, r.strictSpf())).orElse(false)) {
            return true;
        }
        List<String> dkim = AuthAttributes.get(mail, AuthAttributes.DKIM_PASS_DOMAINS)
                .map(s -> Arrays.stream(s.split(",")).filter(d -> !d.isBlank()).toList()).orElse(List.of());
        return dkim.stream().anyMatch(d -> aligned(d, from, r.strictDkim()));
    }

    static boolean aligned(String authenticated, String from, boolean strict) {
        String a = authenticated.toLowerCase(Locale.ROOT);
        return strict ? a.equals(from) : OrganizationalDomain.of(a).equals(OrganizationalDomain.of(from));
    }

    /** §6.6.3: records not starting with v=DMARC1 are discarded; more than one usable record means none. */
    private Optional<DmarcRecord> policyAt(String domain) throws DnsTemporaryFailure {
        List<DmarcRecord> records = dns.txt("_dmarc." + domain).stream()
                .map(DmarcRecord::parse).flatMap(Optional::stream).toList();
        return records.size() == 1 ? Optional.of(records.get(0)) : Optional.empty();
    }

    private static Optional<String> domainOf(String header) {
        try {
            InternetAddress[] addresses = InternetAddress.parseHeader(header, false);
            if (addresses.length != 1) return Optional.empty();
            String address = addresses[0].getAddress();
            int at = address == null ? -1 : address.lastIndexOf('@');
            if (at < 0 || at == address.length() - 1) return Optional.empty();
            return Optional.of(address.substring(at + 1).toLowerCase(Locale.ROOT));
        } catch (AddressException e) {
            return Optional.empty();
        }
    }

    @Override
    public String getMailetInfo() {
        return "DMARC policy evaluation (RFC 7489)";
    }
}
