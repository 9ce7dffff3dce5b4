package io.tenmail.imap.wire.request;

import java.util.Objects;

/**
 * A command without arguments.
 *
 * @param command which one
 */
public record SimpleRequest(String tag, Command command) implements ImapRequest {

    /** The commands that take no arguments. */
    public enum Command {
        /** RFC 9051 §6.1.1. */
        CAPABILITY,
        /** RFC 9051 §6.1.2. */
        NOOP,
        /** RFC 9051 §6.1.3. */
        LOGOUT,
        /** RFC 9051 §6.2.1: the client must wait for the response before starting TLS. */
        STARTTLS,
        /** RFC 9051 §6.3.10, RFC 2342. */
        NAMESPACE,
        /** RFC 9051 §6.3.13, RFC 2177: ends with a {@code DONE} line, read as a bare line. */
        IDLE,
        /** RFC 3501 §6.4.1 (IMAP4rev1 only; a NOOP in effect). */
        CHECK,
        /** RFC 9051 §6.4.1. */
        CLOSE,
        /** RFC 9051 §6.4.2, RFC 3691. */
        UNSELECT,
        /** RFC 9051 §6.4.3. */
        EXPUNGE
    }

    public SimpleRequest {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(command, "command");
    }

    @Override
    public String name() {
        return command.name();
    }
}
