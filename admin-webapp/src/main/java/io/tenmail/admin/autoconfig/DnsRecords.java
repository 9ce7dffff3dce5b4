package io.tenmail.admin.autoconfig;

import java.util.List;

/**
 * The DNS records a hosted domain should publish for mail to reach this server and for clients to
 * find it, from {@link MailEndpoints}: MX, SPF, DMARC, the autoconfig and autodiscover names, and
 * the RFC 6186 / RFC 8314 SRV records. Only what should be published; comparing it with what is
 * published needs a resolver and is not done here. The DKIM records come from the domain's keys
 * (the admin API adds them). Pure functions.
 */
public final class DnsRecords {
    /** One resource record: owner name (absolute, with the trailing dot), type, value, and why. */
    public record Record(String name, String type, String value, String purpose) {
    }

    private final MailEndpoints mail;

    public DnsRecords(MailEndpoints mail) {
        this.mail = mail;
    }

    public List<Record> expected(String domain) {
        String d = domain + ".";
        String h = mail.hostname() + ".";
        return List.of(
                new Record(d, "MX", "10 " + h, "mail for the domain is delivered to this server (RFC 5321 §5.1)"),
                new Record(d, "TXT", "v=spf1 mx ~all", "SPF: the domain's MX hosts may send its mail (RFC 7208)"),
                new Record("_dmarc." + d, "TXT", "v=DMARC1; p=none; rua=mailto:postmaster@" + domain,
                        "DMARC: start by monitoring; tighten p= to quarantine or reject once reports are clean (RFC 7489)"),
                new Record("autoconfig." + d, "CNAME", h, "Thunderbird finds /mail/config-v1.1.xml here"),
                new Record("autodiscover." + d, "CNAME", h, "Outlook finds /autodiscover/autodiscover.xml here"),
                new Record("_imaps._tcp." + d, "SRV", "0 1 " + mail.imaps() + " " + h, "IMAP over TLS (RFC 6186, RFC 8314)"),
                new Record("_imap._tcp." + d, "SRV", "10 1 " + mail.imap() + " " + h, "IMAP with STARTTLS (RFC 6186)"),
                new Record("_submissions._tcp." + d, "SRV", "0 1 " + mail.smtps() + " " + h, "SMTP submission over TLS (RFC 8314)"),
                new Record("_submission._tcp." + d, "SRV", "10 1 " + mail.submission() + " " + h, "SMTP submission with STARTTLS (RFC 6186)"),
                new Record("_pop3s._tcp." + d, "SRV", "0 1 " + mail.pop3s() + " " + h, "POP3 over TLS (RFC 6186, RFC 8314)"),
                new Record("_pop3._tcp." + d, "SRV", "10 1 " + mail.pop3() + " " + h, "POP3 with STLS (RFC 6186)"));
    }
}
