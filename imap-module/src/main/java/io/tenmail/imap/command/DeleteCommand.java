package io.tenmail.imap.command;

import io.tenmail.imap.session.ImapSession;
import io.tenmail.imap.wire.StatusResponse;
import io.tenmail.imap.wire.request.DeleteRequest;
import io.tenmail.storage.StoreException;

/** DELETE: RFC 9051 §6.3.5. */
final class DeleteCommand extends BaseCommand<DeleteRequest> {
    private final ImapBackend backend;

    DeleteCommand(ImapBackend backend) {
        super(ImapCommand.DELETE, DeleteRequest.class);
        this.backend = backend;
    }

    @Override
    public StatusResponse handle(ImapSession session, DeleteRequest request) throws StoreException {
        if (session.selected() != null && session.selected().info().name().equals(request.mailbox())) {
            session.unselect();
        }
        backend.store().deleteMailbox(session.owner(), request.mailbox());
        return StatusResponse.ok(request.tag(), "DELETE completed");
    }
}
