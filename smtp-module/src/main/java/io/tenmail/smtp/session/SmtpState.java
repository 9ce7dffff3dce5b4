package io.tenmail.smtp.session;

/**
 * Where a session is in RFC 5321's command sequence (§4.1.4). Which verbs each state allows is the
 * command dispatcher's table; the states only change through {@link SmtpSession}'s methods.
 */
public enum SmtpState {
    /** After the greeting, or after STARTTLS (RFC 3207 §4.2): the client must say EHLO or HELO. */
    CONNECTED,
    /** EHLO or HELO answered, no mail transaction open. */
    GREETED,
    /** MAIL accepted: a transaction is open, no recipient yet. */
    MAIL_GIVEN,
    /** At least one RCPT accepted: DATA or BDAT may follow. */
    RCPT_GIVEN,
    /** A BDAT chunk without LAST was read (RFC 3030 §2): only BDAT, RSET, NOOP and QUIT now. */
    CHUNKING
}
