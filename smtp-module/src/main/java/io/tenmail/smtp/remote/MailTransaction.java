package io.tenmail.smtp.remote;

import org.apache.james.core.MailAddress;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One mail transaction on an open session (RFC 5321 §3.3): MAIL, RCPT for each recipient, DATA
 * and the message, giving a result per recipient. With PIPELINING (RFC 2920) MAIL and every RCPT
 * go in one write; DATA waits for their replies, so that nothing is sent when no recipient was
 * accepted. Before anything is sent, the message is checked against what the server offers:
 * SMTPUTF8 (RFC 6531 §3.4: a mail that needs it fails with 5.6.7 without it), SIZE (RFC 1870:
 * larger than the limit fails with 5.3.4), 8BITMIME (RFC 6152; see {@link EightBitPolicy}).
 */
final class MailTransaction {
    private final SmtpTimeouts timeouts;
    private final EightBitPolicy eightBitPolicy;

    /**
     * What to do with an 8-bit message when the server does not offer 8BITMIME. RFC 6152 §3 asks
     * for conversion or a bounce; we do not convert (it would break DKIM signatures), so the choice
     * is to send it as is, as Sendmail ("pass8") and Exim do and nearly every server accepts, or
     * to bounce it with 5.6.3.
     */
    enum EightBitPolicy { SEND_AS_IS, BOUNCE }

    MailTransaction(SmtpTimeouts timeouts, EightBitPolicy eightBitPolicy) {
        this.timeouts = timeouts;
        this.eightBitPolicy = eightBitPolicy;
    }

    /**
     * Runs the transaction. A broken connection gives every undecided recipient a temporary
     * result; the session is then unusable, which {@link Results#connectionLost()} says.
     */
    Results run(OutboundSession session, OutboundEnvelope envelope, MessageContent content, List<MailAddress> recipients) {
        String host = session.host();
        EhloCapabilities caps = session.capabilities();
        Optional<String> refusal = precheck(envelope, content, caps, host);
        if (refusal.isPresent()) return Results.allOf(recipients, DeliveryException.permanent(refusal.get()), false);

        SmtpClientConnection c = session.connection();
        Map<MailAddress, RecipientResult> results = new LinkedHashMap<>();
        boolean dataSent = false;
        try {
            boolean pipelining = caps.offers("PIPELINING");
            c.send(envelope.mailCommand(caps, content.size()));
            if (!pipelining) c.flush();
            RemoteReply mail = pipelining ? null : c.read(timeouts.command());
            if (mail != null && !mail.isPositive()) {
                return Results.allOf(recipients, DeliveryException.refused(mail, host), !reset(c));
            }
            List<MailAddress> accepted = new ArrayList<>();
            if (pipelining) {
                for (MailAddress r : recipients) c.send(envelope.rcptCommand(r, caps));
                c.flush();
                mail = c.read(timeouts.command());
            }
            for (MailAddress r : recipients) {
                if (!pipelining) {
                    c.send(envelope.rcptCommand(r, caps));
                    c.flush();
                }
                RemoteReply rcpt = c.read(timeouts.command());
                if (!mail.isPositive()) continue; // pipelined RCPTs after a refused MAIL: replies read, meaningless
                if (rcpt.isPositive()) accepted.add(r);
                else results.put(r, RecipientResult.of(r, rcpt, host));
            }
            if (!mail.isPositive()) {
                return Results.allOf(recipients, DeliveryException.refused(mail, host), !reset(c));
            }
            if (accepted.isEmpty()) {
                return new Results(ordered(recipients, results), !reset(c));
            }
            RemoteReply data = c.command("DATA", timeouts.dataStart());
            if (data.code() != 354) {
                for (MailAddress r : accepted) results.put(r, RecipientResult.of(r, data, host));
                return new Results(ordered(recipients, results), !reset(c));
            }
            dataSent = true;
            DotStuffingOutputStream body = new DotStuffingOutputStream(c.dataOut());
            content.writeTo(body);
            body.finish();
            c.flush();
            RemoteReply end = c.read(timeouts.dataEnd());
            for (MailAddress r : accepted) results.put(r, RecipientResult.of(r, end, host));
            return new Results(ordered(recipients, results), false);
        } catch (IOException e) {
            String what = dataSent ? "while sending the message" : "during the transaction";
            DeliveryException lost = DeliveryException.temporary(
                    "451 4.4.2 connection to " + c.hop() + " lost " + what + ": " + e.getMessage(), host, e);
            for (MailAddress r : recipients) results.putIfAbsent(r, RecipientResult.of(r, lost));
            return new Results(ordered(recipients, results), true);
        }
    }

    private Optional<String> precheck(OutboundEnvelope envelope, MessageContent content, EhloCapabilities caps, String host) {
        if (envelope.needsSmtpUtf8() && !caps.offers("SMTPUTF8")) {
            return Optional.of("550 5.6.7 " + host + " does not support SMTPUTF8, which this message needs (RFC 6531)");
        }
        if (caps.maxMessageOctets() > 0 && content.size() > caps.maxMessageOctets()) {
            return Optional.of("552 5.3.4 message of " + content.size() + " octets exceeds the limit of " + caps.maxMessageOctets()
                    + " octets of " + host);
        }
        if (envelope.eightBit() && !caps.offers("8BITMIME") && eightBitPolicy == EightBitPolicy.BOUNCE) {
            return Optional.of("554 5.6.3 " + host + " does not support 8BITMIME and the message has 8-bit content (RFC 6152)");
        }
        return Optional.empty();
    }

    /**
     * RSET after a transaction that did not complete, so the session can carry the next one;
     * false when the session is no longer usable.
     */
    private boolean reset(SmtpClientConnection c) {
        try {
            return c.command("RSET", timeouts.command()).isPositive();
        } catch (IOException e) {
            return false;
        }
    }

    private static List<RecipientResult> ordered(List<MailAddress> recipients, Map<MailAddress, RecipientResult> results) {
        List<RecipientResult> out = new ArrayList<>();
        for (MailAddress r : recipients) {
            RecipientResult result = results.get(r);
            if (result != null) out.add(result);
        }
        return out;
    }

    /**
     * The outcome of one transaction.
     *
     * @param results        one per recipient
     * @param connectionLost whether the session broke, so no further transaction may use it
     */
    record Results(List<RecipientResult> results, boolean connectionLost) {
        static Results allOf(List<MailAddress> recipients, DeliveryException failure, boolean connectionLost) {
            return new Results(recipients.stream().map(r -> RecipientResult.of(r, failure)).toList(), connectionLost);
        }
    }
}
