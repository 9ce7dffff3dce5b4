package io.tenmail.smtp.mailet;

import jakarta.mail.MessagingException;

/**
 * A mailet could not do its work for a reason that will pass (the database or the blob store is
 * unavailable). The container does not send the mail to "error": the whole queue entry is tried
 * again later with back-off. Local delivery is idempotent, so recipients delivered before the
 * failure are not delivered twice.
 */
public class TemporaryFailure extends MessagingException {

    public TemporaryFailure(String message, Exception cause) {
        super(message, cause);
    }

    /** Whether {@code e} or one of its causes is a temporary failure. */
    public static boolean isCauseOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TemporaryFailure) return true;
            if (t instanceof io.tenmail.storage.StoreException s && s.reason() == io.tenmail.storage.StoreException.Reason.TEMPORARY) {
                return true;
            }
            if (t instanceof MessagingException m && m.getNextException() != null && m.getNextException() != t.getCause()
                    && isCauseOf(m.getNextException())) {
                return true;
            }
        }
        return false;
    }
}
