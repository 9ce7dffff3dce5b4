package io.tenmail.smtp.remote;

import io.tenmail.smtp.MailAttributes;
import io.tenmail.smtp.wire.Xtext;
import org.apache.james.core.MailAddress;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.DsnParameters;
import org.apache.mailet.Mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the client sends besides the message: the reverse path, the RFC 3461 DSN parameters, and
 * what the message needs from the next hop (SMTPUTF8, 8BITMIME). Built once per mail.
 *
 * @param reversePath   the sender's address, empty for the null reverse path {@code <>}
 * @param envId         RFC 3461 ENVID in its xtext form (as James's {@code DsnParameters.EnvId} holds it)
 * @param ret           RFC 3461 RET: FULL or HDRS
 * @param recipientDsn  per recipient: NOTIFY and ORCPT, as given at RCPT
 * @param needsSmtpUtf8 RFC 6531: a non-ASCII address, or UTF-8 header fields of a mail received with SMTPUTF8
 * @param eightBit      the message has 8-bit octets, or arrived as BODY=8BITMIME
 */
record OutboundEnvelope(String reversePath, Optional<String> envId, Optional<DsnParameters.Ret> ret,
                        Map<MailAddress, DsnParameters.RecipientDsnParameters> recipientDsn,
                        boolean needsSmtpUtf8, boolean eightBit) {

    OutboundEnvelope {
        recipientDsn = Map.copyOf(recipientDsn);
    }

    static OutboundEnvelope of(Mail mail, MessageContent content) {
        String sender = mail.getMaybeSender().asOptional().map(OutboundEnvelope::path).orElse("");
        Optional<DsnParameters> dsn = mail.dsnParameters();
        boolean asciiAddresses = isAscii(sender) && mail.getRecipients().stream().allMatch(r -> isAscii(r.asString()));
        boolean smtpUtf8Mail = "true".equalsIgnoreCase(attribute(mail, MailAttributes.SMTPUTF8));
        String body = attribute(mail, MailAttributes.BODY).toUpperCase(Locale.ROOT);
        return new OutboundEnvelope(sender,
                dsn.flatMap(DsnParameters::getEnvIdParameter).map(DsnParameters.EnvId::asString),
                dsn.flatMap(DsnParameters::getRetParameter),
                dsn.map(DsnParameters::getRcptParameters).map(Map::copyOf).orElse(Map.of()),
                !asciiAddresses || (smtpUtf8Mail && content.eightBitHeader()),
                content.eightBit() || body.equals("8BITMIME") || body.equals("BINARYMIME"));
    }

    /** {@code MAIL FROM:<...>} with the parameters the server offers and the mail needs. */
    String mailCommand(EhloCapabilities caps, long size) {
        StringBuilder cmd = new StringBuilder("MAIL FROM:<").append(reversePath).append('>');
        if (caps.offers("SIZE")) cmd.append(" SIZE=").append(size);
        if (eightBit && caps.offers("8BITMIME")) cmd.append(" BODY=8BITMIME");
        if (needsSmtpUtf8 && caps.offers("SMTPUTF8")) cmd.append(" SMTPUTF8");
        if (caps.offers("DSN")) {
            ret.ifPresent(r -> cmd.append(" RET=").append(r.name()));
            envId.filter(OutboundEnvelope::isAscii).ifPresent(id -> cmd.append(" ENVID=").append(id));
        }
        return cmd.toString();
    }

    /** {@code RCPT TO:<...>}, with NOTIFY and ORCPT when the server offers DSN (RFC 3461 §4.1: pass them on). */
    String rcptCommand(MailAddress recipient, EhloCapabilities caps) {
        StringBuilder cmd = new StringBuilder("RCPT TO:<").append(path(recipient)).append('>');
        DsnParameters.RecipientDsnParameters p = recipientDsn.get(recipient);
        if (p != null && caps.offers("DSN")) {
            p.getNotifyParameter().ifPresent(n -> cmd.append(" NOTIFY=")
                    .append(n.stream().map(Enum::name).collect(Collectors.joining(","))));
            p.getOrcptParameter().map(MailAddress::asString).filter(OutboundEnvelope::isAscii)
                    .ifPresent(o -> cmd.append(" ORCPT=rfc822;").append(Xtext.encode(o)));
        }
        return cmd.toString();
    }

    /** The recipients grouped by domain (lower case), in their original order. */
    static Map<String, List<MailAddress>> byDomain(Iterable<MailAddress> recipients) {
        Map<String, List<MailAddress>> out = new java.util.LinkedHashMap<>();
        for (MailAddress r : recipients) {
            out.computeIfAbsent(r.getDomain().asString().toLowerCase(Locale.ROOT), d -> new ArrayList<>()).add(r);
        }
        return out;
    }

    /**
     * The address as RFC 5321 §4.1.2 writes it: James's {@code MailAddress} prints an address
     * literal without its brackets ({@code bob@192.0.2.1}), the wire needs {@code bob@[192.0.2.1]}.
     */
    static String path(MailAddress address) {
        String domain = address.getDomain().asString();
        if (!Destinations.isAddressLiteral(domain) || domain.startsWith("[")) return address.asString();
        String literal = domain.indexOf(':') >= 0 && !domain.regionMatches(true, 0, "IPv6:", 0, 5) ? "IPv6:" + domain : domain;
        String full = address.asString();
        return full.substring(0, full.length() - domain.length()) + "[" + literal + "]";
    }

    private static String attribute(Mail mail, String name) {
        return mail.getAttribute(AttributeName.of(name)).map(Attribute::getValue).map(v -> String.valueOf(v.getValue())).orElse("");
    }

    private static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c < 0x80);
    }
}
