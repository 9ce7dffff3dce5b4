package io.tenmail.pop3.command;

import io.tenmail.pop3.session.Pop3Session;
import io.tenmail.pop3.wire.MalformedLineException;
import io.tenmail.pop3.wire.Pop3CommandLine;
import io.tenmail.pop3.wire.Replies;
import io.tenmail.pop3.wire.Reply;
import io.tenmail.pop3.wire.Response;
import io.tenmail.storage.StoreException;

/**
 * PASS, RFC 1939 §7: the rest of the line is the password, spaces included. Only after USER; a
 * failure returns the session to the start of AUTHORIZATION.
 */
final class PassCommand implements Pop3CommandHandler {
    private final Login login;

    PassCommand(Login login) {
        this.login = login;
    }

    @Override
    public Pop3Verb verb() {
        return Pop3Verb.PASS;
    }

    @Override
    public Response handle(Pop3Session session, Pop3CommandLine line) throws StoreException, MalformedLineException {
        Reply refusal = Login.refusePlaintext(session);
        if (refusal != null) return refusal;
        String user = session.user();
        if (user == null) return Replies.USER_FIRST;
        if (line.rest().isEmpty()) throw new MalformedLineException("PASS needs a password");
        return login.logIn(session, user, line.rest(), "USER");
    }
}
