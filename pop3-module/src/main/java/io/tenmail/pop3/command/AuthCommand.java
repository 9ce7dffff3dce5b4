package io.tenmail.pop3.command;

import io.tenmail.pop3.session.Pop3Session;
import io.tenmail.pop3.session.SaslExchange;
import io.tenmail.pop3.wire.Continuation;
import io.tenmail.pop3.wire.InputLine;
import io.tenmail.pop3.wire.MalformedLineException;
import io.tenmail.pop3.wire.MultiLine;
import io.tenmail.pop3.wire.Pop3CommandLine;
import io.tenmail.pop3.wire.Replies;
import io.tenmail.pop3.wire.Reply;
import io.tenmail.pop3.wire.Response;
import io.tenmail.protocol.sasl.SaslCredentials;
import io.tenmail.protocol.sasl.SaslLogin;
import io.tenmail.protocol.sasl.SaslPlain;
import io.tenmail.protocol.sasl.SaslResponse;
import io.tenmail.protocol.sasl.SaslResponseException;
import io.tenmail.storage.StoreException;

import java.util.List;
import java.util.Locale;

/**
 * AUTH, RFC 5034 §4, with PLAIN (RFC 4616) and LOGIN, both with an optional initial response
 * ({@code =} for an empty one). Without arguments it lists the mechanisms, as RFC 1734 clients
 * (Outlook among them) expect. Continuation lines reach {@link #respond}; {@code *} cancels.
 */
final class AuthCommand implements Pop3CommandHandler {
    static final List<String> MECHANISMS = List.of(SaslPlain.MECHANISM, SaslLogin.MECHANISM);

    private final Login login;

    AuthCommand(Login login) {
        this.login = login;
    }

    @Override
    public Pop3Verb verb() {
        return Pop3Verb.AUTH;
    }

    @Override
    public Response handle(Pop3Session session, Pop3CommandLine line) throws StoreException, MalformedLineException {
        Reply refusal = Login.refusePlaintext(session);
        if (refusal != null) return refusal;
        if (line.arguments().isEmpty()) return new MultiLine(Replies.MECHANISMS, MECHANISMS);
        line.requireAtMost(2);
        String mechanism = line.argument(0).toUpperCase(Locale.ROOT);
        String initialResponse = line.argument(1);
        try {
            switch (mechanism) {
                case SaslPlain.MECHANISM -> {
                    if (initialResponse == null) {
                        session.startSasl(new SaslExchange(mechanism, null));
                        return new Continuation("");
                    }
                    return logIn(session, SaslPlain.decode(initialResponse), mechanism);
                }
                case SaslLogin.MECHANISM -> {
                    SaslLogin exchange = SaslLogin.start(initialResponse);
                    session.startSasl(new SaslExchange(mechanism, exchange));
                    return new Continuation(exchange.challenge());
                }
                default -> {
                    return Replies.unsupportedMechanism(mechanism);
                }
            }
        } catch (SaslResponseException e) {
            session.endSasl();
            return Replies.syntaxError(e.getMessage());
        }
    }

    /** The client's answer to a challenge. */
    Response respond(Pop3Session session, InputLine line) throws StoreException {
        SaslExchange exchange = session.sasl();
        try {
            if (line.tooLong()) throw new MalformedLineException("authentication response too long");
            String text = line.text();
            if (SaslResponse.isCancel(text)) {
                session.endSasl();
                return Replies.AUTH_CANCELLED;   // RFC 5034 §4: "*" cancels, answered -ERR
            }
            if (exchange.login() == null) {
                session.endSasl();
                return logIn(session, SaslPlain.decode(text), exchange.mechanism());
            }
            exchange.login().respond(text);
            if (!exchange.login().isComplete()) return new Continuation(exchange.login().challenge());
            session.endSasl();
            return logIn(session, exchange.login().credentials(), exchange.mechanism());
        } catch (SaslResponseException | MalformedLineException e) {
            session.endSasl();
            return Replies.syntaxError(e.getMessage());
        }
    }

    private Reply logIn(Pop3Session session, SaslCredentials credentials, String mechanism) throws StoreException {
        if (credentials.actsAsOther()) return login.refuse(session, credentials.username(), mechanism, "proxy-authorization");
        return login.logIn(session, credentials.username(), credentials.password(), mechanism);
    }
}
