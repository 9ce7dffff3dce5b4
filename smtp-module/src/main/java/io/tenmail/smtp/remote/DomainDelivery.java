package io.tenmail.smtp.remote;

import org.apache.james.core.MailAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Delivers one mail to the recipients of one destination domain over one connection: tries the
 * next hops in order until one opens a session (RFC 5321 §5.1: on connection failure or a refusal
 * before any recipient was answered, the next MX), then runs transactions of at most
 * {@code maxRecipientsPerTransaction} recipients on that session; recipients refused with
 * 452 (too many recipients, RFC 5321 §4.5.3.1.10) after others were accepted go in the next
 * transaction. Under {@link TlsPolicy#MAY} a failed TLS handshake is followed by one attempt in
 * plain text to the same host. Thread-safe.
 */
final class DomainDelivery {
    private static final Logger log = LoggerFactory.getLogger(DomainDelivery.class);

    private final SessionOpener opener;
    private final MailTransaction transaction;
    private final SmtpTimeouts timeouts;
    private final int maxRecipientsPerTransaction;

    DomainDelivery(SessionOpener opener, MailTransaction transaction, SmtpTimeouts timeouts, int maxRecipientsPerTransaction) {
        this.opener = opener;
        this.transaction = transaction;
        this.timeouts = timeouts;
        this.maxRecipientsPerTransaction = maxRecipientsPerTransaction;
    }

    /** One result per recipient. */
    List<RecipientResult> deliver(Destination destination, List<MailAddress> recipients, OutboundEnvelope envelope,
                                  MessageContent content) {
        DeliveryException temporary = null;
        DeliveryException permanent = null;
        for (NextHop hop : destination.hops()) {
            OutboundSession session;
            try {
                session = openWithFallback(hop, destination);
            } catch (DeliveryException e) {
                log.info("delivery to {} via {}: {}", destination.domain(), hop, e.reply());
                if (e.permanent()) permanent = e;
                else temporary = e;
                continue;
            }
            return transactions(session, recipients, envelope, content);
        }
        // permanent only when every host refused for good; one that might work later keeps the mail queued
        DeliveryException failure = temporary != null ? temporary : permanent != null ? permanent
                : DeliveryException.temporary("451 4.4.0 no host to try for " + destination.domain());
        return recipients.stream().map(r -> RecipientResult.of(r, failure)).toList();
    }

    private OutboundSession openWithFallback(NextHop hop, Destination destination) throws DeliveryException {
        try {
            return opener.open(hop, destination, true);
        } catch (SessionOpener.TlsFailedException e) {
            if (destination.tlsPolicy() != TlsPolicy.MAY || destination.implicitTls()) throw e.failure();
            log.info("TLS with {} failed ({}); trying again without TLS", hop, e.getMessage());
            try {
                return opener.open(hop, destination, false);
            } catch (SessionOpener.TlsFailedException impossible) {
                throw impossible.failure();
            }
        }
    }

    private List<RecipientResult> transactions(OutboundSession session, List<MailAddress> recipients,
                                               OutboundEnvelope envelope, MessageContent content) {
        List<RecipientResult> results = new ArrayList<>();
        List<MailAddress> waiting = new ArrayList<>(recipients);
        boolean usable = true;
        try {
            while (!waiting.isEmpty()) {
                List<MailAddress> batch = new ArrayList<>(waiting.subList(0, Math.min(maxRecipientsPerTransaction, waiting.size())));
                waiting.subList(0, batch.size()).clear();
                if (!usable) {
                    DeliveryException lost = DeliveryException.temporary("451 4.4.2 connection to " + session.host() + " lost");
                    batch.forEach(r -> results.add(RecipientResult.of(r, lost)));
                    continue;
                }
                MailTransaction.Results outcome = transaction.run(session, envelope, content, batch);
                usable = !outcome.connectionLost();
                boolean someDelivered = outcome.results().stream().anyMatch(r -> r.status() == RecipientResult.Status.DELIVERED);
                for (RecipientResult r : outcome.results()) {
                    if (someDelivered && usable && r.reply().startsWith("452")) waiting.add(r.recipient());
                    else results.add(r);
                }
            }
        } finally {
            if (usable) session.quit(timeouts);
            else session.close();
        }
        log.info("delivery to {} via {}{}: {}", recipients.get(0).getDomain().asString(), session.connection().hop(),
                session.connection().isTls() ? " (" + session.connection().tlsDescription() + ")" : "", summary(results));
        return results;
    }

    private static String summary(List<RecipientResult> results) {
        StringBuilder out = new StringBuilder();
        for (RecipientResult r : results) {
            if (!out.isEmpty()) out.append(", ");
            out.append(r.recipient().asString()).append('=').append(r.reply().length() > 60 ? r.reply().substring(0, 60) : r.reply());
        }
        return out.toString();
    }
}
