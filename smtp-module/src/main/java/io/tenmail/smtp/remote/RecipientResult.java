package io.tenmail.smtp.remote;

import org.apache.james.core.MailAddress;

import java.util.Objects;
import java.util.Optional;

/**
 * What happened to one recipient in one delivery attempt.
 *
 * @param recipient the envelope recipient
 * @param status    delivered, failed for good, or to be retried
 * @param reply     the reply that decided it, in one line ({@code "250 2.1.5 OK"}, {@code "550 5.1.1 no such user"})
 * @param remoteMta the host that gave the reply; empty when none did (DNS failure, connection refused)
 */
public record RecipientResult(MailAddress recipient, Status status, String reply, Optional<String> remoteMta) {

    public enum Status { DELIVERED, PERMANENT_FAILURE, TEMPORARY_FAILURE }

    public RecipientResult {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(remoteMta, "remoteMta");
    }

    /** The result a server's reply to RCPT or to the end of data gives: 2xx delivered, 5xx failed, else retry. */
    static RecipientResult of(MailAddress recipient, RemoteReply reply, String host) {
        Status status = reply.isPositive() ? Status.DELIVERED
                : reply.isPermanentFailure() ? Status.PERMANENT_FAILURE : Status.TEMPORARY_FAILURE;
        return new RecipientResult(recipient, status, reply.oneLine(), Optional.of(host));
    }

    /** The result a failure of the whole attempt gives to each of its recipients. */
    static RecipientResult of(MailAddress recipient, DeliveryException failure) {
        return new RecipientResult(recipient, failure.permanent() ? Status.PERMANENT_FAILURE : Status.TEMPORARY_FAILURE,
                failure.reply(), failure.remoteMta());
    }
}
