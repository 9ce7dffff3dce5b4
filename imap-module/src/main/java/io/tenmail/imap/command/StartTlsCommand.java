package io.tenmail.imap.command;

import io.tenmail.imap.session.ImapSession;
import io.tenmail.imap.wire.StatusResponse;
import io.tenmail.imap.wire.request.SimpleRequest;

import java.io.IOException;

/**
 * STARTTLS: RFC 9051 §6.2.1. The OK goes out in the clear, then the handshake; whatever the client
 * pipelined after the command is discarded (a man in the middle could have inserted it).
 */
final class StartTlsCommand implements CommandHandler<SimpleRequest> {

    @Override
    public ImapCommand command() {
        return ImapCommand.STARTTLS;
    }

    @Override
    public Class<SimpleRequest> requestType() {
        return SimpleRequest.class;
    }

    @Override
    public StatusResponse handle(ImapSession session, SimpleRequest request) throws IOException, CommandException {
        if (session.connection().isSecure()) throw CommandException.bad(request.tag(), "TLS is already active");
        session.writer().status(StatusResponse.ok(request.tag(), "Begin TLS negotiation now"));
        session.startTls();
        return null;
    }
}
