package io.tenmail.imap.wire;

import java.util.Objects;

/**
 * A request the grammar refuses, carrying the exact status response to send (usually a tagged BAD
 * with a precise text, sometimes a NO such as {@code NO [BADCHARSET]}). A client mistake, not a
 * server fault: log it at INFO (STYLE.md §6). No stack trace is captured.
 */
public final class ImapSyntaxException extends Exception {

    private final transient StatusResponse response;

    public ImapSyntaxException(StatusResponse response) {
        super(response.render(), null, false, false);
        this.response = Objects.requireNonNull(response, "response");
    }

    /** The response to send. */
    public StatusResponse response() {
        return response;
    }

    /** A BAD for the tag (null: untagged, when not even the tag could be read). */
    public static ImapSyntaxException bad(String tag, String text) {
        return new ImapSyntaxException(StatusResponse.bad(tag, text));
    }
}
