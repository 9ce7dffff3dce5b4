package io.tenmail.admin.autoconfig;

import java.util.Locale;
import java.util.Objects;

/**
 * Where mail clients reach this server: its DNS name and the ports of each listener, as
 * configured ({@code tenmail.hostname}, {@code tenmail.imaps.port} ...). The client
 * autoconfiguration documents are built from this and nothing else.
 *
 * @param imap       IMAP with STARTTLS (RFC 3501 §6.2.1)
 * @param imaps      IMAP over implicit TLS (RFC 8314)
 * @param pop3       POP3 with STLS (RFC 2595 §4)
 * @param pop3s      POP3 over implicit TLS (RFC 8314)
 * @param submission SMTP submission with STARTTLS (RFC 6409)
 * @param smtps      SMTP submission over implicit TLS (RFC 8314 §3.3)
 */
public record MailEndpoints(String hostname, int imap, int imaps, int pop3, int pop3s, int submission, int smtps) {
    public MailEndpoints {
        Objects.requireNonNull(hostname, "hostname");
        hostname = hostname.toLowerCase(Locale.ROOT);
        for (int port : new int[] {imap, imaps, pop3, pop3s, submission, smtps}) {
            if (port < 1 || port > 65535) throw new IllegalArgumentException("not a port: " + port);
        }
    }
}
