package io.tenmail.imap.command;

import io.tenmail.imap.session.ImapSession;
import io.tenmail.imap.session.LineHandler;
import io.tenmail.imap.wire.StatusResponse;
import io.tenmail.imap.wire.request.AuthenticateRequest;
import io.tenmail.imap.wire.request.SaslResponse;
import io.tenmail.protocol.sasl.SaslCredentials;
import io.tenmail.protocol.sasl.SaslLogin;
import io.tenmail.protocol.sasl.SaslPlain;
import io.tenmail.protocol.sasl.SaslResponseException;
import io.tenmail.storage.StoreException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * AUTHENTICATE: RFC 9051 §6.2.2 with SASL-IR (RFC 4959); mechanisms PLAIN (RFC 4616) and LOGIN.
 * Each challenge is a {@code +} line; the client's answers arrive as bare lines ({@link LineHandler}),
 * {@code *} cancels with BAD.
 */
final class AuthenticateCommand implements CommandHandler<AuthenticateRequest> {
    private final Authenticator authenticator;
    private final Completion completion;

    AuthenticateCommand(Authenticator authenticator, Completion completion) {
        this.authenticator = authenticator;
        this.completion = completion;
    }

    @Override
    public ImapCommand command() {
        return ImapCommand.AUTHENTICATE;
    }

    @Override
    public Class<AuthenticateRequest> requestType() {
        return AuthenticateRequest.class;
    }

    @Override
    public StatusResponse handle(ImapSession session, AuthenticateRequest request) throws StoreException, IOException {
        StatusResponse refusal = authenticator.privacyRequired(session, request.tag());
        if (refusal != null) return refusal;
        String mechanism = request.mechanism().toUpperCase(Locale.ROOT);
        byte[] initial = request.initialResponse();
        try {
            switch (mechanism) {
                case SaslPlain.MECHANISM -> {
                    if (initial != null) return plain(session, request.tag(), initial);
                    session.writer().challenge(new byte[0]);
                    session.expectLines(new Exchange(request, (s, data) -> plain(s, request.tag(), data)));
                    return null;
                }
                case SaslLogin.MECHANISM -> {
                    SaslLogin login = SaslLogin.start(initial == null || initial.length == 0 ? null
                            : Base64.getEncoder().encodeToString(initial));
                    session.writer().continuation(login.challenge());
                    session.expectLines(new Exchange(request, (s, data) -> {
                        login.respond(Base64.getEncoder().encodeToString(data));
                        if (!login.isComplete()) {
                            s.writer().continuation(login.challenge());
                            return null;
                        }
                        SaslCredentials c = login.credentials();
                        return authenticator.login(s, request.tag(), c.username(), c.password(), SaslLogin.MECHANISM);
                    }));
                    return null;
                }
                default -> {
                    return StatusResponse.no(request.tag(), "Unsupported authentication mechanism " + mechanism);
                }
            }
        } catch (SaslResponseException e) {
            return StatusResponse.bad(request.tag(), e.getMessage());
        }
    }

    private StatusResponse plain(ImapSession session, String tag, byte[] data) throws StoreException, SaslResponseException {
        SaslCredentials c = SaslPlain.parse(data);
        if (c.actsAsOther()) {
            return StatusResponse.no(tag, io.tenmail.imap.wire.ResponseCode.AUTHORIZATIONFAILED, "Acting as another user is not allowed");
        }
        return authenticator.login(session, tag, c.username(), c.password(), SaslPlain.MECHANISM);
    }

    /** One step of the exchange: the decoded answer in, the tagged response out (null: more to come). */
    private interface Step {
        StatusResponse answer(ImapSession session, byte[] data) throws StoreException, SaslResponseException, IOException;
    }

    private final class Exchange implements LineHandler {
        private final AuthenticateRequest request;
        private final Step step;

        Exchange(AuthenticateRequest request, Step step) {
            this.request = request;
            this.step = step;
        }

        @Override
        public void line(ImapSession session, String line) {
            StatusResponse response;
            try {
                SaslResponse answer = SaslResponse.parse(line);
                if (answer.isCancel()) {
                    response = StatusResponse.bad(request.tag(), "AUTHENTICATE cancelled");
                } else {
                    response = step.answer(session, answer.data());
                }
            } catch (IllegalArgumentException | SaslResponseException e) {
                response = StatusResponse.bad(request.tag(), e.getMessage() == null ? "Invalid response" : e.getMessage());
            } catch (StoreException e) {
                response = ImapErrors.of(request.tag(), e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (response == null) return;
            session.expectLines(null);
            try {
                completion.complete(session, request, response);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
