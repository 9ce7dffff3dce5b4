package io.tenmail.imap.command;

import io.tenmail.imap.session.ImapSession;
import io.tenmail.imap.wire.StatusResponse;
import io.tenmail.imap.wire.request.SimpleRequest;

import java.io.IOException;

/** CAPABILITY: RFC 9051 §6.1.1. */
final class CapabilityCommand implements CommandHandler<SimpleRequest> {
    private final Capabilities capabilities;

    CapabilityCommand(Capabilities capabilities) {
        this.capabilities = capabilities;
    }

    @Override
    public ImapCommand command() {
        return ImapCommand.CAPABILITY;
    }

    @Override
    public Class<SimpleRequest> requestType() {
        return SimpleRequest.class;
    }

    @Override
    public StatusResponse handle(ImapSession session, SimpleRequest request) throws IOException {
        session.writer().untagged().atom("CAPABILITY");
        for (String cap : capabilities.of(session).split(" ")) session.writer().atom(cap);
        session.writer().end();
        return StatusResponse.ok(request.tag(), "CAPABILITY completed");
    }
}
