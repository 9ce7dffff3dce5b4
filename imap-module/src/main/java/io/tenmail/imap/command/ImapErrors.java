package io.tenmail.imap.command;

import io.tenmail.imap.wire.ResponseCode;
import io.tenmail.imap.wire.StatusResponse;
import io.tenmail.storage.StoreException;

/**
 * The one mapping of store outcomes to IMAP responses (STYLE.md §6, RFC 5530 response codes).
 * The text stays generic; the store's message, which may name internals, goes to the log only
 * for TEMPORARY.
 */
public final class ImapErrors {

    private ImapErrors() {
    }

    public static StatusResponse of(String tag, StoreException e) {
        return switch (e.reason()) {
            case NOT_FOUND -> StatusResponse.no(tag, ResponseCode.NONEXISTENT, "No such mailbox or message");
            case ALREADY_EXISTS -> StatusResponse.no(tag, ResponseCode.ALREADYEXISTS, "Mailbox already exists");
            case NOT_ALLOWED -> StatusResponse.no(tag, ResponseCode.NOPERM, "Permission denied");
            case OVER_QUOTA -> StatusResponse.no(tag, ResponseCode.OVERQUOTA, "Quota exceeded");
            case TOO_BIG -> StatusResponse.no(tag, ResponseCode.TOOBIG, "Message too large");
            case IN_USE -> StatusResponse.no(tag, ResponseCode.INUSE, "Mailbox in use, try again");
            case INVALID -> StatusResponse.no(tag, ResponseCode.CANNOT, clientText(e.getMessage()));
            case TEMPORARY -> StatusResponse.no(tag, ResponseCode.UNAVAILABLE, "Temporarily unavailable, try again");
        };
    }

    /** INVALID messages describe the client's input (e.g. "cannot delete INBOX"): safe to show, on one line. */
    private static String clientText(String message) {
        if (message == null || message.isBlank()) return "Operation not possible";
        String line = message.replaceAll("[\\r\\n\\x00-\\x1f]", " ").strip();
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
