package io.tenmail.smtp.spam;

import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.eclipse.microprofile.config.Config;
import org.xbill.DNS.Type;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * What the client called itself in EHLO/HELO (RFC 5321 §4.1.1.1: the fully-qualified domain name
 * of the client, or an address literal when it has none). Legitimate servers get it right; bots
 * often do not. Symbols, each with its init parameter for the points:
 * <ul>
 *   <li>{@code HELO_NOT_FQDN} ({@code notFqdnScore}, 1.5): a bare word such as "localhost" or "PC-17";</li>
 *   <li>{@code HELO_LITERAL_MISMATCH} ({@code literalMismatchScore}, 2): an address literal that is not the client's address;</li>
 *   <li>{@code HELO_IS_US} ({@code forgedScore}, 3): our own host name from a client that is not us;</li>
 *   <li>{@code HELO_NXDOMAIN} ({@code nxdomainScore}, 1): a name with neither A nor AAAA nor MX (DNS failures count nothing).</li>
 * </ul>
 * Trusted clients ({@link AuthAttributes#trusted}) are not judged (a laptop's EHLO is whatever it is). Thread-safe after init.
 */
public class HeloCheck extends GenericMailet {
    private final DnsLookups dns;
    private final String ourName;
    private double notFqdnScore;
    private double literalMismatchScore;
    private double forgedScore;
    private double nxdomainScore;

    @Inject
    public HeloCheck(Config config) {
        this(DnsLookups.of(SpamSettings.from(config)), SpamSettings.from(config).authServId());
    }

    /** For tests and embedding: an explicit DNS and our host name. */
    public HeloCheck(DnsLookups dns, String ourName) {
        this.dns = dns;
        this.ourName = ourName.toLowerCase(Locale.ROOT);
    }

    @Override
    public void init() throws MessagingException {
        notFqdnScore = MailetParameters.score(this, "notFqdnScore", 1.5);
        literalMismatchScore = MailetParameters.score(this, "literalMismatchScore", 2.0);
        forgedScore = MailetParameters.score(this, "forgedScore", 3.0);
        nxdomainScore = MailetParameters.score(this, "nxdomainScore", 1.0);
    }

    @Override
    public void service(Mail mail) {
        if (AuthAttributes.trusted(mail)) return;
        String client = AuthAttributes.get(mail, "tenmail.smtp.client-address").orElse(mail.getRemoteAddr());
        String helo = AuthAttributes.get(mail, "tenmail.smtp.helo").orElse("").trim().toLowerCase(Locale.ROOT);
        if (client == null || client.isBlank() || isLoopback(client)) return;   // made here, or a local relay
        if (helo.startsWith("[") && helo.endsWith("]")) {
            String literal = helo.substring(1, helo.length() - 1);
            if (literal.startsWith("ipv6:")) literal = literal.substring(5);
            if (!sameAddress(literal, client)) SpamScore.add(mail, "HELO_LITERAL_MISMATCH", literalMismatchScore);
            return;
        }
        if (helo.endsWith(".")) helo = helo.substring(0, helo.length() - 1);
        if (!helo.contains(".")) {
            SpamScore.add(mail, "HELO_NOT_FQDN", notFqdnScore);
            return;
        }
        if (helo.equals(ourName)) {
            SpamScore.add(mail, "HELO_IS_US", forgedScore);
            return;
        }
        try {
            if (dns.records(helo, Type.A).isEmpty() && dns.records(helo, Type.AAAA).isEmpty() && dns.records(helo, Type.MX).isEmpty()) {
                SpamScore.add(mail, "HELO_NXDOMAIN", nxdomainScore);
            }
        } catch (DnsTemporaryFailure e) {
            // no answer is not evidence
        }
    }

    private static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean sameAddress(String literal, String client) {
        try {
            // both are literals, so no DNS query is made
            return InetAddress.getByName(literal).equals(InetAddress.getByName(client));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public String getMailetInfo() {
        return "EHLO/HELO name checks (RFC 5321 §4.1.1.1)";
    }
}
