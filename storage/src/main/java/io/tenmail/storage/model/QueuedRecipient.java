package io.tenmail.storage.model;

import java.util.Optional;

/**
 * One recipient of a queued mail and how far its delivery has got.
 *
 * @param dsnNotify RFC 3461 NOTIFY (e.g. "FAILURE,DELAY"), empty for the default
 * @param orcpt     RFC 3461 ORCPT, as given
 * @param lastError the last failure for this recipient, e.g. "452 4.2.2 Mailbox full"
 */
public record QueuedRecipient(EmailAddress address, State state, Optional<String> dsnNotify, Optional<String> orcpt,
                              Optional<String> lastError) {

    public enum State {
        /** not yet delivered; will be tried (again) */
        PENDING,
        /** delivered */
        DELIVERED,
        /** failed permanently; a bounce was or will be generated */
        FAILED
    }

    public static QueuedRecipient pending(EmailAddress address) {
        return new QueuedRecipient(address, State.PENDING, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
