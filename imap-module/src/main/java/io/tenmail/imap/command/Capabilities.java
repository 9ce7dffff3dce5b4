package io.tenmail.imap.command;

import io.tenmail.imap.session.ImapSession;
import io.tenmail.imap.session.ImapState;

/**
 * What the server announces (RFC 9051 §7.2.2), by state: before login only what a client needs to
 * log in safely (STARTTLS until TLS is up; LOGINDISABLED instead of the mechanisms while login
 * would send a password in the clear, RFC 9051 §6.2.3), afterwards every extension implemented.
 * Nothing is announced that is not implemented.
 */
public final class Capabilities {
    static final String BASE = "IMAP4rev1 IMAP4rev2 LITERAL+ SASL-IR ID ENABLE IDLE";
    static final String AFTER_LOGIN = "NAMESPACE UNSELECT UIDPLUS MOVE CHILDREN LIST-EXTENDED LIST-STATUS SPECIAL-USE"
            + " CREATE-SPECIAL-USE CONDSTORE QRESYNC QUOTA QUOTA=RES-STORAGE ESEARCH SEARCHRES WITHIN STATUS=SIZE UTF8=ACCEPT BINARY"
            + " SORT SORT=DISPLAY ESORT THREAD=ORDEREDSUBJECT THREAD=REFERENCES COMPRESS=DEFLATE";

    public String of(ImapSession session) {
        StringBuilder sb = new StringBuilder(BASE);
        if (session.state() == ImapState.NOT_AUTHENTICATED) {
            if (!session.connection().isSecure()) sb.append(" STARTTLS");
            sb.append(session.plaintextLoginAllowed() ? " AUTH=PLAIN AUTH=LOGIN" : " LOGINDISABLED");
        } else {
            sb.append(' ').append(AFTER_LOGIN);
            sb.append(" APPENDLIMIT=").append(session.settings().limits().maxLiteralOctets());
        }
        return sb.toString();
    }
}
