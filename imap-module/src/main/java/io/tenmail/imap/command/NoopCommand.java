package io.tenmail.imap.command;

import io.tenmail.imap.session.ImapSession;
import io.tenmail.imap.wire.StatusResponse;
import io.tenmail.imap.wire.request.SimpleRequest;

/**
 * NOOP (RFC 9051 §6.1.2) and CHECK (RFC 3501 §6.4.1): nothing to do but let the dispatcher send
 * the pending mailbox updates. Every change is durable when the store returns, so CHECK has no
 * checkpoint to make.
 */
final class NoopCommand implements CommandHandler<SimpleRequest> {
    private final ImapCommand command;

    NoopCommand(ImapCommand command) {
        this.command = command;
    }

    @Override
    public ImapCommand command() {
        return command;
    }

    @Override
    public Class<SimpleRequest> requestType() {
        return SimpleRequest.class;
    }

    @Override
    public StatusResponse handle(ImapSession session, SimpleRequest request) {
        return StatusResponse.ok(request.tag(), request.name() + " completed");
    }
}
