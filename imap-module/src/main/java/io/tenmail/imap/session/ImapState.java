package io.tenmail.imap.session;

/** RFC 9051 §3: the connection states. */
public enum ImapState {
    NOT_AUTHENTICATED, AUTHENTICATED, SELECTED, LOGOUT
}
