package io.tenmail.smtp.command;

import io.tenmail.smtp.session.Envelope;
import io.tenmail.smtp.session.SmtpSession;
import io.tenmail.smtp.session.TlsInfo;
import io.tenmail.smtp.wire.ClientDomain;
import io.tenmail.storage.model.EmailAddress;

import java.net.IDN;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The header fields the server puts in front of an accepted message:
 * <ul>
 *   <li>always a {@code Received:} trace field (RFC 5321 §4.4), e.g.
 *       <pre>
 * Received: from client.example.test ([192.0.2.1])
 *     (using TLSv1.3 with cipher TLS_AES_128_GCM_SHA256)
 *     by mx.example.test (Tenmail) with ESMTPSA id 3f9a2b1c.1
 *     for &lt;bob@example.test&gt;; Tue, 1 Jul 2025 10:00:00 +0000
 *       </pre>
 *       with the RFC 3848 / RFC 6531 §4.3 protocol keyword; "for" only with a single recipient,
 *       so that the other recipients of a message are not disclosed;
 *   <li>from an authenticated client (submission), {@code Message-ID:} and {@code Date:} when the
 *       message has none (RFC 6409 §8.2, §8.3).
 * </ul>
 * The result is US-ASCII unless the transaction is SMTPUTF8; lines end in CRLF.
 */
final class TraceHeaders {

    /** RFC 5322 §3.3 date-time, with a numeric zone. */
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ENGLISH);

    private TraceHeaders() {
    }

    /** The fields to prepend, each ending in CRLF. */
    static String of(SmtpSession session, Envelope envelope, ZonedDateTime now) {
        StringBuilder out = new StringBuilder(received(session, envelope, now));
        if (session.isAuthenticated()) {
            if (!envelope.headers().has("Date")) out.append("Date: ").append(date(now)).append("\r\n");
            if (!envelope.headers().has("Message-ID")) out.append("Message-ID: ").append(messageId(session)).append("\r\n");
        }
        return out.toString();
    }

    static String received(SmtpSession session, Envelope envelope, ZonedDateTime now) {
        StringBuilder r = new StringBuilder("Received: from ").append(from(session));
        Optional<TlsInfo> tls = session.isTls() ? session.connection().tls() : Optional.empty();
        tls.ifPresent(t -> r.append("\r\n\t(using ").append(t.protocol()).append(" with cipher ").append(t.cipherSuite()).append(')'));
        r.append("\r\n\tby ").append(session.settings().hostname()).append(" (Tenmail) with ").append(protocol(session, envelope))
                .append(" id ").append(envelope.id());
        if (envelope.recipientCount() == 1) {
            forClause(envelope.recipients().get(0).address(), envelope.parameters().smtpUtf8())
                    .ifPresent(f -> r.append("\r\n\tfor <").append(f).append('>'));
        }
        r.append(";\r\n\t").append(date(now)).append("\r\n");
        return r.toString();
    }

    /** RFC 3848 (ESMTPS, ESMTPA, ESMTPSA) and RFC 6531 §4.3 (UTF8SMTP...). */
    static String protocol(SmtpSession session, Envelope envelope) {
        if (!session.isExtended()) return "SMTP";
        String base = envelope.parameters().smtpUtf8() ? "UTF8SMTP" : "ESMTP";
        return base + (session.isTls() ? "S" : "") + (session.isAuthenticated() ? "A" : "");
    }

    /** RFC 5321 §4.4 From-domain: the client's name when it is one, always its address as TCP-info. */
    private static String from(SmtpSession session) {
        String literal = literal(session.clientAddress());
        ClientDomain helo = session.helo().orElseThrow();
        if (helo.kind() == ClientDomain.Kind.NONCONFORMING) {
            return literal + " (HELO " + commentText(helo.value()) + ")";
        }
        return helo.value() + " (" + literal + ")";
    }

    private static String literal(InetAddress address) {
        return address instanceof Inet6Address ? "[IPv6:" + address.getHostAddress() + "]" : "[" + address.getHostAddress() + "]";
    }

    /** RFC 5322 §3.2.2: in a comment, "(", ")" and "\" are quoted-pairs. */
    private static String commentText(String text) {
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)");
    }

    /** The recipient in the "for" clause, with an A-label domain unless UTF-8 headers are allowed. */
    private static Optional<String> forClause(EmailAddress address, boolean utf8) {
        if (utf8) return Optional.of(address.toString());
        String local = address.localPart();
        for (int i = 0; i < local.length(); i++) if (local.charAt(i) >= 0x80) return Optional.empty();
        return Optional.of(local + "@" + IDN.toASCII(address.domain()));
    }

    static String date(ZonedDateTime now) {
        return DATE.format(now.withZoneSameInstant(ZoneOffset.UTC));
    }

    /** RFC 5322 §3.6.4: a unique id-left, our host name as id-right. */
    static String messageId(SmtpSession session) {
        return "<" + UUID.randomUUID().toString().replace("-", "") + "@" + session.settings().hostname() + ">";
    }
}
