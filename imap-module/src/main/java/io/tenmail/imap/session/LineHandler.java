package io.tenmail.imap.session;

/**
 * Takes the bare lines a client sends inside a command: SASL responses during AUTHENTICATE
 * (RFC 9051 §6.2.2) and {@code DONE} ending IDLE (RFC 2177).
 */
public interface LineHandler {

    void line(ImapSession session, String line);

    /** Called on the session's executor when the selected mailbox changed (IDLE pushes at once). */
    default void mailboxChanged(ImapSession session) {
    }
}
