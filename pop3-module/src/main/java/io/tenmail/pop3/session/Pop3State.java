package io.tenmail.pop3.session;

/** The states of a POP3 session, RFC 1939 §3. */
public enum Pop3State {
    /** After the greeting, until a successful login (USER/PASS or AUTH). */
    AUTHORIZATION,
    /** Logged in, the maildrop locked and its message list fixed; DELE only marks. */
    TRANSACTION,
    /** After QUIT in TRANSACTION: the marked messages are removed, then the connection closes. */
    UPDATE
}
