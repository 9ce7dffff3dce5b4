package io.tenmail.pop3.command;

import io.tenmail.pop3.session.Pop3Session;
import io.tenmail.pop3.wire.MalformedLineException;
import io.tenmail.pop3.wire.Pop3CommandLine;
import io.tenmail.pop3.wire.Replies;
import io.tenmail.pop3.wire.Reply;
import io.tenmail.pop3.wire.Response;

/** USER, RFC 1939 §7: remembers the name for PASS. Refused before TLS unless plain text is allowed. */
final class UserCommand implements Pop3CommandHandler {
    /** RFC 5321 §4.5.3.1: 64 octets local part, 255 domain; anything longer is no address of ours. */
    static final int MAX_USER_LENGTH = 320;

    @Override
    public Pop3Verb verb() {
        return Pop3Verb.USER;
    }

    @Override
    public Response handle(Pop3Session session, Pop3CommandLine line) throws MalformedLineException {
        Reply refusal = Login.refusePlaintext(session);
        if (refusal != null) return refusal;
        line.requireAtLeast(1, "a user name");
        line.requireAtMost(1);
        String name = line.argument(0);
        if (name.length() > MAX_USER_LENGTH) throw new MalformedLineException("user name too long");
        session.userGiven(name);
        return Replies.USER_ACCEPTED;
    }
}
