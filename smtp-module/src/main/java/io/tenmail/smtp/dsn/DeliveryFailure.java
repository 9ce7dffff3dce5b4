package io.tenmail.smtp.dsn;

import org.apache.james.core.MailAddress;

import java.util.Optional;

/**
 * Why one recipient of a mail was not delivered (yet), as a delivery status notification reports it.
 *
 * @param recipient the envelope recipient the attempt was for
 * @param reply     the SMTP reply that explains it, with its enhanced status code when there is one,
 *                  e.g. {@code "550 5.1.1 <bob@example.com>: no such user"}; for failures without a
 *                  remote reply (no MX, connection refused) a reply we compose, e.g.
 *                  {@code "451 4.4.1 connection refused by mx.example.com"}
 * @param remoteMta the host that gave the reply, empty when no remote server answered
 */
public record DeliveryFailure(MailAddress recipient, String reply, Optional<String> remoteMta) {
}
