package io.tenmail.smtp.mailets;

import io.tenmail.smtp.mailet.TemporaryFailure;
import io.tenmail.storage.StoreException;
import jakarta.mail.MessagingException;

/** How a mailet hands on a store failure it does not handle itself. */
final class StoreFailures {

    private StoreFailures() {
    }

    /** TEMPORARY: retried with back-off; anything else: the mail goes to the error processor. */
    static MessagingException of(String what, StoreException e) {
        if (e.reason() == StoreException.Reason.TEMPORARY) return new TemporaryFailure(what + ": " + e.getMessage(), e);
        return new MessagingException(what + ": " + e.getMessage() + " (" + e.reason() + ")", e);
    }
}
