package io.tenmail.smtp.command;

import io.tenmail.protocol.sasl.SaslCredentials;
import io.tenmail.protocol.sasl.SaslLogin;
import io.tenmail.protocol.sasl.SaslPlain;
import io.tenmail.protocol.sasl.SaslResponse;
import io.tenmail.protocol.sasl.SaslResponseException;
import io.tenmail.smtp.policy.AuthPolicy;
import io.tenmail.smtp.session.PendingInput;
import io.tenmail.smtp.session.SmtpSession;
import io.tenmail.smtp.wire.AuthRequest;
import io.tenmail.smtp.wire.CommandLineDecoder;
import io.tenmail.smtp.wire.Replies;
import io.tenmail.smtp.wire.Reply;
import io.tenmail.smtp.wire.SmtpCommandLine;
import io.tenmail.smtp.wire.SmtpVerb;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * AUTH: RFC 4954 §4 with the PLAIN (RFC 4616) and LOGIN mechanisms, each with or without an
 * initial response (SASL-IR). Offered only over TLS ({@link AuthPolicy}). While the exchange
 * runs, response lines may be up to 12288 octets (RFC 4954 §4) and "*" cancels it.
 */
final class AuthCommand implements SmtpCommandHandler {
    private static final Logger log = LoggerFactory.getLogger(AuthCommand.class);

    private final LoginCheck check;

    AuthCommand(LoginCheck check) {
        this.check = Objects.requireNonNull(check, "check");
    }

    @Override
    public SmtpVerb verb() {
        return SmtpVerb.AUTH;
    }

    @Override
    public void handle(SmtpSession session, SmtpCommandLine line) {
        Optional<Reply> unavailable = AuthPolicy.refusal(session);
        if (unavailable.isPresent()) {
            log.info("refused AUTH: {} (tls={}, listener={})", unavailable.get().status(), session.isTls(), session.role().protocolName());
            session.reply(unavailable.get());
            return;
        }
        if (session.isAuthenticated()) {
            session.reply(Replies.ALREADY_AUTHENTICATED);
            return;
        }
        AuthRequest request = line.authRequest();
        Optional<byte[]> initial = request.initialResponse();
        try {
            switch (request.mechanism()) {
                case SaslPlain.MECHANISM -> {
                    if (initial.isPresent()) {
                        session.reply(check.verify(session, SaslPlain.MECHANISM, SaslPlain.parse(initial.get())));
                    } else {
                        awaitResponse(session, new PlainExchange());
                    }
                }
                case SaslLogin.MECHANISM -> {
                    SaslLogin login = SaslLogin.start(initial.map(b -> Base64.getEncoder().encodeToString(b)).orElse(null));
                    awaitResponse(session, new LoginExchange(login));
                }
                default -> session.reply(Replies.AUTH_MECHANISM_UNKNOWN);
            }
        } catch (SaslResponseException e) {
            log.info("refused AUTH {}: {}", request.mechanism(), e.getMessage());
            session.reply(Replies.AUTH_INVALID_RESPONSE);
        }
    }

    /** Sends the exchange's challenge and reads the responses until it completes. */
    private void awaitResponse(SmtpSession session, Exchange exchange) {
        session.lines().setMaxLineOctets(CommandLineDecoder.SASL_MAX_LINE_OCTETS);
        session.expect(new ResponseInput(exchange));
        session.reply(Replies.authChallenge(exchange.challenge()));
    }

    /** A mechanism's server side: challenges out, base64 response lines in. */
    private interface Exchange {
        String mechanism();

        /** The base64 challenge to send next ("" for an empty one). */
        String challenge();

        /** Takes one response; returns the credentials once the exchange is complete, else empty. */
        Optional<SaslCredentials> respond(String base64) throws SaslResponseException;
    }

    private static final class PlainExchange implements Exchange {
        @Override
        public String mechanism() {
            return SaslPlain.MECHANISM;
        }

        @Override
        public String challenge() {
            return "";   // RFC 4954 §4: "334 " with an empty challenge
        }

        @Override
        public Optional<SaslCredentials> respond(String base64) throws SaslResponseException {
            return Optional.of(SaslPlain.decode(base64));
        }
    }

    private static final class LoginExchange implements Exchange {
        private final SaslLogin login;

        LoginExchange(SaslLogin login) {
            this.login = login;
        }

        @Override
        public String mechanism() {
            return SaslLogin.MECHANISM;
        }

        @Override
        public String challenge() {
            return login.challenge();
        }

        @Override
        public Optional<SaslCredentials> respond(String base64) throws SaslResponseException {
            login.respond(base64);
            return login.isComplete() ? Optional.of(login.credentials()) : Optional.empty();
        }
    }

    /** The response lines of a running exchange. */
    private final class ResponseInput implements PendingInput {
        private final Exchange exchange;

        ResponseInput(Exchange exchange) {
            this.exchange = exchange;
        }

        @Override
        public boolean consume(SmtpSession session, ByteBuffer in) {
            CommandLineDecoder.Result result = session.lines().decode(in);
            if (result == null) return false;
            if (result instanceof CommandLineDecoder.Rejected rejected) return done(session, rejected.reply());
            String text = ((CommandLineDecoder.Line) result).text();
            if (SaslResponse.isCancel(text)) return done(session, Replies.AUTH_CANCELLED);
            try {
                Optional<SaslCredentials> credentials = exchange.respond(text);
                if (credentials.isEmpty()) {
                    session.reply(Replies.authChallenge(exchange.challenge()));
                    return false;
                }
                session.lines().setMaxLineOctets(session.settings().maxLineOctets());
                return done(session, check.verify(session, exchange.mechanism(), credentials.get()));
            } catch (SaslResponseException e) {
                log.info("refused AUTH {}: {}", exchange.mechanism(), e.getMessage());
                return done(session, Replies.AUTH_INVALID_RESPONSE);
            }
        }

        private boolean done(SmtpSession session, Reply reply) {
            session.lines().setMaxLineOctets(session.settings().maxLineOctets());
            session.inputComplete();
            session.reply(reply);
            return true;
        }
    }
}
