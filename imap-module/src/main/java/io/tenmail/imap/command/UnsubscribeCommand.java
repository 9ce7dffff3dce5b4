package io.tenmail.imap.command;

import io.tenmail.imap.session.ImapSession;
import io.tenmail.imap.wire.StatusResponse;
import io.tenmail.imap.wire.request.UnsubscribeRequest;
import io.tenmail.storage.StoreException;

/** UNSUBSCRIBE: RFC 9051 §6.3.8. */
final class UnsubscribeCommand extends BaseCommand<UnsubscribeRequest> {
    private final ImapBackend backend;

    UnsubscribeCommand(ImapBackend backend) {
        super(ImapCommand.UNSUBSCRIBE, UnsubscribeRequest.class);
        this.backend = backend;
    }

    @Override
    public StatusResponse handle(ImapSession session, UnsubscribeRequest request) throws StoreException {
        backend.store().setSubscribed(session.owner(), request.mailbox(), false);
        return StatusResponse.ok(request.tag(), "UNSUBSCRIBE completed");
    }
}
