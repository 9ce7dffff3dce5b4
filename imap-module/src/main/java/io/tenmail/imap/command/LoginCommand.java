package io.tenmail.imap.command;

import io.tenmail.imap.session.ImapSession;
import io.tenmail.imap.wire.StatusResponse;
import io.tenmail.imap.wire.request.LoginRequest;
import io.tenmail.storage.StoreException;

/** LOGIN: RFC 9051 §6.2.3. */
final class LoginCommand implements CommandHandler<LoginRequest> {
    private final Authenticator authenticator;

    LoginCommand(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public ImapCommand command() {
        return ImapCommand.LOGIN;
    }

    @Override
    public Class<LoginRequest> requestType() {
        return LoginRequest.class;
    }

    @Override
    public StatusResponse handle(ImapSession session, LoginRequest request) throws StoreException {
        StatusResponse refusal = authenticator.privacyRequired(session, request.tag());
        if (refusal != null) return refusal;
        return authenticator.login(session, request.tag(), request.userName(), request.password(), "LOGIN");
    }
}
