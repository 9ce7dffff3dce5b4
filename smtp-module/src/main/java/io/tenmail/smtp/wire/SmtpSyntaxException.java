package io.tenmail.smtp.wire;

import java.util.Objects;
import java.util.Optional;

/**
 * A command line the grammar refuses, carrying the exact reply to send. A client mistake, not a
 * server fault: log it at INFO (STYLE.md §6). No stack trace is captured.
 */
public final class SmtpSyntaxException extends Exception {

    private final transient Reply reply;
    private final SmtpVerb verb;

    public SmtpSyntaxException(Reply reply, SmtpVerb verb) {
        super(reply.render().trim(), null, false, false);
        this.reply = Objects.requireNonNull(reply, "reply");
        this.verb = verb;
    }

    /** The reply to send. */
    public Reply reply() {
        return reply;
    }

    /**
     * The verb, when it was recognised: after a BDAT syntax error the number of octets that follow
     * is unknown, so the session must close the connection (RFC 3030 §2).
     */
    public Optional<SmtpVerb> verb() {
        return Optional.ofNullable(verb);
    }
}
