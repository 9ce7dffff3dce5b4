package io.tenmail.imap.command;

import io.tenmail.imap.session.ImapSession;
import io.tenmail.imap.wire.StatusResponse;
import io.tenmail.imap.wire.request.SubscribeRequest;
import io.tenmail.storage.StoreException;

/** SUBSCRIBE: RFC 9051 §6.3.7; the mailbox must exist in this store. */
final class SubscribeCommand extends BaseCommand<SubscribeRequest> {
    private final ImapBackend backend;

    SubscribeCommand(ImapBackend backend) {
        super(ImapCommand.SUBSCRIBE, SubscribeRequest.class);
        this.backend = backend;
    }

    @Override
    public StatusResponse handle(ImapSession session, SubscribeRequest request) throws StoreException {
        backend.store().setSubscribed(session.owner(), request.mailbox(), true);
        return StatusResponse.ok(request.tag(), "SUBSCRIBE completed");
    }
}
