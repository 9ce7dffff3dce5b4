package io.tenmail.imap.command;

import io.tenmail.imap.session.ImapSession;
import io.tenmail.imap.wire.StatusResponse;
import io.tenmail.imap.wire.request.SimpleRequest;

import java.io.IOException;

/** LOGOUT: RFC 9051 §6.1.3: untagged BYE, then the tagged OK, then the server closes. */
final class LogoutCommand implements CommandHandler<SimpleRequest> {

    @Override
    public ImapCommand command() {
        return ImapCommand.LOGOUT;
    }

    @Override
    public Class<SimpleRequest> requestType() {
        return SimpleRequest.class;
    }

    @Override
    public StatusResponse handle(ImapSession session, SimpleRequest request) throws IOException {
        session.writer().status(StatusResponse.bye("Logging out"));
        session.writer().status(StatusResponse.ok(request.tag(), "LOGOUT completed"));
        session.logout();
        return null;
    }
}
