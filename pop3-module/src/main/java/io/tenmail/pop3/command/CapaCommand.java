package io.tenmail.pop3.command;

import io.tenmail.pop3.session.Pop3Session;
import io.tenmail.pop3.session.Pop3State;
import io.tenmail.pop3.wire.MalformedLineException;
import io.tenmail.pop3.wire.MultiLine;
import io.tenmail.pop3.wire.Pop3CommandLine;
import io.tenmail.pop3.wire.Replies;
import io.tenmail.pop3.wire.Response;

import java.util.ArrayList;
import java.util.List;

/**
 * CAPA, RFC 2449 §5. USER and SASL are listed only while a login is possible on this connection
 * (RFC 2595 §2.2: not before TLS, unless plain text is allowed here), STLS only before TLS on the
 * STLS port.
 */
final class CapaCommand implements Pop3CommandHandler {

    @Override
    public Pop3Verb verb() {
        return Pop3Verb.CAPA;
    }

    @Override
    public Response handle(Pop3Session session, Pop3CommandLine line) throws MalformedLineException {
        line.requireAtMost(0);
        List<String> capabilities = new ArrayList<>();
        capabilities.add("TOP");
        capabilities.add("UIDL");
        capabilities.add("RESP-CODES");
        capabilities.add("AUTH-RESP-CODE");   // RFC 3206 §6: [AUTH] and [SYS/*]
        capabilities.add("PIPELINING");
        if (session.state() == Pop3State.AUTHORIZATION && session.mayLogIn()) {
            capabilities.add("USER");
            capabilities.add("SASL " + String.join(" ", AuthCommand.MECHANISMS));
        }
        if (session.stlsAvailable()) capabilities.add("STLS");
        capabilities.add("IMPLEMENTATION Tenmail");
        return new MultiLine(Replies.CAPABILITIES, capabilities);
    }
}
