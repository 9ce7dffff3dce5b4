package io.tenmail.smtp.policy;

import io.tenmail.smtp.wire.Mailbox;
import io.tenmail.storage.model.EmailAddress;

import java.util.Optional;

/** Converts the wire's mailboxes to the directory's addresses. */
final class Addresses {

    private Addresses() {
    }

    /**
     * The mailbox as a directory address; empty for forms the directory cannot hold: address
     * literals ({@code user@[192.0.2.1]}) and quoted local parts with spaces, quotes or backslashes.
     */
    static Optional<EmailAddress> of(Mailbox mailbox) {
        if (mailbox.isAddressLiteral()) return Optional.empty();
        try {
            return Optional.of(new EmailAddress(mailbox.localPart(), mailbox.domain()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
